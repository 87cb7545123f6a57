//! Integer dot products (VK_KHR_shader_integer_dot_product, SPV_KHR_integer_dot_product):
//! OpSDot, OpUDot and OpSUDot on 4x8-bit packed u32s and on vectors of 8-, 16-, 32- and
//! 64-bit integers, with results as wide as a component (wrapping) or wider, and their
//! AccSat forms, whose accumulation saturates at the result's range.
//!
//! The shaders (`asm_integer_dot*.spvasm`) read one record of operands per invocation and
//! write every result as words. Records mix full-range values (extremes first) with small
//! ones, so that the AccSat forms have defined results (spec: their dot product must not
//! overflow the result; only the final addition saturates), and accumulators run through
//! each width's edges (MIN, MIN + 1, -1, 0, MAX...). Expected values are computed here in
//! i128. An AccSat result is compared where the spec defines it, judged as the CTS does
//! (the sums of the positive and of the negative products each fit the result); on
//! softvk, which computes the dot product exactly before saturating, everywhere else too.

use softvk_tests::compute::{bytes_of, spirv, values_of, ComputeJob};
use softvk_tests::features::context_with;
use softvk_tests::ShaderFeatures;

const RECORDS: usize = 256;
const RECORD_WORDS: usize = 32;

#[derive(Clone, Copy, PartialEq, Debug)]
enum Sign {
    /// OpSDot*: both operands signed, signed saturation.
    S,
    /// OpUDot*: both unsigned, unsigned saturation.
    U,
    /// OpSUDot*: the first signed, the second unsigned, signed saturation.
    Su,
}

/// Where an output's operands come from in the record, and how many components it uses.
#[derive(Clone, Copy, Debug)]
enum Operands {
    /// w0 and w1 as four 8-bit components each (packed, or as 8-bit vectors).
    Bytes(usize),
    /// w2-w3 and w4-w5 as 16-bit components.
    Halves(usize),
    /// w6-w8 and w9-w11.
    Words(usize),
    /// w12-w15 and w16-w19 as 64-bit components.
    Longs(usize),
}

/// The accumulator of an AccSat output: its width (0: none).
#[derive(Clone, Copy, Debug)]
struct Output {
    what: &'static str,
    sign: Sign,
    operands: Operands,
    bits: u32,
    accumulator_bits: u32,
}

const fn out(what: &'static str, sign: Sign, operands: Operands, bits: u32, accumulator_bits: u32) -> Output {
    Output { what, sign, operands, bits, accumulator_bits }
}

use Operands::*;
use Sign::*;

/// asm_integer_dot's outputs, in order.
const PLAIN: &[Output] = &[
    out("SDot packed (i32 operands) -> i32", S, Bytes(4), 32, 0),
    out("UDot packed -> u32", U, Bytes(4), 32, 0),
    out("SUDot packed -> i32", Su, Bytes(4), 32, 0),
    out("SDot packed -> i16", S, Bytes(4), 16, 0),
    out("UDot packed -> u8", U, Bytes(4), 8, 0),
    out("SDot i8vec4 -> i32", S, Bytes(4), 32, 0),
    out("SUDot i8vec3 u8vec3 -> i64", Su, Bytes(3), 64, 0),
    out("UDot u8vec2 -> u16", U, Bytes(2), 16, 0),
    out("SDot i16vec4 -> i32", S, Halves(4), 32, 0),
    out("UDot u16vec4 -> u64", U, Halves(4), 64, 0),
    out("SUDot i16vec3 u16vec3 -> i32", Su, Halves(3), 32, 0),
    out("SDot ivec3 -> i32", S, Words(3), 32, 0),
    out("UDot uvec3 -> u64", U, Words(3), 64, 0),
    out("SUDot ivec3 uvec3 -> i64", Su, Words(3), 64, 0),
    out("SDot i64vec2 -> i64", S, Longs(2), 64, 0),
    out("UDot u64vec2 -> u64", U, Longs(2), 64, 0),
    out("SUDot i64vec2 u64vec2 -> i64", Su, Longs(2), 64, 0),
    out("SDot i8vec4 -> i8", S, Bytes(4), 8, 0),
];

