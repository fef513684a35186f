//! A feature's geometry, read by serde visitors: its type, its coordinates at
//! any depth (a position, or a list of them) and a collection's members;
//! whatever else stands there is kept as a geometry of no known type.

use super::{Coordinates, Geometry};
use serde::de::{self, DeserializeSeed, IgnoredAny, MapAccess, SeqAccess, Visitor};
use serde_json::Value;
use std::fmt;

/// A geometry, or `None` for `null`.
pub(super) struct NullableGeometry;

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

    scalars_are!(self => Some(Geometry::default()));
}

/// The members of a GeometryCollection (null members left out).
pub(super) struct GeometryList;

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
pub(super) struct CoordinatesSeed;

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

    fn visit_unit<E: de::Error>(self) -> Result<Coordinates, E> {
        Ok(Coordinates::Other)
    }

    scalars_are!(self => Coordinates::Other);
}
