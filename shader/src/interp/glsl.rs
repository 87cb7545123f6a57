//! GLSL.std.450, by instruction number.
//!
//! Float functions are evaluated in f64 and rounded to the result's width, which is at
//! least as precise as the spec asks of each (correctly rounded where it requires it:
//! min, max, clamp, floor, fma...). `Modf` and `Frexp`, whose second result goes through a
//! pointer, arrive here as their `*Struct` forms (the front end adds the store).

use super::alu::put;
use super::{Machine, Mask};
use crate::ir::*;
use crate::scalar::{from_f64, sign_extend, to_f64, truncate};

/// GLSL.std.450 numbers used by name below.
mod n {
    pub const ROUND: u32 = 1;
    pub const ROUND_EVEN: u32 = 2;
    pub const TRUNC: u32 = 3;
    pub const FABS: u32 = 4;
    pub const SABS: u32 = 5;
    pub const FSIGN: u32 = 6;
    pub const SSIGN: u32 = 7;
    pub const FLOOR: u32 = 8;
    pub const CEIL: u32 = 9;
    pub const FRACT: u32 = 10;
    pub const RADIANS: u32 = 11;
    pub const DEGREES: u32 = 12;
    pub const SIN: u32 = 13;
    pub const COS: u32 = 14;
    pub const TAN: u32 = 15;
    pub const ASIN: u32 = 16;
    pub const ACOS: u32 = 17;
    pub const ATAN: u32 = 18;
    pub const SINH: u32 = 19;
    pub const COSH: u32 = 20;
    pub const TANH: u32 = 21;
    pub const ASINH: u32 = 22;
    pub const ACOSH: u32 = 23;
    pub const ATANH: u32 = 24;
    pub const ATAN2: u32 = 25;
    pub const POW: u32 = 26;
    pub const EXP: u32 = 27;
    pub const LOG: u32 = 28;
    pub const EXP2: u32 = 29;
    pub const LOG2: u32 = 30;
    pub const SQRT: u32 = 31;
    pub const INVERSE_SQRT: u32 = 32;
    pub const DETERMINANT: u32 = 33;
    pub const MATRIX_INVERSE: u32 = 34;
    pub const MODF_STRUCT: u32 = 36;
    pub const FMIN: u32 = 37;
    pub const UMIN: u32 = 38;
    pub const SMIN: u32 = 39;
    pub const FMAX: u32 = 40;
    pub const UMAX: u32 = 41;
    pub const SMAX: u32 = 42;
    pub const FCLAMP: u32 = 43;
    pub const UCLAMP: u32 = 44;
    pub const SCLAMP: u32 = 45;
    pub const FMIX: u32 = 46;
    pub const STEP: u32 = 48;
    pub const SMOOTH_STEP: u32 = 49;
    pub const FMA: u32 = 50;
    pub const FREXP_STRUCT: u32 = 52;
    pub const LDEXP: u32 = 53;
    pub const PACK_SNORM4X8: u32 = 54;
    pub const PACK_UNORM4X8: u32 = 55;
    pub const PACK_SNORM2X16: u32 = 56;
    pub const PACK_UNORM2X16: u32 = 57;
    pub const PACK_HALF2X16: u32 = 58;
    pub const PACK_DOUBLE2X32: u32 = 59;
    pub const UNPACK_SNORM2X16: u32 = 60;
    pub const UNPACK_UNORM2X16: u32 = 61;
    #[allow(dead_code)]
    pub const UNPACK_HALF2X16: u32 = 62;
    pub const UNPACK_SNORM4X8: u32 = 63;
    pub const UNPACK_UNORM4X8: u32 = 64;
    pub const UNPACK_DOUBLE2X32: u32 = 65;
    pub const LENGTH: u32 = 66;
    pub const DISTANCE: u32 = 67;
    pub const CROSS: u32 = 68;
    pub const NORMALIZE: u32 = 69;
    pub const FACE_FORWARD: u32 = 70;
    pub const REFLECT: u32 = 71;
    pub const REFRACT: u32 = 72;
    pub const FIND_ILSB: u32 = 73;
    pub const FIND_SMSB: u32 = 74;
    pub const FIND_UMSB: u32 = 75;
    pub const NMIN: u32 = 79;
    pub const NMAX: u32 = 80;
    pub const NCLAMP: u32 = 81;
}

fn fmin(a: f64, b: f64) -> f64 {
    if b < a || a.is_nan() {
        b
    } else {
        a
    }
}

