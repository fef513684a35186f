//! The coordinate systems a GeoJSON's (pre-RFC 7946) `crs` member may name
//! that abierto reads, with their inverse projections to WGS 84 longitude
//! and latitude: UTM zones 11 to 16 north (EPSG:32611–32616, the zones of
//! Mexico), Mexico ITRF2008 / LCC (EPSG:6372, INEGI's), Web Mercator
//! (EPSG:3857). Formulas: Snyder, *Map Projections: A Working Manual* (USGS
//! 1987), §8 (transverse Mercator) and §15 (Lambert conformal conic).

use std::f64::consts::{FRAC_PI_2, FRAC_PI_4};

/// A coordinate system a file's positions are in.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Crs {
    /// Longitude, latitude in degrees (CRS84, EPSG:4326).
    Wgs84,
    /// Universal Transverse Mercator, northern hemisphere, WGS 84.
    Utm { zone: u8 },
    /// EPSG:6372, Mexico ITRF2008 / LCC.
    MexicoLcc,
    /// EPSG:3857 (and its old name 900913).
    WebMercator,
}

/// WGS 84's semi-major axis (GRS 80's is the same).
const A: f64 = 6_378_137.0;

impl Crs {
    /// The system a `crs` name (`EPSG:32614`, `urn:ogc:def:crs:EPSG::6372`,
    /// `urn:ogc:def:crs:OGC:1.3:CRS84`…) stands for, if abierto reads it.
    pub fn named(name: &str) -> Option<Crs> {
        let name = name.trim().to_ascii_uppercase();
        if name.ends_with("CRS84") || name.ends_with("CRS:84") {
            return Some(Crs::Wgs84);
        }
        let code: u32 = name
            .rsplit(':')
            .next()
            .and_then(|code| code.trim().parse().ok())?;
        if !name.contains("EPSG") {
            return None;
        }
        match code {
            4326 => Some(Crs::Wgs84),
            32611..=32616 => Some(Crs::Utm {
                zone: (code - 32600) as u8,
            }),
            6372 => Some(Crs::MexicoLcc),
            3857 | 900_913 => Some(Crs::WebMercator),
            _ => None,
        }
    }

    /// A position in this system as `[longitude, latitude]`.
    pub fn to_wgs84(self, [x, y]: [f64; 2]) -> [f64; 2] {
        match self {
            Crs::Wgs84 => [x, y],
            Crs::Utm { zone } => utm_inverse(x, y, zone),
            Crs::MexicoLcc => LCC_MEXICO.inverse(x, y),
            Crs::WebMercator => [
                (x / A).to_degrees(),
                (2.0 * (y / A).exp().atan() - FRAC_PI_2).to_degrees(),
            ],
        }
    }
}

/// The first eccentricity squared of an ellipsoid of flattening `f`.
fn eccentricity_sq(f: f64) -> f64 {
    f * (2.0 - f)
}

/// UTM north to longitude, latitude (Snyder 8-18 to 8-25, WGS 84).
fn utm_inverse(easting: f64, northing: f64, zone: u8) -> [f64; 2] {
    let k0 = 0.9996;
    let e2 = eccentricity_sq(1.0 / 298.257_223_563);
    let ep2 = e2 / (1.0 - e2);
    let x = easting - 500_000.0;
    let m = northing / k0;
    let mu = m / (A * (1.0 - e2 / 4.0 - 3.0 * e2 * e2 / 64.0 - 5.0 * e2.powi(3) / 256.0));
    let e1 = (1.0 - (1.0 - e2).sqrt()) / (1.0 + (1.0 - e2).sqrt());
    let phi1 = mu
        + (3.0 * e1 / 2.0 - 27.0 * e1.powi(3) / 32.0) * (2.0 * mu).sin()
        + (21.0 * e1 * e1 / 16.0 - 55.0 * e1.powi(4) / 32.0) * (4.0 * mu).sin()
        + (151.0 * e1.powi(3) / 96.0) * (6.0 * mu).sin()
        + (1097.0 * e1.powi(4) / 512.0) * (8.0 * mu).sin();
    let (sin1, cos1, tan1) = (phi1.sin(), phi1.cos(), phi1.tan());
    let c1 = ep2 * cos1 * cos1;
    let t1 = tan1 * tan1;
    let n1 = A / (1.0 - e2 * sin1 * sin1).sqrt();
    let r1 = A * (1.0 - e2) / (1.0 - e2 * sin1 * sin1).powf(1.5);
    let d = x / (n1 * k0);
    let phi = phi1
        - (n1 * tan1 / r1)
            * (d * d / 2.0
                - (5.0 + 3.0 * t1 + 10.0 * c1 - 4.0 * c1 * c1 - 9.0 * ep2) * d.powi(4) / 24.0
                + (61.0 + 90.0 * t1 + 298.0 * c1 + 45.0 * t1 * t1 - 252.0 * ep2 - 3.0 * c1 * c1)
                    * d.powi(6)
                    / 720.0);
    let lambda0 = f64::from(zone) * 6.0 - 183.0;
    let lambda = (d - (1.0 + 2.0 * t1 + c1) * d.powi(3) / 6.0
        + (5.0 - 2.0 * c1 + 28.0 * t1 - 3.0 * c1 * c1 + 8.0 * ep2 + 24.0 * t1 * t1) * d.powi(5)
            / 120.0)
        / cos1;
    [lambda0 + lambda.to_degrees(), phi.to_degrees()]
}

