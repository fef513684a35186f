//! Static maps: the preview of a map (`analyse::map`, already simplified to
//! this drawing's resolution) as inline SVG in Web Mercator, with a frame, a
//! scale bar, each feature's name as its `<title>` (when the map has few
//! enough to name), and a title and description for screen readers. No tiles,
//! no JavaScript: the map reads as a map on its own, and the interactive map
//! (`map.js`) takes its place when scripts run.

use super::map_style::Legend;
use crate::analyse::map::Colouring;
use crate::analyse::{GeoAnalysis, MapLayer, PointLayer, Shape};
use crate::msg;
use crate::output::urls::{Route, Urls};
use crate::render::{Translation, escape};
use std::fmt::Write;

const WIDTH: f64 = 640.0;
const MARGIN: f64 = 12.0;
/// Metres per world unit at the equator (the Earth's circumference).
const EQUATOR_KM: f64 = 40_075.016_686;

/// What the map says in words.
pub struct MapText<'a> {
    /// Unique in the page: ids of the title and description derive from it.
    pub id: &'a str,
    pub title: &'a str,
    pub description: &'a str,
}

/// What a map draws: the layer of a map file or of a table's coordinate
/// columns, with what its description says of it.
pub struct Layer<'a> {
    pub map: &'a MapLayer,
    /// The GeoJSON geometry types, e.g. `Point`, `Polygon`.
    pub kinds: Vec<&'a str>,
    /// Whether its features are a table's rows.
    pub rows: bool,
}

impl Layer<'_> {
    /// The layer of a KML or GeoJSON file, if it has something to draw.
    pub fn of_geo(geo: &GeoAnalysis) -> Option<Layer<'_>> {
        Some(Layer {
            map: geo.map.as_deref()?,
            kinds: geo
                .geometry_types
                .keys()
                .map(String::as_str)
                .filter(|k| *k != "—")
                .collect(),
            rows: false,
        })
    }

    /// The layer of a table's coordinate columns.
    pub fn of_points(points: &PointLayer) -> Layer<'_> {
        Layer {
            map: &points.map,
            kinds: vec!["Point"],
            rows: true,
        }
    }

    /// What the map shows, in words: how many features of which kinds, and where.
    pub fn description(&self, t: &Translation) -> String {
        let bbox = self.map.bbox;
        let kinds: Vec<&str> = self.kinds.iter().map(|k| t.geometry(k)).collect();
        msg!(
            "render-map-description",
            count = self.map.count,
            kinds = kinds.join(", "),
            south = t.number(bbox.south, 4),
            north = t.number(bbox.north, 4),
            west = t.number(bbox.west, 4),
            east = t.number(bbox.east, 4)
        )
        .text(t.language)
    }

    /// A map's caption: its description, and that not every shape is drawn
    /// when the map leaves some out.
    pub fn caption(&self, t: &Translation) -> String {
        let description = self.description(t);
        if self.map.complete {
            description
        } else {
            format!("{description} {}", t.ui("map_partial"))
        }
    }

    /// The folder of the interactive map's data (`sheet`: the workbook's
    /// sheet the layer is of), when the layer has such data.
    pub fn data(
        &self,
        dataset_id: &str,
        resource_slug: &str,
        sheet: Option<usize>,
    ) -> Option<Route> {
        self.map
            .data
            .as_ref()
            .map(|_| Urls::map_data(dataset_id, resource_slug, sheet))
    }
}

/// Places world coordinates on the drawing.
struct Frame {
    west: f64,
    north: f64,
    /// Drawing units per world unit.
    scale: f64,
    inner_w: f64,
    inner_h: f64,
    /// The middle latitude, for the scale bar.
    latitude: f64,
}

