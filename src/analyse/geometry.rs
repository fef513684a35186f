//! Geometry both maps and tables draw: a bounding box and the shapes of a
//! map, in degrees. A leaf: it imports nothing of the analysis.

use serde::{Deserialize, Serialize};

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
}

/// A shape to draw: coordinates are `[longitude, latitude]`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Shape {
    Point([f64; 2]),
    Line(Vec<[f64; 2]>),
    /// Outer ring first, then holes.
    Polygon(Vec<Vec<[f64; 2]>>),
}
