//! Arithmetic in compute shaders: 32-bit integer arithmetic with negatives and wrapping,
//! shifts, bit fields and bit counts, carries and extended products, float arithmetic to
//! the precision the Vulkan spec requires, conversions, and the other widths: 64-bit
//! integers and floats, 16-bit integers, 8-bit integers, 16-bit floats and 8/16-bit
//! storage (features: skipped where a driver lacks them, failures on softvk).
//!
//! Expected values are computed on the host with Rust's integer and f64 arithmetic; float
//! results are checked against `softvk_tests::precision`, the spec's bounds.

use softvk_tests::compute::{bytes_of, spirv, values_of, ComputeJob};
use softvk_tests::precision::{self, assert_in, Range};
use softvk_tests::features::context_with;
use softvk_tests::{pattern, Context, ShaderFeatures};

/// Deterministic pseudo-random u32s.
fn words(n: usize, seed: u64) -> Vec<u32> {
    values_of(&pattern(4 * n, seed))
}

/// SPIR-V's OpSMod: the remainder with the sign of the divisor.
fn smod(a: i32, b: i32) -> i32 {
    let r = a.wrapping_rem(b);
    if r != 0 && (r < 0) != (b < 0) {
        r + b
    } else {
        r
    }
}

#[test]
fn integer_add_sub_mul_div_and_remainder_with_negatives() {
    let ctx = Context::new();
    let special = [0, 1, -1, 7, -7, 2, -2, i32::MAX, i32::MIN, 1 << 16, -(1 << 16), 12345, -12345];
    let mut pairs: Vec<[i32; 2]> = Vec::new();
    for &a in &special {
        for &b in &special {
            if b != 0 && !(a == i32::MIN && b == -1) {
                pairs.push([a, b]);
            }
        }
    }
    for w in words(64, 1).chunks(2) {
        let b = (w[1] as i32) >> (w[1] % 24);
        if b != 0 {
            pairs.push([w[0] as i32, b]);
        }
    }
    let groups = pairs.len().div_ceil(64);
    pairs.resize(groups * 64, [1, 1]);
    let out = ComputeJob::new(&ctx, &spirv("int_arithmetic"))
        .storage(0, &bytes_of(&pairs))
        .storage(1, &bytes_of(&vec![0i32; 8 * pairs.len()]))
        .run([groups as u32, 1, 1]);
    let r: Vec<i32> = values_of(&out[1]);
    for (i, &[a, b]) in pairs.iter().enumerate() {
        let got = &r[8 * i..8 * i + 8];
        let (ua, ub) = (a as u32, b as u32);
        assert_eq!(got[0], a.wrapping_add(b), "{a} + {b}");
        assert_eq!(got[1], a.wrapping_sub(b), "{a} - {b}");
        assert_eq!(got[2], a.wrapping_mul(b), "{a} * {b}");
        assert_eq!(got[3], a.wrapping_neg(), "-{a}");
        assert_eq!(got[4], a / b, "{a} / {b} (OpSDiv truncates toward zero)");
        assert_eq!(got[5] as u32, ua / ub, "{ua} / {ub} unsigned");
        assert_eq!(got[6] as u32, ua % ub, "{ua} % {ub} unsigned");
        // glslang makes `%` on ints OpSMod, whose sign is the divisor's. Vulkan leaves it
        // undefined for negative operands (as GLSL does); softvk defines it as SPIR-V does.
        if (a >= 0 && b >= 0) || ctx.is_softvk {
            assert_eq!(got[7], smod(a, b), "{a} % {b} (OpSMod)");
        }
    }
}

#[test]
fn shifts_by_every_amount_fill_with_the_sign_only_when_arithmetic() {
    let ctx = Context::new();
    let values = [0x1234_5678i32, -0x1234_5678, i32::MIN, -1];
    let amounts: Vec<u32> = (0..32).collect();
    let out = ComputeJob::new(&ctx, &spirv("int_shifts"))
        .storage(0, &bytes_of(&values))
        .storage(1, &bytes_of(&amounts))
        .storage(2, &bytes_of(&vec![[0u32; 4]; 3 * 32]))
        .run([1, 1, 1]);
    let r: Vec<[u32; 4]> = values_of(&out[2]);
    for s in 0..32u32 {
        let left = values.map(|v| (v as u32) << s);
        let arithmetic = values.map(|v| (v >> s) as u32);
        let by = [s, 31 - s, s / 2, (s * 7) % 32];
        let logical: Vec<u32> = (0..4).map(|c| values[c] as u32 >> by[c]).collect();
        assert_eq!(r[3 * s as usize], left, "<< {s}");
        assert_eq!(r[3 * s as usize + 1], arithmetic, "signed >> {s}");
        assert_eq!(r[3 * s as usize + 2].to_vec(), logical, "unsigned >> {by:?}");
    }
}