impl Frame {
    /// The frame of a world box `[w, n, e, s]`, padded so shapes on its
    /// edge stay visible, at most 480 high.
    fn of(frame: [f64; 4]) -> Frame {
        let [w, n, e, s] = frame;
        let least = crate::analyse::map::MIN_SPAN;
        let (cx, cy) = ((w + e) / 2.0, (n + s) / 2.0);
        let span_x = ((e - w) * 1.1).max(least);
        let span_y = ((s - n) * 1.1).max(least);
        let inner_w = WIDTH - 2.0 * MARGIN;
        let scale = (inner_w / span_x).min(480.0 / span_y);
        let inner_h = (span_y * scale).max(200.0);
        Frame {
            west: cx - inner_w / scale / 2.0,
            north: cy - inner_h / scale / 2.0,
            scale,
            inner_w,
            inner_h,
            latitude: crate::analyse::degrees([cx, cy])[1],
        }
    }

    /// A point in tenths of a drawing unit.
    fn tenths(&self, [x, y]: [f64; 2]) -> (i64, i64) {
        (
            ((MARGIN + (x - self.west) * self.scale) * 10.0).round() as i64,
            ((MARGIN + (y - self.north) * self.scale) * 10.0).round() as i64,
        )
    }
}

/// How a map is painted: its colouring and legend, and outlines drawn under it.
pub struct Style<'a> {
    pub colouring: Option<&'a Colouring>,
    pub legend: Option<&'a Legend>,
    /// Other maps drawn in grey under this one (a participant's boundary).
    pub outlines: &'a [&'a MapLayer],
    /// The page each feature leads to, by id (the network's map).
    pub links: &'a [String],
}

impl Style<'_> {
    /// The colour of the preview's `i`th feature, if the map is coloured.
    /// (The classes are ASCII, one byte a feature: found by index, not by
    /// walking the string, which made a map's drawing quadratic.)
    fn colour(&self, i: usize) -> Option<&str> {
        let class = *self.colouring?.preview.as_bytes().get(i)?;
        self.legend?.colour(char::from(class))
    }
}

/// The kinds of shape, in the order they are drawn, with their CSS class.
const KINDS: [(&str, Kind); 3] = [
    ("map-polygon", Kind::Polygon),
    ("map-line", Kind::Line),
    ("map-point", Kind::Point),
];

/// A map of a layer, as SVG markup to put inline in a page.
pub fn render(layer: &Layer, text: &MapText, style: &Style) -> String {
    let preview = &layer.map.preview;
    let frame = Frame::of(preview.frame);
    let height = frame.inner_h + 2.0 * MARGIN;
    let mut svg = String::new();
    let _ = write!(
        svg,
        r#"<svg class="map-svg" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {height:.0}" role="img" aria-labelledby="{id}-title {id}-desc"><title id="{id}-title">{title}</title><desc id="{id}-desc">{desc}</desc>"#,
        id = text.id,
        title = escape(text.title),
        desc = escape(text.description),
    );
    let _ = write!(
        svg,
        r#"<rect class="map-frame" x="{MARGIN}" y="{MARGIN}" width="{:.0}" height="{:.0}"/><svg x="{MARGIN}" y="{MARGIN}" width="{:.0}" height="{:.0}" viewBox="{MARGIN} {MARGIN} {:.0} {:.0}">"#,
        frame.inner_w, frame.inner_h, frame.inner_w, frame.inner_h, frame.inner_w, frame.inner_h
    );
    outlines(&mut svg, style.outlines, &frame);
    let named = preview.features.iter().any(|f| !f.name.is_empty());
    if named {
        features_one_by_one(&mut svg, layer, &frame, style);
    } else {
        features_together(&mut svg, layer, &frame, style);
    }
    svg.push_str("</svg>");
    scale_bar(&mut svg, &frame);
    svg.push_str("</svg>");
    svg
}

