//! KML files, streaming with quick-xml: every `Placemark` becomes a feature
//! (name, description, extended data, points, lines and polygons), whatever the
//! KML namespace (`opengis.net/kml/2.2` or the older `earth.google.com`). As it
//! reads, it writes the GeoJSON conversion offered for download.

use super::Notice;
use super::geo::{GeoAnalysis, GeoBuilder};
use super::geometry::Shape;
use quick_xml::events::Event;
use serde_json::{Value, json};
use std::io::{self, BufReader, Read, Write};

/// Elements nested deeper than this make the file malformed for us.
const MAX_DEPTH: usize = 256;
/// Characters kept of a text element (descriptions can be whole HTML pages).
const MAX_TEXT: usize = 4096;

#[derive(Default)]
struct Placemark {
    name: String,
    description: String,
    data: Vec<(String, String)>,
    /// Geometries, each with its type and coordinates.
    geometries: Vec<(&'static str, Shape)>,
    line: usize,
}

/// Counts lines of what the XML reader has been given, so errors can name their line.
struct LineCounter<R> {
    inner: R,
    /// Bytes and newlines before the last chunk handed out.
    offset: u64,
    newlines: usize,
    last: Vec<u8>,
}

impl<R: Read> Read for LineCounter<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.offset += self.last.len() as u64;
        self.newlines += self.last.iter().filter(|b| **b == b'\n').count();
        self.last.clear();
        self.last.extend_from_slice(&buf[..n]);
        Ok(n)
    }
}

impl<R> LineCounter<R> {
    /// The 1-based line of a byte position (exact within the last chunk read).
    fn line_of(&self, position: u64) -> usize {
        let within = position.saturating_sub(self.offset) as usize;
        self.newlines
            + self.last[..within.min(self.last.len())]
                .iter()
                .filter(|b| **b == b'\n')
                .count()
            + 1
    }
}

/// Analyses a KML stream; writes the GeoJSON conversion to `geojson` when given.
pub fn analyse(
    source: impl Read,
    preview_rows: usize,
    mut geojson: Option<&mut dyn Write>,
) -> io::Result<(GeoAnalysis, Vec<Notice>)> {
    let counter = LineCounter {
        inner: source,
        offset: 0,
        newlines: 0,
        last: Vec::new(),
    };
    let mut reader = quick_xml::Reader::from_reader(BufReader::with_capacity(16 * 1024, counter));
    reader.config_mut().check_end_names = true;
    let mut builder = GeoBuilder::new(preview_rows);
    let mut notices = Vec::new();
    let mut stack: Vec<String> = Vec::new();
    let mut placemark: Option<Placemark> = None;
    let mut text = String::new();
    let mut data_name: Option<String> = None;
    let mut buf = Vec::new();
    let mut first_feature = true;
    let mut saw_kml = false;
    if let Some(out) = geojson.as_deref_mut() {
        out.write_all(b"{\"type\":\"FeatureCollection\",\"features\":[\n")?;
    }
    loop {
        let event = match reader.read_event_into(&mut buf) {
            Ok(event) => event,
            Err(error) => {
                if let quick_xml::Error::Io(io_error) = &error {
                    return Err(io::Error::new(io_error.kind(), io_error.to_string()));
                }
                let line = reader.get_ref().get_ref().line_of(reader.error_position());
                notices.push(
                    Notice::new(format!(
                        "this KML is not well-formed XML ({error}); only the placemarks before this point are shown"
                    ))
                    .line(line)
                    .help("re-export the file from the GIS, or fix the element at this line"),
                );
                break;
            }
        };
        match event {
            Event::Start(element) => {
                let name = element.local_name().as_ref().to_string();
                if stack.len() >= MAX_DEPTH {
                    notices.push(Notice::new(
                        "the KML nests elements too deeply; reading stopped",
                    ));
                    break;
                }
                saw_kml |= name == "kml";
                text.clear();
                match name.as_str() {
                    "Placemark" => {
                        let position = reader.buffer_position();
                        placemark = Some(Placemark {
                            line: reader.get_ref().get_ref().line_of(position),
                            ..Placemark::default()
                        });
                    }
                    "Data" | "SimpleData" => {
                        data_name = element
                            .try_get_attribute("name")
                            .ok()
                            .flatten()
                            .map(|a| a.value.into_owned());
                    }
                    _ => {}
                }
                stack.push(name);
            }
            Event::Empty(element) => {
                saw_kml |= element.local_name().as_ref() == "kml";
            }
            Event::Text(t) => push_text(&mut text, &t.xml10_content(), text_cap(&stack)),
            Event::CData(t) => push_text(&mut text, &t.xml10_content(), text_cap(&stack)),
            Event::GeneralRef(r) => {
                let resolved = match r.resolve_char_ref() {
                    Ok(Some(c)) => c.to_string(),
                    _ => match r.as_ref() {
                        "amp" => "&".into(),
                        "lt" => "<".into(),
                        "gt" => ">".into(),
                        "quot" => "\"".into(),
                        "apos" => "'".into(),
                        _ => String::new(),
                    },
                };
                push_text(&mut text, &resolved, text_cap(&stack));
            }
            Event::End(_) => {
                let Some(name) = stack.pop() else { continue };
                let parent = stack.last().map(String::as_str).unwrap_or("");
                if let Some(p) = placemark.as_mut() {
                    match name.as_str() {
                        "name" if parent == "Placemark" => p.name = text.trim().to_string(),
                        "description" if parent == "Placemark" => {
                            p.description = strip_tags(text.trim())
                        }
                        "value" | "SimpleData" => {
                            if let Some(key) = data_name.take() {
                                p.data.push((key, text.trim().to_string()));
                            }
                        }
                        "coordinates" => {
                            let points = parse_coordinates(&text);
                            let in_stack = |n: &str| stack.iter().rev().take(4).any(|s| s == n);
                            if parent == "Point" {
                                if let Some(&point) = points.first() {
                                    p.geometries.push(("Point", Shape::Point(point)));
                                }
                            } else if parent == "LineString" {
                                p.geometries.push(("LineString", Shape::Line(points)));
                            } else if parent == "LinearRing" && in_stack("Polygon") {
                                let outer = in_stack("outerBoundaryIs");
                                match p.geometries.last_mut() {
                                    Some(("Polygon", Shape::Polygon(rings))) if !outer => {
                                        rings.push(points)
                                    }
                                    _ => {
                                        p.geometries.push(("Polygon", Shape::Polygon(vec![points])))
                                    }
                                }
                            } else if parent == "LinearRing" {
                                p.geometries.push(("LineString", Shape::Line(points)));
                            }
                        }
                        "Placemark" => {
                            if let Some(p) = placemark.take() {
                                if let Some(out) = geojson.as_deref_mut() {
                                    if !first_feature {
                                        out.write_all(b",\n")?;
                                    }
                                    serde_json::to_writer(&mut *out, &feature_json(&p))?;
                                }
                                first_feature = false;
                                add_feature(&mut builder, p);
                            }
                        }
                        _ => {}
                    }
                }
                text.clear();
            }
            Event::Eof => {
                if !stack.is_empty() {
                    let line = reader.get_ref().get_ref().line_of(reader.buffer_position());
                    notices.push(
                        Notice::new(format!(
                            "the KML ends before `<{}>` is closed",
                            stack.last().map(String::as_str).unwrap_or("")
                        ))
                        .line(line)
                        .help("the file may have been cut short: export it again"),
                    );
                }
                break;
            }
            _ => {}
        }
        buf.clear();
    }
    if let Some(out) = geojson {
        out.write_all(b"\n]}\n")?;
        out.flush()?;
    }
    // Drain what the XML reader did not read, so the file's hash covers it all.
    io::copy(reader.get_mut(), &mut io::sink())?;
    if !saw_kml {
        notices.push(
            Notice::new("this file has no `<kml>` element: it does not look like KML")
                .help("check that the file is the KML the descriptor names"),
        );
    } else if builder.features == 0 {
        notices.push(Notice::new("this KML has no placemarks"));
    }
    let (analysis, more) = builder.finish();
    notices.extend(more);
    Ok((analysis, notices))
}

