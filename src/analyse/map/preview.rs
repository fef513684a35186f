//! The static map's drawing: the kept features simplified to the resolution
//! of a picture [`PREVIEW_PIXELS`] wide, coarser until it holds at most
//! [`PREVIEW_VERTICES`] vertices, points thinned to one per few pixels, so the
//! page that shows it stays light whatever the file.

use super::MIN_SPAN;
use super::simplify::{Vertex, keep, ring_area};
use super::store::{PartKind, Store};
use crate::analyse::geometry::Shape;
use serde::{Deserialize, Serialize};
use std::collections::HashSet;

/// The width of the drawing the preview is simplified for, in pixels.
pub const PREVIEW_PIXELS: f64 = 600.0;
/// Vertices (and points) a preview holds at most.
const PREVIEW_VERTICES: usize = 6_000;
/// Features named one by one in a preview (beyond, the drawing groups them).
const PREVIEW_NAMED: usize = 400;
/// Points closer than this many tolerances are drawn as one (3 pixels at first).
const POINT_CELL: f64 = 6.0;

/// A static map's drawing.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Preview {
    pub features: Vec<PreviewFeature>,
    /// The world box drawn: `[west, north, east, south]`, y southwards.
    pub frame: [f64; 4],
}

/// A feature as the static map draws it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PreviewFeature {
    /// 0-based, in the file's order.
    pub id: u32,
    /// Empty when unnamed, or when the map has too many features to name each.
    pub name: String,
    /// In world coordinates.
    pub shapes: Vec<Shape>,
}

/// The preview of the kept features within `frame` (world `[w, n, e, s]`).
pub(super) fn draw(store: &Store, frame: [f64; 4]) -> Preview {
    let span = (frame[2] - frame[0]).max(frame[3] - frame[1]).max(MIN_SPAN);
    let px = span / PREVIEW_PIXELS;
    let named = store.features.len() + store.points.len() <= PREVIEW_NAMED;
    let mut tolerance = px / 2.0;
    loop {
        let (features, vertices) = attempt(store, px, tolerance, named);
        if vertices <= PREVIEW_VERTICES || tolerance > px * 64.0 {
            return Preview { features, frame };
        }
        tolerance *= 2.0;
    }
}

/// One try at a tolerance: the features and their vertex count. Points in
/// a cell already drawn and rings smaller than a pixel are left out.
fn attempt(store: &Store, px: f64, tolerance: f64, named: bool) -> (Vec<PreviewFeature>, usize) {
    let mut cells = HashSet::new();
    let mut vertices = 0;
    let mut features = Vec::new();
    let name = |n: u32| {
        if named {
            store.name(n).to_string()
        } else {
            String::new()
        }
    };
    for kept in &store.features {
        let mut shapes = Vec::new();
        let mut rings = Vec::new();
        for part in store.parts(kept) {
            let points = store.vertices(part);
            let shape = match part.kind {
                PartKind::Point => point(&mut cells, store.world(&points[0]), tolerance),
                PartKind::Line => line(store, points, tolerance),
                PartKind::Ring => {
                    rings.extend(ring(store, points, tolerance, px));
                    continue;
                }
            };
            shapes.extend(shape);
        }
        if !rings.is_empty() {
            shapes.push(Shape::Polygon(rings));
        }
        if !shapes.is_empty() {
            vertices += shapes.iter().map(shape_vertices).sum::<usize>();
            features.push(PreviewFeature {
                id: kept.id,
                name: name(kept.name),
                shapes,
            });
        }
    }
    for kept in &store.points {
        if let Some(shape) = point(&mut cells, kept.xy, tolerance) {
            vertices += 1;
            features.push(PreviewFeature {
                id: kept.id,
                name: name(kept.name),
                shapes: vec![shape],
            });
        }
    }
    (features, vertices)
}

