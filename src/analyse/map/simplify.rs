//! Douglas–Peucker, run once per line or ring: each vertex gets the squared
//! distance (in world units) below which a tolerance drops it, so a line is
//! simplified for any zoom by keeping the vertices at or above that zoom's
//! tolerance, without running the algorithm again (as geojson-vt does).

/// A vertex: `[x, y, importance]`, x and y in world units from the map's
/// origin (`Store::origin`: as `f32`, a tenth of a metre over a city, two
/// metres over the whole world), importance the squared tolerance (in world
/// units) that drops it. Twelve bytes, so big maps fit in memory.
pub type Vertex = [f32; 3];

/// A vertex's position, for arithmetic.
pub fn xy(v: &Vertex) -> [f64; 2] {
    [f64::from(v[0]), f64::from(v[1])]
}

/// Ranks the vertices of a line or closed ring (first = last): the ends
/// never go; every other vertex gets the squared distance of its
/// Douglas–Peucker split, capped by the split above it, so that keeping the
/// vertices at or above a tolerance gives exactly Douglas–Peucker's result.
pub fn rank(points: &mut [Vertex]) {
    let n = points.len();
    if n == 0 {
        return;
    }
    for p in points.iter_mut() {
        p[2] = 0.0;
    }
    points[0][2] = f32::INFINITY;
    points[n - 1][2] = f32::INFINITY;
    let mut stack = vec![(0, n - 1, f64::INFINITY)];
    while let Some((a, b, cap)) = stack.pop() {
        if b <= a + 1 {
            continue;
        }
        let (mut farthest, mut index) = (-1.0, a + 1);
        for (i, p) in points.iter().enumerate().take(b).skip(a + 1) {
            let d = segment_distance_sq(p, &points[a], &points[b]);
            if d > farthest {
                farthest = d;
                index = i;
            }
        }
        let importance = farthest.min(cap);
        points[index][2] = importance as f32;
        stack.push((a, index, importance));
        stack.push((index, b, importance));
    }
}

/// The vertices kept at a squared tolerance.
pub fn keep(points: &[Vertex], tolerance_sq: f64) -> impl Iterator<Item = &Vertex> {
    points
        .iter()
        .filter(move |p| f64::from(p[2]) >= tolerance_sq)
}

/// Twice the signed area of a ring.
pub fn ring_area(points: &[Vertex]) -> f64 {
    points
        .windows(2)
        .map(|w| {
            let ([x0, y0], [x1, y1]) = (xy(&w[0]), xy(&w[1]));
            x0 * y1 - x1 * y0
        })
        .sum::<f64>()
        .abs()
        / 2.0
}

/// The squared distance from `p` to the segment `a`–`b`.
fn segment_distance_sq(p: &Vertex, a: &Vertex, b: &Vertex) -> f64 {
    let (p, a, b) = (xy(p), xy(a), xy(b));
    let (mut x, mut y) = (a[0], a[1]);
    let (dx, dy) = (b[0] - x, b[1] - y);
    if dx != 0.0 || dy != 0.0 {
        let t = ((p[0] - x) * dx + (p[1] - y) * dy) / (dx * dx + dy * dy);
        if t > 1.0 {
            x = b[0];
            y = b[1];
        } else if t > 0.0 {
            x += dx * t;
            y += dy * t;
        }
    }
    let (ex, ey) = (p[0] - x, p[1] - y);
    ex * ex + ey * ey
}

#[cfg(test)]
mod tests {
    use super::*;

    fn line(points: &[[f64; 2]]) -> Vec<Vertex> {
        let mut line: Vec<Vertex> = points
            .iter()
            .map(|p| [p[0] as f32, p[1] as f32, 0.0])
            .collect();
        rank(&mut line);
        line
    }

    fn kept(line: &[Vertex], tolerance: f64) -> Vec<[f64; 2]> {
        keep(line, tolerance * tolerance).map(xy).collect()
    }

    #[test]
    fn a_bump_smaller_than_the_tolerance_goes_a_bigger_one_stays() {
        // A straight line with a bump 0.1 high at x = 1 and one 2 high at
        // x = 3; (2, 0) is 4/√13 ≈ 1.11 from the segment (0, 0)–(3, 2).
        let l = line(&[[0.0, 0.0], [1.0, 0.1], [2.0, 0.0], [3.0, 2.0], [4.0, 0.0]]);
        assert_eq!(
            kept(&l, 0.5),
            [[0.0, 0.0], [2.0, 0.0], [3.0, 2.0], [4.0, 0.0]]
        );
        assert_eq!(kept(&l, 1.2), [[0.0, 0.0], [3.0, 2.0], [4.0, 0.0]]);
        assert_eq!(kept(&l, 0.05).len(), 5);
        assert_eq!(kept(&l, 3.0), [[0.0, 0.0], [4.0, 0.0]]);
    }

    #[test]
    fn a_vertex_kept_keeps_the_split_that_found_it() {
        // C (5, 1) is farthest from A–D and splits first, at 1. B (1, -0.9)
        // is 0.9 from A–D but 1.08 from A–C: uncapped, a tolerance of 1.05
        // would keep B and drop the C it hangs from.
        let l = line(&[[0.0, 0.0], [1.0, -0.9], [5.0, 1.0], [10.0, 0.0]]);
        assert_eq!(l[2][2], 1.0);
        assert_eq!(l[1][2], 1.0);
        assert_eq!(kept(&l, 0.99).len(), 4);
        assert_eq!(kept(&l, 1.05), [[0.0, 0.0], [10.0, 0.0]]);
    }

    #[test]
    fn a_closed_ring_keeps_its_shape_and_area() {
        let square = line(&[[0.0, 0.0], [1.0, 0.0], [1.0, 1.0], [0.0, 1.0], [0.0, 0.0]]);
        assert_eq!(kept(&square, 0.1).len(), 5);
        assert_eq!(ring_area(&square), 1.0);
    }
}
