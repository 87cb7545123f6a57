//! What each arithmetic, comparison and conversion instruction does to one scalar.
//!
//! Values are bit patterns in the low bits of a `u64` (booleans: 0 or 1). These functions
//! are the reference semantics: the constant evaluator uses them for specialisation
//! constants, and the interpreter uses them for every width it has no fast path for; its
//! 32-bit fast paths are tested against them.
//!
//! Where SPIR-V leaves a result undefined (division by zero, shifts by the width or more,
//! float-to-integer conversions out of range), the result here is some value, never a
//! panic: an application's shader must not be able to crash the driver.

use crate::ir::{BinaryOp, ConvertOp, DotSignedness, Rounding, Scalar, UnaryOp};
use half::f16;

/// Keeps the low `bits` bits.
pub fn truncate(value: u64, bits: u32) -> u64 {
    if bits >= 64 {
        value
    } else {
        value & ((1u64 << bits) - 1)
    }
}

/// The value as a signed integer of `bits` bits.
pub fn sign_extend(value: u64, bits: u32) -> i64 {
    if bits >= 64 {
        value as i64
    } else {
        let shift = 64 - bits;
        ((value << shift) as i64) >> shift
    }
}

pub fn to_f64(value: u64, bits: u32) -> f64 {
    match bits {
        16 => f16::from_bits(value as u16).to_f64(),
        32 => f32::from_bits(value as u32) as f64,
        _ => f64::from_bits(value),
    }
}

/// A float of `bits` bits from an f64, rounded to nearest even.
pub fn from_f64(value: f64, bits: u32) -> u64 {
    match bits {
        16 => f16::from_f64(value).to_bits() as u64,
        32 => (value as f32).to_bits() as u64,
        _ => value.to_bits(),
    }
}

fn float_op(bits: u32, a: u64, b: u64, f32op: fn(f32, f32) -> f32, f64op: fn(f64, f64) -> f64) -> u64 {
    match bits {
        // f16 arithmetic in f32 then rounded: f32 has more than twice f16's precision, so
        // the double rounding is exact for +, -, *, /.
        16 => f16::from_f32(f32op(f16::from_bits(a as u16).to_f32(), f16::from_bits(b as u16).to_f32())).to_bits() as u64,
        32 => f32op(f32::from_bits(a as u32), f32::from_bits(b as u32)).to_bits() as u64,
        _ => f64op(f64::from_bits(a), f64::from_bits(b)).to_bits(),
    }
}

fn compare_floats(bits: u32, a: u64, b: u64) -> Option<std::cmp::Ordering> {
    to_f64(a, bits).partial_cmp(&to_f64(b, bits))
}