/// asm_integer_dot_acc_sat's outputs, in order.
const ACC_SAT: &[Output] = &[
    out("SDotAccSat packed -> i8", S, Bytes(4), 8, 8),
    out("UDotAccSat packed -> u8", U, Bytes(4), 8, 8),
    out("SUDotAccSat packed (i32 operands) -> i8", Su, Bytes(4), 8, 8),
    out("SDotAccSat i8vec4 -> i16", S, Bytes(4), 16, 16),
    out("UDotAccSat u8vec2 -> u16", U, Bytes(2), 16, 16),
    out("SDotAccSat i16vec4 -> i32", S, Halves(4), 32, 32),
    out("UDotAccSat u16vec4 -> u32", U, Halves(4), 32, 32),
    out("SUDotAccSat i16vec3 u16vec3 -> i32", Su, Halves(3), 32, 32),
    out("SDotAccSat ivec3 -> i32", S, Words(3), 32, 32),
    out("UDotAccSat uvec3 -> u32", U, Words(3), 32, 32),
    out("SUDotAccSat ivec3 uvec3 -> i32", Su, Words(3), 32, 32),
    out("SDotAccSat i64vec2 -> i64", S, Longs(2), 64, 64),
    out("UDotAccSat u64vec2 -> u64", U, Longs(2), 64, 64),
    out("SUDotAccSat i64vec2 u64vec2 -> i64", Su, Longs(2), 64, 64),
    out("SUDotAccSat ivec3 uvec3 -> i64", Su, Words(3), 64, 64),
    out("SDotAccSat i8vec4 -> i32", S, Bytes(4), 32, 32),
];

fn features() -> ShaderFeatures {
    ShaderFeatures { shader_integer_dot_product: true, int8: true, int16: true, int64: true, ..Default::default() }
}

/// splitmix64: deterministic inputs.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// A value in `lo..=hi`.
    fn range(&mut self, lo: i64, hi: i64) -> i64 {
        lo + (self.next() % (hi - lo + 1) as u64) as i64
    }
}

fn mask(bits: u32) -> u64 {
    if bits >= 64 {
        u64::MAX
    } else {
        (1 << bits) - 1
    }
}

/// The record words holding component `i` of operand `side` (0 or 1) at `bits` bits: (first
/// word, shift).
fn place(bits: u32, side: usize, i: usize) -> (usize, u32) {
    match bits {
        8 => (side, 8 * i as u32),
        16 => (2 + 2 * side + i / 2, 16 * (i % 2) as u32),
        32 => (6 + 3 * side + i, 0),
        _ => (12 + 4 * side + 2 * i, 0),
    }
}

fn get(record: &[u32], bits: u32, side: usize, i: usize) -> u64 {
    let (w, shift) = place(bits, side, i);
    if bits == 64 {
        record[w] as u64 | (record[w + 1] as u64) << 32
    } else {
        (record[w] as u64 >> shift) & mask(bits)
    }
}

fn set(record: &mut [u32], bits: u32, side: usize, i: usize, value: i64) {
    let (w, shift) = place(bits, side, i);
    let v = value as u64 & mask(bits);
    if bits == 64 {
        record[w] = v as u32;
        record[w + 1] = (v >> 32) as u32;
    } else {
        record[w] = (record[w] & !((mask(bits) as u32) << shift)) | (v as u32) << shift;
    }
}

/// `raw` (the low `bits` bits) as a signed or unsigned number.
fn extend(raw: u64, bits: u32, signed: bool) -> i128 {
    let raw = raw & mask(bits);
    if signed && bits < 64 && (raw >> (bits - 1)) & 1 == 1 {
        raw as i128 - (1i128 << bits)
    } else if signed && bits == 64 {
        raw as i64 as i128
    } else {
        raw as i128
    }
}

/// The smallest and largest `bits`-bit integers.
fn range_of(bits: u32, signed: bool) -> (i128, i128) {
    if signed {
        (-(1i128 << (bits - 1)), (1i128 << (bits - 1)) - 1)
    } else {
        (0, (1i128 << bits) - 1)
    }
}

