//! The GLSL.std.450 extended instructions, with inputs chosen for their edge cases
//! (halfway values, negatives, the ends of the normal range, clamping), each result checked
//! to the precision the Vulkan spec requires in "Precision and Operation of SPIR-V
//! Instructions" (`softvk_tests::precision`): correctly rounded functions exactly (either
//! neighbour of the exact value), ULP bounds for exp/log/inversesqrt/atan, an absolute
//! error for sin/cos, and the bound inherited from its formula for everything defined by
//! one (tan, asin, pow, sinh, mix, smoothstep, length, reflect...). Determinant and
//! MatrixInverse, whose precision the spec leaves undefined, are checked with a stated
//! tolerance on well-conditioned integer matrices. The NMin/NMax/NClamp, ModfStruct and
//! pointer Frexp forms, which glslang never emits, are in `shader_other_front_ends.rs`.

use softvk_tests::compute::{bytes_of, spirv, values_of, ComputeJob};
use softvk_tests::features::context_with;
use softvk_tests::precision::{self as p, assert_in, Range};
use softvk_tests::{pattern, Context, ShaderFeatures};

fn words(n: usize, seed: u64) -> Vec<u32> {
    values_of(&pattern(4 * n, seed))
}

/// `n` values spread over [lo, hi], as f32, from a seeded generator.
fn spread(n: usize, lo: f64, hi: f64, seed: u64) -> Vec<f32> {
    words(n, seed).iter().map(|&w| (lo + (hi - lo) * (w as f64 / u32::MAX as f64)) as f32).collect()
}

fn x(v: f32) -> Range {
    Range::exact(v as f64)
}

#[test]
fn rounding_functions_on_halfway_negative_and_large_values() {
    let ctx = Context::new();
    let mut v: Vec<f32> = vec![
        0.5, 1.5, 2.5, -0.5, -1.5, -2.5, 0.499_999_97, -0.499_999_97, 4_194_304.5, -4_194_304.5, 8_388_609.0, 1.0e10, -1.0e10,
        -0.25, 3.75, -3.75, 1.0e-7, -1.0e-7, 0.0, -0.0, 1.0, -1.0, 123.456, -123.456,
    ];
    v.extend(spread(8, -1000.0, 1000.0, 11));
    let out = ComputeJob::new(&ctx, &spirv("std450_rounding")).storage(0, &bytes_of(&v)).storage(1, &bytes_of(&vec![0f32; 10 * v.len()])).run([1, 1, 1]);
    let r: Vec<f32> = values_of(&out[1]);
    for (i, &a) in v.iter().enumerate() {
        let g = &r[10 * i..10 * i + 10];
        // round(): "the fraction 0.5 will round in a direction chosen by the
        // implementation", so halfway cases may go either way.
        let halfway = (a - a.trunc()).abs() == 0.5;
        assert!(g[0] == a.round() || (halfway && g[0] == a.round_ties_even()), "round({a}) = {}", g[0]);
        assert_eq!(g[1], a.round_ties_even(), "roundEven({a})");
        assert_eq!(g[2], a.trunc(), "trunc({a})");
        assert_eq!(g[3], a.floor(), "floor({a})");
        assert_eq!(g[4], a.ceil(), "ceil({a})");
        assert_in(g[5], Range::rounded(a as f64 - (a as f64).floor()), &format!("fract({a})"));
        assert_eq!(g[6], a - a.trunc(), "modf({a}) fraction");
        assert_eq!(g[7], a.trunc(), "modf({a}) whole part");
        assert_eq!(g[8], a.abs(), "abs({a})");
        let sign = if a > 0.0 { 1.0 } else if a < 0.0 { -1.0 } else { 0.0 };
        assert_eq!(g[9], sign, "sign({a})");
    }
}

#[test]
fn trigonometric_functions_within_the_spec_bounds() {
    let ctx = Context::new();
    // The largest f32 inside [-pi, pi], where sin and cos have their bound.
    let pi = std::f32::consts::PI.next_down();
    let mut a: Vec<f32> = vec![0.0, pi, -pi, pi / 2.0, -pi / 2.0, 1.0e-4, -3.0, 3.0];
    let mut b: Vec<f32> = vec![0.5, -0.5, 0.999, -0.999, 0.0, 1.0e-3, 0.25, -0.75];
    a.extend(spread(24, -pi as f64, pi as f64, 12));
    b.extend(spread(24, -0.999, 0.999, 13));
    let xy: Vec<[f32; 2]> = a.iter().zip(&b).map(|(&a, &b)| [a, b]).collect();
    let out = ComputeJob::new(&ctx, &spirv("std450_trigonometry")).storage(0, &bytes_of(&xy)).storage(1, &bytes_of(&vec![0f32; 9 * xy.len()])).run([1, 1, 1]);
    let r: Vec<f32> = values_of(&out[1]);
    for (i, &[a, b]) in xy.iter().enumerate() {
        let g = &r[9 * i..9 * i + 9];
        let (fa, fb) = (a as f64, b as f64);
        assert_in(g[0], p::sin(x(a)), &format!("sin({a})"));
        assert_in(g[1], p::cos(x(a)), &format!("cos({a})"));
        // tan: inherited from sin() / cos().
        assert_in(g[2], p::div(p::sin(x(b)), p::cos(x(b))).inherited(fb.tan()), &format!("tan({b})"));
        // asin: inherited from atan2(x, sqrt(1 - x * x)); acos from atan2(sqrt(1 - x * x), x).
        let root = p::sqrt(p::sub(Range::exact(1.0), p::mul(x(b), x(b))));
        assert_in(g[3], p::atan2(x(b), root).inherited(fb.asin()), &format!("asin({b})"));
        assert_in(g[4], p::atan2(root, x(b)).inherited(fb.acos()), &format!("acos({b})"));
        assert_in(g[5], p::atan(x(a)), &format!("atan({a})"));
        assert_in(g[6], p::atan2(x(a), x(b)), &format!("atan({a}, {b})"));
        // radians/degrees: inherited from x times a correctly rounded constant.
        let to_rad = Range::rounded(std::f64::consts::PI / 180.0);
        assert_in(g[7], p::mul(x(a), to_rad).inherited(fa.to_radians()), &format!("radians({a})"));
        let to_deg = Range::rounded(180.0 / std::f64::consts::PI);
        assert_in(g[8], p::mul(x(a), to_deg).inherited(fa.to_degrees()), &format!("degrees({a})"));
    }
}

