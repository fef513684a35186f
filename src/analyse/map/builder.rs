//! Collects a map's features as a file is read (each simplified once to the
//! finest zoom and kept in the [`Store`], its properties written to the map's
//! folder), then, at the end of the read, draws the preview, colours the
//! features, cuts the tiles and writes the manifest.

use super::colour::{self, FileStyles, default_colouring};
use super::files::{CHUNK, MapFiles};
use super::simplify::{Vertex, rank};
use super::store::{Kept, KeptPoint, Part, PartKind, Store};
use super::tiles::{self, EXTENT};
use super::{
    MAX_KEPT_POINTS, MAX_KEPT_VERTICES, MAX_NAME_BYTES, MAX_NAME_CHARS, MAX_ZOOM, MapData,
    MapLayer, preview,
};
use crate::analyse::Notice;
use crate::analyse::geometry::{BBox, Shape, pixel, world};
use crate::analyse::profile::ColumnProfile;
use crate::msg;
use std::io;

/// A file of a map kept in memory: its name in the map's folder, its bytes.
pub type MadeFile = (String, Vec<u8>);

/// Collects the features of a map as they are read.
pub struct MapBuilder {
    pub(super) store: Store,
    /// Features with something to draw, kept or not.
    count: u64,
    pub(super) bbox: Option<BBox>,
    complete: bool,
    /// Where the map's data goes; `None` for a preview only.
    files: Option<MapFiles>,
    /// The first problem writing the map's data.
    error: Option<io::Error>,
    /// The styles the file gives its features (KML), when it does.
    pub styles: Option<FileStyles>,
}

/// The squared tolerance below which vertices are never kept.
fn keep_tolerance_sq() -> f64 {
    let half_pixel = pixel(MAX_ZOOM) / 2.0;
    half_pixel * half_pixel
}

impl MapBuilder {
    /// A map that writes its data to `files`, or (`None`) only draws a preview.
    pub fn new(files: Option<MapFiles>) -> MapBuilder {
        MapBuilder {
            store: Store::default(),
            count: 0,
            bbox: None,
            complete: true,
            files,
            error: None,
            styles: None,
        }
    }

    /// Features kept so far (the next one kept gets this id).
    pub fn kept(&self) -> usize {
        self.store.len()
    }