/// `a op b` for operands of scalar type `s` (the second operand's type for shifts is
/// `shift`, which may differ in width). Comparisons give 0 or 1.
pub fn binary(op: BinaryOp, s: Scalar, shift: Scalar, a: u64, b: u64) -> u64 {
    use std::cmp::Ordering::*;
    use BinaryOp::*;
    let bits = s.bits();
    let t = |v: u64| truncate(v, bits);
    let sa = sign_extend(a, bits);
    let sb = sign_extend(b, bits);
    let ua = truncate(a, bits);
    let ub = truncate(b, bits);
    let bool_ = |c: bool| c as u64;
    let ord = || compare_floats(bits, a, b);
    match op {
        IAdd => t(ua.wrapping_add(ub)),
        ISub => t(ua.wrapping_sub(ub)),
        IMul => t(ua.wrapping_mul(ub)),
        UDiv => t(ua.checked_div(ub).unwrap_or(0)),
        UMod => t(ua.checked_rem(ub).unwrap_or(0)),
        SDiv => t(if sb == 0 { 0 } else { sign_div(sa, sb, bits) as u64 }),
        SRem => t(if sb == 0 { 0 } else { sa.wrapping_rem(sb) as u64 }),
        SMod => {
            if sb == 0 {
                0
            } else {
                let r = sa.wrapping_rem(sb);
                t(if r != 0 && ((r < 0) != (sb < 0)) { r.wrapping_add(sb) } else { r } as u64)
            }
        }
        ShiftLeftLogical | ShiftRightLogical | ShiftRightArithmetic => {
            let amount = truncate(b, shift.bits());
            if amount >= bits as u64 {
                return match op {
                    ShiftRightArithmetic if sa < 0 => t(u64::MAX),
                    _ => 0,
                };
            }
            match op {
                ShiftLeftLogical => t(ua << amount),
                ShiftRightLogical => ua >> amount,
                _ => t((sa >> amount) as u64),
            }
        }
        BitwiseAnd => ua & ub,
        BitwiseOr => ua | ub,
        BitwiseXor => ua ^ ub,
        FAdd => float_op(bits, a, b, |x, y| x + y, |x, y| x + y),
        FSub => float_op(bits, a, b, |x, y| x - y, |x, y| x - y),
        FMul => float_op(bits, a, b, |x, y| x * y, |x, y| x * y),
        FDiv => float_op(bits, a, b, |x, y| x / y, |x, y| x / y),
        // OpFRem: the sign of the first operand (C's fmod); OpFMod: of the second.
        FRem => float_op(bits, a, b, |x, y| x % y, |x, y| x % y),
        FMod => float_op(bits, a, b, fmod32, fmod64),
        IEqual => bool_(ua == ub),
        INotEqual => bool_(ua != ub),
        UGreaterThan => bool_(ua > ub),
        SGreaterThan => bool_(sa > sb),
        UGreaterThanEqual => bool_(ua >= ub),
        SGreaterThanEqual => bool_(sa >= sb),
        ULessThan => bool_(ua < ub),
        SLessThan => bool_(sa < sb),
        ULessThanEqual => bool_(ua <= ub),
        SLessThanEqual => bool_(sa <= sb),
        FOrdEqual => bool_(ord() == Some(Equal)),
        FUnordEqual => bool_(matches!(ord(), None | Some(Equal))),
        FOrdNotEqual => bool_(matches!(ord(), Some(Less | Greater))),
        FUnordNotEqual => bool_(ord() != Some(Equal)),
        FOrdLessThan => bool_(ord() == Some(Less)),
        FUnordLessThan => bool_(matches!(ord(), None | Some(Less))),
        FOrdGreaterThan => bool_(ord() == Some(Greater)),
        FUnordGreaterThan => bool_(matches!(ord(), None | Some(Greater))),
        FOrdLessThanEqual => bool_(matches!(ord(), Some(Less | Equal))),
        FUnordLessThanEqual => bool_(ord() != Some(Greater)),
        FOrdGreaterThanEqual => bool_(matches!(ord(), Some(Greater | Equal))),
        FUnordGreaterThanEqual => bool_(ord() != Some(Less)),
        LogicalEqual => bool_((a != 0) == (b != 0)),
        LogicalNotEqual => bool_((a != 0) != (b != 0)),
        LogicalOr => bool_(a != 0 || b != 0),
        LogicalAnd => bool_(a != 0 && b != 0),
    }
}

/// Signed division truncating toward zero; INT_MIN / -1 wraps.
fn sign_div(a: i64, b: i64, bits: u32) -> i64 {
    let q = a.wrapping_div(b);
    sign_extend(q as u64, bits)
}

pub fn fmod32(x: f32, y: f32) -> f32 {
    let r = x % y;
    if r != 0.0 && ((r < 0.0) != (y < 0.0)) {
        r + y
    } else {
        r
    }
}

pub fn fmod64(x: f64, y: f64) -> f64 {
    let r = x % y;
    if r != 0.0 && ((r < 0.0) != (y < 0.0)) {
        r + y
    } else {
        r
    }
}