#[test]
fn hyperbolic_functions_within_the_bounds_inherited_from_exp_and_log() {
    let ctx = Context::new();
    let mut v: Vec<[f32; 4]> = vec![[0.0, 1.0, 0.0, 0.0], [1.0e-3, 1.5, 0.5, 0.0], [-4.0, 20.0, -0.9, 0.0], [4.0, 1.01, 0.9, 0.0]];
    let (s, c, t) = (spread(28, -4.0, 4.0, 14), spread(28, 1.01, 30.0, 15), spread(28, -0.95, 0.95, 16));
    for k in 0..28 {
        v.push([s[k], c[k], t[k], 0.0]);
    }
    // vec3 in std430 arrays takes 16 bytes.
    let out = ComputeJob::new(&ctx, &spirv("std450_hyperbolic")).storage(0, &bytes_of(&v)).storage(1, &bytes_of(&vec![0f32; 6 * v.len()])).run([1, 1, 1]);
    let r: Vec<f32> = values_of(&out[1]);
    let half = Range::exact(0.5);
    let one = Range::exact(1.0);
    for (i, &[a, b, z, _]) in v.iter().enumerate() {
        let g = &r[6 * i..6 * i + 6];
        let (fa, fb, fz) = (a as f64, b as f64, z as f64);
        let (ep, en) = (p::exp(x(a)), p::exp(x(-a)));
        let sinh = p::mul(p::sub(ep, en), half);
        let cosh = p::mul(p::add(ep, en), half);
        assert_in(g[0], sinh.inherited(fa.sinh()), &format!("sinh({a})"));
        assert_in(g[1], cosh.inherited(fa.cosh()), &format!("cosh({a})"));
        assert_in(g[2], p::div(sinh.inherited(fa.sinh()), cosh.inherited(fa.cosh())).inherited(fa.tanh()), &format!("tanh({a})"));
        let asinh = p::log(p::add(x(a), p::sqrt(p::add(p::mul(x(a), x(a)), one))));
        assert_in(g[3], asinh.inherited(fa.asinh()), &format!("asinh({a})"));
        let acosh = p::log(p::add(x(b), p::sqrt(p::sub(p::mul(x(b), x(b)), one))));
        assert_in(g[4], acosh.inherited(fb.acosh()), &format!("acosh({b})"));
        let atanh = p::mul(p::log(p::div(p::add(one, x(z)), p::sub(one, x(z)))), half);
        assert_in(g[5], atanh.inherited(fz.atanh()), &format!("atanh({z})"));
    }
}

#[test]
fn exponential_functions_within_their_ulp_bounds() {
    let ctx = Context::new();
    let mut v: Vec<[f32; 4]> = vec![
        [0.0, 1.0, 2.0, 0.0],
        [1.0, 0.5, -1.0, 0.0],
        [-1.0, 2.0, 0.5, 0.0],
        [10.0, 4.0, 3.0, 0.0],
        [-10.0, 0.25, -3.0, 0.0],
        [0.5, 1.0e4, 0.5, 0.0],
        [-0.5, 1.0e-3, 2.0, 0.0],
        [3.0, 1.75, 1.0, 0.0],
    ];
    let (e, pw, y) = (spread(24, -10.0, 10.0, 17), spread(24, 1.0e-3, 1.0e4, 18), spread(24, -3.0, 3.0, 19));
    let inside = spread(8, 0.5, 2.0, 20);
    for k in 0..24 {
        v.push([e[k], if k < 8 { inside[k] } else { pw[k] }, y[k], 0.0]);
    }
    let out = ComputeJob::new(&ctx, &spirv("std450_exponential")).storage(0, &bytes_of(&v)).storage(1, &bytes_of(&vec![0f32; 7 * v.len()])).run([1, 1, 1]);
    let r: Vec<f32> = values_of(&out[1]);
    for (i, &[e, pw, y, _]) in v.iter().enumerate() {
        let g = &r[7 * i..7 * i + 7];
        let (fp, fy) = (pw as f64, y as f64);
        // pow: inherited from exp2(y * log2(x)).
        assert_in(g[0], p::exp2(p::mul(x(y), p::log2(x(pw)))).inherited(fp.powf(fy)), &format!("pow({pw}, {y})"));
        assert_in(g[1], p::exp(x(e)), &format!("exp({e})"));
        assert_in(g[2], p::log(x(pw)), &format!("log({pw})"));
        assert_in(g[3], p::exp2(x(e)), &format!("exp2({e})"));
        assert_in(g[4], p::log2(x(pw)), &format!("log2({pw})"));
        assert_in(g[5], p::sqrt(x(pw)).inherited(fp.sqrt()), &format!("sqrt({pw})"));
        assert_in(g[6], p::inversesqrt(x(pw)), &format!("inversesqrt({pw})"));
    }
}

