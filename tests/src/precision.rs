//! The results a Vulkan implementation may return for single-precision float operations,
//! from the Vulkan spec's appendix "Precision and Operation of SPIR-V Instructions"
//! (`spirvenv-op-prec`), so that a test checks a shader's float results exactly as
//! strictly as the spec allows, no more and no less.
//!
//! The spec states each operation's precision in one of three ways, and so does this
//! module:
//! * **correctly rounded**: one of the two f32 values around the exact result
//!   ([`Range::rounded`]);
//! * **n ULP**: within `n * ulp(x)` of the exact result `x` ([`Range::ulps`]), with `ulp` as
//!   the spec defines it ([`ulp`]), or an absolute error ([`Range::absolute`]);
//! * **inherited from a formula**: evaluate the formula with every operation's permitted
//!   range (interval arithmetic over the functions below: [`add`], [`div`], [`sqrt`],
//!   [`exp2`], [`log2`]...), take the smallest and largest permitted values `Fmin`, `Fmax`,
//!   and accept `[x - E, x + E]` with `E = max(|x - Fmin|, |x - Fmax|)`
//!   ([`Range::inherited`]).
//!
//! Exact results `x` are computed in f64 from the f32 inputs; f64's error (2^-53 relative)
//! is far below every f32 bound here. Inputs are chosen inside the ranges where the spec
//! defines a precision (sin and cos in [-pi, pi], divisors in [2^-126, 2^126]...).

/// The spec's `ulp(x)` for f32: the distance between the two finite f32 values around `x`
/// (the smaller gap when `x` is itself an f32).
pub fn ulp(x: f64) -> f64 {
    let x = x.abs();
    if x >= f32::MAX as f64 {
        return f32::MAX as f64 - f32::MAX.next_down() as f64;
    }
    let f = x as f32;
    let (a, b) = if f as f64 <= x { (f, f.next_up()) } else { (f.next_down(), f) };
    if a as f64 == x {
        let below = if a == 0.0 { f64::INFINITY } else { a as f64 - a.next_down() as f64 };
        below.min(a.next_up() as f64 - a as f64)
    } else {
        b as f64 - a as f64
    }
}

/// The largest f32 not above `x` and the smallest not below it.
pub fn f32_around(x: f64) -> (f32, f32) {
    let f = x as f32;
    if f as f64 == x {
        (f, f)
    } else if (f as f64) < x {
        (f, f.next_up())
    } else {
        (f.next_down(), f)
    }
}

/// A closed interval of values, in f64.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Range {
    pub lo: f64,
    pub hi: f64,
}

impl Range {
    /// An input: the value itself.
    pub fn exact(x: f64) -> Range {
        Range { lo: x, hi: x }
    }

    /// The results of a correctly rounded operation whose exact result is `x`.
    pub fn rounded(x: f64) -> Range {
        let (lo, hi) = f32_around(x);
        Range { lo: lo as f64, hi: hi as f64 }
    }

    /// Within `n` ULP of `x`.
    pub fn ulps(x: f64, n: f64) -> Range {
        let e = n * ulp(x);
        Range { lo: x - e, hi: x + e }
    }

    /// Within `e` of `x`.
    pub fn absolute(x: f64, e: f64) -> Range {
        Range { lo: x - e, hi: x + e }
    }

    /// What the spec accepts for an operation inherited from a formula whose permitted
    /// values span `self` and whose exact result is `x`: `[x - E, x + E]`.
    pub fn inherited(self, x: f64) -> Range {
        let e = (x - self.lo).abs().max((x - self.hi).abs());
        Range { lo: x - e, hi: x + e }
    }

    /// The smallest range holding both.
    pub fn hull(self, other: Range) -> Range {
        Range { lo: self.lo.min(other.lo), hi: self.hi.max(other.hi) }
    }

    pub fn contains(&self, v: f32) -> bool {
        let v = v as f64;
        self.lo <= v && v <= self.hi
    }

    fn corners(a: Range, b: Range, f: impl Fn(f64, f64) -> f64) -> [f64; 4] {
        [f(a.lo, b.lo), f(a.lo, b.hi), f(a.hi, b.lo), f(a.hi, b.hi)]
    }

    fn span(values: &[f64]) -> Range {
        let lo = values.iter().copied().fold(f64::INFINITY, f64::min);
        let hi = values.iter().copied().fold(f64::NEG_INFINITY, f64::max);
        Range { lo, hi }
    }
}

/// Asserts that `got` lies in `allowed`, naming `what` and the bound on failure.
#[track_caller]
pub fn assert_in(got: f32, allowed: Range, what: &str) {
    assert!(
        allowed.contains(got),
        "{what}: got {got:e} ({:#010x}), allowed [{:e}, {:e}]",
        got.to_bits(),
        allowed.lo,
        allowed.hi
    );
}

/// Correctly rounded binary operation over ranges: the rounding of every corner.
fn rounded_op(a: Range, b: Range, f: impl Fn(f64, f64) -> f64) -> Range {
    let c = Range::corners(a, b, f);
    let lo = c.iter().map(|&v| Range::rounded(v).lo).fold(f64::INFINITY, f64::min);
    let hi = c.iter().map(|&v| Range::rounded(v).hi).fold(f64::NEG_INFINITY, f64::max);
    Range { lo, hi }
}

