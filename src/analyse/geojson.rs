//! GeoJSON, streaming: the features of a FeatureCollection are read one at a
//! time (serde visitors hand each to a sink as soon as it is parsed, so memory
//! holds one feature whatever the file's size), with the line each starts on.
//! A single Feature or a bare geometry is read as a collection of one. What the
//! features mean is for the sink (`geo.rs`); this module only reads JSON.

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

    fn visit_str<E: de::Error>(self, _: &str) -> Result<bool, E> {
        Ok(false)
    }

    fn visit_f64<E: de::Error>(self, _: f64) -> Result<bool, E> {
        Ok(false)
    }

    fn visit_i64<E: de::Error>(self, _: i64) -> Result<bool, E> {
        Ok(false)
    }

    fn visit_u64<E: de::Error>(self, _: u64) -> Result<bool, E> {
        Ok(false)
    }

    fn visit_bool<E: de::Error>(self, _: bool) -> Result<bool, E> {
        Ok(false)
    }

    fn visit_unit<E: de::Error>(self) -> Result<bool, E> {
        Ok(false)
    }
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

    fn visit_str<E: de::Error>(self, _: &str) -> Result<Self::Value, E> {
        Ok((Feature::default(), self.line.get()))
    }

    fn visit_f64<E: de::Error>(self, _: f64) -> Result<Self::Value, E> {
        Ok((Feature::default(), self.line.get()))
    }

    fn visit_i64<E: de::Error>(self, _: i64) -> Result<Self::Value, E> {
        Ok((Feature::default(), self.line.get()))
    }

    fn visit_u64<E: de::Error>(self, _: u64) -> Result<Self::Value, E> {
        Ok((Feature::default(), self.line.get()))
    }

    fn visit_bool<E: de::Error>(self, _: bool) -> Result<Self::Value, E> {
        Ok((Feature::default(), self.line.get()))
    }

    fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
        Ok((Feature::default(), self.line.get()))
    }
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

/// A geometry, or `None` for `null`.
struct NullableGeometry;

impl<'de> DeserializeSeed<'de> for NullableGeometry {
    type Value = Option<Geometry>;

    fn deserialize<D: de::Deserializer<'de>>(
        self,
        deserializer: D,
    ) -> Result<Self::Value, D::Error> {
        deserializer.deserialize_any(GeometryVisitor)
    }
}

struct GeometryVisitor;

impl<'de> Visitor<'de> for GeometryVisitor {
    type Value = Option<Geometry>;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a geometry")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        let mut geometry = Geometry::default();
        while let Some(key) = map.next_key::<String>()? {
            match key.as_str() {
                "type" => {
                    geometry.kind = map
                        .next_value::<Value>()?
                        .as_str()
                        .unwrap_or_default()
                        .to_string()
                }
                "coordinates" => {
                    geometry.coordinates = Some(map.next_value_seed(CoordinatesSeed)?);
                }
                "geometries" => geometry.geometries = map.next_value_seed(GeometryList)?,
                _ => {
                    map.next_value::<IgnoredAny>()?;
                }
            }
        }
        Ok(Some(geometry))
    }

    fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
        Ok(None)
    }

    /// Anything else is a geometry of no known type.
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
        while seq.next_element::<IgnoredAny>()?.is_some() {}
        Ok(Some(Geometry::default()))
    }

    fn visit_str<E: de::Error>(self, _: &str) -> Result<Self::Value, E> {
        Ok(Some(Geometry::default()))
    }

    fn visit_f64<E: de::Error>(self, _: f64) -> Result<Self::Value, E> {
        Ok(Some(Geometry::default()))
    }

    fn visit_i64<E: de::Error>(self, _: i64) -> Result<Self::Value, E> {
        Ok(Some(Geometry::default()))
    }

    fn visit_u64<E: de::Error>(self, _: u64) -> Result<Self::Value, E> {
        Ok(Some(Geometry::default()))
    }

    fn visit_bool<E: de::Error>(self, _: bool) -> Result<Self::Value, E> {
        Ok(Some(Geometry::default()))
    }
}