    /// Like [`MapBuilder::add`], for a feature the file gives a style (its
    /// name and geometry kind), or none, as a KML's placemarks.
    pub fn add_styled(
        &mut self,
        number: u64,
        shapes: &[Shape],
        name: &str,
        cells: &[&str],
        style: Option<(&str, &'static str)>,
    ) {
        let before = self.kept();
        self.add(number, shapes, name, cells);
        if self.kept() > before {
            self.styles
                .get_or_insert_with(FileStyles::default)
                .note(style);
        }
    }

    /// Adds a feature: its number in the file (0-based), its shapes (degrees,
    /// valid positions only), its name and its cells. Parts with nothing to
    /// draw (a line of one position, a ring of less than four) are left out.
    pub fn add(&mut self, number: u64, shapes: &[Shape], name: &str, cells: &[&str]) {
        let id = self.store.len() as u32;
        let kept = if let [Shape::Point(p)] = shapes {
            self.add_point(id, *p, name)
        } else {
            self.add_shapes(id, shapes, name)
        };
        if kept
            && let Some(files) = self.files.as_mut()
            && let Err(error) = files.properties(number + 1, cells)
        {
            self.error.get_or_insert(error);
            self.files = None;
        }
    }

    fn add_point(&mut self, id: u32, p: [f64; 2], name: &str) -> bool {
        self.bbox = Some(BBox::extend(self.bbox, p[0], p[1]));
        self.count += 1;
        if self.store.points.len() >= MAX_KEPT_POINTS {
            self.complete = false;
            return false;
        }
        let name = self.push_name(name);
        self.store.points.push(KeptPoint {
            id,
            name,
            xy: world(p),
        });
        true
    }

    fn add_shapes(&mut self, id: u32, shapes: &[Shape], name: &str) -> bool {
        let parts_start = self.store.parts.len();
        let vertices_start = self.store.vertices.len();
        for shape in shapes {
            match shape {
                Shape::Point(p) => self.push_part(PartKind::Point, std::slice::from_ref(p)),
                Shape::Line(l) => self.push_part(PartKind::Line, l),
                Shape::Polygon(rings) => {
                    for ring in rings {
                        self.push_part(PartKind::Ring, ring);
                    }
                }
            }
        }
        if self.store.parts.len() == parts_start {
            return false;
        }
        self.count += 1;
        if self.store.vertices.len() > MAX_KEPT_VERTICES {
            self.store.vertices.truncate(vertices_start);
            self.store.parts.truncate(parts_start);
            self.complete = false;
            return false;
        }
        let name = self.push_name(name);
        self.store.features.push(Kept {
            id,
            name,
            parts_start: parts_start as u32,
            parts_end: self.store.parts.len() as u32,
        });
        true
    }

    /// Keeps a part, simplified to the finest zoom; a line of one position,
    /// a ring of less than four, or one smaller than the finest detail is
    /// left out.
    fn push_part(&mut self, kind: PartKind, positions: &[[f64; 2]]) {
        let least = match kind {
            PartKind::Point => 1,
            PartKind::Line => 2,
            PartKind::Ring => 4,
        };
        if positions.len() < least {
            return;
        }
        if self.store.vertices.is_empty() {
            self.store.origin = world(positions[0]);
        }
        let [ox, oy] = self.store.origin;
        let mut vertices: Vec<Vertex> = positions
            .iter()
            .map(|p| {
                let [x, y] = world(*p);
                [(x - ox) as f32, (y - oy) as f32, 0.0]
            })
            .collect();
        if kind == PartKind::Ring && vertices.first() != vertices.last() {
            vertices.push(vertices[0]);
        }
        if kind != PartKind::Point {
            rank(&mut vertices);
            let tolerance = keep_tolerance_sq();
            vertices.retain(|v| f64::from(v[2]) >= tolerance);
        }
        if vertices.len() < least {
            return;
        }
        for p in positions {
            self.bbox = Some(BBox::extend(self.bbox, p[0], p[1]));
        }
        let start = self.store.vertices.len() as u32;
        self.store.vertices.extend_from_slice(&vertices);
        self.store.parts.push(Part {
            kind,
            start,
            end: self.store.vertices.len() as u32,
        });
    }

    fn push_name(&mut self, name: &str) -> u32 {
        let name = name.trim();
        if name.is_empty() || self.store.names.len() + name.len() > MAX_NAME_BYTES {
            return u32::MAX;
        }
        let end = name
            .char_indices()
            .nth(MAX_NAME_CHARS)
            .map_or(name.len(), |(i, _)| i);
        let start = self.store.names.len() as u32;
        self.store
            .names
            .push_str(&crate::analyse::printable(&name[..end]));
        self.store
            .name_spans
            .push((start, self.store.names.len() as u32));
        (self.store.name_spans.len() - 1) as u32
    }

    /// The map, when anything can be drawn, with its data written when it
    /// has a folder: `columns` name the cells, `name` is the column that
    /// names features, `profile` describes the columns.
    pub fn finish(
        self,
        columns: &[String],
        name: Option<usize>,
        profile: &[ColumnProfile],
    ) -> (Option<MapLayer>, Vec<Notice>) {
        let (layer, notices, _) = self.complete(columns, name, profile);
        (layer, notices)
    }

    /// Like [`MapBuilder::finish`], for a map whose files are kept in
    /// memory: gives them, by name.
    pub fn finish_in_memory(
        self,
        columns: &[String],
        name: Option<usize>,
        profile: &[ColumnProfile],
    ) -> (Option<MapLayer>, Vec<MadeFile>) {
        let (layer, _, files) = self.complete(columns, name, profile);
        (layer, files)
    }

    fn complete(
        mut self,
        columns: &[String],
        name: Option<usize>,
        profile: &[ColumnProfile],
    ) -> (Option<MapLayer>, Vec<Notice>, Vec<MadeFile>) {
        let mut notices = Vec::new();
        let mut memory = Vec::new();
        let Some(bbox) = self.bbox else {
            return (None, notices, memory);
        };
        let frame = bbox.world();
        let mut layer = MapLayer {
            count: self.count,
            bbox,
            complete: self.complete,
            preview: preview::draw(&self.store, frame),
            colourings: Vec::new(),
            default_colouring: None,
            data: None,
        };
        if let Some(mut files) = self.files.take() {
            let data = Data {
                store: &self.store,
                styles: self.styles.as_ref(),
                columns,
                name,
                profile,
            };
            let written = data
                .write(&mut files, &mut layer)
                .and_then(|()| files.finish());
            match written {
                Ok(written) => {
                    layer.data = Some(MapData {
                        folder: String::new(),
                        files: written.names,
                        sha256: written.sha256,
                    });
                    memory = written.memory;
                }
                Err(error) => {
                    self.error.get_or_insert(error);
                }
            }
        }
        if let Some(error) = self.error {
            notices.push(Notice::new(msg!(
                "analyse-map-failed",
                error = error.to_string()
            )));
        }
        (Some(layer), notices, memory)
    }
}

/// What a map's data is made from, at the end of the read.
struct Data<'a> {
    store: &'a Store,
    styles: Option<&'a FileStyles>,
    columns: &'a [String],
    name: Option<usize>,
    profile: &'a [ColumnProfile],
}

