//! KML files, streaming with quick-xml: every `Placemark` becomes a feature
//! (name, description, extended data, points, lines and polygons), whatever the
//! KML namespace (`opengis.net/kml/2.2` or the older `earth.google.com`). As it
//! reads, it writes the GeoJSON conversion offered for download. The colours of
//! the file's styles (`kml_style.rs`) colour its map when it has a few.

use super::Notice;
use super::geo::{GeoAnalysis, GeoBuilder};
use super::geometry::Shape;
use super::kml_style::{Styles, style_id};
use super::map::files::MapFiles;
use crate::msg;
use quick_xml::events::{BytesRef, BytesStart, Event};
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
    /// The style it names (`styleUrl`) or holds inline.
    style: Option<String>,
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

/// The XML reader over a KML stream, counting lines.
type XmlReader<R> = quick_xml::Reader<BufReader<LineCounter<R>>>;

/// The 1-based line of a byte position of the stream.
fn line_at<R>(reader: &XmlReader<R>, position: u64) -> usize {
    reader.get_ref().get_ref().line_of(position)
}

/// Analyses a KML stream; writes the GeoJSON conversion to `geojson` and
/// the map's data to `files` when given.
pub fn analyse(
    source: impl Read,
    preview_rows: usize,
    geojson: Option<&mut dyn Write>,
    files: Option<MapFiles>,
) -> io::Result<(GeoAnalysis, Vec<Notice>)> {
    let counter = LineCounter {
        inner: source,
        offset: 0,
        newlines: 0,
        last: Vec::new(),
    };
    let mut reader = quick_xml::Reader::from_reader(BufReader::with_capacity(16 * 1024, counter));
    reader.config_mut().check_end_names = true;
    let mut kml = KmlPass {
        builder: GeoBuilder::new(preview_rows, files),
        notices: Vec::new(),
        stack: Vec::new(),
        placemark: None,
        text: String::new(),
        data_name: None,
        first_feature: true,
        saw_kml: false,
        geojson,
        styles: Styles::default(),
    };
    if let Some(out) = kml.geojson.as_deref_mut() {
        out.write_all(b"{\"type\":\"FeatureCollection\",\"features\":[\n")?;
    }
    kml.read_events(&mut reader)?;
    kml.finish(reader)
}

/// A KML being read: where in the tree the reader is, the placemark being
/// read, and what was learnt so far.
struct KmlPass<'w> {
    builder: GeoBuilder,
    notices: Vec<Notice>,
    /// Names of the open elements, outermost first.
    stack: Vec<String>,
    placemark: Option<Placemark>,
    /// The text of the element being read.
    text: String,
    /// The `name` of the `Data` or `SimpleData` element being read.
    data_name: Option<String>,
    first_feature: bool,
    saw_kml: bool,
    /// Where the GeoJSON conversion goes.
    geojson: Option<&'w mut dyn Write>,
    /// The file's styles, by id.
    styles: Styles,
}