/// `op a` for an operand of scalar type `s`.
pub fn unary(op: UnaryOp, s: Scalar, a: u64) -> u64 {
    let bits = s.bits();
    match op {
        UnaryOp::FNegate => match bits {
            16 => a ^ 0x8000,
            32 => a ^ 0x8000_0000,
            _ => a ^ (1 << 63),
        },
        UnaryOp::SNegate => truncate(0u64.wrapping_sub(a), bits),
        UnaryOp::Not => truncate(!a, bits),
        UnaryOp::LogicalNot => (a == 0) as u64,
        UnaryOp::BitReverse => truncate(a, bits).reverse_bits() >> (64 - bits),
        UnaryOp::BitCount => truncate(a, bits).count_ones() as u64,
        UnaryOp::IsNan => to_f64(a, bits).is_nan() as u64,
        UnaryOp::IsInf => to_f64(a, bits).is_infinite() as u64,
        // spec: too large gives an infinity, too small for a normal f16 gives ±0, NaN a NaN.
        UnaryOp::QuantizeToF16 => {
            let h = f16::from_f32(f32::from_bits(a as u32));
            let subnormal = h.to_bits() & 0x7c00 == 0 && h.to_bits() & 0x03ff != 0;
            let h = if subnormal { f16::from_bits(h.to_bits() & 0x8000) } else { h };
            h.to_f32().to_bits() as u64
        }
    }
}

/// `x` rounded to a binary float with `mantissa` fraction bits and exponents
/// `min_exponent..=max_exponent` (of normal numbers), as that format's bits, in `mode`.
/// Correctly rounded straight from f64, so never rounded twice.
fn round_float(x: f64, mantissa: u32, min_exponent: i32, max_exponent: i32, mode: Rounding) -> u64 {
    let exponent_bits = {
        let bias = max_exponent;
        let total = (2 * bias + 1) as u64;
        64 - total.leading_zeros()
    };
    let sign_bit = 1u64 << (mantissa + exponent_bits);
    let infinity = ((1u64 << exponent_bits) - 1) << mantissa;
    let negative = x.is_sign_negative();
    let sign = if negative { sign_bit } else { 0 };
    if x.is_nan() {
        return sign | infinity | (1 << (mantissa - 1));
    }
    let a = x.abs();
    if a.is_infinite() {
        return sign | infinity;
    }
    // Round a non-negative exact value to an integer, as the mode says for this sign.
    let round = |v: f64| -> f64 {
        match mode {
            Rounding::Rte => v.round_ties_even(),
            Rounding::Rtz => v.trunc(),
            Rounding::Rtp => if negative { v.trunc() } else { v.ceil() },
            Rounding::Rtn => if negative { v.ceil() } else { v.trunc() },
        }
    };
    if a == 0.0 {
        return sign;
    }
    let e = a.log2().floor() as i32;
    // Correct log2's rounding near powers of two.
    let e = if 2f64.powi(e) > a { e - 1 } else if 2f64.powi(e + 1) <= a { e + 1 } else { e };
    let bits = if e < min_exponent {
        // Subnormal: whole units of 2^(min_exponent - mantissa).
        let units = round(a * 2f64.powi(mantissa as i32 - min_exponent));
        units as u64
    } else {
        let fraction = round((a / 2f64.powi(e) - 1.0) * 2f64.powi(mantissa as i32)) as u64;
        let (e, fraction) = if fraction == 1 << mantissa { (e + 1, 0) } else { (e, fraction) };
        if e > max_exponent {
            let to_infinity = match mode {
                Rounding::Rte => true,
                Rounding::Rtz => false,
                Rounding::Rtp => !negative,
                Rounding::Rtn => negative,
            };
            return sign | if to_infinity { infinity } else { infinity - 1 };
        }
        (((e + max_exponent) as u64) << mantissa) | fraction
    };
    sign | bits
}

/// `x` as a float of `bits` bits, rounded in `mode`.
pub fn round_to(x: f64, bits: u32, mode: Rounding) -> u64 {
    match bits {
        16 => round_float(x, 10, -14, 15, mode),
        32 => round_float(x, 23, -126, 127, mode),
        _ => x.to_bits(),
    }
}