/// Other maps' polygons and lines in one grey path, under the data.
fn outlines(svg: &mut String, maps: &[&MapLayer], frame: &Frame) {
    let mut d = String::new();
    let mut circles = String::new();
    for map in maps {
        for feature in &map.preview.features {
            for shape in feature.shapes.iter().filter(|s| kind(s) != Kind::Point) {
                draw(&mut d, &mut circles, shape, frame);
            }
        }
    }
    if !d.is_empty() {
        let _ = write!(svg, r#"<path class="map-outline" d="{d}"/>"#);
    }
}

/// The attribute that paints a shape of a kind in a colour.
fn paint(kind: Kind, colour: Option<&str>) -> String {
    match (colour, kind) {
        (None, _) => String::new(),
        (Some(c), Kind::Line) => format!(r#" stroke="{c}""#),
        (Some(c), _) => format!(r#" fill="{c}""#),
    }
}

/// Each feature its own element, named by its `<title>`: polygons under
/// lines under points.
fn features_one_by_one(svg: &mut String, layer: &Layer, frame: &Frame, style: &Style) {
    for (class, wanted) in KINDS {
        for (i, feature) in layer.map.preview.features.iter().enumerate() {
            let mut d = String::new();
            let mut circles = String::new();
            for shape in feature.shapes.iter().filter(|s| kind(s) == wanted) {
                draw(&mut d, &mut circles, shape, frame);
            }
            let title = if feature.name.is_empty() {
                String::new()
            } else {
                format!("<title>{}</title>", escape(&feature.name))
            };
            if d.is_empty() && circles.is_empty() {
                continue;
            }
            let paint = paint(wanted, style.colour(i));
            let link = style.links.get(feature.id as usize);
            // Out of the Tab order: the same links follow the map as a list
            // (the home page's participants), and the live map replaces it.
            if let Some(href) = link {
                let _ = write!(svg, r#"<a href="{}" tabindex="-1">"#, escape(href));
            }
            if !d.is_empty() {
                let _ = write!(
                    svg,
                    r#"<path class="{class}"{paint} d="{d}">{title}</path>"#
                );
            }
            if !circles.is_empty() {
                let _ = write!(svg, r#"<g class="{class}"{paint}>{circles}{title}</g>"#);
            }
            if link.is_some() {
                svg.push_str("</a>");
            }
        }
    }
}

/// The features of a kind and colour in one element: maps with too many
/// features to name.
fn features_together(svg: &mut String, layer: &Layer, frame: &Frame, style: &Style) {
    for (class, wanted) in KINDS {
        let mut by_colour: Vec<(Option<&str>, String, String)> = Vec::new();
        for (i, feature) in layer.map.preview.features.iter().enumerate() {
            let colour = style.colour(i);
            let at = match by_colour.iter().position(|(c, _, _)| *c == colour) {
                Some(at) => at,
                None => {
                    by_colour.push((colour, String::new(), String::new()));
                    by_colour.len() - 1
                }
            };
            let (_, d, circles) = &mut by_colour[at];
            for shape in feature.shapes.iter().filter(|s| kind(s) == wanted) {
                draw(d, circles, shape, frame);
            }
        }
        for (colour, d, circles) in by_colour {
            let paint = paint(wanted, colour);
            if !d.is_empty() {
                let _ = write!(svg, r#"<path class="{class}"{paint} d="{d}"/>"#);
            }
            if !circles.is_empty() {
                let _ = write!(svg, r#"<g class="{class}"{paint}>{circles}</g>"#);
            }
        }
    }
}

#[derive(Clone, Copy, PartialEq)]
enum Kind {
    Point,
    Line,
    Polygon,
}

fn kind(shape: &Shape) -> Kind {
    match shape {
        Shape::Point(_) => Kind::Point,
        Shape::Line(_) => Kind::Line,
        Shape::Polygon(_) => Kind::Polygon,
    }
}

/// Adds a shape to a path (`d`) or, for a point, a circle.
fn draw(d: &mut String, circles: &mut String, shape: &Shape, frame: &Frame) {
    match shape {
        Shape::Point(p) => {
            let (x, y) = frame.tenths(*p);
            circles.push_str(r#"<circle cx=""#);
            tenths(circles, x);
            circles.push_str(r#"" cy=""#);
            tenths(circles, y);
            circles.push_str(r#"" r="4"/>"#);
        }
        Shape::Line(line) => path(d, line, frame, false),
        Shape::Polygon(rings) => {
            for ring in rings {
                path(d, ring, frame, true);
            }
        }
    }
}

/// A line or ring in relative moves, in tenths of a unit; repeated points
/// (closer than a tenth) are left out.
fn path(d: &mut String, points: &[[f64; 2]], frame: &Frame, close: bool) {
    let start = d.len();
    let mut last: Option<(i64, i64)> = None;
    let mut moves = 0;
    for p in points {
        let here = frame.tenths(*p);
        match last {
            None => {
                d.push('M');
                tenths(d, here.0);
                d.push(' ');
                tenths(d, here.1);
                d.push('l');
            }
            Some(previous) if previous == here => continue,
            Some(previous) => {
                if moves > 0 && here.0 - previous.0 >= 0 {
                    d.push(' ');
                }
                tenths(d, here.0 - previous.0);
                if here.1 - previous.1 >= 0 {
                    d.push(' ');
                }
                tenths(d, here.1 - previous.1);
                moves += 1;
            }
        }
        last = Some(here);
    }
    if moves == 0 {
        d.truncate(start);
    } else if close {
        d.push('z');
    }
}

/// Writes a number of tenths as a decimal: `-12` as `-1.2`, `30` as `3`.
fn tenths(out: &mut String, value: i64) {
    if value < 0 {
        out.push('-');
    }
    let value = value.unsigned_abs();
    let _ = write!(out, "{}", value / 10);
    if !value.is_multiple_of(10) {
        let _ = write!(out, ".{}", value % 10);
    }
}

/// The scale bar, a round distance near a quarter of the width.
fn scale_bar(svg: &mut String, frame: &Frame) {
    let km_per_unit = EQUATOR_KM * frame.latitude.to_radians().cos();
    let km_width = frame.inner_w / frame.scale * km_per_unit;
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
        r#"<g class="map-labels" aria-hidden="true"><path class="map-scale" d="M{x0:.1} {:.1}V{y0:.1}H{:.1}V{:.1}"/><text x="{x0:.1}" y="{:.1}">{}</text></g>"#,
        y0 - 5.0,
        x0 + bar,
        y0 - 5.0,
        y0 - 9.0,
        label,
    );
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analyse::map::MapBuilder;

    #[test]
    fn numbers_are_written_in_tenths_without_useless_zeros() {
        for (value, text) in [
            (0, "0"),
            (12, "1.2"),
            (-3, "-0.3"),
            (30, "3"),
            (-1234, "-123.4"),
        ] {
            let mut written = String::new();
            tenths(&mut written, value);
            assert_eq!(written, text, "{value}");
        }
    }

    #[test]
    fn a_map_names_each_feature_has_a_scale_and_words() {
        let mut builder = MapBuilder::new(None);
        builder.add(0, &[Shape::Point([-97.0, 19.0])], "Semáforo <1>", &[]);
        builder.add(1, &[Shape::Point([-96.8, 19.6])], "Semáforo 2", &[]);
        let map = builder.finish(&[], None, &[]).0.unwrap();
        let layer = Layer {
            map: &map,
            kinds: vec!["Point"],
            rows: false,
        };
        let svg = render(
            &layer,
            &MapText {
                id: "m",
                title: "Semáforos <de> Xalapa",
                description: "2 puntos",
            },
            &Style {
                colouring: None,
                legend: None,
                outlines: &[],
                links: &[],
            },
        );
        assert!(svg.contains(r#"role="img""#));
        assert!(svg.contains("<title id=\"m-title\">Semáforos &lt;de&gt; Xalapa</title>"));
        assert!(svg.contains("<title>Semáforo &lt;1&gt;</title>"));
        assert!(svg.contains(" km</text>"));
        assert_eq!(svg.matches("<circle").count(), 2);
    }
}