/// A Lambert conformal conic with two standard parallels, on GRS 80.
struct Lcc {
    parallels: [f64; 2],
    origin_latitude: f64,
    central_meridian: f64,
    false_easting: f64,
    false_northing: f64,
}

/// EPSG:6372: parallels 17.5° and 29.5°, origin 12° N, 102° W, false
/// easting 2,500,000 m.
const LCC_MEXICO: Lcc = Lcc {
    parallels: [17.5, 29.5],
    origin_latitude: 12.0,
    central_meridian: -102.0,
    false_easting: 2_500_000.0,
    false_northing: 0.0,
};

impl Lcc {
    /// Snyder 15-11 to 15-9 backwards, latitude by iteration (7-9).
    fn inverse(&self, x: f64, y: f64) -> [f64; 2] {
        let e2 = eccentricity_sq(1.0 / 298.257_222_101);
        let e = e2.sqrt();
        let m = |phi: f64| phi.cos() / (1.0 - e2 * phi.sin().powi(2)).sqrt();
        let t = |phi: f64| {
            (FRAC_PI_4 - phi / 2.0).tan()
                / ((1.0 - e * phi.sin()) / (1.0 + e * phi.sin())).powf(e / 2.0)
        };
        let [p1, p2] = self.parallels.map(f64::to_radians);
        let (m1, m2) = (m(p1), m(p2));
        let (t1, t2) = (t(p1), t(p2));
        let n = (m1.ln() - m2.ln()) / (t1.ln() - t2.ln());
        let big_f = m1 / (n * t1.powf(n));
        let rho0 = A * big_f * t(self.origin_latitude.to_radians()).powf(n);
        let (dx, dy) = (x - self.false_easting, rho0 - (y - self.false_northing));
        let rho = n.signum() * (dx * dx + dy * dy).sqrt();
        let tt = (rho / (A * big_f)).powf(1.0 / n);
        let theta = (n.signum() * dx).atan2(n.signum() * dy);
        let mut phi = FRAC_PI_2 - 2.0 * tt.atan();
        for _ in 0..15 {
            let sin = e * phi.sin();
            phi = FRAC_PI_2 - 2.0 * (tt * ((1.0 - sin) / (1.0 + sin)).powf(e / 2.0)).atan();
        }
        [
            self.central_meridian + (theta / n).to_degrees(),
            phi.to_degrees(),
        ]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Expected values computed with PROJ (pyproj's `Transformer.from_crs(EPSG, 4326)`).
    #[test]
    fn projected_positions_come_back_where_proj_puts_them() {
        let cases = [
            (
                "EPSG:32614",
                [703_000.0, 2_160_000.0],
                [-97.065_402_41, 19.524_413_54],
            ),
            (
                "urn:ogc:def:crs:EPSG::32614",
                [500_000.0, 2_000_000.0],
                [-99.0, 18.088_708_94],
            ),
            (
                "EPSG:32613",
                [300_000.0, 2_500_000.0],
                [-106.945_550_22, 22.595_067_60],
            ),
            (
                "EPSG:32616",
                [250_000.0, 2_300_000.0],
                [-89.401_509_44, 20.783_074_32],
            ),
            (
                "EPSG:6372",
                [2_500_000.0, 1_000_000.0],
                [-102.0, 21.009_731_99],
            ),
            (
                "urn:ogc:def:crs:EPSG::6372",
                [3_000_000.0, 800_000.0],
                [-97.234_943_02, 19.121_311_02],
            ),
            (
                "EPSG:6372",
                [1_500_000.0, 2_000_000.0],
                [-112.342_061_37, 29.745_664_80],
            ),
            (
                "EPSG:3857",
                [-10_789_000.0, 2_217_000.0],
                [-96.919_236_00, 19.526_314_52],
            ),
        ];
        for (name, position, [lon, lat]) in cases {
            let crs = Crs::named(name).unwrap_or_else(|| panic!("{name}"));
            let [x, y] = crs.to_wgs84(position);
            // A millionth of a degree: about 10 cm.
            assert!(
                (x - lon).abs() < 1e-6 && (y - lat).abs() < 1e-6,
                "{name}: {x}, {y}"
            );
        }
    }

    #[test]
    fn wgs84_names_are_read_and_other_systems_are_not() {
        for name in [
            "urn:ogc:def:crs:OGC:1.3:CRS84",
            "EPSG:4326",
            "urn:ogc:def:crs:EPSG::4326",
        ] {
            assert_eq!(Crs::named(name), Some(Crs::Wgs84), "{name}");
        }
        for name in [
            "EPSG:32617",
            "EPSG:6369",
            "urn:ogc:def:crs:EPSG::2154",
            "NAD27",
        ] {
            assert_eq!(Crs::named(name), None, "{name}");
        }
    }
}
