//! Static maps: the points, lines and polygons of a map file (or a table's
//! coordinate columns) drawn as inline SVG, with a frame, the coordinates of
//! its corners and a scale bar, and a title and description for screen
//! readers. No tiles, no JavaScript: the map reads as a map on its own.

use crate::analyse::{BBox, GeoAnalysis, PointLayer, Shape};
use crate::msg;
use crate::render::{Translation, escape};
use std::fmt::Write;

const WIDTH: f64 = 640.0;
const MARGIN: f64 = 28.0;

/// What the map says in words.
pub struct MapText<'a> {
    /// Unique in the page: ids of the title and description derive from it.
    pub id: &'a str,
    pub title: &'a str,
    pub description: &'a str,
}

/// What a map draws: the shapes of a map file or of a table's coordinate
/// columns, with what its description says of them.
pub struct Layer<'a> {
    pub shapes: &'a [Shape],
    pub bbox: BBox,
    /// Features (or rows with a point) in the file, drawn or not.
    pub count: u64,
    /// The GeoJSON geometry types, e.g. `Point`, `Polygon`.
    pub kinds: Vec<&'a str>,
    /// `false` when the file had more shapes or vertices than a map keeps.
    pub complete: bool,
}

impl Layer<'_> {
    /// The layer of a KML or GeoJSON file, if it has a box.
    pub fn of_geo(geo: &GeoAnalysis) -> Option<Layer<'_>> {
        let bbox = geo.bbox?;
        Some(Layer {
            shapes: &geo.shapes,
            bbox,
            count: geo.features,
            kinds: geo.geometry_types.keys().map(String::as_str).collect(),
            complete: geo.shapes_complete,
        })
    }

    /// The layer of a table's coordinate columns, if it has a box.
    pub fn of_points(points: &PointLayer) -> Option<Layer<'_>> {
        let bbox = points.bbox?;
        Some(Layer {
            shapes: &points.shapes,
            bbox,
            count: points.count,
            kinds: vec!["Point"],
            complete: points.shapes.len() as u64 == points.count,
        })
    }

    /// What the map shows, in words: how many features of which kinds, and where.
    pub fn description(&self, t: &Translation) -> String {
        let bbox = self.bbox;
        let kinds: Vec<&str> = self.kinds.iter().map(|k| t.geometry(k)).collect();
        msg!(
            "render-map-description",
            count = self.count,
            kinds = kinds.join(", "),
            south = format!("{:.4}", bbox.south),
            north = format!("{:.4}", bbox.north),
            west = format!("{:.4}", bbox.west),
            east = format!("{:.4}", bbox.east)
        )
        .text(t.language)
    }
}

/// Projects degrees onto the drawing (equirectangular, corrected by the cosine of the middle latitude).
struct Projection {
    west: f64,
    north: f64,
    scale: f64,
    kx: f64,
}

impl Projection {
    fn point(&self, p: [f64; 2]) -> (f64, f64) {
        (
            MARGIN + (p[0] - self.west) * self.kx * self.scale,
            MARGIN + (self.north - p[1]) * self.scale,
        )
    }
}

/// The drawing of a box: its projection, the padded box's corners and
/// width, the inner (framed) size and the whole height.
struct Frame {
    projection: Projection,
    south: f64,
    east: f64,
    /// The padded box's width in degrees of the middle latitude.
    span_x: f64,
    inner_w: f64,
    inner_h: f64,
    height: f64,
}

impl Frame {
    /// The frame of `bbox`, padded so points on its edge stay visible (a
    /// single point gets a small area), at most 560 high.
    fn of(bbox: BBox) -> Frame {
        let pad_x = ((bbox.east - bbox.west) * 0.05).max(0.005);
        let pad_y = ((bbox.north - bbox.south) * 0.05).max(0.005);
        let (west, east) = (bbox.west - pad_x, bbox.east + pad_x);
        let (south, north) = (
            (bbox.south - pad_y).max(-90.0),
            (bbox.north + pad_y).min(90.0),
        );
        let kx = ((south + north) / 2.0).to_radians().cos().max(0.05);
        let span_x = (east - west) * kx;
        let span_y = north - south;
        let inner_w = WIDTH - 2.0 * MARGIN;
        let mut scale = inner_w / span_x;
        let mut inner_h = span_y * scale;
        if inner_h > 560.0 {
            scale = 560.0 / span_y;
            inner_h = 560.0;
        }
        let inner_h = inner_h.max(160.0);
        Frame {
            projection: Projection {
                west,
                north,
                scale,
                kx,
            },
            south,
            east,
            span_x,
            inner_w,
            inner_h,
            height: inner_h + 2.0 * MARGIN,
        }
    }
}

/// A map of `shapes` within `bbox`, as SVG markup to put inline in a page.
pub fn render(shapes: &[Shape], bbox: BBox, text: &MapText) -> String {
    let frame = Frame::of(bbox);
    let mut svg = String::new();
    let _ = write!(
        svg,
        r#"<svg class="map-svg" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {height:.0}" role="img" aria-labelledby="{id}-title {id}-desc"><title id="{id}-title">{title}</title><desc id="{id}-desc">{desc}</desc>"#,
        height = frame.height,
        id = text.id,
        title = escape(text.title),
        desc = escape(text.description),
    );
    let _ = write!(
        svg,
        r#"<rect class="map-frame" x="{MARGIN}" y="{MARGIN}" width="{:.0}" height="{:.0}"/>"#,
        frame.inner_w, frame.inner_h
    );
    shapes_svg(&mut svg, shapes, &frame.projection);
    corner_labels(&mut svg, &frame);
    scale_bar(&mut svg, &frame);
    svg.push_str("</svg>");
    svg
}