impl Data<'_> {
    /// Writes the colours, the tiles and the manifest; sets the layer's colourings.
    fn write(&self, files: &mut MapFiles, layer: &mut MapLayer) -> io::Result<()> {
        let preview_ids: Vec<u32> = layer.preview.features.iter().map(|f| f.id).collect();
        let features = self.store.len();
        layer.colourings = colour::colour(files, self.profile, features, self.name, &preview_ids)?;
        layer.default_colouring = default_colouring(
            &layer.colourings,
            self.profile,
            features,
            self.store.has_polygons(),
        );
        if let Some(styles) = self.styles {
            let file = format!("c/{}.json", layer.colourings.len());
            if let Some(colouring) = styles.colouring(files, file, &preview_ids)? {
                layer.colourings.push(colouring);
                layer.default_colouring = Some(layer.colourings.len() - 1);
            }
        }
        let frame = layer.bbox.world();
        let first = tiles::first_zoom(frame);
        let tree = tiles::cut(self.store, frame, first, &mut |name, bytes| {
            files.write(name, bytes)
        })?;
        let b = layer.bbox;
        let manifest = serde_json::json!({
            "bbox": [b.west, b.south, b.east, b.north],
            "count": features,
            "first": first,
            "last": MAX_ZOOM,
            "extent": EXTENT,
            "tree": tree,
            "columns": self.columns,
            "name": self.name,
            "chunk": CHUNK,
        });
        files.write("mapa.json", manifest.to_string().as_bytes())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn features_are_kept_simplified_and_numbered_in_the_order_kept() {
        let mut builder = MapBuilder::new(None);
        // A line with 1,000 vertices on a straight line keeps its two ends.
        let straight: Vec<[f64; 2]> = (0..1000).map(|i| [f64::from(i) * 0.001, 19.0]).collect();
        builder.add(0, &[Shape::Line(straight)], "Calle", &[]);
        builder.add(1, &[Shape::Point([-96.8, 19.6])], "", &[]);
        builder.add(2, &[Shape::Point([-96.9, 19.5])], "", &[]);
        assert_eq!(builder.store.vertices.len(), 2);
        assert_eq!(builder.store.name(builder.store.features[0].name), "Calle");
        assert_eq!(builder.store.points[1].id, 2);
        let (layer, _) = builder.finish(&[], None, &[]);
        let layer = layer.unwrap();
        assert_eq!(layer.count, 3);
        assert!(layer.complete);
        assert_eq!((layer.bbox.west, layer.bbox.east), (-96.9, 0.999));
    }
}