fn fmax(a: f64, b: f64) -> f64 {
    if b > a || a.is_nan() {
        b
    } else {
        a
    }
}

/// Round half to even.
fn round_even(x: f64) -> f64 {
    let r = x.round();
    if (x - x.trunc()).abs() == 0.5 {
        2.0 * (x / 2.0).round_ties_even_compat()
    } else {
        r
    }
}

trait RoundTiesEven {
    fn round_ties_even_compat(self) -> f64;
}

impl RoundTiesEven for f64 {
    fn round_ties_even_compat(self) -> f64 {
        self.round_ties_even()
    }
}

/// A component-wise float function of one, two or three arguments.
fn float_function(op: u32, a: &[f64]) -> Option<f64> {
    let x = a[0];
    let y = a.get(1).copied().unwrap_or(0.0);
    let z = a.get(2).copied().unwrap_or(0.0);
    Some(match op {
        n::ROUND => x.round(),
        n::ROUND_EVEN => round_even(x),
        n::TRUNC => x.trunc(),
        n::FABS => x.abs(),
        n::FSIGN => {
            if x > 0.0 {
                1.0
            } else if x < 0.0 {
                -1.0
            } else {
                x
            }
        }
        n::FLOOR => x.floor(),
        n::CEIL => x.ceil(),
        n::FRACT => x - x.floor(),
        n::RADIANS => x.to_radians(),
        n::DEGREES => x.to_degrees(),
        n::SIN => x.sin(),
        n::COS => x.cos(),
        n::TAN => x.tan(),
        n::ASIN => x.asin(),
        n::ACOS => x.acos(),
        n::ATAN => x.atan(),
        n::SINH => x.sinh(),
        n::COSH => x.cosh(),
        n::TANH => x.tanh(),
        n::ASINH => x.asinh(),
        n::ACOSH => x.acosh(),
        n::ATANH => x.atanh(),
        n::ATAN2 => x.atan2(y),
        n::POW => x.powf(y),
        n::EXP => x.exp(),
        n::LOG => x.ln(),
        n::EXP2 => x.exp2(),
        n::LOG2 => x.log2(),
        n::SQRT => x.sqrt(),
        n::INVERSE_SQRT => 1.0 / x.sqrt(),
        n::FMIN | n::NMIN => fmin(x, y),
        n::FMAX | n::NMAX => fmax(x, y),
        n::FCLAMP | n::NCLAMP => fmin(fmax(x, y), z),
        n::FMIX => x * (1.0 - z) + y * z,
        n::STEP => {
            if y < x {
                0.0
            } else {
                1.0
            }
        }
        n::SMOOTH_STEP => {
            let t = ((z - x) / (y - x)).clamp(0.0, 1.0);
            t * t * (3.0 - 2.0 * t)
        }
        n::FMA => x.mul_add(y, z),
        _ => return None,
    })
}