impl KmlPass<'_> {
    /// Reads every event of the stream, until its end or an error in the XML.
    fn read_events<R: Read>(&mut self, reader: &mut XmlReader<R>) -> io::Result<()> {
        let mut buf = Vec::new();
        loop {
            let event = match reader.read_event_into(&mut buf) {
                Ok(event) => event,
                Err(error) => return self.malformed(reader, error),
            };
            match event {
                Event::Start(element) if !self.start(reader, &element) => break,
                Event::Empty(element) => {
                    self.saw_kml |= element.local_name().as_ref() == "kml";
                }
                Event::Text(t) => self.push_text(&t.xml10_content()),
                Event::CData(t) => self.push_text(&t.xml10_content()),
                Event::GeneralRef(r) => self.push_text(&resolved(r)),
                Event::End(_) if !self.end()? => continue,
                Event::Eof => {
                    self.unclosed(reader);
                    break;
                }
                _ => {}
            }
            buf.clear();
        }
        Ok(())
    }

    /// An error of the XML reader: an I/O error is returned, a malformed
    /// file ends the reading with a notice.
    fn malformed<R: Read>(
        &mut self,
        reader: &XmlReader<R>,
        error: quick_xml::Error,
    ) -> io::Result<()> {
        if let quick_xml::Error::Io(io_error) = &error {
            return Err(io::Error::new(io_error.kind(), io_error.to_string()));
        }
        let line = line_at(reader, reader.error_position());
        self.notices.push(
            Notice::new(msg!("analyse-kml-malformed", error = error.to_string()))
                .line(line)
                .help(msg!("analyse-kml-malformed-help")),
        );
        Ok(())
    }

    /// An element opens; `false` when it nests too deeply to go on.
    fn start<R: Read>(&mut self, reader: &XmlReader<R>, element: &BytesStart) -> bool {
        let name = element.local_name().as_ref().to_string();
        if self.stack.len() >= MAX_DEPTH {
            self.notices.push(Notice::new(msg!("analyse-kml-too-deep")));
            return false;
        }
        self.saw_kml |= name == "kml";
        self.text.clear();
        match name.as_str() {
            "Placemark" => {
                let position = reader.buffer_position();
                self.placemark = Some(Placemark {
                    line: line_at(reader, position),
                    ..Placemark::default()
                });
            }
            "Data" | "SimpleData" => {
                self.data_name = element
                    .try_get_attribute("name")
                    .ok()
                    .flatten()
                    .map(|a| a.value.into_owned());
            }
            _ => {}
        }
        self.style_start(element, &name);
        self.stack.push(name);
        true
    }

    /// A `Style` or `StyleMap` opens: an inline style names its placemark's style.
    fn style_start(&mut self, element: &BytesStart, name: &str) {
        if !matches!(name, "Style" | "StyleMap") {
            return;
        }
        let id = element
            .try_get_attribute("id")
            .ok()
            .flatten()
            .map(|a| a.value.into_owned());
        let in_placemark = self.stack.last().is_some_and(|p| p == "Placemark");
        if let Some(inline) = self.styles.start(name, id, in_placemark)
            && let Some(p) = self.placemark.as_mut()
        {
            p.style = Some(inline);
        }
    }

    fn push_text(&mut self, more: &str) {
        push_text(&mut self.text, more, text_cap(&self.stack));
    }

    /// An element closes; `false` when none was open.
    fn end(&mut self) -> io::Result<bool> {
        let Some(name) = self.stack.pop() else {
            return Ok(false);
        };
        if name == "Placemark" {
            self.placemark_done()?;
        } else {
            let parent = self.stack.last().map(String::as_str).unwrap_or("");
            self.styles.end(&name, parent, &self.text);
            self.placemark_part(&name);
        }
        self.text.clear();
        Ok(true)
    }

    /// What a closing element inside a placemark gives it: its name,
    /// description, a data value or a geometry.
    fn placemark_part(&mut self, name: &str) {
        let parent = self.stack.last().map(String::as_str).unwrap_or("");
        let Some(p) = self.placemark.as_mut() else {
            return;
        };
        match name {
            "name" if parent == "Placemark" => p.name = self.text.trim().to_string(),
            "description" if parent == "Placemark" => p.description = strip_tags(self.text.trim()),
            "value" | "SimpleData" => {
                if let Some(key) = self.data_name.take() {
                    p.data.push((key, self.text.trim().to_string()));
                }
            }
            "styleUrl" if parent == "Placemark" && p.style.is_none() => {
                p.style = Some(style_id(&self.text));
            }
            "coordinates" => add_geometry(p, &self.stack, parent, parse_coordinates(&self.text)),
            _ => {}
        }
    }

    /// The placemark read becomes a feature, and a feature of the GeoJSON.
    fn placemark_done(&mut self) -> io::Result<()> {
        if let Some(p) = self.placemark.take() {
            if let Some(out) = self.geojson.as_deref_mut() {
                if !self.first_feature {
                    out.write_all(b",\n")?;
                }
                serde_json::to_writer(&mut *out, &feature_json(&p))?;
            }
            self.first_feature = false;
            add_feature(&mut self.builder, &self.styles, p);
        }
        Ok(())
    }

    /// The problem of a file that ends with elements still open.
    fn unclosed<R: Read>(&mut self, reader: &XmlReader<R>) {
        if !self.stack.is_empty() {
            let line = line_at(reader, reader.buffer_position());
            self.notices.push(
                Notice::new(msg!(
                    "analyse-kml-unclosed",
                    element = self.stack.last().map(String::as_str).unwrap_or("")
                ))
                .line(line)
                .help(msg!("analyse-kml-unclosed-help")),
            );
        }
    }

    /// Gives the map each style's colour, now that every style is read (a
    /// placemark may name one defined after it).
    fn colour_styles(&mut self) {
        let styles = &self.styles;
        if let Some(used) = self.builder.styles() {
            let colours = used
                .names()
                .map(|(name, kind)| inline_colour(name).or_else(|| styles.colour(name, kind)))
                .map(|c| c.map(str::to_string))
                .collect();
            used.set_colours(colours);
        }
    }

    /// Ends the GeoJSON, reads what is left of the stream, and gives the analysis.
    fn finish<R: Read>(
        mut self,
        mut reader: XmlReader<R>,
    ) -> io::Result<(GeoAnalysis, Vec<Notice>)> {
        self.colour_styles();
        if let Some(out) = self.geojson {
            out.write_all(b"\n]}\n")?;
            out.flush()?;
        }
        // Drain what the XML reader did not read, so the file's hash covers it all.
        io::copy(reader.get_mut(), &mut io::sink())?;
        if !self.saw_kml {
            self.notices
                .push(Notice::new(msg!("analyse-not-kml")).help(msg!("analyse-not-kml-help")));
        } else if self.builder.features == 0 {
            self.notices
                .push(Notice::new(msg!("analyse-kml-no-placemarks")));
        }
        let (analysis, more) = self.builder.finish();
        self.notices.extend(more);
        Ok((analysis, self.notices))
    }
}