/// The members of a GeometryCollection (null members left out).
struct GeometryList;

impl<'de> DeserializeSeed<'de> for GeometryList {
    type Value = Vec<Geometry>;

    fn deserialize<D: de::Deserializer<'de>>(
        self,
        deserializer: D,
    ) -> Result<Self::Value, D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for GeometryList {
    type Value = Vec<Geometry>;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("an array of geometries")
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
        let mut list = Vec::new();
        while let Some(geometry) = seq.next_element_seed(NullableGeometry)? {
            list.extend(geometry);
        }
        Ok(list)
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        while map.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
        Ok(Vec::new())
    }

    fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
        Ok(Vec::new())
    }
}

/// Coordinates at any depth.
struct CoordinatesSeed;

impl<'de> DeserializeSeed<'de> for CoordinatesSeed {
    type Value = Coordinates;

    fn deserialize<D: de::Deserializer<'de>>(
        self,
        deserializer: D,
    ) -> Result<Self::Value, D::Error> {
        deserializer.deserialize_any(CoordinatesVisitor)
    }
}

/// An element of a coordinates array: a number or a nested value.
enum Element {
    Number(f64),
    Nested(Coordinates),
}

struct ElementSeed;

impl<'de> DeserializeSeed<'de> for ElementSeed {
    type Value = Element;

    fn deserialize<D: de::Deserializer<'de>>(
        self,
        deserializer: D,
    ) -> Result<Self::Value, D::Error> {
        deserializer.deserialize_any(ElementVisitor)
    }
}

struct ElementVisitor;

impl<'de> Visitor<'de> for ElementVisitor {
    type Value = Element;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a number or an array")
    }

    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Element, E> {
        Ok(Element::Number(v))
    }

    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Element, E> {
        Ok(Element::Number(v as f64))
    }

    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Element, E> {
        Ok(Element::Number(v as f64))
    }

    fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<Element, A::Error> {
        CoordinatesVisitor.visit_seq(seq).map(Element::Nested)
    }

    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Element, A::Error> {
        CoordinatesVisitor.visit_map(map).map(Element::Nested)
    }

    fn visit_str<E: de::Error>(self, _: &str) -> Result<Element, E> {
        Ok(Element::Nested(Coordinates::Other))
    }

    fn visit_bool<E: de::Error>(self, _: bool) -> Result<Element, E> {
        Ok(Element::Nested(Coordinates::Other))
    }

    fn visit_unit<E: de::Error>(self) -> Result<Element, E> {
        Ok(Element::Nested(Coordinates::Other))
    }
}

struct CoordinatesVisitor;

