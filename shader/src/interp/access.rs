//! Pointers: access chains, loads, stores, atomics, `OpArrayLength`.
//!
//! A pointer is two words per lane: an offset and an object. What they mean depends on the
//! pointer's storage class, which is static:
//! * `Private`: a word offset into the lane's private memory (row `offset + k` of the
//!   private rows holds word `k` of the value);
//! * `Workgroup`: a word offset into the workgroup's memory;
//! * `Buffer`: a byte offset into the buffer the object names ([`Resources::buffer`]);
//!   values are read and written scalar by scalar following the pointee's layout plan;
//! * `PhysicalBuffer`: a 64-bit device address (low word, high word), resolved lane by
//!   lane through the dispatch's [`AddressMap`](crate::memory::AddressMap) to a window and
//!   an offset; then read and written like a buffer. An address in no window reads zero
//!   and drops writes, and is counted ([`Machine::take_bad_addresses`]);
//! * `Handle`: a descriptor (the object), loaded as the image or sampler handle; after
//!   `OpImageTexelPointer`, the offset is a byte offset in the image's memory.
//!
//! An index outside its array makes the offset `u32::MAX`, which no access accepts: a
//! shader can only ever touch memory inside its own resources.

use super::resources::Resources;
use super::{Context, Machine, Mask};
use crate::ir::*;
use crate::memory::{AddressMap, SharedMemory};
use crate::scalar;

/// An offset no access accepts.
const OUT_OF_BOUNDS: u32 = u32::MAX;

