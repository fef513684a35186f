//! Map data: what KML and GeoJSON files hold (features, geometry types,
//! bounding box, properties as a table) and the shapes to draw, kept bounded.
//! GeoJSON is read here; KML, streaming, in `kml.rs`.

use super::Notice;
use super::geometry::{BBox, Shape};
use super::table::{MAX_PROFILED_COLUMNS, Table, TableBuilder};
use crate::msg;
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::collections::BTreeMap;
use std::io::{self, Read};

/// Vertices kept for drawing a map; past this, shapes are no longer kept
/// (the counts and the bounding box still cover every feature).
pub const MAX_MAP_VERTICES: usize = 100_000;
/// Vertices kept per line or ring (longer ones are thinned evenly).
const MAX_RING_VERTICES: usize = 2_000;
/// GeoJSON files are parsed whole; bigger ones are only hashed.
pub const MAX_GEOJSON_BYTES: u64 = 256 * 1024 * 1024;

/// What a KML or GeoJSON file holds.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct GeoAnalysis {
    pub features: u64,
    /// Geometry type (`Point`, `Polygon`…) and how many features have it.
    pub geometry_types: BTreeMap<String, u64>,
    pub bbox: Option<BBox>,
    /// The features' properties (name, description, data) as a table.
    pub properties: Table,
    pub shapes: Vec<Shape>,
    /// `false` when the file had more vertices than a map keeps.
    pub shapes_complete: bool,
}

/// Collects features one by one: counts, box, shapes, property rows.
pub struct GeoBuilder {
    pub features: u64,
    pub geometry_types: BTreeMap<String, u64>,
    pub bbox: Option<BBox>,
    shapes: Vec<Shape>,
    vertices: usize,
    shapes_complete: bool,
    pub properties: TableBuilder,
    columns: Option<Vec<String>>,
}

impl GeoBuilder {
    pub fn new(preview_rows: usize) -> GeoBuilder {
        GeoBuilder {
            features: 0,
            geometry_types: BTreeMap::new(),
            bbox: None,
            shapes: Vec::new(),
            vertices: 0,
            shapes_complete: true,
            properties: TableBuilder::new(preview_rows),
            columns: None,
        }
    }

    /// Adds a feature: its geometry type name (or `None`), shapes and properties.
    /// The first feature's property names become the table's columns.
    pub fn feature(
        &mut self,
        geometry_type: Option<&str>,
        shapes: Vec<Shape>,
        properties: &[(String, String)],
        line: usize,
    ) {
        self.features += 1;
        *self
            .geometry_types
            .entry(geometry_type.unwrap_or("—").to_string())
            .or_default() += 1;
        for shape in shapes {
            let points: Vec<&[f64; 2]> = match &shape {
                Shape::Point(p) => vec![p],
                Shape::Line(l) => l.iter().collect(),
                Shape::Polygon(rings) => rings.iter().flatten().collect(),
            };
            for p in &points {
                self.bbox = Some(BBox::extend(self.bbox, p[0], p[1]));
            }
            if self.vertices + points.len() > MAX_MAP_VERTICES {
                self.shapes_complete = false;
                continue;
            }
            let shape = thin(shape);
            self.vertices += match &shape {
                Shape::Point(_) => 1,
                Shape::Line(l) => l.len(),
                Shape::Polygon(r) => r.iter().map(Vec::len).sum(),
            };
            self.shapes.push(shape);
        }
        let columns = self.columns.get_or_insert_with(|| {
            let names: Vec<String> = properties
                .iter()
                .map(|(k, _)| k.clone())
                .take(MAX_PROFILED_COLUMNS)
                .collect();
            self.properties.header(&names, names.len(), line);
            names
        });
        let cells: Vec<&str> = columns
            .iter()
            .map(|c| {
                properties
                    .iter()
                    .find(|(k, _)| k == c)
                    .map_or("", |(_, v)| v.as_str())
            })
            .collect();
        let width = cells.len();
        self.properties.row(&cells, width, line);
    }

    pub fn finish(mut self) -> (GeoAnalysis, Vec<Notice>) {
        let (properties, notices) = self.properties.finish();
        self.shapes.shrink_to_fit();
        (
            GeoAnalysis {
                features: self.features,
                geometry_types: self.geometry_types,
                bbox: self.bbox,
                properties,
                shapes: self.shapes,
                shapes_complete: self.shapes_complete,
            },
            notices,
        )
    }
}