/// Multiples of 1/16 in [-8, 8): sums and differences of them are exact in f32.
fn sixteenths(n: usize, seed: u64) -> Vec<f32> {
    words(n, seed).iter().map(|&w| ((w % 256) as f32 - 128.0) / 16.0).collect()
}

#[test]
fn min_max_clamp_mix_step_smoothstep_fma_and_their_integer_forms() {
    let ctx = Context::new();
    let vals = sixteenths(3 * 32, 21);
    let weights = spread(32, 0.0, 1.0, 22);
    let mut f: Vec<[f32; 4]> = (0..32).map(|k| [vals[3 * k], vals[3 * k + 1], vals[3 * k + 2], weights[k]]).collect();
    f[0] = [1.0, 1.0, 0.0, 0.0]; // step at its edge is 1; mix at a = 0 is x
    f[1] = [2.0, -1.0, 3.0, 1.0]; // mix at a = 1 is y
    f[2] = [-5.0, -1.0, 2.0, 0.5]; // below the clamp and smoothstep ranges
    f[3] = [7.0, -1.0, 2.0, 0.25]; // above them
    let w = words(4 * 32, 23);
    let mut n: Vec<[i32; 4]> = (0..32).map(|k| [w[4 * k] as i32, w[4 * k + 1] as i32, w[4 * k + 2] as i32 >> (k % 31), w[4 * k + 3] as i32]).collect();
    n[0] = [i32::MIN, i32::MAX, -1, 0];
    n[1] = [-1, 1, 0, i32::MIN + 1];
    n[2] = [5, 5, 5, -7];
    let out = ComputeJob::new(&ctx, &spirv("std450_min_max_mix"))
        .storage(0, &bytes_of(&f))
        .storage(1, &bytes_of(&n))
        .storage(2, &bytes_of(&vec![0f32; 7 * 32]))
        .storage(3, &bytes_of(&vec![0i32; 8 * 32]))
        .run([1, 1, 1]);
    let (r, q): (Vec<f32>, Vec<i32>) = (values_of(&out[2]), values_of(&out[3]));
    for (i, &[a, b, c, t]) in f.iter().enumerate() {
        let g = &r[7 * i..7 * i + 7];
        let hi = b + c.abs(); // exact: sixteenths
        assert_eq!(g[0], a.min(b), "min({a}, {b})");
        assert_eq!(g[1], a.max(b), "max({a}, {b})");
        assert_eq!(g[2], a.clamp(b, hi), "clamp({a}, {b}, {hi})");
        // mix: inherited from x * (1 - a) + y * a.
        let mix = p::add(p::mul(x(a), p::sub(Range::exact(1.0), x(t))), p::mul(x(b), x(t)));
        let exact_mix = a as f64 * (1.0 - t as f64) + b as f64 * t as f64;
        assert_in(g[3], mix.inherited(exact_mix), &format!("mix({a}, {b}, {t})"));
        assert_eq!(g[4], if a < b { 0.0 } else { 1.0 }, "step({b}, {a})");
        // smoothstep: inherited from t * t * (3 - 2t), t = clamp((x - e0) / (e1 - e0), 0, 1).
        let (e0, e1) = (b, hi + 0.5);
        let q_ = p::div(p::sub(x(a), x(e0)), p::sub(x(e1), x(e0)));
        let tt = Range { lo: q_.lo.clamp(0.0, 1.0), hi: q_.hi.clamp(0.0, 1.0) };
        let smooth = p::mul(p::mul(tt, tt), p::sub(Range::exact(3.0), p::mul(Range::exact(2.0), tt)));
        let te = ((a as f64 - e0 as f64) / (e1 as f64 - e0 as f64)).clamp(0.0, 1.0);
        assert_in(g[5], smooth.inherited(te * te * (3.0 - 2.0 * te)), &format!("smoothstep({e0}, {e1}, {a})"));
        // fma: inherited from a multiply and an add.
        let exact_fma = a as f64 * b as f64 + c as f64;
        assert_in(g[6], p::add(p::mul(x(a), x(b)), x(c)).inherited(exact_fma), &format!("fma({a}, {b}, {c})"));
    }
    for (i, &[a, b, c, d]) in n.iter().enumerate() {
        let g = &q[8 * i..8 * i + 8];
        let (ua, ub, uc) = (a as u32, b as u32, c as u32);
        let expected = [
            a.min(b),
            ua.min(ub) as i32,
            a.max(b),
            ua.max(ub) as i32,
            a.clamp(b.min(c), b.max(c)),
            ua.clamp(ub.min(uc), ub.max(uc)) as i32,
            d.wrapping_abs(),
            d.signum(),
        ];
        if d == i32::MIN {
            continue; // abs(INT_MIN) is undefined
        }
        assert_eq!(g, &expected, "integer min, umin, max, umax, clamp, uclamp, abs, sign of {a}, {b}, {c}, {d}");
    }
}