/// The text an entity or character reference stands for.
fn resolved(r: BytesRef) -> String {
    match r.resolve_char_ref() {
        Ok(Some(c)) => c.to_string(),
        _ => match r.as_ref() {
            "amp" => "&".into(),
            "lt" => "<".into(),
            "gt" => ">".into(),
            "quot" => "\"".into(),
            "apos" => "'".into(),
            _ => String::new(),
        },
    }
}

/// Adds the geometry a `coordinates` element (in `parent`, in the open
/// elements `stack`) holds to a placemark; rings of a polygon after its
/// outer boundary become its holes.
fn add_geometry(p: &mut Placemark, stack: &[String], parent: &str, points: Vec<[f64; 2]>) {
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
            Some(("Polygon", Shape::Polygon(rings))) if !outer => rings.push(points),
            _ => p.geometries.push(("Polygon", Shape::Polygon(vec![points]))),
        }
    } else if parent == "LinearRing" {
        p.geometries.push(("LineString", Shape::Line(points)));
    }
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

/// `lon,lat[,alt]` tuples separated by white space (whether they are in
/// range is for the map to say).
fn parse_coordinates(text: &str) -> Vec<[f64; 2]> {
    text.split_whitespace()
        .filter_map(|tuple| {
            let mut parts = tuple.split(',');
            let x: f64 = parts.next()?.trim().parse().ok()?;
            let y: f64 = parts.next()?.trim().parse().ok()?;
            Some([x, y])
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

/// The colour an inline style stands for: it is named by its colour.
fn inline_colour(name: &str) -> Option<&str> {
    name.starts_with('#').then_some(name)
}

fn add_feature(builder: &mut GeoBuilder, styles: &Styles, p: Placemark) {
    let properties = properties(&p);
    let geometry_type = match p.geometries.as_slice() {
        [] => None,
        [(kind, _)] => Some(*kind),
        _ => Some("GeometryCollection"),
    };
    let kind = p.geometries.first().map_or("Point", |(kind, _)| *kind);
    // An inline style is named by its colour, so that placemarks alike share it.
    let style = p
        .style
        .as_deref()
        .and_then(|name| match name.starts_with('\u{0}') {
            true => styles.colour(name, kind),
            false => Some(name),
        });
    let shapes = p.geometries.into_iter().map(|(_, s)| s).collect();
    builder.styled_feature(
        geometry_type,
        shapes,
        &properties,
        (p.line, p.line),
        style.map(|name| (name, kind)),
    );
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