/// The records: the record kind `i % 4` picks the operands' ranges (full, with the
/// extremes in the first records; a in [-4, 4] and b in [0, 7]; both in [0, 7]; both in
/// [-4, 4]), `(i / 4) % 11` the accumulators (an edge of each width, or random).
fn records() -> Vec<[u32; RECORD_WORDS]> {
    let mut rng = Rng(0x1d07_c0de);
    let extremes = |bits: u32, k: usize| -> i64 {
        let (min, max) = range_of(bits, true);
        [min as i64, max as i64, -1, 0, 1, min as i64 + 1][k % 6]
    };
    (0..RECORDS)
        .map(|i| {
            let mut r = [0u32; RECORD_WORDS];
            for w in r.iter_mut() {
                *w = rng.next() as u32;
            }
            for (bits, len) in [(8, 4), (16, 4), (32, 3), (64, 2)] {
                for side in 0..2 {
                    for c in 0..len {
                        let value = match i % 4 {
                            0 if i < 96 => extremes(bits, i / 4 + c + 3 * side),
                            0 => continue, // random, as filled
                            1 if side == 0 => rng.range(-4, 4),
                            1 | 2 => rng.range(0, 7),
                            _ => rng.range(-4, 4),
                        };
                        set(&mut r, bits, side, c, value);
                    }
                }
            }
            let kind = (i / 4) % 11;
            let accumulator = |bits: u32, random: u64| -> u64 {
                let (min, max) = range_of(bits, true);
                let v = match kind {
                    0 => min,
                    1 => min + 1,
                    2 => min + 3,
                    3 => -1,
                    4 => -3,
                    5 => 0,
                    6 => 1,
                    7 => max - 3,
                    8 => max - 1,
                    9 => max,
                    _ => return random & mask(bits),
                };
                v as u64 & mask(bits)
            };
            r[20] = accumulator(32, r[20] as u64) as u32;
            let acc64 = accumulator(64, r[21] as u64 | (r[22] as u64) << 32);
            r[21] = acc64 as u32;
            r[22] = (acc64 >> 32) as u32;
            r[23] = accumulator(8, r[23] as u64) as u32 | (r[23] & 0xffff_ff00);
            r[24] = accumulator(16, r[24] as u64) as u32 | (r[24] & 0xffff_0000);
            r
        })
        .collect()
}

/// The components of `o`'s operands in `record`, each sign- or zero-extended as `o`'s
/// instruction reads it.
fn components(o: &Output, record: &[u32]) -> Vec<(i128, i128)> {
    let (bits, len) = match o.operands {
        Bytes(n) => (8, n),
        Halves(n) => (16, n),
        Words(n) => (32, n),
        Longs(n) => (64, n),
    };
    let (signed_a, signed_b) = match o.sign {
        S => (true, true),
        U => (false, false),
        Su => (true, false),
    };
    (0..len)
        .map(|c| (extend(get(record, bits, 0, c), bits, signed_a), extend(get(record, bits, 1, c), bits, signed_b)))
        .collect()
}

/// A result of `bits` bits as the shaders store it: 64-bit as two words, narrower ones
/// extended to a word by the result's signedness.
fn stored(value: u64, bits: u32, signed: bool) -> Vec<u32> {
    match bits {
        64 => vec![value as u32, (value >> 32) as u32],
        32 => vec![value as u32],
        _ => vec![extend(value, bits, signed) as i64 as u32],
    }
}

fn output_words(outputs: &[Output]) -> usize {
    outputs.iter().map(|o| if o.bits == 64 { 2 } else { 1 }).sum()
}

fn run(ctx: &softvk_tests::Context, shader: &str, outputs: &[Output], records: &[[u32; RECORD_WORDS]]) -> Vec<u32> {
    let words = output_words(outputs);
    let out = ComputeJob::new(ctx, &spirv(shader))
        .storage(0, &bytes_of(records))
        .storage(1, &bytes_of(&vec![0xdead_beefu32; words * records.len()]))
        .run([(records.len() / 64) as u32, 1, 1]);
    values_of(&out[1])
}

