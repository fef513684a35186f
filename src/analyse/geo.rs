//! Map files: what KML and GeoJSON files hold (features, geometry types,
//! bounding box, properties as a table) and their map (`map/`). Positions are
//! checked here, whatever the format: a feature's invalid parts are reported
//! with its number and line, and what is valid is drawn. GeoJSON is read
//! streaming by `geojson.rs`; KML by `kml.rs`.

use super::Notice;
use super::crs::Crs;
use super::geojson::{self, Coordinates, Geometry};
use super::geometry::Shape;
use super::map::colour::FileStyles;
use super::map::files::MapFiles;
use super::map::{MapBuilder, MapLayer, name_column};
use super::table::{MAX_PROFILED_COLUMNS, Table, TableBuilder};
use crate::msg;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::io::{self, Read};

/// Problems of one kind reported feature by feature before they are only counted.
const NOTICES_PER_KIND: u64 = 5;

/// What a KML or GeoJSON file holds.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct GeoAnalysis {
    pub features: u64,
    /// Geometry type (`Point`, `Polygon`…) and how many features have it.
    pub geometry_types: BTreeMap<String, u64>,
    /// The features' properties (name, description, data) as a table.
    pub properties: Table,
    /// `None` when no feature has a valid position.
    pub map: Option<Box<MapLayer>>,
}

/// What can be wrong with a feature's geometry.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Flaw {
    /// No geometry (`null`): the feature is in the table, not on the map.
    Missing,
    /// An unknown type, coordinates nested wrongly, not numbers, too few positions.
    Invalid,
    /// Positions outside longitude −180…180, latitude −90…90.
    OutOfRange,
    /// Out of range as written, in range read as latitude, longitude.
    Swapped,
}

impl Flaw {
    fn notice(self, number: u64) -> Notice {
        match self {
            Flaw::Missing => Notice::new(msg!("analyse-geo-no-geometry", feature = number))
                .help(msg!("analyse-geo-no-geometry-help")),
            Flaw::Invalid => Notice::new(msg!("analyse-geo-invalid-geometry", feature = number))
                .help(msg!("analyse-geo-invalid-geometry-help")),
            Flaw::OutOfRange => Notice::new(msg!("analyse-geo-out-of-range", feature = number))
                .help(msg!("analyse-geo-out-of-range-help")),
            Flaw::Swapped => Notice::new(msg!("analyse-geo-swapped", feature = number))
                .help(msg!("analyse-geo-swapped-help")),
        }
    }

    fn summary(self, count: u64) -> Notice {
        let kind = match self {
            Flaw::Missing => "missing",
            Flaw::Invalid => "invalid",
            Flaw::OutOfRange => "out-of-range",
            Flaw::Swapped => "swapped",
        };
        Notice::new(msg!("analyse-geo-flaws", count = count, kind = kind))
    }
}

/// Collects features one by one: counts, flaws, the map, property rows.
pub struct GeoBuilder {
    pub features: u64,
    pub geometry_types: BTreeMap<String, u64>,
    map: MapBuilder,
    pub properties: TableBuilder,
    columns: Option<Vec<String>>,
    /// The column that names a feature on the map.
    name_column: Option<usize>,
    flaws: BTreeMap<Flaw, u64>,
    notices: Vec<Notice>,
    /// The system positions are in (a GeoJSON's `crs`), reprojected to WGS 84.
    crs: Crs,
}

impl GeoBuilder {
    /// A builder whose map writes its data to `files`, when given.
    pub fn new(preview_rows: usize, files: Option<MapFiles>) -> GeoBuilder {
        GeoBuilder {
            features: 0,
            geometry_types: BTreeMap::new(),
            map: MapBuilder::new(files),
            properties: TableBuilder::new(preview_rows),
            columns: None,
            name_column: None,
            flaws: BTreeMap::new(),
            notices: Vec::new(),
            crs: Crs::Wgs84,
        }
    }

    /// The coordinate system a GeoJSON's `crs` member names (at `line`):
    /// positions are reprojected from it, or, when abierto does not read it,
    /// the file is said to need exporting in WGS 84.
    pub fn crs(&mut self, name: &str, line: usize) {
        match Crs::named(name) {
            // Features read before it were taken as WGS 84 (the file is read once).
            Some(crs) if crs != Crs::Wgs84 && self.features > 0 => self.notices.push(
                Notice::new(msg!("analyse-geo-crs-late", crs = name))
                    .line(line)
                    .help(msg!("analyse-geo-crs-late-help")),
            ),
            Some(crs) => self.crs = crs,
            None => self.notices.push(
                Notice::new(msg!("analyse-geo-crs-unknown", crs = name))
                    .line(line)
                    .help(msg!("analyse-geo-crs-unknown-help")),
            ),
        }
    }

