//! Arithmetic, logic, conversions, composites and matrices.
//!
//! Each function fills `out` (the result's rows) for every lane; `commit` keeps only the
//! active ones. 32-bit integer and float operations have fast paths over whole rows;
//! everything else goes through `crate::scalar`, one lane at a time, which is also the
//! reference the fast paths are tested against.

use super::Machine;
use crate::ir::*;
use crate::scalar;
use half::f16;
use std::ops::{Add, Mul, Sub};

/// Float arithmetic at a width: f32 (also for f16, rounded on the way out) or f64.
pub(super) trait Float: Copy + Add<Output = Self> + Sub<Output = Self> + Mul<Output = Self> + Default {
    fn read(bits: u64, width: u32) -> Self;
    fn write(self, width: u32) -> u64;
}

impl Float for f32 {
    fn read(bits: u64, width: u32) -> f32 {
        if width == 16 {
            f16::from_bits(bits as u16).to_f32()
        } else {
            f32::from_bits(bits as u32)
        }
    }
    fn write(self, width: u32) -> u64 {
        if width == 16 {
            f16::from_f32(self).to_bits() as u64
        } else {
            self.to_bits() as u64
        }
    }
}

impl Float for f64 {
    fn read(bits: u64, _: u32) -> f64 {
        f64::from_bits(bits)
    }
    fn write(self, _: u32) -> u64 {
        self.to_bits()
    }
}

/// Writes component `c` (of `words` words) of `lane` into result rows.
pub(super) fn put(out: &mut [u32], lanes: usize, c: u32, words: u32, lane: usize, value: u64) {
    // Past the end of `out` only where the module's types disagree (invalid SPIR-V).
    let row = (c * words) as usize;
    if let Some(o) = out.get_mut(row * lanes + lane) {
        *o = value as u32;
    }
    if words >= 2 {
        if let Some(o) = out.get_mut((row + 1) * lanes + lane) {
            *o = (value >> 32) as u32;
        }
    }
}

/// 32-bit operations over whole rows; false when `op` has no fast path.
fn binary32(op: BinaryOp, a: &[u32], b: &[u32], out: &mut [u32]) -> bool {
    use BinaryOp::*;
    macro_rules! rows {
        (|$x:ident, $y:ident| $e:expr) => {{
            for ((o, &$x), &$y) in out.iter_mut().zip(a).zip(b) {
                *o = $e;
            }
            true
        }};
    }
    macro_rules! floats {
        (|$x:ident, $y:ident| $e:expr) => {{
            for ((o, &xa), &yb) in out.iter_mut().zip(a).zip(b) {
                let ($x, $y) = (f32::from_bits(xa), f32::from_bits(yb));
                *o = $e;
            }
            true
        }};
    }
    match op {
        IAdd => rows!(|x, y| x.wrapping_add(y)),
        ISub => rows!(|x, y| x.wrapping_sub(y)),
        IMul => rows!(|x, y| x.wrapping_mul(y)),
        BitwiseAnd => rows!(|x, y| x & y),
        BitwiseOr => rows!(|x, y| x | y),
        BitwiseXor => rows!(|x, y| x ^ y),
        ShiftLeftLogical => rows!(|x, y| if y >= 32 { 0 } else { x << y }),
        ShiftRightLogical => rows!(|x, y| if y >= 32 { 0 } else { x >> y }),
        ShiftRightArithmetic => rows!(|x, y| ((x as i32) >> y.min(31)) as u32),
        IEqual => rows!(|x, y| (x == y) as u32),
        INotEqual => rows!(|x, y| (x != y) as u32),
        ULessThan => rows!(|x, y| (x < y) as u32),
        ULessThanEqual => rows!(|x, y| (x <= y) as u32),
        UGreaterThan => rows!(|x, y| (x > y) as u32),
        UGreaterThanEqual => rows!(|x, y| (x >= y) as u32),
        SLessThan => rows!(|x, y| ((x as i32) < (y as i32)) as u32),
        SLessThanEqual => rows!(|x, y| ((x as i32) <= (y as i32)) as u32),
        SGreaterThan => rows!(|x, y| ((x as i32) > (y as i32)) as u32),
        SGreaterThanEqual => rows!(|x, y| ((x as i32) >= (y as i32)) as u32),
        FAdd => floats!(|x, y| (x + y).to_bits()),
        FSub => floats!(|x, y| (x - y).to_bits()),
        FMul => floats!(|x, y| (x * y).to_bits()),
        FDiv => floats!(|x, y| (x / y).to_bits()),
        FOrdEqual => floats!(|x, y| (x == y) as u32),
        FOrdNotEqual => floats!(|x, y| (x < y || x > y) as u32),
        FOrdLessThan => floats!(|x, y| (x < y) as u32),
        FOrdLessThanEqual => floats!(|x, y| (x <= y) as u32),
        FOrdGreaterThan => floats!(|x, y| (x > y) as u32),
        FOrdGreaterThanEqual => floats!(|x, y| (x >= y) as u32),
        FUnordNotEqual => floats!(|x, y| (x != y) as u32),
        FUnordLessThan => floats!(|x, y| !(x >= y) as u32),
        FUnordGreaterThan => floats!(|x, y| !(x <= y) as u32),
        LogicalAnd => rows!(|x, y| (x != 0 && y != 0) as u32),
        LogicalOr => rows!(|x, y| (x != 0 || y != 0) as u32),
        LogicalEqual => rows!(|x, y| ((x != 0) == (y != 0)) as u32),
        LogicalNotEqual => rows!(|x, y| ((x != 0) != (y != 0)) as u32),
        _ => false,
    }
}