impl Machine<'_> {
    pub(super) fn glsl(&mut self, op: u32, args: &[Value], dst: Value, out: &mut [u32], mask: &Mask) {
        let l = self.lanes;
        let (rs, rn) = self.scalars(dst);
        if rs.bits() == 32 && rs.is_float() && self.float32_rows(op, args, out) {
            return;
        }
        let lanes: Vec<usize> = mask.lanes().collect();
        let arg = |m: &Machine, i: usize, c: u32, lane: usize| -> f64 {
            let (s, n) = m.scalars(args[i]);
            to_f64(m.get(args[i], c.min(n - 1), s, lane), s.bits())
        };
        let component_wise = float_function(op, &[0.0; 3][..args.len().min(3)]).is_some();
        if rs.is_float() && component_wise {
            let bits = rs.bits();
            let mut a = [0f64; 3];
            for &lane in &lanes {
                for c in 0..rn {
                    for (i, slot) in a.iter_mut().enumerate().take(args.len().min(3)) {
                        *slot = arg(self, i, c, lane);
                    }
                    let r = match op {
                        n::RADIANS | n::DEGREES => scale_in_precision(op, a[0], bits),
                        _ => float_function(op, &a[..args.len().min(3)]).unwrap_or(0.0),
                    };
                    put(out, l, c, rs.words(), lane, from_f64(r, bits));
                }
            }
            return;
        }
        match op {
            n::SABS | n::SSIGN | n::UMIN | n::SMIN | n::UMAX | n::SMAX | n::UCLAMP | n::SCLAMP | n::FIND_ILSB | n::FIND_SMSB | n::FIND_UMSB => {
                let bits = rs.bits();
                for &lane in &lanes {
                    for c in 0..rn {
                        let get = |m: &Machine, i: usize| {
                            let (s, n) = m.scalars(args[i]);
                            m.get(args[i], c.min(n - 1), s, lane)
                        };
                        let (sx, _) = self.scalars(args[0]);
                        let xb = sx.bits();
                        let x = get(self, 0);
                        let sx_ = sign_extend(x, xb);
                        let r: u64 = match op {
                            n::SABS => sx_.unsigned_abs(),
                            n::SSIGN => sx_.signum() as u64,
                            n::UMIN => truncate(x, xb).min(truncate(get(self, 1), xb)),
                            n::UMAX => truncate(x, xb).max(truncate(get(self, 1), xb)),
                            n::SMIN => sx_.min(sign_extend(get(self, 1), xb)) as u64,
                            n::SMAX => sx_.max(sign_extend(get(self, 1), xb)) as u64,
                            n::UCLAMP => truncate(x, xb).max(truncate(get(self, 1), xb)).min(truncate(get(self, 2), xb)),
                            n::SCLAMP => sx_.max(sign_extend(get(self, 1), xb)).min(sign_extend(get(self, 2), xb)) as u64,
                            n::FIND_ILSB => {
                                let v = truncate(x, xb);
                                if v == 0 { u64::MAX } else { v.trailing_zeros() as u64 }
                            }
                            n::FIND_UMSB => {
                                let v = truncate(x, xb);
                                if v == 0 { u64::MAX } else { 63 - v.leading_zeros() as u64 }
                            }
                            _ => {
                                // FindSMsb: the most significant bit that differs from the sign.
                                let v = if sx_ < 0 { !sx_ } else { sx_ } as u64;
                                if v == 0 { u64::MAX } else { 63 - v.leading_zeros() as u64 }
                            }
                        };
                        put(out, l, c, rs.words(), lane, truncate(r, bits));
                    }
                }
            }
            n::LENGTH | n::DISTANCE => {
                let (s, n) = self.scalars(args[0]);
                for &lane in &lanes {
                    let mut sum = 0.0;
                    for c in 0..n {
                        let d = arg(self, 0, c, lane) - if op == n::DISTANCE { arg(self, 1, c, lane) } else { 0.0 };
                        sum += d * d;
                    }
                    put(out, l, 0, rs.words(), lane, from_f64(sum.sqrt(), s.bits()));
                }
            }
            n::NORMALIZE => {
                for &lane in &lanes {
                    let v: Vec<f64> = (0..rn).map(|c| arg(self, 0, c, lane)).collect();
                    let len = v.iter().map(|x| x * x).sum::<f64>().sqrt();
                    for (c, x) in v.iter().enumerate() {
                        put(out, l, c as u32, rs.words(), lane, from_f64(x / len, rs.bits()));
                    }
                }
            }
            n::CROSS => {
                for &lane in &lanes {
                    let a: Vec<f64> = (0..3).map(|c| arg(self, 0, c, lane)).collect();
                    let b: Vec<f64> = (0..3).map(|c| arg(self, 1, c, lane)).collect();
                    let r = [a[1] * b[2] - b[1] * a[2], a[2] * b[0] - b[2] * a[0], a[0] * b[1] - b[0] * a[1]];
                    for (c, x) in r.iter().enumerate() {
                        put(out, l, c as u32, rs.words(), lane, from_f64(*x, rs.bits()));
                    }
                }
            }
            n::FACE_FORWARD | n::REFLECT | n::REFRACT => {
                for &lane in &lanes {
                    let v = |m: &Machine, i: usize| -> Vec<f64> { (0..rn).map(|c| arg(m, i, c, lane)).collect() };
                    let dot = |a: &[f64], b: &[f64]| a.iter().zip(b).map(|(x, y)| x * y).sum::<f64>();
                    let r: Vec<f64> = match op {
                        n::FACE_FORWARD => {
                            let (nv, i, nref) = (v(self, 0), v(self, 1), v(self, 2));
                            if dot(&nref, &i) < 0.0 { nv } else { nv.iter().map(|x| -x).collect() }
                        }
                        n::REFLECT => {
                            let (i, nv) = (v(self, 0), v(self, 1));
                            let d = dot(&nv, &i);
                            i.iter().zip(&nv).map(|(x, y)| x - 2.0 * d * y).collect()
                        }
                        _ => {
                            let (i, nv) = (v(self, 0), v(self, 1));
                            let eta = arg(self, 2, 0, lane);
                            let d = dot(&nv, &i);
                            let k = 1.0 - eta * eta * (1.0 - d * d);
                            if k < 0.0 {
                                vec![0.0; rn as usize]
                            } else {
                                i.iter().zip(&nv).map(|(x, y)| eta * x - (eta * d + k.sqrt()) * y).collect()
                            }
                        }
                    };
                    for (c, x) in r.iter().enumerate() {
                        put(out, l, c as u32, rs.words(), lane, from_f64(*x, rs.bits()));
                    }
                }
            }
            n::LDEXP => {
                for &lane in &lanes {
                    for c in 0..rn {
                        let x = arg(self, 0, c, lane);
                        let (se, ne) = self.scalars(args[1]);
                        let e = sign_extend(self.get(args[1], c.min(ne - 1), se, lane), se.bits());
                        let r = ldexp(x, e.clamp(-4000, 4000) as i32);
                        put(out, l, c, rs.words(), lane, from_f64(r, rs.bits()));
                    }
                }
            }
            n::MODF_STRUCT | n::FREXP_STRUCT => self.modf_frexp(op, args[0], out, &lanes),
            n::DETERMINANT | n::MATRIX_INVERSE => self.determinant_inverse(op, args[0], dst, out, &lanes),
            _ => self.pack_unpack(op, args[0], dst, out, &lanes),
        }
    }

    /// Component-wise float functions on 32-bit rows, for every lane at once: the
    /// operands' rows are read in place, each row of the result written once. False when
    /// an operand is not a 32-bit float of the result's shape.
    fn float32_rows(&self, op: u32, args: &[Value], out: &mut [u32]) -> bool {
        let l = self.lanes;
        let (_, n) = self.scalars(args[0]);
        let component_wise = float_function(op, &[0.0; 3][..args.len().min(3)]).is_some();
        if !component_wise || args.len() > 3 || args.iter().any(|&a| self.scalars(a) != (Scalar::F32, n)) || out.len() != n as usize * l {
            return false;
        }
        let rows: Vec<&[u32]> = args.iter().map(|&a| self.rows(a)).collect();
        let f = |v: u32| f32::from_bits(v);
        match (op, rows.as_slice()) {
            (n::FMA, [x, y, z]) => {
                for (o, ((&x, &y), &z)) in out.iter_mut().zip(x.iter().zip(y.iter()).zip(z.iter())) {
                    *o = f(x).mul_add(f(y), f(z)).to_bits();
                }
            }
            (n::FMIN | n::NMIN, [x, y]) => {
                for (o, (&x, &y)) in out.iter_mut().zip(x.iter().zip(y.iter())) {
                    *o = (fmin(f(x) as f64, f(y) as f64) as f32).to_bits();
                }
            }
            (n::FMAX | n::NMAX, [x, y]) => {
                for (o, (&x, &y)) in out.iter_mut().zip(x.iter().zip(y.iter())) {
                    *o = (fmax(f(x) as f64, f(y) as f64) as f32).to_bits();
                }
            }
            (n::FABS, [x]) => out.iter_mut().zip(x.iter()).for_each(|(o, &x)| *o = x & 0x7fff_ffff),
            (n::RADIANS | n::DEGREES, [x]) => {
                out.iter_mut().zip(x.iter()).for_each(|(o, &x)| *o = (scale_in_precision(op, f(x) as f64, 32) as f32).to_bits())
            }
            (n::FLOOR, [x]) => out.iter_mut().zip(x.iter()).for_each(|(o, &x)| *o = f(x).floor().to_bits()),
            (n::SQRT, [x]) => out.iter_mut().zip(x.iter()).for_each(|(o, &x)| *o = f(x).sqrt().to_bits()),
            (_, rows) => {
                // The general path, without allocating: f64 evaluation, one rounding.
                let mut a = [0f64; 3];
                for (i, o) in out.iter_mut().enumerate() {
                    for (k, row) in rows.iter().enumerate() {
                        a[k] = f(row[i]) as f64;
                    }
                    let r = float_function(op, &a[..rows.len()]).unwrap_or(0.0);
                    *o = (r as f32).to_bits();
                }
            }
        }
        true
    }

    fn modf_frexp(&mut self, op: u32, x: Value, out: &mut [u32], lanes: &[usize]) {
        let l = self.lanes;
        let (s, n) = self.scalars(x);
        for &lane in lanes {
            for c in 0..n {
                let v = to_f64(self.get(x, c, s, lane), s.bits());
                if op == n::MODF_STRUCT {
                    let whole = v.trunc();
                    let fract = if v.is_infinite() { 0.0f64.copysign(v) } else { v - whole };
                    put(out, l, c, s.words(), lane, from_f64(fract, s.bits()));
                    put(out, l, n + c, s.words(), lane, from_f64(whole, s.bits()));
                } else {
                    let (m, e) = frexp(v);
                    put(out, l, c, s.words(), lane, from_f64(m, s.bits()));
                    // The exponent member is a 32-bit integer (one word per component);
                    // past the result only where the result type is not the struct.
                    if let Some(o) = out.get_mut(((n * s.words() + c) as usize) * l + lane) {
                        *o = e as u32;
                    }
                }
            }
        }
    }

    fn determinant_inverse(&mut self, op: u32, m: Value, dst: Value, out: &mut [u32], lanes: &[usize]) {
        let l = self.lanes;
        let (s, count) = self.scalars(m);
        let size = (count as f64).sqrt() as usize;
        let _ = dst;
        for &lane in lanes {
            let a: Vec<f64> = (0..count).map(|i| to_f64(self.get(m, i, s, lane), s.bits())).collect();
            let at = |c: usize, r: usize| a[c * size + r];
            if op == n::DETERMINANT {
                put(out, l, 0, s.words(), lane, from_f64(determinant(&a, size), s.bits()));
                continue;
            }
            let det = determinant(&a, size);
            for c in 0..size {
                for r in 0..size {
                    // inverse[c][r] = cofactor(r, c) / det (the adjugate is the transposed
                    // cofactor matrix).
                    let minor: Vec<f64> = (0..size)
                        .filter(|&cc| cc != r)
                        .flat_map(|cc| (0..size).filter(move |&rr| rr != c).map(move |rr| (cc, rr)))
                        .map(|(cc, rr)| at(cc, rr))
                        .collect();
                    let sign = if (r + c) % 2 == 0 { 1.0 } else { -1.0 };
                    let v = sign * determinant(&minor, size - 1) / det;
                    put(out, l, (c * size + r) as u32, s.words(), lane, from_f64(v, s.bits()));
                }
            }
        }
    }

    fn pack_unpack(&mut self, op: u32, x: Value, dst: Value, out: &mut [u32], lanes: &[usize]) {
        let l = self.lanes;
        let (s, _) = self.scalars(x);
        let (rs, _) = self.scalars(dst);
        for &lane in lanes {
            let f = |m: &Machine, c: u32| to_f64(m.get(x, c, s, lane), s.bits());
            let word = self.get(x, 0, s, lane);
            match op {
                n::PACK_SNORM4X8 | n::PACK_UNORM4X8 | n::PACK_SNORM2X16 | n::PACK_UNORM2X16 | n::PACK_HALF2X16 => {
                    let (count, bits) = if matches!(op, n::PACK_SNORM4X8 | n::PACK_UNORM4X8) { (4, 8) } else { (2, 16) };
                    let mut packed = 0u32;
                    for c in 0..count {
                        let v = f(self, c);
                        let field = match op {
                            n::PACK_SNORM4X8 => ((v.clamp(-1.0, 1.0) * 127.0).round() as i32 as u32) & 0xff,
                            n::PACK_UNORM4X8 => (v.clamp(0.0, 1.0) * 255.0).round() as u32,
                            n::PACK_SNORM2X16 => ((v.clamp(-1.0, 1.0) * 32767.0).round() as i32 as u32) & 0xffff,
                            n::PACK_UNORM2X16 => (v.clamp(0.0, 1.0) * 65535.0).round() as u32,
                            _ => half::f16::from_f64(v).to_bits() as u32,
                        };
                        packed |= field << (c * bits);
                    }
                    put(out, l, 0, 1, lane, packed as u64);
                }
                n::PACK_DOUBLE2X32 => {
                    let v = self.get(x, 0, s, lane) | self.get(x, 1, s, lane) << 32;
                    put(out, l, 0, 2, lane, v);
                }
                n::UNPACK_DOUBLE2X32 => {
                    put(out, l, 0, 1, lane, word);
                    out[l + lane] = (word >> 32) as u32;
                }
                _ => {
                    let (count, bits) = if matches!(op, n::UNPACK_SNORM4X8 | n::UNPACK_UNORM4X8) { (4, 8) } else { (2, 16) };
                    for c in 0..count {
                        let field = (word >> (c * bits)) & ((1 << bits) - 1);
                        let v = match op {
                            n::UNPACK_SNORM4X8 => (sign_extend(field, 8) as f64 / 127.0).clamp(-1.0, 1.0),
                            n::UNPACK_UNORM4X8 => field as f64 / 255.0,
                            n::UNPACK_SNORM2X16 => (sign_extend(field, 16) as f64 / 32767.0).clamp(-1.0, 1.0),
                            n::UNPACK_UNORM2X16 => field as f64 / 65535.0,
                            _ => half::f16::from_bits(field as u16).to_f64(),
                        };
                        put(out, l, c, rs.words(), lane, from_f64(v, rs.bits()));
                    }
                }
            }
        }
    }
}

