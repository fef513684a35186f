//! The features of a map kept in memory while a file is read: vertices in
//! one flat array (24 bytes each) and features of one point in another, each
//! feature known by its id, its place among the map's features.

use super::simplify::Vertex;

/// What a part of a feature is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum PartKind {
    Point,
    Line,
    /// A polygon's ring, outer or hole: rings are filled even-odd.
    Ring,
}

/// A run of vertices of the flat array.
#[derive(Debug, Clone, Copy)]
pub(super) struct Part {
    pub kind: PartKind,
    pub start: u32,
    pub end: u32,
}

/// A feature kept for drawing.
#[derive(Debug, Clone, Copy)]
pub(super) struct Kept {
    /// Its place among the map's features (0-based): tiles, properties and
    /// colours name it by this.
    pub id: u32,
    /// Into the names, `u32::MAX` for none.
    pub name: u32,
    pub parts_start: u32,
    pub parts_end: u32,
}

/// A feature that is one point (most of a table's or a point layer's).
#[derive(Debug, Clone, Copy)]
pub(super) struct KeptPoint {
    pub id: u32,
    pub name: u32,
    /// World coordinates.
    pub xy: [f64; 2],
}

/// The features kept so far, flat.
#[derive(Debug, Default)]
pub(super) struct Store {
    /// The world position vertices are counted from (the first one kept).
    pub origin: [f64; 2],
    pub vertices: Vec<Vertex>,
    pub parts: Vec<Part>,
    pub features: Vec<Kept>,
    pub points: Vec<KeptPoint>,
    pub names: String,
    pub name_spans: Vec<(u32, u32)>,
}

impl Store {
    pub fn parts(&self, feature: &Kept) -> &[Part] {
        &self.parts[feature.parts_start as usize..feature.parts_end as usize]
    }

    pub fn vertices(&self, part: &Part) -> &[Vertex] {
        &self.vertices[part.start as usize..part.end as usize]
    }

    pub fn name(&self, name: u32) -> &str {
        match self.name_spans.get(name as usize) {
            Some(&(start, end)) => &self.names[start as usize..end as usize],
            None => "",
        }
    }

    /// A vertex's world position.
    pub fn world(&self, v: &Vertex) -> [f64; 2] {
        [
            self.origin[0] + f64::from(v[0]),
            self.origin[1] + f64::from(v[1]),
        ]
    }

    /// Features kept, of every kind.
    pub fn len(&self) -> usize {
        self.features.len() + self.points.len()
    }

    /// Whether any feature has a ring.
    pub fn has_polygons(&self) -> bool {
        self.parts.iter().any(|p| p.kind == PartKind::Ring)
    }
}