impl Machine<'_> {
    /// The scalar type of `v` and how many scalars it holds in all.
    pub(super) fn scalars(&self, v: Value) -> (Scalar, u32) {
        let info = self.info(v);
        (info.scalar, info.count)
    }

    pub(super) fn get(&self, v: Value, c: u32, s: Scalar, lane: usize) -> u64 {
        self.lane_u64(v, c, s.words(), lane)
    }

    pub(super) fn unary(&mut self, op: UnaryOp, a: Value, dst: Value, out: &mut [u32]) {
        let (s, n) = self.scalars(a);
        let (rs, _) = self.scalars(dst);
        let l = self.lanes;
        if s.bits() <= 32 && rs.words() == 1 && matches!(op, UnaryOp::FNegate | UnaryOp::Not | UnaryOp::LogicalNot) && s.bits() == 32 {
            let src = self.rows(a);
            for (o, &x) in out.iter_mut().zip(src) {
                *o = match op {
                    UnaryOp::FNegate => x ^ 0x8000_0000,
                    UnaryOp::Not => !x,
                    _ => (x == 0) as u32,
                };
            }
            return;
        }
        for c in 0..n {
            for lane in 0..l {
                let r = scalar::unary(op, s, self.get(a, c, s, lane));
                put(out, l, c, rs.words(), lane, r);
            }
        }
    }

    pub(super) fn binary(&mut self, op: BinaryOp, a: Value, b: Value, dst: Value, out: &mut [u32]) {
        let (s, n) = self.scalars(a);
        let (sb, _) = self.scalars(b);
        let (rs, _) = self.scalars(dst);
        if s.bits() == 32 && sb.bits() == 32 && rs.words() == 1 && binary32(op, self.rows(a), self.rows(b), out) {
            return;
        }
        let l = self.lanes;
        for c in 0..n {
            for lane in 0..l {
                let r = scalar::binary(op, s, sb, self.get(a, c, s, lane), self.get(b, c, sb, lane));
                put(out, l, c, rs.words(), lane, r);
            }
        }
    }

    pub(super) fn select(&mut self, cond: Value, a: Value, b: Value, out: &mut [u32]) {
        let l = self.lanes;
        let cond_n = self.info(cond).words;
        let words = self.info(a).words.min(self.info(b).words).min((out.len() / l) as u32);
        let per = if cond_n > 1 { (words / cond_n).max(1) } else { words };
        let (ra, rb, rc) = (self.rows(a), self.rows(b), self.rows(cond));
        for w in 0..words as usize {
            let crow = if cond_n > 1 { w / per as usize } else { 0 };
            for lane in 0..l {
                let c = rc.get(crow * l + lane).copied().unwrap_or(0);
                out[w * l + lane] = if c != 0 { ra[w * l + lane] } else { rb[w * l + lane] };
            }
        }
    }

    pub(super) fn convert(&mut self, op: ConvertOp, a: Value, dst: Value, out: &mut [u32]) {
        let (s, n) = self.scalars(a);
        let (rs, _) = self.scalars(dst);
        let l = self.lanes;
        if s.bits() == 32 && rs.bits() == 32 {
            let src = self.rows(a);
            for (o, &x) in out.iter_mut().zip(src) {
                *o = match op {
                    ConvertOp::FToS => f32::from_bits(x) as i32 as u32,
                    ConvertOp::FToU => f32::from_bits(x) as u32,
                    ConvertOp::SToF => (x as i32 as f32).to_bits(),
                    ConvertOp::UToF => (x as f32).to_bits(),
                    _ => x,
                };
            }
            return;
        }
        for c in 0..n {
            for lane in 0..l {
                let r = scalar::convert(op, s, rs, self.get(a, c, s, lane));
                put(out, l, c, rs.words(), lane, r);
            }
        }
    }

    /// Reinterprets the bytes of `a` as `dst`'s type (little endian, components in order).
    pub(super) fn bitcast(&mut self, a: Value, dst: Value, out: &mut [u32]) {
        let (sa, na) = self.scalars(a);
        let (sd, nd) = self.scalars(dst);
        let l = self.lanes;
        let (ba, bd) = (sa.bits().max(8) / 8, sd.bits().max(8) / 8);
        for lane in 0..l {
            let mut bytes = [0u8; 32];
            for c in 0..na {
                let v = self.get(a, c, sa, lane);
                let at = (c * ba) as usize;
                bytes[at..at + ba as usize].copy_from_slice(&v.to_le_bytes()[..ba as usize]);
            }
            for c in 0..nd {
                let at = (c * bd) as usize;
                let mut word = [0u8; 8];
                word[..bd as usize].copy_from_slice(&bytes[at..at + bd as usize]);
                put(out, l, c, sd.words(), lane, u64::from_le_bytes(word));
            }
        }
    }

    pub(super) fn construct(&mut self, parts: &[Value], out: &mut [u32]) {
        let mut at = 0;
        for &part in parts {
            let rows = self.rows(part);
            let end = (at + rows.len()).min(out.len());
            out[at..end].copy_from_slice(&rows[..end - at]);
            at = end;
        }
    }

    pub(super) fn shuffle(&mut self, a: Value, b: Value, components: &[u32], dst: Value, out: &mut [u32]) {
        let (s, _) = self.scalars(dst);
        let (_, na) = self.scalars(a);
        let w = s.words() as usize * self.lanes;
        for (i, &c) in components.iter().enumerate().take(out.len() / w.max(1)) {
            let target = &mut out[i * w..(i + 1) * w];
            if c == u32::MAX {
                target.fill(0);
                continue;
            }
            let (src, c) = if c < na { (a, c) } else { (b, c - na) };
            let rows = self.rows(src);
            match rows.get(c as usize * w..(c as usize + 1) * w) {
                Some(r) => target.copy_from_slice(r),
                None => target.fill(0),
            }
        }
    }

    pub(super) fn extract_dynamic(&mut self, vector: Value, index: Value, dst: Value, out: &mut [u32], mask: &super::Mask) {
        let (s, n) = self.scalars(vector);
        let (si, _) = self.scalars(index);
        let l = self.lanes;
        let _ = dst;
        for lane in mask.lanes() {
            let i = self.get(index, 0, si, lane);
            let v = if i < n as u64 { self.get(vector, i as u32, s, lane) } else { 0 };
            put(out, l, 0, s.words(), lane, v);
        }
    }

    pub(super) fn insert_dynamic(&mut self, vector: Value, component: Value, index: Value, out: &mut [u32], mask: &super::Mask) {
        let (s, n) = self.scalars(vector);
        let (si, _) = self.scalars(index);
        let l = self.lanes;
        // The result is the vector's type in valid SPIR-V; otherwise the common words.
        let rows = self.rows(vector);
        let common = rows.len().min(out.len());
        out[..common].copy_from_slice(&rows[..common]);
        for lane in mask.lanes() {
            let i = self.get(index, 0, si, lane);
            if i < n as u64 {
                let v = self.get(component, 0, s, lane);
                put(out, l, i as u32, s.words(), lane, v);
            }
        }
    }

    pub(super) fn any_all(&mut self, all: bool, a: Value, out: &mut [u32]) {
        let l = self.lanes;
        let n = self.info(a).words as usize;
        let rows = self.rows(a);
        for lane in 0..l {
            let mut values = (0..n).map(|c| rows[c * l + lane] != 0);
            out[lane] = if all { values.all(|v| v) } else { values.any(|v| v) } as u32;
        }
    }

    fn float_width(&self, v: Value) -> u32 {
        self.scalars(v).0.bits()
    }

    pub(super) fn dot(&mut self, a: Value, b: Value, dst: Value, out: &mut [u32]) {
        if self.float_width(a) == 64 {
            self.dot_t::<f64>(a, b, dst, out)
        } else {
            self.dot_t::<f32>(a, b, dst, out)
        }
    }

    fn dot_t<T: Float>(&mut self, a: Value, b: Value, _dst: Value, out: &mut [u32]) {
        let (s, n) = self.scalars(a);
        let bits = s.bits();
        let l = self.lanes;
        for lane in 0..l {
            let mut sum = T::default();
            for c in 0..n {
                sum = sum + T::read(self.get(a, c, s, lane), bits) * T::read(self.get(b, c, s, lane), bits);
            }
            put(out, l, 0, s.words(), lane, sum.write(bits));
        }
    }

    pub(super) fn times_scalar(&mut self, v: Value, k: Value, dst: Value, out: &mut [u32]) {
        if self.float_width(v) == 64 {
            self.times_scalar_t::<f64>(v, k, dst, out)
        } else {
            self.times_scalar_t::<f32>(v, k, dst, out)
        }
    }

    fn times_scalar_t<T: Float>(&mut self, v: Value, k: Value, _dst: Value, out: &mut [u32]) {
        let (s, n) = self.scalars(v);
        let bits = s.bits();
        let l = self.lanes;
        for lane in 0..l {
            let scale = T::read(self.get(k, 0, s, lane), bits);
            for c in 0..n {
                let x = T::read(self.get(v, c, s, lane), bits);
                put(out, l, c, s.words(), lane, (x * scale).write(bits));
            }
        }
    }

    /// Rows and columns of a matrix value: (columns, rows).
    fn matrix_shape(&self, m: Value) -> (u32, u32) {
        let p = &self.exe.program;
        match p.types.get(p.ty(m)) {
            Type::Matrix { column, columns, .. } => (*columns, p.types.components(*column)),
            _ => (1, 1),
        }
    }

    pub(super) fn vector_times_matrix(&mut self, v: Value, m: Value, dst: Value, out: &mut [u32]) {
        let (columns, rows) = self.matrix_shape(m);
        // result[c] = dot(v, column c)
        self.matrix_product(m, v, dst, out, columns, rows, true)
    }

    pub(super) fn matrix_times_vector(&mut self, m: Value, v: Value, dst: Value, out: &mut [u32]) {
        let (columns, rows) = self.matrix_shape(m);
        self.matrix_product(m, v, dst, out, columns, rows, false)
    }

    #[allow(clippy::too_many_arguments)]
    fn matrix_product(&mut self, m: Value, v: Value, dst: Value, out: &mut [u32], columns: u32, rows: u32, transposed: bool) {
        if self.float_width(m) == 64 {
            self.matrix_product_t::<f64>(m, v, dst, out, columns, rows, transposed)
        } else {
            self.matrix_product_t::<f32>(m, v, dst, out, columns, rows, transposed)
        }
    }

    #[allow(clippy::too_many_arguments)]
    fn matrix_product_t<T: Float>(&mut self, m: Value, v: Value, _dst: Value, out: &mut [u32], columns: u32, rows: u32, transposed: bool) {
        let (s, _) = self.scalars(m);
        let bits = s.bits();
        let l = self.lanes;
        for lane in 0..l {
            if transposed {
                for c in 0..columns {
                    let mut sum = T::default();
                    for r in 0..rows {
                        sum = sum + T::read(self.get(v, r, s, lane), bits) * T::read(self.get(m, c * rows + r, s, lane), bits);
                    }
                    put(out, l, c, s.words(), lane, sum.write(bits));
                }
            } else {
                for r in 0..rows {
                    let mut sum = T::default();
                    for c in 0..columns {
                        sum = sum + T::read(self.get(m, c * rows + r, s, lane), bits) * T::read(self.get(v, c, s, lane), bits);
                    }
                    put(out, l, r, s.words(), lane, sum.write(bits));
                }
            }
        }
    }

    pub(super) fn matrix_times_matrix(&mut self, a: Value, b: Value, dst: Value, out: &mut [u32]) {
        if self.float_width(a) == 64 {
            self.matrix_times_matrix_t::<f64>(a, b, dst, out)
        } else {
            self.matrix_times_matrix_t::<f32>(a, b, dst, out)
        }
    }

    fn matrix_times_matrix_t<T: Float>(&mut self, a: Value, b: Value, _dst: Value, out: &mut [u32]) {
        let (a_columns, rows) = self.matrix_shape(a);
        let (b_columns, _) = self.matrix_shape(b);
        let (s, _) = self.scalars(a);
        let bits = s.bits();
        let l = self.lanes;
        for lane in 0..l {
            for c in 0..b_columns {
                for r in 0..rows {
                    let mut sum = T::default();
                    for k in 0..a_columns {
                        sum = sum
                            + T::read(self.get(a, k * rows + r, s, lane), bits) * T::read(self.get(b, c * a_columns + k, s, lane), bits);
                    }
                    put(out, l, c * rows + r, s.words(), lane, sum.write(bits));
                }
            }
        }
    }

    pub(super) fn outer_product(&mut self, a: Value, b: Value, dst: Value, out: &mut [u32]) {
        let (s, rows) = self.scalars(a);
        let (_, columns) = self.scalars(b);
        let l = self.lanes;
        let bits = s.bits();
        let _ = dst;
        for lane in 0..l {
            for c in 0..columns {
                for r in 0..rows {
                    let x = self.get(a, r, s, lane);
                    let y = self.get(b, c, s, lane);
                    let v = if bits == 64 {
                        (f64::read(x, bits) * f64::read(y, bits)).write(bits)
                    } else {
                        (f32::read(x, bits) * f32::read(y, bits)).write(bits)
                    };
                    put(out, l, c * rows + r, s.words(), lane, v);
                }
            }
        }
    }

    pub(super) fn transpose(&mut self, a: Value, dst: Value, out: &mut [u32]) {
        let (columns, rows) = self.matrix_shape(a);
        let (s, _) = self.scalars(a);
        let l = self.lanes;
        let _ = dst;
        for lane in 0..l {
            for c in 0..columns {
                for r in 0..rows {
                    let v = self.get(a, c * rows + r, s, lane);
                    put(out, l, r * columns + c, s.words(), lane, v);
                }
            }
        }
    }

    /// IAddCarry, ISubBorrow, UMulExtended, SMulExtended: a struct of two members of the
    /// operands' type.
    pub(super) fn extended(&mut self, op: ExtendedOp, a: Value, b: Value, out: &mut [u32]) {
        let (s, n) = self.scalars(a);
        let bits = s.bits();
        let l = self.lanes;
        let w = s.words();
        for c in 0..n {
            for lane in 0..l {
                let (x, y) = (self.get(a, c, s, lane), self.get(b, c, s, lane));
                let (lo, hi) = match op {
                    ExtendedOp::IAddCarry => {
                        let sum = x as u128 + y as u128;
                        (scalar::truncate(sum as u64, bits), ((sum >> bits) & 1) as u64)
                    }
                    ExtendedOp::ISubBorrow => (scalar::truncate(x.wrapping_sub(y), bits), (x < y) as u64),
                    ExtendedOp::UMulExtended => {
                        let p = x as u128 * y as u128;
                        (scalar::truncate(p as u64, bits), scalar::truncate((p >> bits) as u64, bits))
                    }
                    ExtendedOp::SMulExtended => {
                        let p = scalar::sign_extend(x, bits) as i128 * scalar::sign_extend(y, bits) as i128;
                        (scalar::truncate(p as u64, bits), scalar::truncate((p >> bits) as u64, bits))
                    }
                };
                put(out, l, c, w, lane, lo);
                put(out, l, n + c, w, lane, hi);
            }
        }
    }

    /// OpSDot/OpUDot/OpSUDot and their AccSat forms: per lane, the exact sum of the
    /// component products (`scalar::dot_term`), then its low bits or its saturated
    /// accumulation (`scalar::dot_result`). Packed operands hold four 8-bit components in
    /// one 32-bit word, the first in the lowest byte.
    pub(super) fn integer_dot(
        &mut self,
        signedness: DotSignedness,
        (a, b): (Value, Value),
        accumulator: Option<Value>,
        packed: bool,
        dst: Value,
        out: &mut [u32],
    ) {
        let (sa, n) = self.scalars(a);
        let (sb, _) = self.scalars(b);
        let (rs, _) = self.scalars(dst);
        let (bits, count) = if packed { (8, 4) } else { (sa.bits(), n) };
        let l = self.lanes;
        for lane in 0..l {
            let mut sum = 0i128;
            for c in 0..count {
                let (x, y) = if packed {
                    (self.get(a, 0, sa, lane) >> (8 * c), self.get(b, 0, sb, lane) >> (8 * c))
                } else {
                    (self.get(a, c, sa, lane), self.get(b, c, sb, lane))
                };
                sum = sum.wrapping_add(scalar::dot_term(x, y, bits, signedness));
            }
            let acc = accumulator.map(|v| self.get(v, 0, rs, lane));
            put(out, l, 0, rs.words(), lane, scalar::dot_result(sum, rs.bits(), signedness, acc));
        }
    }

    pub(super) fn bitfield_insert(&mut self, base: Value, insert: Value, offset: Value, count: Value, out: &mut [u32]) {
        let (s, n) = self.scalars(base);
        let (so, _) = self.scalars(offset);
        let (sc, _) = self.scalars(count);
        let bits = s.bits() as u64;
        let l = self.lanes;
        for c in 0..n {
            for lane in 0..l {
                let (b, i) = (self.get(base, c, s, lane), self.get(insert, c, s, lane));
                let (o, k) = (self.get(offset, 0, so, lane), self.get(count, 0, sc, lane));
                let v = if o + k > bits || k == 0 {
                    b
                } else {
                    let field = if k >= 64 { u64::MAX } else { ((1u64 << k) - 1) << o };
                    (b & !field) | ((i << o) & field)
                };
                put(out, l, c, s.words(), lane, scalar::truncate(v, bits as u32));
            }
        }
    }

    pub(super) fn bitfield_extract(&mut self, base: Value, offset: Value, count: Value, signed: bool, out: &mut [u32]) {
        let (s, n) = self.scalars(base);
        let (so, _) = self.scalars(offset);
        let (sc, _) = self.scalars(count);
        let bits = s.bits() as u64;
        let l = self.lanes;
        for c in 0..n {
            for lane in 0..l {
                let b = self.get(base, c, s, lane);
                let (o, k) = (self.get(offset, 0, so, lane), self.get(count, 0, sc, lane));
                let v = if k == 0 || o + k > bits {
                    0
                } else {
                    let field = (b >> o) & if k >= 64 { u64::MAX } else { (1u64 << k) - 1 };
                    if signed {
                        scalar::sign_extend(field, k as u32) as u64
                    } else {
                        field
                    }
                };
                put(out, l, c, s.words(), lane, scalar::truncate(v, bits as u32));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The row fast paths agree with the reference semantics on awkward inputs.
    #[test]
    fn fast_32_bit_paths_match_the_scalar_reference() {
        let samples: Vec<u32> = vec![
            0,
            1,
            2,
            31,
            32,
            33,
            0x7fff_ffff,
            0x8000_0000,
            0xffff_ffff,
            1.5f32.to_bits(),
            (-2.25f32).to_bits(),
            f32::NAN.to_bits(),
            f32::INFINITY.to_bits(),
            (-0.0f32).to_bits(),
        ];
        let ops = [
            BinaryOp::IAdd,
            BinaryOp::ISub,
            BinaryOp::IMul,
            BinaryOp::BitwiseAnd,
            BinaryOp::BitwiseXor,
            BinaryOp::ShiftLeftLogical,
            BinaryOp::ShiftRightLogical,
            BinaryOp::ShiftRightArithmetic,
            BinaryOp::IEqual,
            BinaryOp::SLessThan,
            BinaryOp::ULessThanEqual,
            BinaryOp::SGreaterThanEqual,
            BinaryOp::FAdd,
            BinaryOp::FMul,
            BinaryOp::FDiv,
            BinaryOp::FOrdEqual,
            BinaryOp::FOrdNotEqual,
            BinaryOp::FOrdLessThan,
            BinaryOp::FUnordNotEqual,
            BinaryOp::FUnordLessThan,
            BinaryOp::FUnordGreaterThan,
            BinaryOp::FOrdGreaterThanEqual,
            BinaryOp::LogicalAnd,
            BinaryOp::LogicalNotEqual,
        ];
        for op in ops {
            let s = if matches!(op, BinaryOp::SLessThan | BinaryOp::SGreaterThanEqual | BinaryOp::ShiftRightArithmetic) {
                Scalar::I32
            } else if format!("{op:?}").starts_with('F') {
                Scalar::F32
            } else {
                Scalar::U32
            };
            for &x in &samples {
                for &y in &samples {
                    let mut out = [0u32];
                    if matches!(op, BinaryOp::LogicalAnd | BinaryOp::LogicalNotEqual) && (x > 1 || y > 1) {
                        continue;
                    }
                    assert!(binary32(op, &[x], &[y], &mut out));
                    let expected = scalar::binary(op, s, s, x as u64, y as u64) as u32;
                    let nan_result = op == BinaryOp::FDiv || op == BinaryOp::FAdd || op == BinaryOp::FMul;
                    if nan_result && f32::from_bits(expected).is_nan() {
                        assert!(f32::from_bits(out[0]).is_nan(), "{op:?}({x:#x}, {y:#x})");
                    } else {
                        assert_eq!(out[0], expected, "{op:?}({x:#x}, {y:#x})");
                    }
                }
            }
        }
    }
}