impl Machine<'_> {
    fn pointer_type(&self, pointer: Value) -> (StorageClass, TypeId) {
        let p = &self.exe.program;
        match p.types.get(p.ty(pointer)) {
            Type::Pointer { class, pointee } => (*class, *pointee),
            _ => (StorageClass::Private, p.ty(pointer)),
        }
    }

    pub(super) fn access_chain(&mut self, base: Value, steps: &[Step], out: &mut [u32], mask: &Mask) {
        let l = self.lanes;
        out.copy_from_slice(&self.rows(base)[..2 * l]);
        let (class, _) = self.pointer_type(base);
        let physical = class == StorageClass::PhysicalBuffer;
        for step in steps {
            match *step {
                Step::Offset(k) => {
                    if physical {
                        for lane in 0..l {
                            let address = (out[lane] as u64 | (out[l + lane] as u64) << 32).wrapping_add(k as u64);
                            out[lane] = address as u32;
                            out[l + lane] = (address >> 32) as u32;
                        }
                    } else {
                        for o in &mut out[..l] {
                            *o = o.saturating_add(k);
                        }
                    }
                }
                Step::Index { index, stride, len } => {
                    let (s, _) = self.scalars(index);
                    if physical {
                        for lane in mask.lanes() {
                            let i = scalar::sign_extend(self.get(index, 0, s, lane), s.bits());
                            let address = (out[lane] as u64 | (out[l + lane] as u64) << 32)
                                .wrapping_add((i as u64).wrapping_mul(stride as u64));
                            out[lane] = address as u32;
                            out[l + lane] = (address >> 32) as u32;
                        }
                        continue;
                    }
                    if s.bits() == 32 {
                        // Every lane at once (the result of inactive lanes is never used).
                        let indices = self.row(index, 0);
                        for (o, &i) in out[..l].iter_mut().zip(indices) {
                            let i = i as i32 as i64;
                            let in_range = i >= 0 && (len == 0 || i < len as i64);
                            let at = (*o as u64).wrapping_add((i as u64).wrapping_mul(stride as u64));
                            *o = if in_range && at < OUT_OF_BOUNDS as u64 { at as u32 } else { OUT_OF_BOUNDS };
                        }
                        continue;
                    }
                    for lane in mask.lanes() {
                        let i = scalar::sign_extend(self.get(index, 0, s, lane), s.bits());
                        let in_range = i >= 0 && (len == 0 || i < len as i64);
                        let moved = (i as u64).checked_mul(stride as u64).and_then(|d| (out[lane] as u64).checked_add(d));
                        out[lane] = match (in_range, moved) {
                            (true, Some(at)) if at < OUT_OF_BOUNDS as u64 => at as u32,
                            _ => OUT_OF_BOUNDS,
                        };
                    }
                }
                Step::Object { index, count } => {
                    let (s, _) = self.scalars(index);
                    for lane in mask.lanes() {
                        let i = scalar::sign_extend(self.get(index, 0, s, lane), s.bits());
                        let limit = 1i64 << crate::front::OBJECT_ELEMENT_BITS;
                        if i < 0 || i >= limit || (count != 0 && i >= count as i64) {
                            out[l + lane] = u32::MAX;
                        } else {
                            out[l + lane] = out[l + lane].wrapping_add(i as u32);
                        }
                    }
                }
            }
        }
    }

    /// The active lanes' pointer offsets, if they are all the same.
    fn uniform_offset(&self, pointer: Value, mask: &Mask) -> Option<u32> {
        let row = self.row(pointer, 0);
        if self.info(pointer).uniform {
            return mask.lanes().next().map(|lane| row[lane]);
        }
        uniform(row, mask)
    }

    /// The active lanes' pointer objects, if they are all the same.
    fn uniform_object(&self, pointer: Value, mask: &Mask) -> Option<u32> {
        let row = self.row(pointer, 1);
        if self.info(pointer).uniform {
            return mask.lanes().next().map(|lane| row[lane]);
        }
        uniform(row, mask)
    }

    pub(super) fn load(&mut self, pointer: Value, dst: Value, out: &mut [u32], mask: &Mask, cx: &Context) {
        let (class, pointee) = self.pointer_type(pointer);
        let l = self.lanes;
        let words = self.info(dst).words as usize;
        match class {
            StorageClass::Private => {
                let limit = self.exe.program.private_words as usize;
                if let Some(offset) = self.uniform_offset(pointer, mask) {
                    let offset = offset as usize;
                    if offset + words <= limit {
                        out.copy_from_slice(&self.private[offset * l..(offset + words) * l]);
                    } else {
                        out.fill(0);
                    }
                    return;
                }
                out.fill(0);
                let offsets = self.row(pointer, 0).to_vec();
                for lane in mask.lanes() {
                    let offset = offsets[lane] as usize;
                    if offset + words <= limit {
                        for k in 0..words {
                            out[k * l + lane] = self.private[(offset + k) * l + lane];
                        }
                    }
                }
            }
            StorageClass::Workgroup => {
                out.fill(0);
                let offsets = self.row(pointer, 0);
                for lane in mask.lanes() {
                    let offset = offsets[lane] as usize;
                    if let Some(words_in) = self.shared.get(offset..offset + words) {
                        for (k, &w) in words_in.iter().enumerate() {
                            out[k * l + lane] = w;
                        }
                    }
                }
            }
            StorageClass::Buffer { .. } => self.load_buffer(pointer, pointee, out, mask, cx.resources),
            StorageClass::PhysicalBuffer => self.load_physical(pointer, pointee, out, mask, cx.resources),
            StorageClass::Handle => {
                let objects = self.row(pointer, 1);
                for k in 0..words {
                    out[k * l..(k + 1) * l].copy_from_slice(objects);
                }
            }
        }
    }

    fn load_buffer(&self, pointer: Value, pointee: TypeId, out: &mut [u32], mask: &Mask, resources: &Resources) {
        let l = self.lanes;
        let plan = self.exe.plan(pointee);
        let (offsets, objects) = (self.row(pointer, 0), self.row(pointer, 1));
        if let [part] = plan {
            // (`out` is smaller only where the result type is not the pointee.)
            if part.bytes == 4 && out.len() >= l {
                // One 32-bit scalar a lane: the common case (an element of an array).
                if let Some(object) = self.uniform_object(pointer, mask) {
                    let memory = resources.buffer(object);
                    if let Some(offset) = self.uniform_offset(pointer, mask) {
                        // The same word for every lane (a push constant, a uniform).
                        let value = memory.load_u32(offset as usize + part.offset as usize).unwrap_or(0);
                        out[..l].fill(value);
                        return;
                    }
                    each_lane!(self, mask, |lane| {
                        out[lane] = memory.load_u32(offsets[lane] as usize + part.offset as usize).unwrap_or(0);
                    });
                    return;
                }
            }
        }
        let mut cached: Option<(u32, crate::memory::SharedMemory)> = None;
        for lane in mask.lanes() {
            let object = objects[lane];
            let memory = match cached {
                Some((o, m)) if o == object => m,
                _ => {
                    let m = resources.buffer(object);
                    cached = Some((object, m));
                    m
                }
            };
            let base = offsets[lane] as usize;
            for part in plan {
                let value = memory.load(base.wrapping_add(part.offset as usize), part.bytes as usize).unwrap_or(0);
                put_part(out, l, lane, part, value);
            }
        }
    }

    pub(super) fn store(&mut self, pointer: Value, value: Value, mask: &Mask, cx: &Context) {
        let (class, pointee) = self.pointer_type(pointer);
        let l = self.lanes;
        let words = self.info(value).words as usize;
        let slot = self.info(value).slot as usize;
        match class {
            StorageClass::Private => {
                let limit = self.exe.program.private_words as usize;
                let offsets = self.row(pointer, 0).to_vec();
                for lane in mask.lanes() {
                    let offset = offsets[lane] as usize;
                    if offset + words <= limit {
                        for k in 0..words {
                            self.private[(offset + k) * l + lane] = self.regs[(slot + k) * l + lane];
                        }
                    }
                }
            }
            StorageClass::Workgroup => {
                let offsets = self.row(pointer, 0).to_vec();
                for lane in mask.lanes() {
                    let offset = offsets[lane] as usize;
                    if offset + words <= self.shared.len() {
                        for k in 0..words {
                            self.shared[offset + k] = self.regs[(slot + k) * l + lane];
                        }
                    }
                }
            }
            StorageClass::Buffer { .. } => {
                let plan = self.exe.plan(pointee);
                let (offsets, objects) = (self.row(pointer, 0), self.row(pointer, 1));
                if let ([part], Some(object)) = (plan, self.uniform_object(pointer, mask)) {
                    if part.bytes == 4 && (part.word as usize) < words {
                        let memory = cx.resources.buffer(object);
                        let values = &self.regs[(slot + part.word as usize) * l..(slot + part.word as usize + 1) * l];
                        each_lane!(self, mask, |lane| {
                            memory.store_u32(offsets[lane] as usize + part.offset as usize, values[lane]);
                        });
                        return;
                    }
                }
                for lane in mask.lanes() {
                    let memory = cx.resources.buffer(objects[lane]);
                    let base = offsets[lane] as usize;
                    for part in plan {
                        let Some(v) = self.stored_part(slot, words, part, lane) else { continue };
                        memory.store(base.wrapping_add(part.offset as usize), part.bytes as usize, v);
                    }
                }
            }
            StorageClass::PhysicalBuffer => self.store_physical(pointer, pointee, slot, words, mask, cx.resources),
            StorageClass::Handle => {}
        }
    }

    /// The bits of `part` of the value of `words` register words from `slot`, in `lane`;
    /// None for a part past the value (a value whose type is not the pointee's: invalid
    /// SPIR-V).
    fn stored_part(&self, slot: usize, words: usize, part: &super::Part, lane: usize) -> Option<u64> {
        let l = self.lanes;
        let w = part.word as usize;
        if w >= words || (part.bytes == 8 && w + 1 >= words) {
            return None;
        }
        let mut v = self.regs[(slot + w) * l + lane] as u64;
        if part.bytes == 8 {
            v |= (self.regs[(slot + w + 1) * l + lane] as u64) << 32;
        }
        Some(v)
    }

    /// The address each lane's physical pointer holds.
    fn address(&self, pointer: Value, lane: usize) -> u64 {
        let l = self.lanes;
        let rows = self.rows(pointer);
        rows[lane] as u64 | (rows[l + lane] as u64) << 32
    }

    /// Counts an access through an address outside every window (the driver logs it once
    /// per dispatch).
    fn bad_address(&mut self, address: u64) {
        if self.bad_addresses.0 == 0 {
            self.bad_addresses.1 = address;
        }
        self.bad_addresses.0 += 1;
    }

    /// Loads through physical pointers: each lane's address resolved to a window, then the
    /// pointee's parts read from it. Parts outside the window read zero.
    fn load_physical(&mut self, pointer: Value, pointee: TypeId, out: &mut [u32], mask: &Mask, resources: &Resources) {
        let l = self.lanes;
        out.fill(0);
        let exe = self.exe;
        let plan = exe.plan(pointee);
        let mut resolver = Resolver::new(&resources.addresses);
        for lane in mask.lanes() {
            let address = self.address(pointer, lane);
            let Some((memory, base)) = resolver.resolve(address) else {
                self.bad_address(address);
                continue;
            };
            let mut outside = false;
            for part in plan {
                let value = memory.load(base.wrapping_add(part.offset as usize), part.bytes as usize);
                outside |= value.is_none();
                put_part(out, l, lane, part, value.unwrap_or(0));
            }
            if outside {
                self.bad_address(address);
            }
        }
    }

    /// Stores the value in registers from `slot` through physical pointers; parts outside
    /// the window are dropped.
    fn store_physical(&mut self, pointer: Value, pointee: TypeId, slot: usize, words: usize, mask: &Mask, resources: &Resources) {
        let exe = self.exe;
        let plan = exe.plan(pointee);
        let mut resolver = Resolver::new(&resources.addresses);
        for lane in mask.lanes() {
            let address = self.address(pointer, lane);
            let Some((memory, base)) = resolver.resolve(address) else {
                self.bad_address(address);
                continue;
            };
            let mut outside = false;
            for part in plan {
                let Some(v) = self.stored_part(slot, words, part, lane) else { continue };
                let at = base.wrapping_add(part.offset as usize);
                outside |= at.checked_add(part.bytes as usize).is_none_or(|end| end > memory.len());
                memory.store(at, part.bytes as usize, v);
            }
            if outside {
                self.bad_address(address);
            }
        }
    }

    pub(super) fn array_length(&mut self, pointer: Value, offset: u32, stride: u32, out: &mut [u32], mask: &Mask, cx: &Context) {
        let (offsets, objects) = (self.row(pointer, 0), self.row(pointer, 1));
        for lane in mask.lanes() {
            let len = cx.resources.buffer(objects[lane]).len() as u64;
            let start = offsets[lane] as u64 + offset as u64;
            out[lane] = (len.saturating_sub(start) / stride.max(1) as u64).min(u32::MAX as u64) as u32;
        }
    }

    /// An atomic operation for each active lane, in lane order; `out` (when the
    /// instruction has a result) receives the value before the operation.
    #[allow(clippy::too_many_arguments)]
    pub(super) fn atomic(
        &mut self,
        op: AtomicOp,
        pointer: Value,
        value: Option<Value>,
        comparator: Option<Value>,
        mut out: Option<&mut [u32]>,
        mask: &Mask,
        cx: &Context,
    ) {
        let (class, pointee) = self.pointer_type(pointer);
        let p = &self.exe.program;
        let s = p.types.scalar_of(pointee).unwrap_or(Scalar::U32);
        let l = self.lanes;
        let bits = s.bits();
        for lane in mask.lanes() {
            let operand = value.map_or(0, |v| self.get(v, 0, s, lane));
            let compare = comparator.map_or(0, |v| self.get(v, 0, s, lane));
            let offset = self.row(pointer, 0)[lane];
            let object = self.row(pointer, 1)[lane];
            let update = |old: u64| -> u64 { atomic_update(op, s, old, operand, compare) };
            let old = match class {
                StorageClass::Workgroup => {
                    let at = offset as usize;
                    let words = s.words() as usize;
                    match self.shared.get(at..at + words) {
                        Some(w) => {
                            let old = if words == 2 { w[0] as u64 | (w[1] as u64) << 32 } else { w[0] as u64 };
                            let new = update(old);
                            self.shared[at] = new as u32;
                            if words == 2 {
                                self.shared[at + 1] = (new >> 32) as u32;
                            }
                            old
                        }
                        None => 0,
                    }
                }
                StorageClass::Buffer { .. } => {
                    let memory = cx.resources.buffer(object);
                    atomic_on_memory(&memory, offset as usize, bits, update).unwrap_or(0)
                }
                StorageClass::Handle => match cx.resources.image(object) {
                    Some(image) if offset != OUT_OF_BOUNDS => {
                        atomic_on_memory(&image.memory(), offset as usize, bits, update).unwrap_or(0)
                    }
                    _ => 0,
                },
                StorageClass::Private => {
                    let at = offset as usize;
                    if at + (s.words() as usize) <= self.exe.program.private_words as usize {
                        let lo = self.private[at * l + lane] as u64;
                        let old = if s.words() == 2 { lo | (self.private[(at + 1) * l + lane] as u64) << 32 } else { lo };
                        let new = update(old);
                        self.private[at * l + lane] = new as u32;
                        if s.words() == 2 {
                            self.private[(at + 1) * l + lane] = (new >> 32) as u32;
                        }
                        old
                    } else {
                        0
                    }
                }
                StorageClass::PhysicalBuffer => {
                    let address = offset as u64 | (object as u64) << 32;
                    let done = cx.resources.addresses.resolve(address).and_then(|(_, memory, at)| atomic_on_memory(&memory, at, bits, update));
                    done.unwrap_or_else(|| {
                        self.bad_address(address);
                        0
                    })
                }
            };
            if let Some(out) = out.as_deref_mut() {
                super::alu::put(out, l, 0, s.words(), lane, old);
            }
        }
    }
}