/// Keeps at most MAX_RING_VERTICES of each line or ring, evenly spaced, ends kept.
fn thin(shape: Shape) -> Shape {
    fn ring(points: Vec<[f64; 2]>) -> Vec<[f64; 2]> {
        if points.len() <= MAX_RING_VERTICES {
            return points;
        }
        let step = points.len().div_ceil(MAX_RING_VERTICES);
        let last = points[points.len() - 1];
        let mut kept: Vec<[f64; 2]> = points.into_iter().step_by(step).collect();
        kept.push(last);
        kept
    }
    match shape {
        Shape::Line(l) => Shape::Line(ring(l)),
        Shape::Polygon(r) => Shape::Polygon(r.into_iter().map(ring).collect()),
        point => point,
    }
}

fn position(value: &Value) -> Option<[f64; 2]> {
    let array = value.as_array()?;
    let x = array.first()?.as_f64()?;
    let y = array.get(1)?.as_f64()?;
    ((-180.0..=180.0).contains(&x) && (-90.0..=90.0).contains(&y)).then_some([x, y])
}

fn positions(value: &Value) -> Vec<[f64; 2]> {
    value
        .as_array()
        .map(|a| a.iter().filter_map(position).collect())
        .unwrap_or_default()
}

/// The shapes of a GeoJSON geometry.
fn geometry_shapes(geometry: &Value, shapes: &mut Vec<Shape>, depth: usize) {
    let coordinates = &geometry["coordinates"];
    match geometry["type"].as_str().unwrap_or("") {
        "Point" => shapes.extend(position(coordinates).map(Shape::Point)),
        "MultiPoint" => shapes.extend(positions(coordinates).into_iter().map(Shape::Point)),
        "LineString" => shapes.push(Shape::Line(positions(coordinates))),
        "MultiLineString" => {
            for line in coordinates.as_array().into_iter().flatten() {
                shapes.push(Shape::Line(positions(line)));
            }
        }
        "Polygon" => shapes.push(Shape::Polygon(
            coordinates
                .as_array()
                .into_iter()
                .flatten()
                .map(positions)
                .collect(),
        )),
        "MultiPolygon" => {
            for polygon in coordinates.as_array().into_iter().flatten() {
                shapes.push(Shape::Polygon(
                    polygon
                        .as_array()
                        .into_iter()
                        .flatten()
                        .map(positions)
                        .collect(),
                ));
            }
        }
        "GeometryCollection" if depth < 8 => {
            for g in geometry["geometries"].as_array().into_iter().flatten() {
                geometry_shapes(g, shapes, depth + 1);
            }
        }
        _ => {}
    }
}

fn property_text(value: &Value) -> String {
    match value {
        Value::Null => String::new(),
        Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}

/// Analyses a GeoJSON stream (a FeatureCollection, a Feature or a bare geometry).
pub fn analyse_geojson(
    source: impl Read,
    preview_rows: usize,
) -> io::Result<(GeoAnalysis, Vec<Notice>)> {
    let mut builder = GeoBuilder::new(preview_rows);
    let mut notices = Vec::new();
    let value: Value = match serde_json::from_reader(io::BufReader::new(source)) {
        Ok(value) => value,
        Err(error) if error.is_io() => return Err(error.into()),
        Err(error) => {
            notices.push(
                Notice::new(msg!("analyse-geojson-invalid", error = error.to_string()))
                    .line(error.line().max(1))
                    .help(msg!("analyse-geojson-invalid-help")),
            );
            let (analysis, more) = builder.finish();
            notices.extend(more);
            return Ok((analysis, notices));
        }
    };
    let features: Vec<&Value> = match value["type"].as_str() {
        Some("FeatureCollection") => value["features"].as_array().into_iter().flatten().collect(),
        Some("Feature") => vec![&value],
        Some(_) if value.get("coordinates").is_some() || value.get("geometries").is_some() => {
            vec![&value]
        }
        _ => {
            notices.push(
                Notice::new(msg!("analyse-not-geojson")).help(msg!("analyse-not-geojson-help")),
            );
            Vec::new()
        }
    };
    for feature in features {
        let geometry = if feature["type"] == "Feature" {
            &feature["geometry"]
        } else {
            feature
        };
        let mut shapes = Vec::new();
        geometry_shapes(geometry, &mut shapes, 0);
        let properties: Vec<(String, String)> = feature["properties"]
            .as_object()
            .map(|o| {
                o.iter()
                    .map(|(k, v)| (k.clone(), property_text(v)))
                    .collect()
            })
            .unwrap_or_default();
        // serde_json keeps no lines: a GeoJSON feature is placed by its number.
        let number = builder.features as usize + 1;
        builder.feature(geometry["type"].as_str(), shapes, &properties, number);
    }
    let (analysis, more) = builder.finish();
    notices.extend(more);
    Ok((analysis, notices))
}