#[test]
fn dot_products_of_packed_and_vector_operands_keep_the_low_bits_of_the_exact_sum() {
    let Some(ctx) =
        context_with("dot_products_of_packed_and_vector_operands_keep_the_low_bits_of_the_exact_sum", features())
    else {
        return;
    };
    let records = records();
    let got = run(&ctx, "asm_integer_dot", PLAIN, &records);
    let words = output_words(PLAIN);
    for (i, record) in records.iter().enumerate() {
        let mut at = i * words;
        for o in PLAIN {
            // The low bits of a sum depend only on the low bits of its products: wrapping
            // i128 arithmetic is exact for them (two unsigned 64-bit components can
            // overflow an i128).
            let sum = components(o, record).iter().fold(0i128, |s, (x, y)| s.wrapping_add(x.wrapping_mul(*y)));
            let expected = stored(sum as u64 & mask(o.bits), o.bits, o.sign != U);
            let n = expected.len();
            assert_eq!(got[at..at + n], expected[..], "record {i}: {} of {:x?}", o.what, record);
            at += n;
        }
    }
}

#[test]
fn accumulating_dot_products_saturate_at_the_result_range() {
    let Some(ctx) = context_with("accumulating_dot_products_saturate_at_the_result_range", features()) else { return };
    let records = records();
    let got = run(&ctx, "asm_integer_dot_acc_sat", ACC_SAT, &records);
    let words = output_words(ACC_SAT);
    // Per output: results compared where the spec defines them, and how many of those
    // saturated at the top and at the bottom.
    let mut defined = vec![0usize; ACC_SAT.len()];
    let mut at_max = vec![0usize; ACC_SAT.len()];
    let mut at_min = vec![0usize; ACC_SAT.len()];
    for (i, record) in records.iter().enumerate() {
        let mut at = i * words;
        for (k, o) in ACC_SAT.iter().enumerate() {
            let n = if o.bits == 64 { 2 } else { 1 };
            let word = &got[at..at + n];
            at += n;
            let signed = o.sign != U;
            let (min, max) = range_of(o.bits, signed);
            // Sums past i128 (of unsigned 64-bit products) overflow every result: no
            // driver defines those.
            let sum = |keep: fn(i128) -> bool| {
                components(o, record).iter().try_fold(0i128, |s, (x, y)| {
                    let p = x.checked_mul(*y)?;
                    if keep(p) {
                        s.checked_add(p)
                    } else {
                        Some(s)
                    }
                })
            };
            let (Some(positive), Some(negative)) = (sum(|p| p > 0), sum(|p| p < 0)) else { continue };
            let is_defined = positive <= max && negative >= min;
            if !is_defined && !ctx.is_softvk {
                continue;
            }
            let acc_raw = match o.accumulator_bits {
                8 => record[23] as u64 & 0xff,
                16 => record[24] as u64 & 0xffff,
                32 => record[20] as u64,
                _ => record[21] as u64 | (record[22] as u64) << 32,
            };
            let Some(total) = (positive + negative).checked_add(extend(acc_raw, o.bits, signed)) else { continue };
            let expected = total.clamp(min, max);
            if is_defined {
                defined[k] += 1;
                at_max[k] += (total > max) as usize;
                at_min[k] += (total < min) as usize;
            }
            assert_eq!(
                word,
                &stored(expected as u64 & mask(o.bits), o.bits, signed)[..],
                "record {i}: {} = {positive} + {negative} + accumulator {acc_raw:#x}, saturated to {expected}{}",
                o.what,
                if is_defined { "" } else { " (softvk: an overflowing dot product, undefined elsewhere)" }
            );
        }
    }
    for (k, o) in ACC_SAT.iter().enumerate() {
        assert!(defined[k] >= 40, "{}: only {} defined results compared", o.what, defined[k]);
        assert!(at_max[k] > 0, "{}: no result saturated at the maximum", o.what);
        if o.sign != U {
            assert!(at_min[k] > 0, "{}: no result saturated at the minimum", o.what);
        }
    }
}