/// Significand in [0.5, 1) and exponent, for a normal or zero `x`.
fn frexp(x: f32) -> (f32, i32) {
    if x == 0.0 {
        return (x, 0);
    }
    let e = ((x.to_bits() >> 23) & 0xff) as i32 - 126;
    ((x as f64 / 2f64.powi(e)) as f32, e)
}

#[test]
fn frexp_and_ldexp_are_exact_across_the_normal_range() {
    let ctx = Context::new();
    let cases: Vec<(f32, i32)> = vec![
        (1.0, 127),
        (0.5, 1),
        (8.0, -3),
        (-0.75, 10),
        (3.0, -5),
        (1.0e-30, 100),
        (-1.0e30, -100),
        (0.0, 50),
        (f32::MAX, -127),
        (f32::MIN_POSITIVE, 126),
        (7.0, 0),
        (-1.0, -126),
        (0.1, 20),
        (1234.5, -20),
        (-(2f32.powi(-100)), 200),
        (1.5, 126),
    ];
    let (xs, es): (Vec<f32>, Vec<i32>) = cases.iter().copied().unzip();
    let out = ComputeJob::new(&ctx, &spirv("std450_frexp_ldexp"))
        .storage(0, &bytes_of(&xs))
        .storage(1, &bytes_of(&es))
        .storage(2, &bytes_of(&vec![0f32; 16]))
        .storage(3, &bytes_of(&vec![0i32; 16]))
        .storage(4, &bytes_of(&vec![0f32; 16]))
        .run([1, 1, 1]);
    let (m, e, s): (Vec<f32>, Vec<i32>, Vec<f32>) = (values_of(&out[2]), values_of(&out[3]), values_of(&out[4]));
    for (i, &(v, k)) in cases.iter().enumerate() {
        let (fm, fe) = frexp(v);
        assert_eq!((m[i], e[i]), (fm, fe), "frexp({v:e})");
        assert_eq!(s[i], (v as f64 * 2f64.powi(k)) as f32, "ldexp({v:e}, {k})");
    }
}

/// Checks a packed normalised field: round(clamp(c) * scale), where "round" may go either
/// way at a tie (and the product itself is rounded), so both integers around the scaled
/// value are accepted when it lies within 1/256 of halfway.
#[track_caller]
fn assert_packed(field: i64, c: f32, lo: f64, scale: f64, what: &str) {
    let v = (c as f64).clamp(lo, 1.0) * scale;
    let nearest = v.round();
    let ok = field as f64 == nearest || ((v - v.trunc()).abs() - 0.5).abs() < 1.0 / 256.0 && (field as f64 - v).abs() <= 0.5 + 1.0 / 256.0;
    assert!(ok, "{what}: field {field} for {c} (scaled {v})");
}

#[test]
fn pack_and_unpack_normalised_and_half_values() {
    let ctx = Context::new();
    let mut v: Vec<[f32; 4]> = vec![
        [-1.5, -0.3, 0.49, 1.2],
        [0.0, 1.0, -1.0, 0.5],
        [0.25, -0.25, 0.75, 2.0],
        [1.0 / 255.0, 0.5 / 127.0, 65504.0, 1.0e-3],
        [-0.0, 0.1, 0.2, 0.3],
    ];
    let r = spread(4 * 11, -1.25, 1.25, 24);
    for k in 0..11 {
        v.push([r[4 * k], r[4 * k + 1], r[4 * k + 2], r[4 * k + 3]]);
    }
    // Words whose halves are normal halves or zero (denormal halves may be flushed).
    let mut w: Vec<u32> = words(16, 25)
        .into_iter()
        .map(|x| {
            let fix = |h: u32| if (h >> 10) & 0x1f == 0 || (h >> 10) & 0x1f == 0x1f { h ^ 0x2000 } else { h };
            fix(x & 0xffff) | fix(x >> 16) << 16
        })
        .collect();
    w[0] = 0x8000_7f81; // bytes -128 (clamps to -1), 127, 0x7f, 0x81
    w[1] = 0x3c00_bc00; // halves -1 and 1
    w[2] = 0;
    let out = ComputeJob::new(&ctx, &spirv("std450_pack_unpack"))
        .storage(0, &bytes_of(&v))
        .storage(1, &bytes_of(&w))
        .storage(2, &bytes_of(&vec![0u32; 5 * 16]))
        .storage(3, &bytes_of(&vec![[0f32; 4]; 5 * 16]))
        .run([1, 1, 1]);
    let (packed, unpacked): (Vec<u32>, Vec<[f32; 4]>) = (values_of(&out[2]), values_of(&out[3]));
    for (i, c) in v.iter().enumerate() {
        let g = &packed[5 * i..5 * i + 5];
        for k in 0..4 {
            assert_packed((g[0] >> (8 * k)) as u8 as i8 as i64, c[k], -1.0, 127.0, &format!("packSnorm4x8({c:?})[{k}]"));
            assert_packed((g[1] >> (8 * k)) as u8 as i64, c[k], 0.0, 255.0, &format!("packUnorm4x8({c:?})[{k}]"));
        }
        for k in 0..2 {
            assert_packed((g[2] >> (16 * k)) as u16 as i16 as i64, c[k], -1.0, 32767.0, &format!("packSnorm2x16({c:?})[{k}]"));
            assert_packed((g[3] >> (16 * k)) as u16 as i64, c[2 + k], 0.0, 65535.0, &format!("packUnorm2x16({c:?})[{k}]"));
            // packHalf2x16 converts as OpFConvert does: correctly rounded.
            let h = half::f16::from_bits((g[4] >> (16 * k)) as u16).to_f64();
            let exact = c[1 + k] as f64;
            if exact != 0.0 && exact.abs() < 6.2e-5 {
                continue; // a denormal half, which may be flushed
            }
            let nearest = half::f16::from_f64(exact).to_f64();
            let step = (nearest.abs() * 2f64.powi(-10)).max(2f64.powi(-24));
            assert!(h == nearest || (h - exact).abs() < step, "packHalf2x16({c:?})[{k}] = {h}");
        }
    }
    for (i, &word) in w.iter().enumerate() {
        let g = &unpacked[5 * i..5 * i + 5];
        let check = |got: f32, exact: f64, lo: f64, what: String| {
            // A division (2.5 ULP) then a clamp.
            let allowed = Range::ulps(exact, 2.5);
            let allowed = Range { lo: allowed.lo.clamp(lo, 1.0), hi: allowed.hi.clamp(lo, 1.0) };
            assert_in(got, allowed, &what);
        };
        for k in 0..4 {
            let b = (word >> (8 * k)) as u8;
            check(g[0][k], b as i8 as f64 / 127.0, -1.0, format!("unpackSnorm4x8({word:#x})[{k}]"));
            check(g[1][k], b as f64 / 255.0, 0.0, format!("unpackUnorm4x8({word:#x})[{k}]"));
        }
        for k in 0..2 {
            let h = (word >> (16 * k)) as u16;
            check(g[2][k], h as i16 as f64 / 32767.0, -1.0, format!("unpackSnorm2x16({word:#x})[{k}]"));
            check(g[2][2 + k], h as f64 / 65535.0, 0.0, format!("unpackUnorm2x16({word:#x})[{k}]"));
            let exponent = (h >> 10) & 0x1f;
            if exponent != 0 && exponent != 0x1f {
                assert_eq!(g[3][k], half::f16::from_bits(h).to_f32(), "unpackHalf2x16({word:#x})[{k}]");
            }
        }
    }
}

