//! Cutting a map into tiles at build time, so a phone fetches only what it
//! shows: a quadtree of JSON tiles (`t/<z>/<x>/<y>.json`) from the zoom where
//! the whole layer fits one tile, each tile split in four while it holds more
//! than a tile should. A tile that is split holds its features simplified to
//! its zoom (rings smaller than a pixel left out, points grouped into clusters
//! of a quarter tile); a tile that is not (a leaf) holds them at the finest
//! detail kept, for every deeper zoom the browser scales it to.
//!
//! The shape of the tree is one string, in depth-first order from tile 0/0/0,
//! one letter per tile: `e` empty, `n` no file at this zoom (above the first)
//! with four children after it, `t` a tile with four children, `l` a leaf.
//!
//! A tile: `{"e": extent, "a": [[n, ring, ring…]…], "l": [[n, line…]…],
//! "p": [[n, x, y, "name"]…], "c": [[count, x, y]…]}`: areas (polygon rings,
//! filled even-odd), lines, points and clusters of feature `n`, positions as
//! integers from the tile's top left corner, `extent` a side (more in leaves,
//! which are scaled up), each ring or line `[x, y, dx, dy, dx, dy…]`.

use super::MAX_ZOOM;
use super::clip::clip_box;
use super::simplify::{Vertex, keep, ring_area};
use super::store::{KeptPoint, PartKind, Store};
use crate::analyse::geometry::pixel;
use std::fmt::Write as _;
use std::io;

/// Units of a tile's side (tiles are 256 pixels: 4 units a pixel).
pub const EXTENT: i64 = 1024;
/// Margin around a tile, in units, so a line's width is never cut at its edge.
const BUFFER: i64 = 16;
/// A tile with at most this many vertices and points is not split.
const LEAF_VERTICES: usize = 4_000;
const LEAF_POINTS: usize = 256;
/// Cells per tile side for clusters of points in a split tile (64 pixels).
const CLUSTER_CELLS: i64 = 4;

/// A feature as a tile holds it: clipped to the tile's box.
struct Piece {
    id: u32,
    lines: Vec<Vec<Vertex>>,
    rings: Vec<Vec<Vertex>>,
}

/// What falls in a tile.
#[derive(Default)]
struct Node {
    pieces: Vec<Piece>,
    points: Vec<KeptPoint>,
}

impl Node {
    fn is_empty(&self) -> bool {
        self.pieces.is_empty() && self.points.is_empty()
    }

    fn vertices(&self) -> usize {
        self.pieces
            .iter()
            .flat_map(|p| p.lines.iter().chain(&p.rings))
            .map(Vec::len)
            .sum::<usize>()
    }

    /// What falls in a child tile: pieces clipped to its box with a
    /// margin, points in its box (each in exactly one tile).
    fn child(&self, z: u8, x: u32, y: u32, origin: [f64; 2]) -> Node {
        let tile = TileBox::of(z, x, y, origin);
        let pieces = self
            .pieces
            .iter()
            .filter_map(|p| {
                tile.clip(
                    p.id,
                    p.lines.iter().map(Vec::as_slice),
                    p.rings.iter().map(Vec::as_slice),
                )
            })
            .collect();
        let points = tile.points(&self.points);
        Node { pieces, points }
    }

    /// What of the kept features falls in a tile: cut from the store itself,
    /// so the features are never held twice whole.
    fn of_store(store: &Store, z: u8, x: u32, y: u32) -> Node {
        let tile = TileBox::of(z, x, y, store.origin);
        let mut points = tile.points(&store.points);
        let mut pieces = Vec::new();
        for kept in &store.features {
            let parts = store.parts(kept);
            let of = |kind| {
                parts
                    .iter()
                    .filter(move |p| p.kind == kind)
                    .map(|p| store.vertices(p))
            };
            let singles: Vec<KeptPoint> = of(PartKind::Point)
                .map(|v| KeptPoint {
                    id: kept.id,
                    name: kept.name,
                    xy: store.world(&v[0]),
                })
                .collect();
            points.extend(tile.points(&singles));
            pieces.extend(tile.clip(kept.id, of(PartKind::Line), of(PartKind::Ring)));
        }
        Node { pieces, points }
    }
}

/// A tile's box in world units, without its margin, and with it from the
/// store's origin (as vertices are).
struct TileBox {
    x0: f64,
    y0: f64,
    side: f64,
    /// With the margin, from the origin: `[x1, y1, x2, y2]`.
    bounds: [f64; 4],
}