/// Writes the loaded bits of `part` into its result words of `lane` (`lanes` words a row).
/// Words past the result are dropped (a result type that is not the pointee: invalid
/// SPIR-V). The load-side twin of `Machine::stored_part`.
fn put_part(out: &mut [u32], lanes: usize, lane: usize, part: &super::Part, value: u64) {
    let w = part.word as usize;
    if let Some(o) = out.get_mut(w * lanes + lane) {
        *o = value as u32;
    }
    if part.bytes == 8 {
        if let Some(o) = out.get_mut((w + 1) * lanes + lane) {
            *o = (value >> 32) as u32;
        }
    }
}

/// Resolves addresses lane after lane, remembering the last window: the lanes of a batch
/// usually point into the same buffer.
struct Resolver<'m> {
    map: &'m AddressMap,
    last: Option<(u64, SharedMemory)>,
}

impl<'m> Resolver<'m> {
    fn new(map: &'m AddressMap) -> Self {
        Resolver { map, last: None }
    }

    /// The window holding `address` and the offset of `address` in it.
    fn resolve(&mut self, address: u64) -> Option<(SharedMemory, usize)> {
        if let Some((base, memory)) = self.last {
            let offset = address.wrapping_sub(base);
            if offset < memory.len() as u64 {
                return Some((memory, offset as usize));
            }
        }
        let (base, memory, offset) = self.map.resolve(address)?;
        self.last = Some((base, memory));
        Some((memory, offset))
    }
}