fn extract(base: u32, offset: u32, bits: u32, signed: bool) -> u32 {
    if bits == 0 {
        return 0;
    }
    let field = (base as u64 >> offset) & ((1u64 << bits) - 1);
    if signed && field >> (bits - 1) & 1 != 0 {
        (field | (u64::MAX << bits)) as u32
    } else {
        field as u32
    }
}

fn insert(base: u32, value: u32, offset: u32, bits: u32) -> u32 {
    let mask = (((1u64 << bits) - 1) << offset) as u32;
    (base & !mask) | ((value << offset) & mask)
}

#[test]
fn bitfield_extract_insert_reverse_count_and_find_lsb_msb() {
    let ctx = Context::new();
    // (base, insert, offset, bits): offset + bits <= 32 as GLSL requires.
    let mut cases: Vec<[u32; 4]> = vec![
        [0xdead_beef, 0x5, 4, 4],
        [0xdead_beef, 0xffff_ffff, 0, 32],
        [0xdead_beef, 0x1234, 28, 4],
        [0x8000_0000, 0, 31, 1],
        [0x7fff_ffff, 1, 31, 1],
        [0xf0f0_f0f0, 0xabc, 8, 0],
        [0, 0, 0, 0],
        [0xffff_ffff, 0, 16, 16],
        [0x0000_0100, 0x3, 1, 2],
        [0x8000_0001, 0x2a, 10, 7],
    ];
    for w in words(24, 2).chunks(4) {
        let offset = w[2] % 32;
        cases.push([w[0], w[1], offset, w[3] % (33 - offset)]);
    }
    cases.resize(16, [0x0f0f_0f0f, 0x77, 3, 5]);
    let out = ComputeJob::new(&ctx, &spirv("int_bitfield"))
        .storage(0, &bytes_of(&cases))
        .storage(1, &bytes_of(&vec![0u32; 9 * cases.len()]))
        .run([1, 1, 1]);
    let r: Vec<u32> = values_of(&out[1]);
    for (i, &[base, value, offset, bits]) in cases.iter().enumerate() {
        let got = &r[9 * i..9 * i + 9];
        let find_msb_signed = {
            let v = base as i32;
            let v = if v < 0 { !v } else { v };
            if v == 0 { u32::MAX } else { 31 - v.leading_zeros() }
        };
        let expected = [
            extract(base, offset, bits, false),
            extract(base, offset, bits, true),
            if bits == 0 { base } else { insert(base, value, offset, bits) },
            if bits == 0 { base } else { insert(base, value, offset, bits) },
            base.reverse_bits(),
            base.count_ones(),
            if base == 0 { u32::MAX } else { base.trailing_zeros() },
            find_msb_signed,
            if base == 0 { u32::MAX } else { 31 - base.leading_zeros() },
        ];
        assert_eq!(got, &expected, "case {i}: base {base:#x} insert {value:#x} offset {offset} bits {bits}");
    }
}

#[test]
fn add_with_carry_sub_with_borrow_and_extended_multiplies() {
    let ctx = Context::new();
    let mut a: Vec<[u32; 2]> = vec![[u32::MAX, 0], [0x8000_0000, 5], [0, u32::MAX], [0xffff_0000, 0x1234_5678]];
    let mut b: Vec<[u32; 2]> = vec![[1, 0], [0x8000_0000, 7], [1, u32::MAX], [0x0001_0000, 0x8765_4321]];
    let r = words(48, 3);
    for k in 0..12 {
        a.push([r[4 * k], r[4 * k + 1]]);
        b.push([r[4 * k + 2], r[4 * k + 3]]);
    }
    let out = ComputeJob::new(&ctx, &spirv("int_extended"))
        .storage(0, &bytes_of(&a))
        .storage(1, &bytes_of(&b))
        .storage(2, &bytes_of(&vec![[0u32; 2]; 8 * a.len()]))
        .run([1, 1, 1]);
    let got: Vec<[u32; 2]> = values_of(&out[2]);
    for i in 0..a.len() {
        for c in 0..2 {
            let (x, y) = (a[i][c], b[i][c]);
            let (sum, carry) = x.overflowing_add(y);
            let (diff, borrow) = x.overflowing_sub(y);
            let p = x as u64 * y as u64;
            let sp = x as i32 as i64 * y as i32 as i64;
            let expected = [sum, carry as u32, diff, borrow as u32, (p >> 32) as u32, p as u32, (sp >> 32) as u32, sp as u32];
            let actual: Vec<u32> = (0..8).map(|k| got[8 * i + k][c]).collect();
            assert_eq!(actual, expected, "{x:#x}, {y:#x}: sum carry diff borrow umul(hi lo) imul(hi lo)");
        }
    }
}