impl<'de> Visitor<'de> for CoordinatesVisitor {
    type Value = Coordinates;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("coordinates")
    }

    /// An array of numbers is a position; an array of arrays, a list.
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Coordinates, A::Error> {
        let mut numbers = 0;
        let mut xy = [f64::NAN; 2];
        let mut list = Vec::new();
        let mut mixed = false;
        while let Some(element) = seq.next_element_seed(ElementSeed)? {
            match element {
                Element::Number(n) => {
                    if numbers < 2 {
                        xy[numbers] = n;
                    }
                    numbers += 1;
                }
                Element::Nested(nested) => list.push(nested),
            }
            mixed |= numbers > 0 && !list.is_empty();
        }
        Ok(if mixed {
            Coordinates::Other
        } else if numbers > 0 {
            Coordinates::Position { xy, numbers }
        } else {
            Coordinates::List(list)
        })
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Coordinates, A::Error> {
        while map.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
        Ok(Coordinates::Other)
    }

    fn visit_f64<E: de::Error>(self, _: f64) -> Result<Coordinates, E> {
        Ok(Coordinates::Other)
    }

    fn visit_i64<E: de::Error>(self, _: i64) -> Result<Coordinates, E> {
        Ok(Coordinates::Other)
    }

    fn visit_u64<E: de::Error>(self, _: u64) -> Result<Coordinates, E> {
        Ok(Coordinates::Other)
    }

    fn visit_str<E: de::Error>(self, _: &str) -> Result<Coordinates, E> {
        Ok(Coordinates::Other)
    }

    fn visit_bool<E: de::Error>(self, _: bool) -> Result<Coordinates, E> {
        Ok(Coordinates::Other)
    }

    fn visit_unit<E: de::Error>(self) -> Result<Coordinates, E> {
        Ok(Coordinates::Other)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Default)]
    struct Collect {
        crs: Vec<String>,
        features: Vec<(Feature, usize)>,
    }

    impl Sink for Collect {
        fn crs(&mut self, name: &str, _line: usize) {
            self.crs.push(name.to_string());
        }
        fn feature(&mut self, feature: Feature, line: usize) {
            self.features.push((feature, line));
        }
    }

    fn read_str(text: &str) -> (Collect, Outcome) {
        let mut sink = Collect::default();
        let outcome = read(text.as_bytes(), &mut sink).unwrap();
        (sink, outcome)
    }

    #[test]
    fn features_come_one_by_one_with_their_line_and_crs() {
        let text = "{\"type\":\"FeatureCollection\",\n\"crs\":{\"type\":\"name\",\"properties\":{\"name\":\"EPSG:32614\"}},\n\"features\":[\n\
            {\"type\":\"Feature\",\"properties\":{\"n\":\"a\",\"v\":2.50},\"geometry\":{\"type\":\"Point\",\"coordinates\":[1,2,3]}},\n\
            {\"type\":\"Feature\",\"geometry\":null,\"properties\":null}]}";
        let (sink, outcome) = read_str(text);
        assert!(matches!(outcome, Outcome::Read));
        assert_eq!(sink.crs, ["EPSG:32614"]);
        assert_eq!(sink.features.len(), 2);
        let (first, line) = &sink.features[0];
        assert_eq!(*line, 4);
        assert_eq!(
            first.properties,
            [("n".into(), "a".into()), ("v".into(), "2.5".into())]
        );
        let geometry = first.geometry.as_ref().unwrap();
        assert_eq!(geometry.kind, "Point");
        assert!(matches!(
            geometry.coordinates,
            Some(Coordinates::Position {
                xy: [1.0, 2.0],
                numbers: 3
            })
        ));
        assert!(sink.features[1].0.geometry.is_none());
        assert_eq!(sink.features[1].1, 5);
    }

    #[test]
    fn a_broken_file_keeps_the_features_before_the_break() {
        let text = "{\"type\":\"FeatureCollection\",\"features\":[\n{\"geometry\":{\"type\":\"Point\",\"coordinates\":[1,2]}},\n{\"geometry\": {\"type\": oops";
        let (sink, outcome) = read_str(text);
        assert_eq!(sink.features.len(), 1);
        assert!(matches!(outcome, Outcome::Malformed { line: 3, .. }));
    }

    #[test]
    fn a_bare_geometry_or_feature_is_a_collection_of_one_and_other_json_is_not_geojson() {
        let (sink, _) = read_str(r#"{"type":"LineString","coordinates":[[1,2],[3,4]]}"#);
        assert_eq!(sink.features.len(), 1);
        let (sink, _) = read_str(r#"{"type":"Feature","properties":{"a":1},"geometry":null}"#);
        assert_eq!(sink.features.len(), 1);
        let (sink, outcome) = read_str(r#"[1, 2, 3]"#);
        assert!(sink.features.is_empty() && matches!(outcome, Outcome::NotGeoJson));
        let (_, outcome) = read_str(r#"{"name": "x"}"#);
        assert!(matches!(outcome, Outcome::NotGeoJson));
    }

    #[test]
    fn strange_coordinates_are_kept_as_other_not_errors() {
        let (sink, outcome) = read_str(r#"{"type":"Point","coordinates":[1,"dos"]}"#);
        assert!(matches!(outcome, Outcome::Read));
        let geometry = sink.features[0].0.geometry.as_ref().unwrap();
        assert!(matches!(geometry.coordinates, Some(Coordinates::Other)));
    }
}