impl TileBox {
    fn of(z: u8, x: u32, y: u32, origin: [f64; 2]) -> TileBox {
        let side = 1.0 / f64::from(1u32 << z);
        let margin = side * BUFFER as f64 / EXTENT as f64;
        let (x0, y0) = (f64::from(x) * side, f64::from(y) * side);
        let (rx, ry) = (x0 - origin[0], y0 - origin[1]);
        TileBox {
            x0,
            y0,
            side,
            bounds: [
                rx - margin,
                ry - margin,
                rx + side + margin,
                ry + side + margin,
            ],
        }
    }

    /// Whether a world box `[w, n, e, s]` meets the tile.
    fn meets(&self, frame: [f64; 4]) -> bool {
        frame[0] <= self.x0 + self.side
            && frame[2] >= self.x0
            && frame[1] <= self.y0 + self.side
            && frame[3] >= self.y0
    }

    /// A feature's lines and rings cut to the box, if anything is left.
    fn clip<'v>(
        &self,
        id: u32,
        lines: impl Iterator<Item = &'v [Vertex]>,
        rings: impl Iterator<Item = &'v [Vertex]>,
    ) -> Option<Piece> {
        let lines: Vec<_> = lines
            .flat_map(|l| clip_box(l, self.bounds, false))
            .collect();
        let rings: Vec<_> = rings.flat_map(|r| clip_box(r, self.bounds, true)).collect();
        (!lines.is_empty() || !rings.is_empty()).then_some(Piece { id, lines, rings })
    }

    /// The points in the box (without margin: each in exactly one tile).
    fn points(&self, points: &[KeptPoint]) -> Vec<KeptPoint> {
        let (xs, ys) = (self.x0..self.x0 + self.side, self.y0..self.y0 + self.side);
        points
            .iter()
            .filter(|p| xs.contains(&p.xy[0]) && ys.contains(&p.xy[1]))
            .copied()
            .collect()
    }
}

/// The zoom where a world box `[w, n, e, s]` fits one tile, less one: the
/// first zoom with tiles.
pub fn first_zoom(frame: [f64; 4]) -> u8 {
    let span = (frame[2] - frame[0])
        .max(frame[3] - frame[1])
        .max(super::MIN_SPAN);
    let fits = (1.0 / span).log2().floor().max(0.0) as u8;
    fits.saturating_sub(1).min(MAX_ZOOM)
}

/// Cuts the kept features into tiles from `first_zoom`, handing each tile's
/// name (`t/z/x/y.json`) and bytes to `write`; gives the tree's string.
pub(super) fn cut(
    store: &Store,
    frame: [f64; 4],
    first_zoom: u8,
    write: &mut dyn FnMut(&str, &[u8]) -> io::Result<()>,
) -> io::Result<String> {
    let mut cutter = Cutter {
        store,
        frame,
        first_zoom,
        tree: String::new(),
        write,
    };
    cutter.above(0, 0, 0)?;
    Ok(cutter.tree)
}

struct Cutter<'a, 'w> {
    store: &'a Store,
    /// The world box of the kept features.
    frame: [f64; 4],
    first_zoom: u8,
    tree: String,
    write: &'w mut dyn FnMut(&str, &[u8]) -> io::Result<()>,
}

impl Cutter<'_, '_> {
    /// A tile above the first zoom: no file, its children if the layer
    /// reaches it; at the first zoom, the tile cut from the store.
    fn above(&mut self, z: u8, x: u32, y: u32) -> io::Result<()> {
        if z == self.first_zoom {
            return self.tile(Node::of_store(self.store, z, x, y), z, x, y);
        }
        if !TileBox::of(z, x, y, self.store.origin).meets(self.frame) {
            self.tree.push('e');
            return Ok(());
        }
        self.tree.push('n');
        for (dx, dy) in [(0, 0), (1, 0), (0, 1), (1, 1)] {
            self.above(z + 1, x * 2 + dx, y * 2 + dy)?;
        }
        Ok(())
    }

    fn tile(&mut self, node: Node, z: u8, x: u32, y: u32) -> io::Result<()> {
        if node.is_empty() {
            self.tree.push('e');
            return Ok(());
        }
        let leaf =
            z >= MAX_ZOOM || (node.vertices() <= LEAF_VERTICES && node.points.len() <= LEAF_POINTS);
        if z < self.first_zoom {
            self.tree.push('n');
        } else {
            let json = encode(self.store, &node, z, x, y, leaf);
            (self.write)(&format!("t/{z}/{x}/{y}.json"), json.as_bytes())?;
            self.tree.push(if leaf { 'l' } else { 't' });
            if leaf {
                return Ok(());
            }
        }
        for (dx, dy) in [(0, 0), (1, 0), (0, 1), (1, 1)] {
            let child = node.child(z + 1, x * 2 + dx, y * 2 + dy, self.store.origin);
            self.tile(child, z + 1, x * 2 + dx, y * 2 + dy)?;
        }
        Ok(())
    }
}