/// `x * 2^e` without overflowing or underflowing in the scale factor itself: the factor
/// is applied in steps that each fit an f64 exponent.
fn ldexp(mut x: f64, mut e: i32) -> f64 {
    while e > 1000 {
        x *= 2f64.powi(1000);
        e -= 1000;
    }
    while e < -1000 {
        x *= 2f64.powi(-1000);
        e += 1000;
    }
    x * 2f64.powi(e)
}

/// radians() and degrees() as GLSL defines them: a multiplication by the constant
/// (pi/180 or 180/pi) in the operand's precision, so the constant is rounded to that
/// precision first ("inherited from a * b").
fn scale_in_precision(op: u32, x: f64, bits: u32) -> f64 {
    let k = if op == n::RADIANS { std::f64::consts::PI / 180.0 } else { 180.0 / std::f64::consts::PI };
    match bits {
        16 => {
            let k = half::f16::from_f64(k).to_f64();
            // Both factors have 11 significant bits: their f64 product is exact.
            x * k
        }
        32 => (x as f32 * k as f32) as f64,
        _ => x * k,
    }
}

/// Determinant of a column-major `size`x`size` matrix by cofactor expansion.
fn determinant(a: &[f64], size: usize) -> f64 {
    match size {
        0 => 1.0,
        1 => a[0],
        2 => a[0] * a[3] - a[2] * a[1],
        _ => {
            let mut sum = 0.0;
            for c in 0..size {
                let minor: Vec<f64> = (0..size)
                    .filter(|&cc| cc != c)
                    .flat_map(|cc| (1..size).map(move |r| (cc, r)))
                    .map(|(cc, r)| a[cc * size + r])
                    .collect();
                let sign = if c % 2 == 0 { 1.0 } else { -1.0 };
                sum += sign * a[c * size] * determinant(&minor, size - 1);
            }
            sum
        }
    }
}

