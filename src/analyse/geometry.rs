//! Geometry both maps and tables draw: a bounding box and the shapes of a
//! feature in degrees, and Web Mercator "world" coordinates (the square of
//! a zoom-0 tile, 0 to 1 from west to east and north to south) in which maps
//! are simplified, tiled and drawn. A leaf: it imports nothing of the analysis.

use serde::{Deserialize, Serialize};
use std::f64::consts::PI;

/// A bounding box in degrees (longitude: west/east, latitude: south/north).
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct BBox {
    pub west: f64,
    pub south: f64,
    pub east: f64,
    pub north: f64,
}

impl BBox {
    pub fn extend(bbox: Option<BBox>, x: f64, y: f64) -> BBox {
        match bbox {
            None => BBox {
                west: x,
                south: y,
                east: x,
                north: y,
            },
            Some(b) => BBox {
                west: b.west.min(x),
                south: b.south.min(y),
                east: b.east.max(x),
                north: b.north.max(y),
            },
        }
    }

    /// The box holding both.
    pub fn union(self, other: BBox) -> BBox {
        let b = BBox::extend(Some(self), other.west, other.south);
        BBox::extend(Some(b), other.east, other.north)
    }

    /// The box in world coordinates: `[west, north, east, south]` (y grows southwards).
    pub fn world(self) -> [f64; 4] {
        let [x0, y0] = world([self.west, self.north]);
        let [x1, y1] = world([self.east, self.south]);
        [x0, y0, x1, y1]
    }
}

/// A shape to draw: coordinates are `[longitude, latitude]`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Shape {
    Point([f64; 2]),
    Line(Vec<[f64; 2]>),
    /// Outer ring first, then holes.
    Polygon(Vec<Vec<[f64; 2]>>),
}

/// Web Mercator stops short of the poles.
const MAX_LATITUDE: f64 = 85.051_128_779_806_59;

/// A point in degrees as world coordinates (0..1 both ways, y southwards).
pub fn world([lon, lat]: [f64; 2]) -> [f64; 2] {
    let lat = lat.clamp(-MAX_LATITUDE, MAX_LATITUDE).to_radians();
    let x = (lon + 180.0) / 360.0;
    let y = (1.0 - (lat.tan() + 1.0 / lat.cos()).ln() / PI) / 2.0;
    [x, y]
}

/// World coordinates back to degrees.
pub fn degrees([x, y]: [f64; 2]) -> [f64; 2] {
    let lon = x * 360.0 - 180.0;
    let lat = (PI * (1.0 - 2.0 * y)).sinh().atan().to_degrees();
    [lon, lat]
}

/// The side of one pixel at `zoom`, in world units (tiles are 256 pixels).
pub fn pixel(zoom: u8) -> f64 {
    1.0 / (256.0 * f64::from(1u32 << zoom))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn world_coordinates_are_those_of_web_mercator_tiles() {
        // Tile 0/0/0 spans the world; (0°, 0°) is its centre. Xalapa's
        // cathedral (-96.9236, 19.5283) is in tile 14/3780/7285, worked out
        // with the slippy-map formula: floor(x · 2^14), floor(y · 2^14).
        assert_eq!(world([0.0, 0.0]), [0.5, 0.5]);
        let [x, y] = world([-96.9236, 19.5283]);
        assert_eq!(((x * 16384.0) as u32, (y * 16384.0) as u32), (3780, 7285));
        let back = degrees([x, y]);
        assert!((back[0] + 96.9236).abs() < 1e-9 && (back[1] - 19.5283).abs() < 1e-9);
    }
}