/// A float with a random significand, exponent in [-20, 20] and sign.
fn random_float(w: u32) -> f32 {
    let exponent = (w >> 24) % 41;
    let bits = (w & 0x807f_ffff) | ((127 + exponent - 20) << 23);
    f32::from_bits(bits)
}

#[test]
fn float_add_sub_mul_div_mod_and_comparisons_to_spec_precision() {
    let ctx = Context::new();
    let mut pairs: Vec<[f32; 2]> = vec![
        [1.0, 3.0],
        [-7.5, 2.0],
        [7.5, -2.0],
        [0.1, 0.1],
        [-0.0, 1.5],
        [16_777_216.0, 1.0],
        [1.0e-3, 3.0e5],
        [5.0, 5.0],
        [-5.25, 1.25],
        [1.0, 0.0],
        [-1.0, 0.0],
    ];
    let r = words(2 * 117, 4);
    for k in 0..117 {
        pairs.push([random_float(r[2 * k]), random_float(r[2 * k + 1])]);
    }
    let out = ComputeJob::new(&ctx, &spirv("float_arithmetic"))
        .storage(0, &bytes_of(&pairs))
        .storage(1, &bytes_of(&vec![0f32; 6 * pairs.len()]))
        .storage(2, &bytes_of(&vec![0u32; pairs.len()]))
        .run([2, 1, 1]);
    let (got, cmp): (Vec<f32>, Vec<u32>) = (values_of(&out[1]), values_of(&out[2]));
    for (i, &[a, b]) in pairs.iter().enumerate() {
        let g = &got[6 * i..6 * i + 6];
        let (x, y) = (a as f64, b as f64);
        let what = |op: &str| format!("{a:e} {op} {b:e}");
        if b == 0.0 {
            // Dividing a non-zero by zero gives the signed infinity (spec: "Precision and
            // Operation of SPIR-V Instructions").
            assert_eq!(g[3], if a > 0.0 { f32::INFINITY } else { f32::NEG_INFINITY }, "{}", what("/"));
            continue;
        }
        assert_in(g[0], Range::rounded(x + y), &what("+"));
        assert_in(g[1], Range::rounded(x - y), &what("-"));
        assert_in(g[2], Range::rounded(x * y), &what("*"));
        assert_in(g[3], Range::ulps(x / y, 2.5), &what("/"));
        assert_eq!(g[4].to_bits(), (-a).to_bits(), "-{a:e}");
        // mod: inherited from x - y * floor(x / y).
        let q = precision::div(Range::exact(x), Range::exact(y));
        let floors = Range { lo: q.lo.floor(), hi: q.hi.floor() };
        let permitted = precision::sub(Range::exact(x), precision::mul(Range::exact(y), floors));
        let exact = x - y * (x / y).floor();
        assert_in(g[5], permitted.inherited(exact), &what("mod"));
        let expected_cmp = (a < b) as u32
            | ((a <= b) as u32) << 1
            | ((a == b) as u32) << 2
            | ((a != b) as u32) << 3
            | ((a > b) as u32) << 4
            | ((a >= b) as u32) << 5;
        assert_eq!(cmp[i], expected_cmp, "comparisons of {a:e} and {b:e} (< <= == != > >=)");
    }
}