fn dot3(a: [Range; 3], b: [Range; 3]) -> Range {
    p::add(p::add(p::mul(a[0], b[0]), p::mul(a[1], b[1])), p::mul(a[2], b[2]))
}

fn unit(v: [f32; 3]) -> [f32; 3] {
    let l = (v.iter().map(|&c| c as f64 * c as f64).sum::<f64>()).sqrt();
    v.map(|c| (c as f64 / l) as f32)
}

#[test]
fn geometric_functions_within_the_bounds_of_their_formulas() {
    let ctx = Context::new();
    let s = sixteenths(9 * 16, 26);
    let mut cases: Vec<[[f32; 4]; 3]> = Vec::new();
    for k in 0..16 {
        let a = [s[9 * k], s[9 * k + 1], s[9 * k + 2] + 0.5];
        let b = unit([s[9 * k + 3], s[9 * k + 4] + 0.25, s[9 * k + 5]]);
        let mut n = unit([s[9 * k + 6], s[9 * k + 7], s[9 * k + 8] - 0.125]);
        // faceforward needs dot(n, b) well away from 0; total internal reflection for
        // some cases (eta 1.5 at a grazing angle), ordinary refraction for the rest.
        let d: f64 = (0..3).map(|c| n[c] as f64 * b[c] as f64).sum();
        if d.abs() < 0.2 {
            n = unit([b[0] + n[0], b[1] + n[1], b[2] + n[2]]);
        }
        let eta = if k % 4 == 0 { 1.5 } else { 0.66 };
        cases.push([[a[0], a[1], a[2], 1.25], [b[0], b[1], b[2], 0.0], [n[0], n[1], n[2], eta]]);
    }
    let out = ComputeJob::new(&ctx, &spirv("std450_geometric")).storage(0, &bytes_of(&cases)).storage(1, &bytes_of(&vec![[0f32; 4]; 6 * 16])).run([1, 1, 1]);
    let r: Vec<[f32; 4]> = values_of(&out[1]);
    let mut saw_tir = false;
    for (i, [a4, b4, n4]) in cases.iter().enumerate() {
        let g = &r[6 * i..6 * i + 6];
        let (a, b, n, eta) = ([a4[0], a4[1], a4[2]], [b4[0], b4[1], b4[2]], [n4[0], n4[1], n4[2]], n4[3]);
        let (ra, rb, rn) = (a.map(x), b.map(x), n.map(x));
        let f = |v: [f32; 3]| v.map(|c| c as f64);
        let (fa, fb, fn_) = (f(a), f(b), f(n));
        let dot = |u: [f64; 3], v: [f64; 3]| u[0] * v[0] + u[1] * v[1] + u[2] * v[2];
        // length: inherited from sqrt(dot(x, x)); distance from length(x - y).
        let la = fa.iter().map(|c| c * c).sum::<f64>().sqrt();
        assert_in(g[0][0], p::sqrt(dot3(ra, ra)).inherited(la), &format!("length({a:?})"));
        let diff = [p::sub(ra[0], rb[0]), p::sub(ra[1], rb[1]), p::sub(ra[2], rb[2])];
        let dist = (0..3).map(|c| (fa[c] - fb[c]).powi(2)).sum::<f64>().sqrt();
        assert_in(g[0][1], p::sqrt(dot3(diff, diff)).inherited(dist), &format!("distance({a:?}, {b:?})"));
        assert_in(g[0][2], dot3(ra, rb).inherited(dot(fa, fb)), &format!("dot({a:?}, {b:?})"));
        let ra4 = a4.map(x);
        let len4 = p::sqrt(p::add(dot3(ra, ra), p::mul(ra4[3], ra4[3])));
        assert_in(g[0][3], len4.inherited(a4.iter().map(|&c| c as f64 * c as f64).sum::<f64>().sqrt()), "length(vec4)");
        // cross: inherited from OpFSub(OpFMul, OpFMul).
        for c in 0..3 {
            let (j, k) = ((c + 1) % 3, (c + 2) % 3);
            let exact = fa[j] * fb[k] - fb[j] * fa[k];
            assert_in(g[1][c], p::sub(p::mul(ra[j], rb[k]), p::mul(rb[j], ra[k])).inherited(exact), &format!("cross({a:?}, {b:?})[{c}]"));
        }
        // normalize: inherited from x * inversesqrt(dot(x, x)).
        let inv = p::inversesqrt(dot3(ra, ra));
        for c in 0..3 {
            assert_in(g[2][c], p::mul(ra[c], inv).inherited(fa[c] / la), &format!("normalize({a:?})[{c}]"));
        }
        // faceforward: dot(Nref, I) < 0 ? N : -N, exactly.
        let face = if dot(fn_, fb) < 0.0 { a } else { a.map(|c| -c) };
        assert_eq!([g[3][0], g[3][1], g[3][2]], face, "faceforward({a:?}, {b:?}, {n:?})");
        // reflect: inherited from I - 2 * dot(N, I) * N.
        let d = dot3(rn, rb);
        let two_d = p::mul(Range::exact(2.0), d);
        for c in 0..3 {
            let exact = fb[c] - 2.0 * dot(fn_, fb) * fn_[c];
            assert_in(g[4][c], p::sub(rb[c], p::mul(two_d, rn[c])).inherited(exact), &format!("reflect({b:?}, {n:?})[{c}]"));
        }
        // refract: k = 1 - eta^2 (1 - dot(N, I)^2); 0 if k < 0, else
        // eta I - (eta dot(N, I) + sqrt(k)) N.
        let e = Range::exact(eta as f64);
        let k = p::sub(Range::exact(1.0), p::mul(p::mul(e, e), p::sub(Range::exact(1.0), p::mul(d, d))));
        let fd = dot(fn_, fb);
        let fk = 1.0 - (eta as f64).powi(2) * (1.0 - fd * fd);
        assert!(k.lo > 0.0 || k.hi < 0.0, "case {i}: k = {k:?} is too close to 0 for a meaningful bound");
        if fk < 0.0 {
            saw_tir = true;
            assert_eq!([g[5][0], g[5][1], g[5][2]], [0.0; 3], "refract with total internal reflection is 0");
        } else {
            let scale = p::add(p::mul(e, d), p::sqrt(k));
            for c in 0..3 {
                let exact = eta as f64 * fb[c] - (eta as f64 * fd + fk.sqrt()) * fn_[c];
                assert_in(g[5][c], p::sub(p::mul(e, rb[c]), p::mul(scale, rn[c])).inherited(exact), &format!("refract({b:?}, {n:?}, {eta})[{c}]"));
            }
        }
    }
    assert!(saw_tir, "some case reflects totally");
}

