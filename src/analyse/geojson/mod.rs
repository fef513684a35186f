//! GeoJSON, streaming: the features of a FeatureCollection are read one at a
//! time (serde visitors hand each to a sink as soon as it is parsed, so memory
//! holds one feature whatever the file's size), with the line each starts on.
//! A single Feature or a bare geometry is read as a collection of one. What the
//! features mean is for the sink (`geo.rs`); this module only reads JSON,
//! a feature's geometry in `geometry.rs`.

/// A visitor's methods for a JSON string, number or boolean, each giving
/// `$value` (`$this` names `self` in it): what the visitor makes of a scalar where it reads a structure.
macro_rules! scalars_are {
    ($this:ident => $value:expr) => {
        fn visit_str<E: de::Error>($this, _: &str) -> Result<Self::Value, E> {
            Ok($value)
        }

        fn visit_f64<E: de::Error>($this, _: f64) -> Result<Self::Value, E> {
            Ok($value)
        }

        fn visit_i64<E: de::Error>($this, _: i64) -> Result<Self::Value, E> {
            Ok($value)
        }

        fn visit_u64<E: de::Error>($this, _: u64) -> Result<Self::Value, E> {
            Ok($value)
        }

        fn visit_bool<E: de::Error>($this, _: bool) -> Result<Self::Value, E> {
            Ok($value)
        }
    };
}

mod geometry;

use geometry::{CoordinatesSeed, GeometryList, NullableGeometry};
use serde::Deserializer as _;
use serde::de::{self, DeserializeSeed, IgnoredAny, MapAccess, SeqAccess, Visitor};
use serde_json::Value;
use std::cell::Cell;
use std::fmt;
use std::io::{self, Read};
use std::rc::Rc;

/// Characters kept of a property's value.
const MAX_PROPERTY_CHARS: usize = 1000;

/// What a sink is handed.
pub trait Sink {
    /// The `crs` member's name (`EPSG:32614`, `urn:ogc:def:crs:…`), when
    /// the file has one, with the line it is on.
    fn crs(&mut self, name: &str, line: usize);
    /// A feature, with the line its object opens on.
    fn feature(&mut self, feature: Feature, line: usize);
}

/// A feature as read.
#[derive(Debug, Default)]
pub struct Feature {
    /// `None` when `geometry` is null or missing.
    pub geometry: Option<Geometry>,
    /// Values as text (numbers in their shortest form, objects as JSON), in the file's order.
    pub properties: Vec<(String, String)>,
}

/// A geometry as read: its type and its coordinates, not yet checked.
#[derive(Debug, Default)]
pub struct Geometry {
    pub kind: String,
    pub coordinates: Option<Coordinates>,
    /// The members of a GeometryCollection.
    pub geometries: Vec<Geometry>,
}

/// Nested coordinate arrays, whatever their depth.
#[derive(Debug)]
pub enum Coordinates {
    /// An array of numbers: x, y (more numbers, e.g. an altitude, are counted, not kept).
    Position {
        xy: [f64; 2],
        numbers: usize,
    },
    List(Vec<Coordinates>),
    /// A number, or anything that is neither a number nor an array.
    Other,
}

/// How reading ended.
pub enum Outcome {
    /// The file was read to its end.
    Read,
    /// Valid JSON, but not GeoJSON (no `type`, `features`, `geometry` or `coordinates`).
    NotGeoJson,
    /// Broken JSON at a line: what was read before it was handed to the sink.
    Malformed { line: usize, error: String },
}

/// Counts the lines of what serde_json reads (it reads a byte at a time).
struct Lines<R> {
    inner: R,
    line: Rc<Cell<usize>>,
}

impl<R: Read> Read for Lines<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf)?;
        let newlines = buf[..n].iter().filter(|b| **b == b'\n').count();
        self.line.set(self.line.get() + newlines);
        Ok(n)
    }
}

/// Reads a GeoJSON stream, handing each feature to `sink`.
pub fn read(source: impl Read, sink: &mut dyn Sink) -> io::Result<Outcome> {
    let line = Rc::new(Cell::new(1));
    let reader = Lines {
        inner: io::BufReader::with_capacity(64 * 1024, source),
        line: Rc::clone(&line),
    };
    let mut deserializer = serde_json::Deserializer::from_reader(reader);
    let top = Top {
        sink,
        line: &line,
        seen_geojson: false,
    };
    let result = deserializer
        .deserialize_any(top)
        .and_then(|found| deserializer.end().map(|()| found));
    match result {
        Ok(true) => Ok(Outcome::Read),
        Ok(false) => Ok(Outcome::NotGeoJson),
        Err(error) if error.is_io() => Err(error.into()),
        Err(error) => Ok(Outcome::Malformed {
            line: error.line().max(1),
            error: error.to_string(),
        }),
    }
}

/// The top-level value: a FeatureCollection, a Feature or a geometry.
/// Gives whether it was GeoJSON.
struct Top<'a> {
    sink: &'a mut dyn Sink,
    line: &'a Rc<Cell<usize>>,
    seen_geojson: bool,
}