/// OpFAdd: correctly rounded.
pub fn add(a: Range, b: Range) -> Range {
    rounded_op(a, b, |x, y| x + y)
}

/// OpFSub: correctly rounded.
pub fn sub(a: Range, b: Range) -> Range {
    rounded_op(a, b, |x, y| x - y)
}

/// OpFMul: correctly rounded.
pub fn mul(a: Range, b: Range) -> Range {
    rounded_op(a, b, |x, y| x * y)
}

/// OpFDiv: 2.5 ULP (for |y| in [2^-126, 2^126], which the tests keep to; `b` must not
/// hold zero).
pub fn div(a: Range, b: Range) -> Range {
    assert!(b.lo > 0.0 || b.hi < 0.0, "div: divisor range {b:?} holds zero");
    let c = Range::corners(a, b, |x, y| x / y);
    let lo = c.iter().map(|&v| Range::ulps(v, 2.5).lo).fold(f64::INFINITY, f64::min);
    let hi = c.iter().map(|&v| Range::ulps(v, 2.5).hi).fold(f64::NEG_INFINITY, f64::max);
    Range { lo, hi }
}

/// A monotonic function with an error bound at each point: the hull of the bounds at
/// both ends (and at `extra` points inside, for functions that are not monotonic).
fn pointwise(a: Range, f: impl Fn(f64) -> f64, bound: impl Fn(f64, f64) -> Range, extra: &[f64]) -> Range {
    let mut r = bound(a.lo, f(a.lo)).hull(bound(a.hi, f(a.hi)));
    for &x in extra.iter().filter(|&&x| a.lo < x && x < a.hi) {
        r = r.hull(bound(x, f(x)));
    }
    r
}

/// inversesqrt: 2 ULP.
pub fn inversesqrt(a: Range) -> Range {
    pointwise(a, |x| 1.0 / x.sqrt(), |_, y| Range::ulps(y, 2.0), &[])
}

/// sqrt: inherited from 1.0 / inversesqrt(x).
pub fn sqrt(a: Range) -> Range {
    div(Range::exact(1.0), inversesqrt(a))
}

/// exp2 and exp: 3 + 2|x| ULP.
pub fn exp2(a: Range) -> Range {
    pointwise(a, f64::exp2, |x, y| Range::ulps(y, 3.0 + 2.0 * x.abs()), &[])
}

pub fn exp(a: Range) -> Range {
    pointwise(a, f64::exp, |x, y| Range::ulps(y, 3.0 + 2.0 * x.abs()), &[])
}

/// log2 and log: absolute error < 2^-21 in [0.5, 2], 3 ULP outside.
fn log_bound(x: f64, y: f64) -> Range {
    if (0.5..=2.0).contains(&x) {
        Range::absolute(y, 2f64.powi(-21))
    } else {
        Range::ulps(y, 3.0)
    }
}

pub fn log2(a: Range) -> Range {
    pointwise(a, f64::log2, log_bound, &[0.5, 2.0])
}

pub fn log(a: Range) -> Range {
    pointwise(a, f64::ln, log_bound, &[0.5, 2.0])
}

/// sin and cos: absolute error 2^-11 in [-pi, pi] (the tests stay inside it).
pub fn sin(a: Range) -> Range {
    let e = 2f64.powi(-11);
    let turns = [-std::f64::consts::FRAC_PI_2, std::f64::consts::FRAC_PI_2];
    pointwise(a, f64::sin, |_, y| Range::absolute(y, e), &turns)
}

pub fn cos(a: Range) -> Range {
    let e = 2f64.powi(-11);
    pointwise(a, f64::cos, |_, y| Range::absolute(y, e), &[0.0])
}

/// atan: 4096 ULP.
pub fn atan(a: Range) -> Range {
    pointwise(a, f64::atan, |_, y| Range::ulps(y, 4096.0), &[])
}

/// atan2(y, x): 4096 ULP, over the corners (the ranges must not straddle the branch cut).
pub fn atan2(y: Range, x: Range) -> Range {
    let c = Range::corners(y, x, f64::atan2);
    let lo = c.iter().map(|&v| Range::ulps(v, 4096.0).lo).fold(f64::INFINITY, f64::min);
    let hi = c.iter().map(|&v| Range::ulps(v, 4096.0).hi).fold(f64::NEG_INFINITY, f64::max);
    Range { lo, hi }
}

/// Values at the corners of a two-argument formula, for the tests' own compositions.
pub fn span(values: &[f64]) -> Range {
    Range::span(values)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ulp_follows_the_spec_definition() {
        assert_eq!(ulp(1.0), 2f64.powi(-24), "below 1.0 the gap is 2^-24");
        assert_eq!(ulp(1.5), 2f64.powi(-23));
        assert_eq!(ulp(1.0 + 2f64.powi(-30)), 2f64.powi(-23));
        assert_eq!(Range::rounded(1.0), Range::exact(1.0));
        let third = Range::rounded(1.0 / 3.0);
        assert!(third.lo < 1.0 / 3.0 && 1.0 / 3.0 < third.hi);
    }

    #[test]
    fn inherited_bounds_are_symmetric_around_the_exact_result() {
        let r = Range { lo: 0.75, hi: 1.5 }.inherited(1.0);
        assert_eq!((r.lo, r.hi), (0.5, 1.5));
        let s = sqrt(Range::exact(4.0));
        assert!(s.contains(2.0) && !s.contains(2.001));
    }
}
