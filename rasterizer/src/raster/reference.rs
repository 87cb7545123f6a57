//! Test oracles, written independently of the code under test: per-sample
//! point-in-triangle tests with the top-left rule phrased geometrically ("the third vertex
//! is below a horizontal edge", "the third vertex is right of the edge"), and an f64
//! version for unsnapped geometry.

/// Whether sample `p` is covered by the triangle `v` (fixed-point coordinates, either
/// winding), with the top-left rule. Exact (i128).
pub fn covers(v: [(i64, i64); 3], p: (i64, i64)) -> bool {
    let cross = |a: (i64, i64), b: (i64, i64), c: (i64, i64)| -> i128 {
        (b.0 - a.0) as i128 * (c.1 - a.1) as i128 - (b.1 - a.1) as i128 * (c.0 - a.0) as i128
    };
    if cross(v[0], v[1], v[2]) == 0 {
        return false;
    }
    for i in 0..3 {
        let (a, b, c) = (v[i], v[(i + 1) % 3], v[(i + 2) % 3]);
        let side_c = cross(a, b, c).signum();
        let side_p = cross(a, b, p).signum();
        if side_p == -side_c {
            return false;
        }
        if side_p == 0 && !is_top_or_left(a, b, c) {
            return false;
        }
    }
    true
}

/// Whether the edge a-b of a triangle whose third vertex is c is a top edge (horizontal,
/// c below it: larger y) or a left edge (c to the right of the edge on c's row).
fn is_top_or_left(a: (i64, i64), b: (i64, i64), c: (i64, i64)) -> bool {
    if a.1 == b.1 {
        return c.1 > a.1;
    }
    // x of the edge at row c.y is a.x + (c.y - a.y) (b.x - a.x) / (b.y - a.y); c is to its
    // right when c.x exceeds it. Multiply through by (b.y - a.y), minding its sign.
    let lhs = (c.0 - a.0) as i128 * (b.1 - a.1) as i128;
    let rhs = (c.1 - a.1) as i128 * (b.0 - a.0) as i128;
    if b.1 > a.1 {
        lhs > rhs
    } else {
        lhs < rhs
    }
}

/// f64 point-in-triangle for unsnapped geometry: `None` when p is within `margin` pixels
/// of an edge line (too close to call), else whether it is strictly inside.
pub fn covers_f64(v: [(f64, f64); 3], p: (f64, f64), margin: f64) -> Option<bool> {
    let mut inside = true;
    let area = (v[1].0 - v[0].0) * (v[2].1 - v[0].1) - (v[1].1 - v[0].1) * (v[2].0 - v[0].0);
    for i in 0..3 {
        let (a, b) = (v[i], v[(i + 1) % 3]);
        let e = (b.0 - a.0) * (p.1 - a.1) - (b.1 - a.1) * (p.0 - a.0);
        let len = ((b.0 - a.0).powi(2) + (b.1 - a.1).powi(2)).sqrt();
        if (e / len).abs() < margin {
            return None;
        }
        inside &= e * area > 0.0;
    }
    Some(inside)
}

/// Barycentric coordinates of p in the triangle v (f64, any winding).
pub fn barycentrics(v: [(f64, f64); 3], p: (f64, f64)) -> [f64; 3] {
    let area = |a: (f64, f64), b: (f64, f64), c: (f64, f64)| (b.0 - a.0) * (c.1 - a.1) - (b.1 - a.1) * (c.0 - a.0);
    let total = area(v[0], v[1], v[2]);
    [area(p, v[1], v[2]) / total, area(v[0], p, v[2]) / total, area(v[0], v[1], p) / total]
}

/// A small deterministic generator (SplitMix64) for random tests.
pub struct Rng(pub u64);

impl Rng {
    pub fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// Uniform in `lo..hi`.
    pub fn range(&mut self, lo: i64, hi: i64) -> i64 {
        lo + (self.next() % (hi - lo) as u64) as i64
    }

    pub fn unit(&mut self) -> f64 {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64
    }
}
