//! Cutting lines and rings to a tile: clipped to a slab along one axis at a
//! time (Sutherland–Hodgman, in the manner of geojson-vt), the vertices made
//! where they cross the slab's edges always kept.

use super::simplify::{Vertex, xy};

/// The point where `a`–`b` crosses the line `axis = k`, always kept.
fn crossing(a: &Vertex, b: &Vertex, axis: usize, k: f64) -> Vertex {
    let (a, b) = (xy(a), xy(b));
    let t = (k - a[axis]) / (b[axis] - a[axis]);
    let mut p = [a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t];
    p[axis] = k;
    [p[0] as f32, p[1] as f32, f32::INFINITY]
}

/// The parts of a line (or, `closed`, a ring) between `k1` and `k2` along
/// `axis` (0: x, 1: y). A line may come out in several pieces; a ring comes
/// out as one ring (running along the slab's edges where it was cut), or none.
pub fn clip(points: &[Vertex], axis: usize, k1: f64, k2: f64, closed: bool) -> Vec<Vec<Vertex>> {
    let mut pieces = Vec::new();
    let mut piece: Vec<Vertex> = Vec::new();
    for w in points.windows(2) {
        let (a, b) = (&w[0], &w[1]);
        let (ka, kb) = (f64::from(a[axis]), f64::from(b[axis]));
        let mut exited = false;
        if ka < k1 {
            if kb > k1 {
                piece.push(crossing(a, b, axis, k1));
            }
        } else if ka > k2 {
            if kb < k2 {
                piece.push(crossing(a, b, axis, k2));
            }
        } else {
            piece.push(*a);
        }
        if kb < k1 && ka >= k1 {
            piece.push(crossing(a, b, axis, k1));
            exited = true;
        }
        if kb > k2 && ka <= k2 {
            piece.push(crossing(a, b, axis, k2));
            exited = true;
        }
        if !closed && exited {
            pieces.push(std::mem::take(&mut piece));
        }
    }
    if let Some(last) = points.last()
        && (k1..=k2).contains(&f64::from(last[axis]))
    {
        piece.push(*last);
    }
    if closed && piece.len() >= 3 && piece.first().map(xy) != piece.last().map(xy) {
        piece.push(piece[0]);
    }
    pieces.push(piece);
    let least = if closed { 4 } else { 2 };
    pieces.retain(|p| p.len() >= least);
    pieces
}

/// A line or ring cut to a box `[x1, y1, x2, y2]`.
pub fn clip_box(points: &[Vertex], bounds: [f64; 4], closed: bool) -> Vec<Vec<Vertex>> {
    clip(points, 0, bounds[0], bounds[2], closed)
        .iter()
        .flat_map(|p| clip(p, 1, bounds[1], bounds[3], closed))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn v(points: &[[f64; 2]]) -> Vec<Vertex> {
        points
            .iter()
            .map(|p| [p[0] as f32, p[1] as f32, 0.0])
            .collect()
    }

    /// The pieces' positions, rounded to a millionth.
    fn plain(pieces: &[Vec<Vertex>]) -> Vec<Vec<[f64; 2]>> {
        let round = |v: f64| (v * 1e6).round() / 1e6;
        pieces
            .iter()
            .map(|p| {
                p.iter()
                    .map(|v| [round(f64::from(v[0])), round(f64::from(v[1]))])
                    .collect()
            })
            .collect()
    }

    #[test]
    fn a_line_through_a_box_keeps_its_middle_and_a_line_leaving_twice_is_two_pieces() {
        let line = v(&[[-1.0, 0.5], [2.0, 0.5]]);
        assert_eq!(
            plain(&clip_box(&line, [0.0, 0.0, 1.0, 1.0], false)),
            [vec![[0.0, 0.5], [1.0, 0.5]]]
        );
        // In, out through the top, back in, out on the right.
        let zigzag = v(&[[0.2, 0.5], [0.4, 1.5], [0.6, 0.5], [1.5, 0.5]]);
        let pieces = plain(&clip_box(&zigzag, [0.0, 0.0, 1.0, 1.0], false));
        assert_eq!(
            pieces,
            [
                vec![[0.2, 0.5], [0.3, 1.0]],
                vec![[0.5, 1.0], [0.6, 0.5], [1.0, 0.5]]
            ]
        );
    }

    #[test]
    fn a_square_cut_by_a_box_becomes_the_overlap_and_stays_closed() {
        let square = v(&[[0.5, 0.5], [1.5, 0.5], [1.5, 1.5], [0.5, 1.5], [0.5, 0.5]]);
        let pieces = plain(&clip_box(&square, [0.0, 0.0, 1.0, 1.0], true));
        assert_eq!(pieces.len(), 1);
        let ring = &pieces[0];
        assert_eq!(ring.first(), ring.last());
        let mut corners: Vec<[f64; 2]> = ring[..ring.len() - 1].to_vec();
        corners.sort_by(|a, b| a.partial_cmp(b).unwrap());
        corners.dedup();
        assert_eq!(corners, [[0.5, 0.5], [0.5, 1.0], [1.0, 0.5], [1.0, 1.0]]);
        let outside = v(&[[2.0, 2.0], [3.0, 2.0], [3.0, 3.0], [2.0, 2.0]]);
        assert!(clip_box(&outside, [0.0, 0.0, 1.0, 1.0], true).is_empty());
    }
}