/// Converts `a` of type `from` to type `to`.
pub fn convert(op: ConvertOp, from: Scalar, to: Scalar, a: u64) -> u64 {
    let (fb, tb) = (from.bits(), to.bits());
    match op {
        ConvertOp::FConvertRounded(mode) => round_to(to_f64(a, fb), tb, mode),
        ConvertOp::UConvert => truncate(truncate(a, fb), tb),
        ConvertOp::SConvert => truncate(sign_extend(a, fb) as u64, tb),
        // Straight from the source value: f64 -> f16 through f32 would round twice.
        ConvertOp::FConvert => round_to(to_f64(a, fb), tb, Rounding::Rte),
        ConvertOp::SToF => {
            let v = sign_extend(a, fb);
            match tb {
                16 => f16::from_f32(v as f32).to_bits() as u64,
                32 => (v as f32).to_bits() as u64,
                _ => (v as f64).to_bits(),
            }
        }
        ConvertOp::UToF => {
            let v = truncate(a, fb);
            match tb {
                16 => f16::from_f32(v as f32).to_bits() as u64,
                32 => (v as f32).to_bits() as u64,
                _ => (v as f64).to_bits(),
            }
        }
        // Rust's `as` saturates and maps NaN to 0: SPIR-V leaves those undefined.
        ConvertOp::FToU => {
            let v = to_f64(a, fb);
            truncate(
                match tb {
                    8 => v as u8 as u64,
                    16 => v as u16 as u64,
                    32 => v as u32 as u64,
                    _ => v as u64,
                },
                tb,
            )
        }
        ConvertOp::FToS => {
            let v = to_f64(a, fb);
            truncate(
                match tb {
                    8 => v as i8 as u64,
                    16 => v as i16 as u64,
                    32 => v as i32 as u64,
                    _ => v as i64 as u64,
                },
                tb,
            )
        }
    }
}

/// One term of an integer dot product: components `x` and `y` of `bits` bits, sign- or
/// zero-extended as `signedness` says, multiplied exactly. (Two unsigned 64-bit components
/// can overflow an i128; their product then wraps, which only matters where the spec
/// leaves the result undefined: an AccSat whose dot product overflows the result.)
pub fn dot_term(x: u64, y: u64, bits: u32, signedness: DotSignedness) -> i128 {
    let extend = |v: u64, signed: bool| if signed { sign_extend(v, bits) as i128 } else { truncate(v, bits) as i128 };
    let (x_signed, y_signed) = match signedness {
        DotSignedness::Signed => (true, true),
        DotSignedness::Unsigned => (false, false),
        DotSignedness::Mixed => (true, false),
    };
    extend(x, x_signed).wrapping_mul(extend(y, y_signed))
}