/// Determinant of a column-major n x n matrix (f64, Laplace expansion).
fn det(m: &[f64], n: usize) -> f64 {
    if n == 1 {
        return m[0];
    }
    (0..n)
        .map(|c| {
            let minor: Vec<f64> = (0..n).filter(|&cc| cc != c).flat_map(|cc| (1..n).map(move |r| m[cc * n + r])).collect();
            let sign = if c % 2 == 0 { 1.0 } else { -1.0 };
            sign * m[c * n] * det(&minor, n - 1)
        })
        .sum()
}

/// Inverse of a column-major n x n matrix: adjugate over determinant.
fn inverse(m: &[f64], n: usize) -> Vec<f64> {
    let d = det(m, n);
    let mut out = vec![0.0; n * n];
    for c in 0..n {
        for r in 0..n {
            // inverse[c][r] = cofactor(row c, column r) / det
            let minor: Vec<f64> = (0..n).filter(|&cc| cc != r).flat_map(|cc| (0..n).filter(move |&rr| rr != c).map(move |rr| m[cc * n + rr])).collect();
            let sign = if (r + c) % 2 == 0 { 1.0 } else { -1.0 };
            out[c * n + r] = sign * det(&minor, n - 1) / d;
        }
    }
    out
}

#[test]
fn determinant_and_inverse_of_2x2_3x3_and_4x4_matrices() {
    let ctx = Context::new();
    // Integer matrices with small determinants (exact inverses are short fractions).
    let m2: Vec<[f32; 4]> = vec![[2.0, 1.0, 1.0, 1.0], [4.0, 3.0, 6.0, 3.0], [0.0, -1.0, 1.0, 0.0], [1.0, 2.0, 3.0, 4.0]];
    let m3: Vec<[f32; 9]> = vec![
        [2.0, 0.0, 0.0, 0.0, 3.0, 0.0, 0.0, 0.0, 4.0],
        [1.0, 2.0, 3.0, 0.0, 1.0, 4.0, 5.0, 6.0, 0.0],
        [0.0, 1.0, 0.0, 0.0, 0.0, 1.0, 1.0, 0.0, 0.0],
        [3.0, -1.0, 2.0, 1.0, 0.0, 1.0, 2.0, 1.0, -1.0],
    ];
    let m4: Vec<[f32; 16]> = vec![
        [1.0, 0.0, 0.0, 0.0, 0.0, 1.0, 0.0, 0.0, 0.0, 0.0, 1.0, 0.0, 5.0, -3.0, 2.0, 1.0],
        [2.0, 1.0, 0.0, 0.0, 1.0, 2.0, 1.0, 0.0, 0.0, 1.0, 2.0, 1.0, 0.0, 0.0, 1.0, 2.0],
        [0.0, 0.0, 1.0, 0.0, 1.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 1.0, 0.0, 1.0, 0.0, 0.0],
        [4.0, 3.0, 2.0, 1.0, 0.0, 1.0, 2.0, 3.0, 1.0, 0.0, 1.0, 0.0, 2.0, 1.0, 0.0, 3.0],
    ];
    // std430: mat2 16 bytes, mat3 three 16-byte columns, mat4 64 bytes.
    let mut input = bytes_of(&m2);
    for m in &m3 {
        for c in 0..3 {
            input.extend(bytes_of(&[m[3 * c], m[3 * c + 1], m[3 * c + 2], 0.0]));
        }
    }
    input.extend(bytes_of(&m4));
    let out = ComputeJob::new(&ctx, &spirv("std450_matrix")).storage(0, &input).storage(1, &vec![0u8; 64 + 192 + 256 + 64]).run([1, 1, 1]);
    let all: Vec<f32> = values_of(&out[1]);
    // The spec leaves these functions' precision undefined; for these well-conditioned
    // matrices anything sane is within 1e-5 relative (plus 1e-6 absolute).
    let close = |got: f32, want: f64, what: String| {
        assert!((got as f64 - want).abs() <= 1e-5 * want.abs() + 1e-6, "{what}: got {got}, want {want}");
    };
    for i in 0..4 {
        let f2: Vec<f64> = m2[i].iter().map(|&v| v as f64).collect();
        let f3: Vec<f64> = m3[i].iter().map(|&v| v as f64).collect();
        let f4: Vec<f64> = m4[i].iter().map(|&v| v as f64).collect();
        let (i2, i3, i4) = (inverse(&f2, 2), inverse(&f3, 3), inverse(&f4, 4));
        for k in 0..4 {
            close(all[4 * i + k], i2[k], format!("inverse(mat2 {i})[{k}]"));
        }
        for c in 0..3 {
            for r in 0..3 {
                close(all[16 + 12 * i + 4 * c + r], i3[3 * c + r], format!("inverse(mat3 {i})[{c}][{r}]"));
            }
        }
        for k in 0..16 {
            close(all[64 + 16 * i + k], i4[k], format!("inverse(mat4 {i})[{k}]"));
        }
        let d = &all[128 + 4 * i..128 + 4 * i + 3];
        close(d[0], det(&f2, 2), format!("determinant(mat2 {i})"));
        close(d[1], det(&f3, 3), format!("determinant(mat3 {i})"));
        close(d[2], det(&f4, 4), format!("determinant(mat4 {i})"));
    }
}