#[test]
fn conversions_between_floats_and_integers_round_as_the_spec_says() {
    let ctx = Context::new();
    let mut ints: Vec<i32> = vec![0, 1, -1, 16_777_217, -16_777_217, i32::MAX, i32::MIN, 123_456_789, -3];
    let mut uints: Vec<u32> = vec![0, 1, 0x0080_0001, u32::MAX, 0x8000_0001, 4_000_000_007, 0x7f80_0000, 0x0000_0001, 0x807f_ffff];
    // Denormals and negative zero must survive loads, stores and bit casts.
    let mut floats: Vec<f32> = vec![0.0, -2.75, 2.75, -0.5, 1.0e9, -2.1e9, 4.0e9, f32::from_bits(1), f32::from_bits(0x8040_0000)];
    let r = words(3 * 32, 5);
    while ints.len() < 32 {
        let k = ints.len();
        ints.push(r[3 * k] as i32);
        uints.push(r[3 * k + 1]);
        floats.push(random_float(r[3 * k + 2]));
    }
    let out = ComputeJob::new(&ctx, &spirv("float_conversions"))
        .storage(0, &bytes_of(&ints))
        .storage(1, &bytes_of(&uints))
        .storage(2, &bytes_of(&floats))
        .storage(3, &bytes_of(&vec![0u32; 6 * 32]))
        .run([1, 1, 1]);
    let got: Vec<u32> = values_of(&out[3]);
    for i in 0..32 {
        let g = &got[6 * i..6 * i + 6];
        assert_in(f32::from_bits(g[0]), Range::rounded(ints[i] as f64), &format!("float({})", ints[i]));
        assert_in(f32::from_bits(g[1]), Range::rounded(uints[i] as f64), &format!("float({}u)", uints[i]));
        let f = floats[i];
        // Out-of-range conversions are undefined: check those in range only.
        if f.abs() < 2_147_483_648.0 {
            assert_eq!(g[2] as i32, f as i32, "int({f:e}) truncates toward zero");
        }
        if f.abs() < 4_294_967_296.0 {
            assert_eq!(g[3], f.abs() as u32, "uint(abs({f:e}))");
        }
        assert_eq!(g[4], uints[i], "uintBitsToFloat then floatBitsToUint keeps {:#x}", uints[i]);
        assert_eq!(g[5], f.to_bits(), "floatBitsToInt keeps every bit of {f:e}");
    }
}

#[test]
fn int64_arithmetic_carries_across_halves_and_converts_to_32_bits() {
    let Some(ctx) = context_with("int64_arithmetic", ShaderFeatures { int64: true, ..Default::default() }) else { return };
    let mut pairs: Vec<[i64; 2]> = vec![
        [0xffff_ffff, 1],
        [-1, 1],
        [i64::MAX, 2],
        [i64::MIN, 3],
        [0x1_0000_0000, -0x1_0000_0000],
        [-7, 2],
        [7, -2],
        [0x1234_5678_9abc_def0, 0x0fed_cba9_8765_4321],
        [-0x1234_5678_9abc_def0, 33],
        [40, 63],
    ];
    let r = words(12, 6);
    for k in 0..6 {
        let b = ((r[2 * k + 1] as i64) << 32 | r[2 * k] as i64) >> (k * 7);
        pairs.push([((r[2 * k] as i64) << 32) | r[2 * k + 1] as i64, if b == 0 { 5 } else { b }]);
    }
    let out = ComputeJob::new(&ctx, &spirv("int64_arithmetic"))
        .storage(0, &bytes_of(&pairs))
        .storage(1, &bytes_of(&vec![0i64; 12 * pairs.len()]))
        .run([1, 1, 1]);
    let got: Vec<i64> = values_of(&out[1]);
    for (i, &[a, b]) in pairs.iter().enumerate() {
        let (ua, ub) = (a as u64, b as u64);
        let s = (b & 63) as u32;
        let expected = [
            a.wrapping_add(b),
            a.wrapping_sub(b),
            a.wrapping_mul(b),
            a.wrapping_div(b),
            (ua / ub) as i64,
            (ua % ub) as i64,
            a << s,
            a >> s,
            (ua >> s) as i64,
            ((a < b) as i64) | ((ua < ub) as i64) << 1 | ((a == b) as i64) << 2,
            a as i32 as i64 + (ua >> 32) as u32 as i64,
            (a & 0x0f0f_0f0f_0f0f_0f0f) ^ !b | (a >> 60),
        ];
        assert_eq!(&got[12 * i..12 * i + 12], &expected, "a = {a:#x}, b = {b:#x}");
    }
}