/// Positions in a tile's units: from world positions, or from vertices
/// counted from the store's origin.
struct Grid {
    scale: f64,
    x0: f64,
    y0: f64,
    origin: [f64; 2],
}

impl Grid {
    fn vertex(&self, v: &Vertex) -> (i64, i64) {
        self.at(&[
            self.origin[0] + f64::from(v[0]),
            self.origin[1] + f64::from(v[1]),
        ])
    }

    fn at(&self, v: &[f64; 2]) -> (i64, i64) {
        (
            ((v[0] - self.x0) * self.scale).round() as i64,
            ((v[1] - self.y0) * self.scale).round() as i64,
        )
    }
}

/// A tile's JSON: a leaf at full detail with every point, a split tile
/// simplified to its zoom with points in clusters.
fn encode(store: &Store, node: &Node, z: u8, x: u32, y: u32, leaf: bool) -> String {
    let extent = if leaf {
        EXTENT << (MAX_ZOOM - z)
    } else {
        EXTENT
    };
    let side = 1.0 / f64::from(1u32 << z);
    let grid = Grid {
        scale: extent as f64 / side,
        x0: f64::from(x) * side,
        y0: f64::from(y) * side,
        origin: store.origin,
    };
    let px = pixel(z);
    let (tolerance_sq, least_area) = if leaf {
        (0.0, 0.0)
    } else {
        (px * px / 4.0, px * px)
    };
    let mut areas = Vec::new();
    let mut lines = Vec::new();
    for piece in &node.pieces {
        let rings: Vec<String> = piece
            .rings
            .iter()
            .filter(|r| ring_area(r) >= least_area)
            .filter_map(|r| runs(r, tolerance_sq, &grid, 4))
            .collect();
        if !rings.is_empty() {
            areas.push(format!("[{},{}]", piece.id, rings.join(",")));
        }
        let parts: Vec<String> = piece
            .lines
            .iter()
            .filter_map(|l| runs(l, tolerance_sq, &grid, 2))
            .collect();
        if !parts.is_empty() {
            lines.push(format!("[{},{}]", piece.id, parts.join(",")));
        }
    }
    let (points, clusters) = points(store, &node.points, &grid, extent, leaf);
    format!(
        r#"{{"e":{extent},"a":[{}],"l":[{}],"p":[{}],"c":[{}]}}"#,
        areas.join(","),
        lines.join(","),
        points.join(","),
        clusters.join(",")
    )
}

/// A ring or line as `[x,y,dx,dy…]` at a tolerance, repeated positions left
/// out; `None` when fewer than `least` positions are left.
fn runs(points: &[Vertex], tolerance_sq: f64, grid: &Grid, least: usize) -> Option<String> {
    let mut out = String::from("[");
    let mut last: Option<(i64, i64)> = None;
    let mut count = 0;
    for v in keep(points, tolerance_sq) {
        let here = grid.vertex(v);
        let (dx, dy) = match last {
            None => here,
            Some(previous) if previous == here => continue,
            Some(previous) => (here.0 - previous.0, here.1 - previous.1),
        };
        if count > 0 {
            out.push(',');
        }
        let _ = write!(out, "{dx},{dy}");
        last = Some(here);
        count += 1;
    }
    out.push(']');
    (count >= least).then_some(out)
}

/// The points of a tile (`[n,x,y,"name"]`) and its clusters (`[count,x,y]`):
/// a leaf lists every point; a split tile groups those sharing a cell.
fn points(
    store: &Store,
    points: &[KeptPoint],
    grid: &Grid,
    extent: i64,
    leaf: bool,
) -> (Vec<String>, Vec<String>) {
    let point = |p: &KeptPoint| {
        let (x, y) = grid.at(&p.xy);
        let name = store.name(p.name);
        if name.is_empty() {
            format!("[{},{x},{y}]", p.id)
        } else {
            let name = serde_json::to_string(name).unwrap_or_default();
            format!("[{},{x},{y},{name}]", p.id)
        }
    };
    if leaf {
        return (points.iter().map(point).collect(), Vec::new());
    }
    let cell = extent / CLUSTER_CELLS;
    let mut cells: std::collections::BTreeMap<(i64, i64), Vec<&KeptPoint>> = Default::default();
    for p in points {
        let (x, y) = grid.at(&p.xy);
        let key = (
            (x / cell).clamp(0, CLUSTER_CELLS - 1),
            (y / cell).clamp(0, CLUSTER_CELLS - 1),
        );
        cells.entry(key).or_default().push(p);
    }
    let mut singles = Vec::new();
    let mut clusters = Vec::new();
    for members in cells.values() {
        if let [one] = members[..] {
            singles.push(point(one));
            continue;
        }
        let n = members.len() as f64;
        let cx = members.iter().map(|p| p.xy[0]).sum::<f64>() / n;
        let cy = members.iter().map(|p| p.xy[1]).sum::<f64>() / n;
        let (x, y) = grid.at(&[cx, cy]);
        clusters.push(format!("[{},{x},{y}]", members.len()));
    }
    (singles, clusters)
}