/// Coordinates are kept whole (up to 64 MiB); other texts are cut.
fn text_cap(stack: &[String]) -> usize {
    if stack.last().is_some_and(|s| s == "coordinates") {
        64 * 1024 * 1024
    } else {
        MAX_TEXT
    }
}

fn push_text(text: &mut String, more: &str, cap: usize) {
    if text.len() < cap {
        let room = cap - text.len();
        let mut end = more.len().min(room);
        while !more.is_char_boundary(end) {
            end -= 1;
        }
        text.push_str(&more[..end]);
    }
}

/// `lon,lat[,alt]` tuples separated by white space.
fn parse_coordinates(text: &str) -> Vec<[f64; 2]> {
    text.split_whitespace()
        .filter_map(|tuple| {
            let mut parts = tuple.split(',');
            let x: f64 = parts.next()?.trim().parse().ok()?;
            let y: f64 = parts.next()?.trim().parse().ok()?;
            ((-180.0..=180.0).contains(&x) && (-90.0..=90.0).contains(&y)).then_some([x, y])
        })
        .collect()
}

/// Descriptions are often HTML: their text is what a table shows.
fn strip_tags(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' if in_tag => {
                in_tag = false;
                out.push(' ');
            }
            c if !in_tag => out.push(c),
            _ => {}
        }
    }
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn properties(p: &Placemark) -> Vec<(String, String)> {
    let mut properties = vec![
        ("name".to_string(), p.name.clone()),
        ("description".to_string(), p.description.clone()),
    ];
    properties.extend(p.data.iter().cloned());
    properties
}

fn add_feature(builder: &mut GeoBuilder, p: Placemark) {
    let properties = properties(&p);
    let geometry_type = match p.geometries.as_slice() {
        [] => None,
        [(kind, _)] => Some(*kind),
        _ => Some("GeometryCollection"),
    };
    let shapes = p.geometries.into_iter().map(|(_, s)| s).collect();
    builder.feature(geometry_type, shapes, &properties, p.line);
}

fn geometry_json(kind: &str, shape: &Shape) -> Value {
    match shape {
        Shape::Point(p) => json!({"type": "Point", "coordinates": p}),
        Shape::Line(l) => json!({"type": "LineString", "coordinates": l}),
        Shape::Polygon(r) => json!({"type": kind, "coordinates": r}),
    }
}

fn feature_json(p: &Placemark) -> Value {
    let geometry = match p.geometries.as_slice() {
        [] => Value::Null,
        [(kind, shape)] => geometry_json(kind, shape),
        many => json!({
            "type": "GeometryCollection",
            "geometries": many.iter().map(|(k, s)| geometry_json(k, s)).collect::<Vec<_>>(),
        }),
    };
    let properties: serde_json::Map<String, Value> = properties(p)
        .into_iter()
        .map(|(k, v)| (k, Value::String(v)))
        .collect();
    json!({"type": "Feature", "geometry": geometry, "properties": properties})
}