/// Checks a double result: correctly rounded at double precision on softvk (which computes
/// in f64), and at least to single precision elsewhere, as the spec requires ("The
/// precision of double-precision instructions is at least that of single precision").
#[track_caller]
fn assert_double(ctx: &Context, got: f64, exact: f64, what: &str) {
    if ctx.is_softvk {
        assert_eq!(got, exact, "{what}");
    } else {
        let allowed = Range::ulps(exact, 2.5);
        assert!(allowed.lo <= got && got <= allowed.hi, "{what}: got {got:e}, allowed {allowed:?}");
    }
}

#[test]
fn float64_arithmetic_holds_values_single_precision_cannot() {
    let Some(ctx) = context_with("float64_arithmetic", ShaderFeatures { float64: true, ..Default::default() }) else { return };
    let mut pairs: Vec<[f64; 2]> = vec![
        [1.0 + 2f64.powi(-40), 3.0],
        [-(2f64.powi(40) + 1.0), 7.0],
        [1.0e300, 1.0e-300],
        [0.1, 0.2],
        [-2.5, -2.5],
        [123_456_789.987_654_321, -0.5],
        [-1.0e9 - 0.25, 4.0],
        [16.0, 1.0 / 3.0],
    ];
    let r = words(16, 7);
    for k in 0..8 {
        let bits = |w: u32, v: u32| ((w as u64) << 32 | v as u64) & 0x801f_ffff_ffff_ffff | 0x3c00_0000_0000_0000;
        pairs.push([f64::from_bits(bits(r[2 * k], r[2 * k + 1])), f64::from_bits(bits(r[2 * k + 1], r[2 * k]))]);
    }
    let out = ComputeJob::new(&ctx, &spirv("float64_arithmetic"))
        .storage(0, &bytes_of(&pairs))
        .storage(1, &bytes_of(&vec![0f64; 14 * pairs.len()]))
        .run([1, 1, 1]);
    let got: Vec<f64> = values_of(&out[1]);
    for (i, &[a, b]) in pairs.iter().enumerate() {
        let g = &got[14 * i..14 * i + 14];
        let what = |op: &str| format!("{op} of {a:e}, {b:e}");
        assert_double(&ctx, g[0], a + b, &what("+"));
        assert_double(&ctx, g[1], a - b, &what("-"));
        assert_double(&ctx, g[2], a * b, &what("*"));
        assert_double(&ctx, g[3], a / b, &what("/"));
        // fma: inherited from a multiply and an add, so fused or not.
        let (fused, unfused) = (a.mul_add(b, a), a * b + a);
        if ctx.is_softvk {
            assert!(g[4] == fused || g[4] == unfused, "{}: got {:e}", what("fma"), g[4]);
        } else {
            assert_double(&ctx, g[4], fused, &what("fma"));
        }
        assert_double(&ctx, g[5], a.abs().sqrt(), &what("sqrt"));
        assert_eq!(g[6], a.floor(), "{}", what("floor"));
        assert_eq!(g[7], a.ceil(), "{}", what("ceil"));
        assert_eq!(g[8], a - a.floor(), "{}", what("fract"));
        assert_eq!(g[9], a.trunc(), "{}", what("trunc"));
        assert_double(&ctx, g[10], a.min(b) * 2.0 + a.max(b), &what("min, max"));
        let single = Range::rounded(a);
        assert!(single.lo <= g[11] && g[11] <= single.hi || a.abs() > f32::MAX as f64, "{}: {:e}", what("float()"), g[11]);
        assert_eq!(g[12], a.clamp(-2.0e9, 2.0e9).trunc(), "{}", what("int()"));
        assert_eq!(g[13], ((a < b) as u32 | ((a <= b) as u32) << 1 | ((a == b) as u32) << 2) as f64, "{}", what("< <= =="));
    }
}