/// Checks a double result that the spec requires correctly rounded: exactly.
#[track_caller]
fn exact64(got: f64, want: f64, what: &str) {
    assert!(got == want || (got.is_nan() && want.is_nan()), "{what}: got {got:e} ({:#x}), want {want:e}", got.to_bits());
}

/// Checks a double result of a function with a ULP bound or an inherited one: within 2
/// double ULP on softvk (which evaluates in f64 and rounds once or twice), and within 4
/// single-precision ULP elsewhere ("at least single precision").
#[track_caller]
fn close64(ctx: &Context, got: f64, want: f64, what: &str) {
    let tolerance = if ctx.is_softvk { 2.0 * f64::EPSILON * want.abs() } else { 4.0 * f32::EPSILON as f64 * want.abs() };
    assert!((got - want).abs() <= tolerance, "{what}: got {got:e}, want {want:e}");
}

/// Inputs of `std450_double.comp` and its outputs: 24 doubles and one uvec2 per case.
struct DoubleRun {
    ctx: Context,
    x: Vec<[f64; 4]>,
    e: Vec<i32>,
    r: Vec<f64>,
    bits: Vec<[u32; 2]>,
}

fn run_double_std450(test: &str) -> Option<DoubleRun> {
    let ctx = context_with(test, ShaderFeatures { float64: true, ..Default::default() })?;
    let x: Vec<[f64; 4]> = vec![
        [2.5, 1.0e300, 2f64.powi(1000), 0.25],
        [-2.5, 1.0e-300, 2f64.powi(-1000), 0.75],
        [3.5, 2.0, 1.5, 0.0],
        [-0.5, -4.0, 3.0, 1.0],
        [1.0e15 + 0.5, 0.1, -1.0e-300, 0.5],
        [f64::from_bits(0x4059_0000_4059_0000), 9.0, 1.0, 0.3],
        [-7.25, 1.0 + f64::EPSILON, -2f64.powi(-1020), 0.125],
        [123_456.789, -0.375, 1.0e300, 0.9],
    ];
    let e: Vec<i32> = vec![-1030, 1030, -1021, 1000, -20, -1022, 1040, -1600];
    let e2: Vec<[i32; 2]> = e.iter().map(|&k| [k, 0]).collect();
    let out = ComputeJob::new(&ctx, &spirv("std450_double"))
        .storage(0, &bytes_of(&x))
        .storage(1, &bytes_of(&e2))
        .storage(2, &bytes_of(&vec![0f64; 24 * 8]))
        .storage(3, &bytes_of(&vec![[0u32; 2]; 8]))
        .run([1, 1, 1]);
    let (r, bits) = (values_of(&out[2]), values_of(&out[3]));
    Some(DoubleRun { ctx, x, e, r, bits })
}