impl<'de> Visitor<'de> for Top<'_> {
    type Value = bool;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a GeoJSON object")
    }

    fn visit_map<A: MapAccess<'de>>(mut self, mut map: A) -> Result<bool, A::Error> {
        let start = self.line.get();
        let mut kind: Option<String> = None;
        let mut single = Feature::default();
        let mut bare = Geometry::default();
        let mut is_feature = false;
        while let Some(key) = map.next_key::<String>()? {
            match key.as_str() {
                "type" => kind = map.next_value::<Value>()?.as_str().map(str::to_string),
                "crs" => {
                    let line = self.line.get();
                    if let Some(name) = crs_name(&map.next_value::<Value>()?) {
                        self.sink.crs(&name, line);
                    }
                }
                "features" => {
                    self.seen_geojson = true;
                    map.next_value_seed(Features {
                        sink: &mut *self.sink,
                        line: self.line,
                    })?;
                }
                "geometry" => {
                    is_feature = true;
                    single.geometry = map.next_value_seed(NullableGeometry)?;
                }
                "properties" => {
                    is_feature = true;
                    single.properties = map.next_value_seed(Properties)?;
                }
                "coordinates" => bare.coordinates = Some(map.next_value_seed(CoordinatesSeed)?),
                "geometries" => bare.geometries = map.next_value_seed(GeometryList)?,
                _ => {
                    map.next_value::<IgnoredAny>()?;
                }
            }
        }
        let kind = kind.unwrap_or_default();
        if self.seen_geojson {
            return Ok(true);
        }
        if kind == "Feature" || is_feature {
            self.sink.feature(single, start);
            return Ok(true);
        }
        if bare.coordinates.is_some() || !bare.geometries.is_empty() {
            bare.kind = kind;
            self.sink.feature(
                Feature {
                    geometry: Some(bare),
                    properties: Vec::new(),
                },
                start,
            );
            return Ok(true);
        }
        Ok(kind == "FeatureCollection")
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<bool, A::Error> {
        while seq.next_element::<IgnoredAny>()?.is_some() {}
        Ok(false)
    }

    fn visit_unit<E: de::Error>(self) -> Result<bool, E> {
        Ok(false)
    }

    scalars_are!(self => false);
}

/// The name a `crs` member gives: `{"type": "name", "properties": {"name": …}}`.
fn crs_name(crs: &Value) -> Option<String> {
    crs["properties"]["name"].as_str().map(str::to_string)
}

/// The `features` array: each element handed to the sink as it is read.
struct Features<'a> {
    sink: &'a mut dyn Sink,
    line: &'a Rc<Cell<usize>>,
}

impl<'de> DeserializeSeed<'de> for Features<'_> {
    type Value = ();

    fn deserialize<D: de::Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for Features<'_> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("an array of features")
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        while let Some((feature, line)) = seq.next_element_seed(FeatureSeed { line: self.line })? {
            self.sink.feature(feature, line);
        }
        Ok(())
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        while map.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
        Ok(())
    }

    fn visit_unit<E: de::Error>(self) -> Result<(), E> {
        Ok(())
    }
}

/// One feature, with the line its object opens on.
struct FeatureSeed<'a> {
    line: &'a Rc<Cell<usize>>,
}

impl<'de> DeserializeSeed<'de> for FeatureSeed<'_> {
    type Value = (Feature, usize);

    fn deserialize<D: de::Deserializer<'de>>(
        self,
        deserializer: D,
    ) -> Result<Self::Value, D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for FeatureSeed<'_> {
    type Value = (Feature, usize);

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a feature")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        let line = self.line.get();
        let mut feature = Feature::default();
        while let Some(key) = map.next_key::<String>()? {
            match key.as_str() {
                "geometry" => feature.geometry = map.next_value_seed(NullableGeometry)?,
                "properties" => feature.properties = map.next_value_seed(Properties)?,
                _ => {
                    map.next_value::<IgnoredAny>()?;
                }
            }
        }
        Ok((feature, line))
    }

    /// Anything but an object is a feature without geometry nor properties.
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
        while seq.next_element::<IgnoredAny>()?.is_some() {}
        Ok((Feature::default(), self.line.get()))
    }

    fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
        Ok((Feature::default(), self.line.get()))
    }

    scalars_are!(self => (Feature::default(), self.line.get()));
}

/// A feature's `properties`: each value as text, in order; a non-object gives none.
struct Properties;

impl<'de> DeserializeSeed<'de> for Properties {
    type Value = Vec<(String, String)>;

    fn deserialize<D: de::Deserializer<'de>>(
        self,
        deserializer: D,
    ) -> Result<Self::Value, D::Error> {
        let value: Value = serde::Deserialize::deserialize(deserializer)?;
        Ok(match value {
            Value::Object(object) => object
                .into_iter()
                .map(|(k, v)| (k, property_text(v)))
                .collect(),
            _ => Vec::new(),
        })
    }
}

/// A property's value as a table shows it: strings as they are, numbers in
/// their shortest form, null as nothing, objects and arrays as JSON; cut when
/// very long.
fn property_text(value: Value) -> String {
    let text = match value {
        Value::Null => String::new(),
        Value::String(s) => s,
        other => other.to_string(),
    };
    match text.char_indices().nth(MAX_PROPERTY_CHARS) {
        Some((end, _)) => format!("{}…", &text[..end]),
        None => text,
    }
}

#[cfg(test)]
mod tests;