#[test]
fn int16_arithmetic_wraps_at_16_bits() {
    let Some(ctx) = context_with("int16_arithmetic", ShaderFeatures { int16: true, ..Default::default() }) else { return };
    let mut pairs: Vec<[i32; 2]> = vec![[32767, 1], [-32768, -1], [300, 300], [-5, 2], [0x1_2345, 0x7], [-1, 1], [1000, -33], [12, 65535]];
    for w in words(8, 8) {
        let b = (w >> 16) as i32;
        pairs.push([w as i32, if b as i16 == 0 || (w as i16 == i16::MIN && b as i16 == -1) { 3 } else { b }]);
    }
    let out = ComputeJob::new(&ctx, &spirv("int16_arithmetic"))
        .storage(0, &bytes_of(&pairs))
        .storage(1, &bytes_of(&vec![0i32; 8 * pairs.len()]))
        .run([1, 1, 1]);
    let got: Vec<i32> = values_of(&out[1]);
    for (i, &[x, y]) in pairs.iter().enumerate() {
        let (a, b) = (x as i16, y as i16);
        let (ua, ub) = (a as u16, b as u16);
        let expected = [
            a.wrapping_add(b) as i32,
            a.wrapping_mul(b) as i32,
            a.wrapping_div(b) as i32,
            (ua / ub) as i32,
            ua.wrapping_add(ub) as i32,
            (a >> 3) as i32,
            (ua >> 3) as i32,
            (a < b) as i32 | ((ua < ub) as i32) << 1,
        ];
        assert_eq!(&got[8 * i..8 * i + 8], &expected, "int16 {a}, {b}");
    }
}

#[test]
fn int8_arithmetic_wraps_at_8_bits() {
    let Some(ctx) = context_with("int8_arithmetic", ShaderFeatures { int8: true, ..Default::default() }) else { return };
    let pairs: Vec<[i32; 2]> =
        vec![[127, 1], [-128, -1], [100, 100], [-5, 2], [0x1ff, 7], [-1, 1], [90, -33], [12, 255], [3, -128], [-100, 3], [64, 2], [-7, -7], [1, 2], [0, 9], [77, 11], [-77, 11]];
    let out = ComputeJob::new(&ctx, &spirv("int8_arithmetic"))
        .storage(0, &bytes_of(&pairs))
        .storage(1, &bytes_of(&vec![0i32; 6 * pairs.len()]))
        .run([1, 1, 1]);
    let got: Vec<i32> = values_of(&out[1]);
    for (i, &[x, y]) in pairs.iter().enumerate() {
        let (a, b) = (x as i8, y as i8);
        let (ua, ub) = (a as u8, b as u8);
        if b == 0 || (a == i8::MIN && b == -1) {
            continue;
        }
        let expected = [
            a.wrapping_add(b) as i32,
            a.wrapping_mul(b) as i32,
            (a / b) as i32,
            (ua / ub) as i32,
            ua.wrapping_sub(ub) as i32,
            (a < b) as i32 | ((ua < ub) as i32) << 1,
        ];
        assert_eq!(&got[6 * i..6 * i + 6], &expected, "int8 {a}, {b}");
    }
}

/// The f16 values around `x` (for correctly rounded half-precision results).
fn f16_around(x: f64) -> (f32, f32) {
    let h = half::f16::from_f64(x);
    let v = h.to_f64();
    if v == x {
        (v as f32, v as f32)
    } else {
        let step = |h: half::f16, up: bool| {
            let bits = h.to_bits();
            let positive = bits & 0x8000 == 0;
            half::f16::from_bits(if up == positive { bits + 1 } else { bits - 1 })
        };
        let other = step(h, v < x);
        let (a, b) = (v.min(other.to_f64()), v.max(other.to_f64()));
        (a as f32, b as f32)
    }
}