    /// Reports a flaw of the feature being added (the next one), at `line`.
    pub fn flaw(&mut self, flaw: Flaw, line: usize) {
        let count = self.flaws.entry(flaw).or_default();
        *count += 1;
        if *count <= NOTICES_PER_KIND {
            self.notices.push(flaw.notice(self.features + 1).line(line));
        }
    }

    /// Adds a feature: its geometry type name (or `None`), shapes (degrees,
    /// not yet checked) and properties. The first feature's property names
    /// become the table's columns. `line` is where it starts in the file;
    /// `row` where its properties are in the table: its line (KML) or its
    /// number (GeoJSON, whose features often share one line).
    pub fn feature(
        &mut self,
        geometry_type: Option<&str>,
        shapes: Vec<Shape>,
        properties: &[(String, String)],
        (line, row): (usize, usize),
    ) {
        self.add_feature(geometry_type, shapes, properties, (line, row), None);
    }

    /// Like [`GeoBuilder::feature`], for a feature with a style of the
    /// file's own (a KML placemark's): its name and geometry kind, or none.
    pub fn styled_feature(
        &mut self,
        geometry_type: Option<&str>,
        shapes: Vec<Shape>,
        properties: &[(String, String)],
        (line, row): (usize, usize),
        style: Option<(&str, &'static str)>,
    ) {
        let place = (line, row);
        self.add_feature(geometry_type, shapes, properties, place, Some(style));
    }

    /// A feature, with its style when the file's features have styles (`Some`).
    fn add_feature(
        &mut self,
        geometry_type: Option<&str>,
        shapes: Vec<Shape>,
        properties: &[(String, String)],
        (line, row): (usize, usize),
        style: Option<Option<(&str, &'static str)>>,
    ) {
        if geometry_type.is_none() {
            self.flaw(Flaw::Missing, line);
        }
        let shapes = self.checked(shapes, line);
        *self
            .geometry_types
            .entry(geometry_type.unwrap_or("—").to_string())
            .or_default() += 1;
        let columns = self.columns.get_or_insert_with(|| {
            let names: Vec<String> = properties
                .iter()
                .map(|(k, _)| k.clone())
                .take(MAX_PROFILED_COLUMNS)
                .collect();
            self.name_column = name_column(&names);
            self.properties.header(&names, names.len(), row);
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
        let name = self.name_column.and_then(|i| cells.get(i)).copied();
        let name = name.unwrap_or_default();
        match style {
            Some(style) => self
                .map
                .add_styled(self.features, &shapes, name, &cells, style),
            None => self.map.add(self.features, &shapes, name, &cells),
        }
        let width = cells.len();
        self.properties.row(&cells, width, row);
        self.features += 1;
    }

    /// The shapes with valid positions only; a flaw is reported for the rest.
    fn checked(&mut self, shapes: Vec<Shape>, line: usize) -> Vec<Shape> {
        let mut worst: Option<Flaw> = None;
        let mut valid = Vec::with_capacity(shapes.len());
        let crs = self.crs;
        let mut check = |mut points: Vec<[f64; 2]>| -> Vec<[f64; 2]> {
            if crs != Crs::Wgs84 {
                points.iter_mut().for_each(|p| *p = crs.to_wgs84(*p));
            }
            let (good, bad): (Vec<[f64; 2]>, Vec<[f64; 2]>) =
                points.into_iter().partition(|p| in_range(*p));
            if let Some(p) = bad.first() {
                let flaw = if in_range([p[1], p[0]]) {
                    Flaw::Swapped
                } else {
                    Flaw::OutOfRange
                };
                worst = worst.max(Some(flaw));
            }
            good
        };
        for shape in shapes {
            match shape {
                Shape::Point(p) => valid.extend(check(vec![p]).pop().map(Shape::Point)),
                Shape::Line(l) => valid.push(Shape::Line(check(l))),
                Shape::Polygon(rings) => {
                    valid.push(Shape::Polygon(rings.into_iter().map(&mut check).collect()))
                }
            }
        }
        if let Some(flaw) = worst {
            self.flaw(flaw, line);
        }
        valid
    }

    /// The styles the file gave its features, to learn their colours
    /// before [`GeoBuilder::finish`].
    pub fn styles(&mut self) -> Option<&mut FileStyles> {
        self.map.styles.as_mut()
    }

    pub fn finish(mut self) -> (GeoAnalysis, Vec<Notice>) {
        let (properties, more) = self.properties.finish();
        for (flaw, count) in &self.flaws {
            if *count > NOTICES_PER_KIND {
                self.notices.push(flaw.summary(*count));
            }
        }
        self.notices.extend(more);
        let (map, more) =
            self.map
                .finish(&properties.header, self.name_column, &properties.profile);
        self.notices.extend(more);
        (
            GeoAnalysis {
                features: self.features,
                geometry_types: self.geometry_types,
                properties,
                map: map.map(Box::new),
            },
            self.notices,
        )
    }
}

/// Whether a position is a longitude, latitude pair.
fn in_range([x, y]: [f64; 2]) -> bool {
    x.is_finite() && y.is_finite() && (-180.0..=180.0).contains(&x) && (-90.0..=90.0).contains(&y)
}

/// Feeds a [`GeoBuilder`] from a GeoJSON stream.
struct GeoJsonSink<'a> {
    builder: &'a mut GeoBuilder,
}

impl geojson::Sink for GeoJsonSink<'_> {
    fn crs(&mut self, name: &str, line: usize) {
        self.builder.crs(name, line);
    }

    fn feature(&mut self, feature: geojson::Feature, line: usize) {
        let mut shapes = Vec::new();
        let kind = match &feature.geometry {
            Some(geometry) => {
                if !geometry_shapes(geometry, &mut shapes) {
                    self.builder.flaw(Flaw::Invalid, line);
                }
                Some(geometry.kind.as_str())
            }
            None => None,
        };
        let number = self.builder.features as usize + 1;
        self.builder
            .feature(kind, shapes, &feature.properties, (line, number));
    }
}

/// Analyses a GeoJSON stream (a FeatureCollection, a Feature or a bare
/// geometry); the map's data goes to `files` when given.
pub fn analyse_geojson(
    source: impl Read,
    preview_rows: usize,
    files: Option<MapFiles>,
) -> io::Result<(GeoAnalysis, Vec<Notice>)> {
    let mut builder = GeoBuilder::new(preview_rows, files);
    let outcome = geojson::read(
        source,
        &mut GeoJsonSink {
            builder: &mut builder,
        },
    )?;
    let mut notices = Vec::new();
    match outcome {
        geojson::Outcome::Read => {}
        geojson::Outcome::NotGeoJson => notices
            .push(Notice::new(msg!("analyse-not-geojson")).help(msg!("analyse-not-geojson-help"))),
        geojson::Outcome::Malformed { line, error } => notices.push(
            Notice::new(msg!("analyse-geojson-invalid", error = error))
                .line(line)
                .help(msg!("analyse-geojson-invalid-help")),
        ),
    }
    let (analysis, more) = builder.finish();
    notices.extend(more);
    Ok((analysis, notices))
}

/// The shapes of a GeoJSON geometry; `false` when any of it is invalid.
fn geometry_shapes(geometry: &Geometry, shapes: &mut Vec<Shape>) -> bool {
    if geometry.kind == "GeometryCollection" {
        let mut valid = true;
        for member in &geometry.geometries {
            valid &= geometry_shapes(member, shapes);
        }
        return valid;
    }
    let Some(coordinates) = geometry.coordinates.as_ref() else {
        return false;
    };
    let mut valid = true;
    let point = |c: &Coordinates| match c {
        Coordinates::Position { xy, numbers } if *numbers >= 2 => Some(Shape::Point(*xy)),
        _ => None,
    };
    match (geometry.kind.as_str(), coordinates) {
        ("Point", c) => match point(c) {
            Some(p) => shapes.push(p),
            None => valid = false,
        },
        ("MultiPoint", Coordinates::List(list)) => {
            for c in list {
                match point(c) {
                    Some(p) => shapes.push(p),
                    None => valid = false,
                }
            }
        }
        ("LineString", c) => shapes.push(Shape::Line(positions(c, 2, &mut valid))),
        ("MultiLineString", Coordinates::List(lines)) => {
            for c in lines {
                shapes.push(Shape::Line(positions(c, 2, &mut valid)));
            }
        }
        ("Polygon", c) => shapes.push(Shape::Polygon(rings(c, &mut valid))),
        ("MultiPolygon", Coordinates::List(polygons)) => {
            for c in polygons {
                shapes.push(Shape::Polygon(rings(c, &mut valid)));
            }
        }
        _ => valid = false,
    }
    valid
}

/// The rings of a polygon's coordinates (each at least 4 positions).
fn rings(coordinates: &Coordinates, valid: &mut bool) -> Vec<Vec<[f64; 2]>> {
    match coordinates {
        Coordinates::List(rings) => {
            let rings: Vec<Vec<[f64; 2]>> =
                rings.iter().map(|ring| positions(ring, 4, valid)).collect();
            if rings.is_empty() {
                *valid = false;
            }
            rings
        }
        _ => {
            *valid = false;
            Vec::new()
        }
    }
}

/// A list of positions (at least `least`); anything else in it is invalid.
fn positions(coordinates: &Coordinates, least: usize, valid: &mut bool) -> Vec<[f64; 2]> {
    let Coordinates::List(list) = coordinates else {
        *valid = false;
        return Vec::new();
    };
    let mut points = Vec::with_capacity(list.len());
    for c in list {
        match c {
            Coordinates::Position { xy, numbers } if *numbers >= 2 => points.push(*xy),
            _ => *valid = false,
        }
    }
    if points.len() < least {
        *valid = false;
    }
    points
}