/// Splits `x` into a significand in [0.5, 1) and a power of two.
fn frexp(x: f64) -> (f64, i32) {
    if x == 0.0 || x.is_nan() || x.is_infinite() {
        return (x, 0);
    }
    let bits = x.to_bits();
    let exponent = ((bits >> 52) & 0x7ff) as i32;
    if exponent == 0 {
        // Subnormal: scale into the normal range first.
        let (m, e) = frexp(x * 2f64.powi(64));
        return (m, e - 64);
    }
    let e = exponent - 1022;
    let m = f64::from_bits((bits & !(0x7ff << 52)) | (1022u64 << 52));
    (m, e)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn helpers_match_their_definitions() {
        assert_eq!(frexp(8.0), (0.5, 4));
        assert_eq!(frexp(-0.75), (-0.75, 0));
        assert_eq!(round_even(2.5), 2.0);
        assert_eq!(round_even(3.5), 4.0);
        assert_eq!(round_even(-2.5), -2.0);
        assert_eq!(determinant(&[1.0, 2.0, 3.0, 4.0], 2), -2.0);
        assert_eq!(determinant(&[2.0, 0.0, 0.0, 0.0, 3.0, 0.0, 0.0, 0.0, 4.0], 3), 24.0);
        assert_eq!(float_function(n::FCLAMP, &[5.0, 0.0, 1.0]), Some(1.0));
        assert_eq!(float_function(n::STEP, &[0.5, 0.25]), Some(0.0));
    }
}