/// The result of an integer dot product whose terms add up to `sum` (exactly, or wrapped
/// in 128 bits). Without an accumulator: the low `bits` bits of the sum (spec: "the
/// low-order N bits of the correct result"). With one (the AccSat forms): the sum plus the
/// accumulator, clamped to the range of a `bits`-bit integer, signed unless `signedness`
/// is `Unsigned` ("this final addition is saturating").
pub fn dot_result(sum: i128, bits: u32, signedness: DotSignedness, accumulator: Option<u64>) -> u64 {
    let Some(acc) = accumulator else { return truncate(sum as u64, bits) };
    let signed = signedness != DotSignedness::Unsigned;
    let bits = bits.clamp(1, 64);
    let (min, max, acc) = if signed {
        (-(1i128 << (bits - 1)), (1i128 << (bits - 1)) - 1, sign_extend(acc, bits) as i128)
    } else {
        (0, (1i128 << bits) - 1, truncate(acc, bits) as i128)
    };
    truncate(sum.saturating_add(acc).clamp(min, max) as u64, bits)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn signed_ops_follow_spirv() {
        let i32_ = Scalar::I32;
        let m = |v: i64| truncate(v as u64, 32);
        assert_eq!(binary(BinaryOp::SDiv, i32_, i32_, m(-7), m(2)), m(-3));
        assert_eq!(binary(BinaryOp::SRem, i32_, i32_, m(-7), m(2)), m(-1));
        assert_eq!(binary(BinaryOp::SMod, i32_, i32_, m(-7), m(2)), m(1));
        assert_eq!(binary(BinaryOp::SMod, i32_, i32_, m(7), m(-2)), m(-1));
        assert_eq!(binary(BinaryOp::SDiv, i32_, i32_, m(i32::MIN as i64), m(-1)), m(i32::MIN as i64));
        assert_eq!(binary(BinaryOp::SDiv, i32_, i32_, 5, 0), 0, "no panic on division by zero");
        assert_eq!(binary(BinaryOp::ShiftRightArithmetic, i32_, i32_, m(-8), 1), m(-4));
        assert_eq!(binary(BinaryOp::ShiftLeftLogical, i32_, Scalar::Int { bits: 64, signed: false }, 1, 40), 0);
        assert_eq!(binary(BinaryOp::SLessThan, i32_, i32_, m(-1), 0), 1);
        assert_eq!(binary(BinaryOp::ULessThan, i32_, i32_, m(-1), 0), 0);
    }

    #[test]
    fn float_comparisons_distinguish_ordered_from_unordered() {
        let f = Scalar::F32;
        let nan = f32::NAN.to_bits() as u64;
        let one = 1f32.to_bits() as u64;
        assert_eq!(binary(BinaryOp::FOrdEqual, f, f, nan, nan), 0);
        assert_eq!(binary(BinaryOp::FUnordEqual, f, f, nan, one), 1);
        assert_eq!(binary(BinaryOp::FOrdNotEqual, f, f, nan, one), 0);
        assert_eq!(binary(BinaryOp::FUnordNotEqual, f, f, nan, one), 1);
        let fmod = |x: f32, y: f32| f32::from_bits(binary(BinaryOp::FMod, f, f, x.to_bits() as u64, y.to_bits() as u64) as u32);
        let frem = |x: f32, y: f32| f32::from_bits(binary(BinaryOp::FRem, f, f, x.to_bits() as u64, y.to_bits() as u64) as u32);
        assert_eq!((fmod(-5.5, 2.0), frem(-5.5, 2.0)), (0.5, -1.5));
    }

    #[test]
    fn rounding_modes_round_once_from_f64() {
        // 1 + 2^-11 + 2^-40 is just above halfway between two f16 neighbours of 1: RTE goes
        // up; through f32 it would first round to the halfway point, then to even (down).
        let x = 1.0 + 2f64.powi(-11) + 2f64.powi(-40);
        assert_eq!(round_to(x, 16, Rounding::Rte), 0x3c01);
        assert_eq!(round_to(x, 16, Rounding::Rtz), 0x3c00);
        assert_eq!(round_to(-x, 16, Rounding::Rtn), 0xbc01);
        assert_eq!(round_to(-x, 16, Rounding::Rtp), 0xbc00);
        assert_eq!(round_to(70000.0, 16, Rounding::Rte), 0x7c00, "overflow to infinity");
        assert_eq!(round_to(70000.0, 16, Rounding::Rtz), 0x7bff, "overflow to the largest finite");
        assert_eq!(round_to(2f64.powi(-24), 16, Rounding::Rte), 0x0001, "the smallest subnormal");
        assert_eq!(round_to(2f64.powi(-25), 16, Rounding::Rte), 0x0000, "a tie to even zero");
        assert_eq!(round_to(1.0 / 3.0, 32, Rounding::Rte), (1.0f32 / 3.0).to_bits() as u64);
        assert_eq!(round_to(-0.0, 16, Rounding::Rte), 0x8000);
    }

    #[test]
    fn conversions_between_widths() {
        let u8_ = Scalar::Int { bits: 8, signed: false };
        let i8_ = Scalar::Int { bits: 8, signed: true };
        let i64_ = Scalar::Int { bits: 64, signed: true };
        assert_eq!(convert(ConvertOp::SConvert, i8_, i64_, 0xff), u64::MAX);
        assert_eq!(convert(ConvertOp::UConvert, u8_, i64_, 0xff), 0xff);
        let h = convert(ConvertOp::FConvert, Scalar::F32, Scalar::Float { bits: 16 }, 1.5f32.to_bits() as u64);
        assert_eq!(h, 0x3e00);
        assert_eq!(convert(ConvertOp::FToS, Scalar::F32, Scalar::I32, (-2.75f32).to_bits() as u64), truncate(-2i64 as u64, 32));
        assert_eq!(convert(ConvertOp::FToU, Scalar::F32, Scalar::U32, f32::NAN.to_bits() as u64), 0);
        assert_eq!(unary(UnaryOp::BitReverse, Scalar::U32, 1), 0x8000_0000);
    }

    /// The dot product helpers against sums computed here with i128, at every width,
    /// for the three signednesses, and the AccSat forms at their saturation edges.
    #[test]
    fn integer_dot_products_extend_multiply_and_saturate() {
        use DotSignedness::*;
        let i8s = |v: &[i8]| v.iter().map(|&x| x as u8 as u64).collect::<Vec<_>>();
        let dot = |a: &[u64], b: &[u64], bits: u32, s: DotSignedness| {
            a.iter().zip(b).map(|(&x, &y)| dot_term(x, y, bits, s)).sum::<i128>()
        };
        let (a, b) = (i8s(&[-128, 127, -1, 5]), i8s(&[-128, -128, -1, 3]));
        assert_eq!(dot(&a, &b, 8, Signed), 16384 - 16256 + 1 + 15);
        assert_eq!(dot(&a, &b, 8, Unsigned), 128 * 128 + 127 * 128 + 255 * 255 + 15);
        assert_eq!(dot(&a, &b, 8, Mixed), -128 * 128 + 127 * 128 - 255 + 15);
        // Plain results keep the low bits; a 16-bit result of 8-bit components wraps.
        assert_eq!(dot_result(16384 + 16256, 16, Signed, None), 32640);
        assert_eq!(dot_result(-16384 * 3, 16, Signed, None), (-49152i64 as u64) & 0xffff);
        assert_eq!(dot_result(1 << 40, 32, Unsigned, None), 0);
        // Signed saturation of the accumulation, at 8, 32 and 64 bits.
        assert_eq!(dot_result(100, 8, Signed, Some(50)), 127);
        assert_eq!(dot_result(-100, 8, Signed, Some((-50i8) as u8 as u64)), 0x80);
        assert_eq!(dot_result(-100, 8, Mixed, Some(27)), (-73i8) as u8 as u64);
        assert_eq!(dot_result(1, 32, Signed, Some(i32::MAX as u32 as u64)), i32::MAX as u32 as u64);
        assert_eq!(dot_result(-1, 32, Signed, Some(i32::MIN as u32 as u64)), i32::MIN as u32 as u64);
        assert_eq!(dot_result(-5, 32, Signed, Some(i32::MAX as u32 as u64)), (i32::MAX - 5) as u32 as u64);
        assert_eq!(dot_result(1, 64, Signed, Some(i64::MAX as u64)), i64::MAX as u64);
        assert_eq!(dot_result(-2, 64, Mixed, Some(i64::MIN as u64 + 1)), i64::MIN as u64);
        // Unsigned saturation: the accumulator is unsigned, the top is all ones.
        assert_eq!(dot_result(200, 8, Unsigned, Some(100)), 255);
        assert_eq!(dot_result(200, 8, Unsigned, Some(55)), 255);
        assert_eq!(dot_result(200, 8, Unsigned, Some(54)), 254);
        assert_eq!(dot_result(2, 64, Unsigned, Some(u64::MAX - 1)), u64::MAX);
        let unsigned_acc = dot_result(1, 32, Unsigned, Some(0x8000_0000));
        assert_eq!(unsigned_acc, 0x8000_0001, "no signed reading of an unsigned accumulator");
        // 64-bit components: products past 64 bits are exact.
        let big = [u64::MAX, 3];
        assert_eq!(dot(&big, &big, 64, Signed), 1 + 9);
        assert_eq!(dot(&big, &big, 64, Unsigned) as u128, (u64::MAX as u128) * (u64::MAX as u128) + 9);
        assert_eq!(dot(&big, &[2, (-1i64) as u64], 64, Mixed), -2 + 3 * (u64::MAX as i128));
    }
}