#[test]
fn float16_add_sub_mul_round_at_half_precision() {
    let Some(ctx) = context_with("float16_arithmetic", ShaderFeatures { float16: true, ..Default::default() }) else { return };
    // Every input is a half value, so the conversions in are exact.
    let pairs: Vec<[f32; 2]> = vec![
        [1.0, 2.0],
        [2048.0, 1.0],
        [2049.0, 1.0],
        [0.1, 0.2],
        [-3.5, 1.25],
        [65504.0, -1.0],
        [0.333, 3.0],
        [-0.0, 0.0],
        [1.0, 1.0],
        [100.5, 0.25],
        [7.0, -7.0],
        [1024.0, 1024.0],
        [0.5, 0.5],
        [-60000.0, 2.0],
        [3.14, 2.72],
        [1.0e-3, 1.0e3],
    ]
    .into_iter()
    .map(|p| p.map(|v| half::f16::from_f32(v).to_f32()))
    .collect();
    let out = ComputeJob::new(&ctx, &spirv("float16_arithmetic"))
        .storage(0, &bytes_of(&pairs))
        .storage(1, &bytes_of(&vec![0f32; 5 * pairs.len()]))
        .run([1, 1, 1]);
    let got: Vec<f32> = values_of(&out[1]);
    for (i, &[a, b]) in pairs.iter().enumerate() {
        let g = &got[5 * i..5 * i + 5];
        assert_eq!(g[0], a, "float16_t({a}) converts exactly");
        for (k, exact) in [(1, a as f64 + b as f64), (2, a as f64 - b as f64), (3, a as f64 * b as f64)] {
            let (lo, hi) = f16_around(exact);
            // Past the largest half the result may be infinity.
            let overflow = exact.abs() > 65504.0 && g[k].is_infinite();
            assert!(overflow || g[k] == lo || g[k] == hi, "op {k} of {a}, {b}: got {}, allowed {lo} or {hi}", g[k]);
        }
        assert_eq!(g[4], ((a < b) as u32 | ((a == b) as u32) << 1) as f32, "< and == of {a}, {b}");
    }
}

#[test]
fn sixteen_bit_types_in_storage_buffers_read_and_write_packed() {
    let features = ShaderFeatures { storage_buffer_16bit_access: true, ..Default::default() };
    let Some(ctx) = context_with("storage16_buffers", features) else { return };
    let u: Vec<u16> = (0..16).map(|i| (i * 4099 + 7) as u16).collect();
    let s: Vec<i16> = (0..16).map(|i| (i * 2731 - 20000) as i16).collect();
    let h: Vec<u16> = (0..16).map(|i| half::f16::from_f32(i as f32 * 0.75 - 3.0).to_bits()).collect();
    let mut input = bytes_of(&u);
    input.extend(bytes_of(&s));
    input.extend(bytes_of(&h));
    let out = ComputeJob::new(&ctx, &spirv("storage16_buffers"))
        .storage(0, &input)
        .storage(1, &vec![0u8; 64 + 4 * 48])
        .run([1, 1, 1]);
    let u2: Vec<u16> = values_of(&out[1][0..32]);
    let hv: Vec<u16> = values_of(&out[1][32..64]);
    let r: Vec<u32> = values_of(&out[1][64..]);
    for i in 0..16 {
        let hf = half::f16::from_bits(h[i]).to_f32();
        assert_eq!(r[3 * i], u[i] as u32, "uint16_t u[{i}]");
        assert_eq!(r[3 * i + 1] as i32, s[i] as i32, "int16_t s[{i}] sign-extends");
        assert_eq!(f32::from_bits(r[3 * i + 2]), hf, "float16_t h[{i}]");
        assert_eq!(u2[i], (u[i] as u32 * 3) as u16, "u2[{i}] written as 16 bits");
        if i < 8 {
            let expected = [half::f16::from_f32(hf).to_bits(), half::f16::from_f32(hf * 2.0).to_bits()];
            assert_eq!(&hv[2 * i..2 * i + 2], &expected, "hv[{i}] written as two halves");
        }
    }
}

#[test]
fn eight_bit_types_in_storage_buffers_read_and_write_packed() {
    let features = ShaderFeatures { storage_buffer_8bit_access: true, ..Default::default() };
    let Some(ctx) = context_with("storage8_buffers", features) else { return };
    let u: Vec<u8> = (0..16).map(|i| (i * 37 + 200) as u8).collect();
    let s: Vec<i8> = (0..16).map(|i| (i * 23 - 100) as i8).collect();
    let mut input = u.clone();
    input.extend(s.iter().map(|&v| v as u8));
    let out = ComputeJob::new(&ctx, &spirv("storage8_buffers")).storage(0, &input).storage(1, &vec![0u8; 32 + 4 * 32]).run([1, 1, 1]);
    let r: Vec<u32> = values_of(&out[1][32..]);
    for i in 0..16 {
        assert_eq!(r[2 * i], u[i] as u32, "uint8_t u[{i}]");
        assert_eq!(r[2 * i + 1] as i32, s[i] as i32, "int8_t s[{i}] sign-extends");
        assert_eq!(out[1][i], u[i].wrapping_add(1), "u2[{i}] written as one byte");
        assert_eq!(out[1][16 + i] as i8, s[i].wrapping_neg(), "s2[{i}] written as one byte");
    }
}