#[test]
fn double_precision_std450_functions() {
    let Some(DoubleRun { ctx, x, r, bits, .. }) = run_double_std450("std450_double") else { return };
    for (i, &[a, b, c, w]) in x.iter().enumerate() {
        let g = &r[24 * i..24 * i + 24];
        let what = |f: &str| format!("{f} for {:?}", x[i]);
        let halfway = (a - a.trunc()).abs() == 0.5;
        assert!(g[0] == a.round() || (halfway && g[0] == a.round_ties_even()), "{}", what("round"));
        exact64(g[1], a.round_ties_even(), &what("roundEven"));
        exact64(g[2], a.floor(), &what("floor"));
        exact64(g[3], a.ceil(), &what("ceil"));
        exact64(g[4], a - a.floor(), &what("fract"));
        exact64(g[5], a - a.trunc(), &what("modf fraction"));
        exact64(g[6], a.trunc(), &what("modf whole"));
        close64(&ctx, g[7], b.abs().sqrt(), &what("sqrt"));
        close64(&ctx, g[8], 1.0 / b.abs().sqrt(), &what("inversesqrt"));
        exact64(g[9], a.clamp(b.min(c), b.max(c)), &what("clamp"));
        close64(&ctx, g[10], a * (1.0 - w) + b * w, &what("mix"));
        let smooth = w * w * (3.0 - 2.0 * w);
        close64(&ctx, g[11], if a < b { 0.0 } else { 1.0 } + smooth, &what("step + smoothstep"));
        let (fused, unfused) = (a.mul_add(b, c), a * b + c);
        let slack = if ctx.is_softvk { 0.0 } else { 4.0 * f32::EPSILON as f64 * fused.abs() };
        assert!((g[12] - fused).abs() <= (fused - unfused).abs() + slack, "{}: got {:e}", what("fma"), g[12]);
        let (mantissa, exponent) = {
            let eb = ((b.to_bits() >> 52) & 0x7ff) as i32 - 1022;
            (b / 2f64.powi(eb), eb)
        };
        exact64(g[13], mantissa, &what("frexp significand"));
        exact64(g[14], exponent as f64, &what("frexp exponent"));
        let len = (a * a + b * b + c * c).sqrt();
        if len.is_finite() && len > 1.0e-150 {
            close64(&ctx, g[16], len, &what("length"));
            close64(&ctx, g[20], a / len, &what("normalize"));
        }
        let (v3, w3) = ([a, b, c], [b, c, w]);
        let cross = [v3[1] * w3[2] - w3[1] * v3[2], v3[2] * w3[0] - w3[2] * v3[0], v3[0] * w3[1] - w3[0] * v3[1]];
        for k in 0..3 {
            if cross[k].is_finite() && cross[k].abs() > 1.0e-150 {
                close64(&ctx, g[17 + k], cross[k], &what("cross"));
            }
        }
        let d = a * w - c * b;
        if d.is_finite() && d.abs() > 1.0e-150 && d.abs() < 1.0e150 {
            close64(&ctx, g[21], d, &what("determinant"));
            close64(&ctx, g[22], -b / d, &what("inverse[0][1]"));
        }
        assert_eq!(bits[i], [c.to_bits() as u32, (c.to_bits() >> 32) as u32], "unpackDouble2x32({c:e})");
    }
}

#[test]
fn double_ldexp_past_single_exponents_and_pack_double2x32() {
    let Some(DoubleRun { x, e, r, .. }) = run_double_std450("std450_double_ldexp_pack") else { return };
    let mut wrong = Vec::new();
    for (i, &[a, _, c, _]) in x.iter().enumerate() {
        let g = &r[24 * i..24 * i + 24];
        // ldexp is correctly rounded; only cases whose results are normal doubles (2^e
        // itself may be past the double range: scale in two steps).
        let scaled = c * 2f64.powi(e[i] / 2) * 2f64.powi(e[i] - e[i] / 2);
        if (scaled.is_normal() || scaled == 0.0) && g[15] != scaled {
            wrong.push(format!("ldexp({c:e}, {}) = {:e}, want {scaled:e}", e[i], g[15]));
        }
        // packDouble2x32(unpackDouble2x32(a).yx): a with its halves swapped.
        let swapped = f64::from_bits(a.to_bits().rotate_left(32));
        if swapped.is_normal() && g[23].to_bits() != swapped.to_bits() {
            wrong.push(format!("packDouble2x32(swapped halves of {a:e}) = {:e}, want {swapped:e}", g[23]));
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}