/// A point, unless one was drawn in its cell already.
fn point(cells: &mut HashSet<(i64, i64)>, [x, y]: [f64; 2], tolerance: f64) -> Option<Shape> {
    let side = tolerance * POINT_CELL;
    cells
        .insert(((x / side) as i64, (y / side) as i64))
        .then_some(Shape::Point([x, y]))
}

/// A line at a tolerance, unless it shrinks to a point.
fn line(store: &Store, points: &[Vertex], tolerance: f64) -> Option<Shape> {
    let line: Vec<[f64; 2]> = keep(points, tolerance * tolerance)
        .map(|v| store.world(v))
        .collect();
    (line.len() > 1).then_some(Shape::Line(line))
}

/// A ring at a tolerance, unless it is smaller than a pixel (`px`).
fn ring(store: &Store, points: &[Vertex], tolerance: f64, px: f64) -> Option<Vec<[f64; 2]>> {
    let ring: Vec<Vertex> = keep(points, tolerance * tolerance).copied().collect();
    (ring.len() > 3 && ring_area(&ring) >= px * px)
        .then(|| ring.iter().map(|v| store.world(v)).collect())
}

fn shape_vertices(shape: &Shape) -> usize {
    match shape {
        Shape::Point(_) => 1,
        Shape::Line(l) => l.len(),
        Shape::Polygon(rings) => rings.iter().map(Vec::len).sum(),
    }
}

#[cfg(test)]
mod tests {
    use super::super::MapBuilder;
    use super::*;

    /// A circle of `n` vertices around (lon, lat), `radius` degrees wide.
    fn circle(lon: f64, lat: f64, radius: f64, n: usize) -> Shape {
        let ring: Vec<[f64; 2]> = (0..=n)
            .map(|i| {
                let a = i as f64 / n as f64 * std::f64::consts::TAU;
                [lon + radius * a.cos(), lat + radius * a.sin()]
            })
            .collect();
        Shape::Polygon(vec![ring])
    }

    #[test]
    fn a_detailed_boundary_is_drawn_with_few_vertices_and_its_names() {
        let mut builder = MapBuilder::new(None);
        for i in 0..100u64 {
            let shape = circle(-90.0 + i as f64 * 0.2, 20.0, 0.09, 5_000);
            builder.add(i, &[shape], &format!("Municipio {i}"), &[]);
        }
        let layer = builder.finish(&[], None, &[]).0.unwrap();
        let preview = &layer.preview;
        assert_eq!(preview.features.len(), 100);
        let vertices: usize = preview
            .features
            .iter()
            .map(|f| shape_vertices(&f.shapes[0]))
            .sum();
        // 500,000 vertices in; each circle is ~11 px across in a 600 px picture.
        assert!(vertices <= PREVIEW_VERTICES, "{vertices} vertices");
        assert!(
            vertices >= 100 * 6,
            "{vertices} vertices: circles became less than hexagons"
        );
        assert_eq!(preview.features[7].name, "Municipio 7");
    }

    #[test]
    fn crowded_points_are_thinned_to_one_per_cell() {
        let mut builder = MapBuilder::new(None);
        for i in 0..10_000u32 {
            // 100 × 100 points on a 1° square: 6 px apart in a 600 px picture…
            let (x, y) = (f64::from(i % 100) * 0.01, f64::from(i / 100) * 0.01);
            builder.add(u64::from(i), &[Shape::Point([x, y])], "", &[]);
        }
        // …and a second point 0.0001° from the first: less than a pixel away.
        builder.add(10_000, &[Shape::Point([0.0001, 0.0001])], "", &[]);
        let layer = builder.finish(&[], None, &[]).0.unwrap();
        assert_eq!(layer.count, 10_001);
        let drawn = layer.preview.features.len();
        assert!(
            drawn <= PREVIEW_VERTICES && drawn > 1000,
            "{drawn} points drawn"
        );
        assert!(layer.preview.features.iter().all(|f| f.id != 10_000));
        assert!(layer.preview.features.iter().all(|f| f.name.is_empty()));
    }
}