/// The polygons, lines and points, each kind in one element.
fn shapes_svg(svg: &mut String, shapes: &[Shape], projection: &Projection) {
    let mut polygons = String::new();
    let mut lines = String::new();
    let mut points = String::new();
    for shape in shapes {
        match shape {
            Shape::Polygon(rings) => {
                for ring in rings.iter().filter(|r| r.len() > 2) {
                    path(&mut polygons, ring, projection, true);
                }
            }
            Shape::Line(line) if line.len() > 1 => path(&mut lines, line, projection, false),
            Shape::Point(p) => {
                let (x, y) = projection.point(*p);
                points.push_str(r#"<circle cx=""#);
                tenths(&mut points, x);
                points.push_str(r#"" cy=""#);
                tenths(&mut points, y);
                points.push_str(r#"" r="4"/>"#);
            }
            Shape::Line(_) => {}
        }
    }
    if !polygons.is_empty() {
        let _ = write!(
            svg,
            r#"<path class="map-polygons" fill-rule="evenodd" d="{polygons}"/>"#
        );
    }
    if !lines.is_empty() {
        let _ = write!(svg, r#"<path class="map-lines" d="{lines}"/>"#);
    }
    if !points.is_empty() {
        let _ = write!(svg, r#"<g class="map-points">{points}</g>"#);
    }
}

/// Opens the labels' group with the coordinates of the top left and bottom right corners.
fn corner_labels(svg: &mut String, frame: &Frame) {
    let _ = write!(
        svg,
        r#"<g class="map-labels" aria-hidden="true"><text x="{MARGIN}" y="{:.0}">{}</text><text x="{:.0}" y="{:.0}" text-anchor="end">{}</text>"#,
        MARGIN - 8.0,
        corner(frame.projection.north, frame.projection.west),
        WIDTH - MARGIN,
        frame.height - 8.0,
        corner(frame.south, frame.east),
    );
}

/// The scale bar, a round distance near a quarter of the width, and closes the labels' group.
fn scale_bar(svg: &mut String, frame: &Frame) {
    let km_width = frame.span_x * 111.32;
    let target = km_width / 4.0;
    let magnitude = 10f64.powf(target.log10().floor());
    let nice = [1.0, 2.0, 5.0, 10.0]
        .iter()
        .map(|m| m * magnitude)
        .rfind(|d| *d <= target)
        .unwrap_or(magnitude);
    let bar = nice / km_width * frame.inner_w;
    let label = if nice >= 1.0 {
        format!("{nice:.0} km")
    } else {
        format!("{:.0} m", nice * 1000.0)
    };
    let (x0, y0) = (MARGIN + 10.0, MARGIN + frame.inner_h - 12.0);
    let _ = write!(
        svg,
        r#"<path class="map-scale" d="M{x0:.1} {:.1}V{y0:.1}H{:.1}V{:.1}"/><text x="{x0:.1}" y="{:.1}">{}</text></g>"#,
        y0 - 5.0,
        x0 + bar,
        y0 - 5.0,
        y0 - 9.0,
        label,
    );
}

fn path(out: &mut String, points: &[[f64; 2]], projection: &Projection, close: bool) {
    for (i, p) in points.iter().enumerate() {
        let (x, y) = projection.point(*p);
        out.push(if i == 0 { 'M' } else { 'L' });
        tenths(out, x);
        out.push(' ');
        tenths(out, y);
    }
    if close {
        out.push('Z');
    }
}

/// Writes a coordinate to one decimal, as `{:.1}` would (but for exact
/// halves, which go away from zero) with integer arithmetic: maps of
/// thousands of vertices spent most of their time in float formatting.
fn tenths(out: &mut String, value: f64) {
    let scaled = (value * 10.0).round();
    if scaled.is_sign_negative() && scaled != 0.0 || value < 0.0 && scaled == 0.0 {
        out.push('-');
    }
    let scaled = scaled.abs() as u64;
    let _ = write!(out, "{}.{}", scaled / 10, scaled % 10);
}

fn corner(lat: f64, lon: f64) -> String {
    format!(
        "{:.3}° {}, {:.3}° {}",
        lat.abs(),
        if lat >= 0.0 { "N" } else { "S" },
        lon.abs(),
        if lon >= 0.0 { "E" } else { "W" }
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn coordinates_are_written_to_one_decimal_like_the_standard_formatter() {
        for value in [
            0.0, 12.34, 12.36, -3.26, -0.04, 0.04, 799.96, 1234.5678, -1234.5678,
        ] {
            let mut written = String::new();
            tenths(&mut written, value);
            assert_eq!(written, format!("{value:.1}"), "{value}");
        }
    }

    #[test]
    fn a_map_has_a_frame_a_scale_and_words() {
        let bbox = BBox {
            west: -97.0,
            south: 19.0,
            east: -96.8,
            north: 19.6,
        };
        let svg = render(
            &[Shape::Point([-97.0, 19.0]), Shape::Point([-96.8, 19.6])],
            bbox,
            &MapText {
                id: "m",
                title: "Semáforos <de> Xalapa",
                description: "2 puntos",
            },
        );
        assert!(svg.contains(r#"role="img""#));
        assert!(svg.contains("<title id=\"m-title\">Semáforos &lt;de&gt; Xalapa</title>"));
        assert!(svg.contains("class=\"map-frame\""));
        assert!(svg.contains(" km</text>"));
        assert_eq!(svg.matches("<circle").count(), 2);
    }
}