#[cfg(test)]
mod tests {
    use super::super::MapBuilder;
    use super::*;
    use crate::analyse::geometry::Shape;
    use std::collections::BTreeMap;

    fn tiles_of(builder: MapBuilder, first: u8) -> (String, BTreeMap<String, serde_json::Value>) {
        let mut files = BTreeMap::new();
        let frame = builder.bbox.unwrap().world();
        let tree = cut(&builder.store, frame, first, &mut |name, bytes| {
            files.insert(name.to_string(), serde_json::from_slice(bytes).unwrap());
            Ok(())
        })
        .unwrap();
        (tree, files)
    }

    #[test]
    fn a_small_layer_is_one_leaf_under_a_path_of_empty_tiles() {
        let mut builder = MapBuilder::new(None);
        builder.add(0, &[Shape::Point([-96.9236, 19.5283])], "Catedral", &[]);
        builder.add(1, &[Shape::Point([-96.9200, 19.5300])], "", &[]);
        let (tree, files) = tiles_of(builder, 2);
        // Zooms 0 and 1 have no files; tile 2/0/1 holds both points (x = 0.23,
        // y = 0.44 in world units: tile 0 across, 1 down of four).
        assert_eq!(files.keys().collect::<Vec<_>>(), ["t/2/0/1.json"]);
        assert!(tree.starts_with("nn"), "{tree}");
        assert_eq!(tree.matches('l').count(), 1);
        assert_eq!(tree.len(), 1 + 4 + 4);
        let tile = &files["t/2/0/1.json"];
        assert_eq!(tile["p"].as_array().unwrap().len(), 2);
        assert_eq!(tile["p"][0][3], "Catedral");
        assert_eq!(tile["e"], EXTENT << (MAX_ZOOM - 2));
    }

    #[test]
    fn crowded_points_are_clusters_until_a_tile_holds_few_enough() {
        let mut builder = MapBuilder::new(None);
        for i in 0..1000u32 {
            let (x, y) = (f64::from(i % 40) * 0.001, f64::from(i / 40) * 0.001);
            builder.add(
                u64::from(i),
                &[Shape::Point([-99.0 + x, 19.0 + y])],
                "",
                &[],
            );
        }
        let first = first_zoom(builder.bbox.unwrap().world());
        let (tree, files) = tiles_of(builder, first);
        let top: Vec<&serde_json::Value> = files
            .iter()
            .filter(|(name, _)| name.starts_with(&format!("t/{first}/")))
            .map(|(_, tile)| tile)
            .collect();
        let count = |tile: &serde_json::Value| {
            tile["c"]
                .as_array()
                .unwrap()
                .iter()
                .map(|c| c[0].as_u64().unwrap())
                .sum::<u64>()
                + tile["p"].as_array().unwrap().len() as u64
        };
        assert_eq!(
            top.iter().map(|t| count(t)).sum::<u64>(),
            1000,
            "every point is in the first tiles, once"
        );
        for tile in &top {
            assert!(tile["c"].as_array().unwrap().len() <= 16);
        }
        let leaves: usize = files
            .values()
            .filter(|t| t["c"].as_array().unwrap().is_empty())
            .map(|t| t["p"].as_array().unwrap().len())
            .sum();
        assert!(tree.contains('l') && leaves >= 1000, "{tree}");
    }

    #[test]
    fn a_big_polygon_is_cut_and_simplified_tiles_stay_small() {
        let mut builder = MapBuilder::new(None);
        // A jagged circle of 100,000 vertices, 2° wide: each vertex 100 m
        // in or out, so simplification for the finest zoom keeps them all.
        let ring: Vec<[f64; 2]> = (0..100_000)
            .map(|i| {
                let a = f64::from(i) / 100_000.0 * std::f64::consts::TAU;
                let r = 1.0 + if i % 2 == 0 { 0.001 } else { -0.001 };
                [-99.0 + r * a.cos(), 19.0 + r * a.sin()]
            })
            .collect();
        builder.add(0, &[Shape::Polygon(vec![ring])], "Estado", &[]);
        let first = first_zoom(builder.bbox.unwrap().world());
        let (tree, files) = tiles_of(builder, first);
        let first_tiles: Vec<_> = files
            .iter()
            .filter(|(name, _)| name.starts_with(&format!("t/{first}/")))
            .collect();
        for (name, tile) in &first_tiles {
            let size = tile.to_string().len();
            assert!(size < 20_000, "{name} is {size} bytes");
        }
        assert!(tree.contains('t') && tree.contains('l'), "{tree}");
    }
}