/// The word all active lanes of `row` hold, if they hold the same.
fn uniform(row: &[u32], mask: &Mask) -> Option<u32> {
    let mut lanes = mask.lanes();
    let first = row[lanes.next()?];
    // Comparing every lane is cheaper than walking the mask, and right whenever the
    // inactive lanes agree too (they usually hold the same value).
    if row.iter().all(|&w| w == first) {
        return Some(first);
    }
    lanes.all(|lane| row[lane] == first).then_some(first)
}

/// The new value of an atomic operation on `old`.
fn atomic_update(op: AtomicOp, s: Scalar, old: u64, operand: u64, compare: u64) -> u64 {
    let bits = s.bits();
    let signed = |v: u64| scalar::sign_extend(v, bits);
    let t = |v: u64| scalar::truncate(v, bits);
    let float = |f: fn(f64, f64) -> f64| scalar::from_f64(f(scalar::to_f64(old, bits), scalar::to_f64(operand, bits)), bits);
    match op {
        AtomicOp::Load => old,
        AtomicOp::Store | AtomicOp::Exchange => operand,
        AtomicOp::CompareExchange => {
            if old == compare {
                operand
            } else {
                old
            }
        }
        AtomicOp::IIncrement => t(old.wrapping_add(1)),
        AtomicOp::IDecrement => t(old.wrapping_sub(1)),
        AtomicOp::IAdd => t(old.wrapping_add(operand)),
        AtomicOp::ISub => t(old.wrapping_sub(operand)),
        AtomicOp::SMin => if signed(operand) < signed(old) { operand } else { old },
        AtomicOp::SMax => if signed(operand) > signed(old) { operand } else { old },
        AtomicOp::UMin => old.min(operand),
        AtomicOp::UMax => old.max(operand),
        AtomicOp::And => old & operand,
        AtomicOp::Or => old | operand,
        AtomicOp::Xor => old ^ operand,
        AtomicOp::FAdd => {
            if bits == 32 {
                (f32::from_bits(old as u32) + f32::from_bits(operand as u32)).to_bits() as u64
            } else {
                float(|a, b| a + b)
            }
        }
        AtomicOp::FMin => float(|a, b| if b < a || a.is_nan() { b } else { a }),
        AtomicOp::FMax => float(|a, b| if b > a || a.is_nan() { b } else { a }),
    }
}

/// Applies `update` atomically to the 32- or 64-bit word at `offset` of `memory`;
/// returns the old value, or None outside the window.
fn atomic_on_memory(memory: &crate::memory::SharedMemory, offset: usize, bits: u32, update: impl Fn(u64) -> u64) -> Option<u64> {
    use std::sync::atomic::Ordering::*;
    if bits == 64 {
        let word = memory.atomic_u64(offset)?;
        word.fetch_update(AcqRel, Acquire, |old| Some(update(old))).ok()
    } else {
        let word = memory.atomic_u32(offset)?;
        word.fetch_update(AcqRel, Acquire, |old| Some(update(old as u64) as u32)).ok().map(|v| v as u64)
    }
}
