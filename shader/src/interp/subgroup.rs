//! Subgroup operations: each group of 8 consecutive lanes is one subgroup, and an
//! operation sees the lanes of its subgroup that are active in the current mask.

use super::alu::put;
use super::{Machine, Mask};
use crate::ir::*;
use crate::scalar;

const SIZE: usize = crate::SUBGROUP_SIZE as usize;

/// The identity of a reduction, as a bit pattern of scalar `s`.
fn identity(op: BinaryOp, s: Scalar) -> u64 {
    let bits = s.bits();
    match op {
        BinaryOp::IAdd | BinaryOp::BitwiseOr | BinaryOp::BitwiseXor | BinaryOp::LogicalOr | BinaryOp::LogicalNotEqual => 0,
        BinaryOp::FAdd => scalar::from_f64(0.0, bits),
        BinaryOp::IMul => 1,
        BinaryOp::FMul => scalar::from_f64(1.0, bits),
        BinaryOp::BitwiseAnd => scalar::truncate(u64::MAX, bits),
        BinaryOp::LogicalAnd => 1,
        _ => 0,
    }
}

fn min_max_identity(op: MinMax, s: Scalar) -> u64 {
    let bits = s.bits();
    match op {
        MinMax::UMin => scalar::truncate(u64::MAX, bits),
        MinMax::UMax => 0,
        MinMax::SMin => scalar::truncate((1u64 << (bits - 1)) - 1, bits),
        MinMax::SMax => scalar::truncate(1u64 << (bits - 1), bits),
        MinMax::FMin => scalar::from_f64(f64::INFINITY, bits),
        MinMax::FMax => scalar::from_f64(f64::NEG_INFINITY, bits),
    }
}

fn min_max(op: MinMax, s: Scalar, a: u64, b: u64) -> u64 {
    let bits = s.bits();
    let (sa, sb) = (scalar::sign_extend(a, bits), scalar::sign_extend(b, bits));
    let (fa, fb) = (scalar::to_f64(a, bits), scalar::to_f64(b, bits));
    match op {
        MinMax::UMin => a.min(b),
        MinMax::UMax => a.max(b),
        MinMax::SMin => if sb < sa { b } else { a },
        MinMax::SMax => if sb > sa { b } else { a },
        // NaN operands: the other one wins (SPIR-V allows either).
        MinMax::FMin => if fb < fa || fa.is_nan() { b } else { a },
        MinMax::FMax => if fb > fa || fa.is_nan() { b } else { a },
    }
}

impl Machine<'_> {
    pub(super) fn subgroup(&mut self, op: SubgroupOp, value: Option<Value>, index: Option<Value>, dst: Value, out: &mut [u32], mask: &Mask) {
        let l = self.lanes;
        let groups = l / SIZE;
        for group in 0..groups {
            let bits = mask.subgroup_bits(group);
            if bits == 0 {
                continue;
            }
            let base = group * SIZE;
            let active: Vec<usize> = (0..SIZE).filter(|i| bits >> i & 1 != 0).collect();
            match op {
                SubgroupOp::Elect => {
                    for &i in &active {
                        out[base + i] = (i == active[0]) as u32;
                    }
                }
                SubgroupOp::All | SubgroupOp::Any => {
                    let row = self.row(value.unwrap_or(dst), 0);
                    let mut values = active.iter().map(|&i| row[base + i] != 0);
                    let r = if op == SubgroupOp::All { values.all(|v| v) } else { values.any(|v| v) } as u32;
                    for &i in &active {
                        out[base + i] = r;
                    }
                }
                SubgroupOp::AllEqual => {
                    let v = value.unwrap_or(dst);
                    let words = self.info(v).words as usize;
                    let first = active[0];
                    let equal = active.iter().all(|&i| (0..words).all(|k| self.row(v, k as u32)[base + i] == self.row(v, k as u32)[base + first]));
                    for &i in &active {
                        out[base + i] = equal as u32;
                    }
                }
                SubgroupOp::Broadcast | SubgroupOp::BroadcastFirst | SubgroupOp::Shuffle | SubgroupOp::ShuffleXor | SubgroupOp::ShuffleUp | SubgroupOp::ShuffleDown | SubgroupOp::QuadBroadcast | SubgroupOp::QuadSwap(_) => {
                    let v = value.unwrap_or(dst);
                    let words = self.info(v).words as usize;
                    for &i in &active {
                        let idx = index.map_or(0, |ix| self.row(ix, 0)[base + i] as usize);
                        let source = match op {
                            SubgroupOp::Broadcast => Some(idx),
                            SubgroupOp::BroadcastFirst => Some(active[0]),
                            SubgroupOp::Shuffle => Some(idx),
                            SubgroupOp::ShuffleXor => Some(i ^ idx),
                            SubgroupOp::ShuffleUp => i.checked_sub(idx),
                            SubgroupOp::ShuffleDown => Some(i + idx),
                            SubgroupOp::QuadBroadcast => Some((i & !3) + (idx & 3)),
                            SubgroupOp::QuadSwap(direction) => Some(match direction {
                                0 => i ^ 1,
                                1 => i ^ 2,
                                _ => i ^ 3,
                            }),
                            _ => None,
                        };
                        // A source outside the subgroup or inactive gives an undefined
                        // value: softvk gives zero.
                        for k in 0..words {
                            let w = match source {
                                Some(s) if s < SIZE && bits >> s & 1 != 0 => self.row(v, k as u32)[base + s],
                                _ => 0,
                            };
                            out[k * l + base + i] = w;
                        }
                    }
                }
                SubgroupOp::Ballot => {
                    let row = self.row(value.unwrap_or(dst), 0);
                    let ballot = active.iter().filter(|&&i| row[base + i] != 0).fold(0u32, |b, &i| b | 1 << i);
                    for &i in &active {
                        out[base + i] = ballot;
                        for k in 1..4 {
                            out[k * l + base + i] = 0;
                        }
                    }
                }
                SubgroupOp::InverseBallot | SubgroupOp::BallotBitExtract => {
                    let v = value.unwrap_or(dst);
                    for &i in &active {
                        let ballot = self.row(v, 0)[base + i];
                        let bit = if op == SubgroupOp::InverseBallot {
                            i as u32
                        } else {
                            index.map_or(0, |ix| self.row(ix, 0)[base + i])
                        };
                        out[base + i] = (bit < 32 && ballot >> bit & 1 != 0) as u32;
                    }
                }
                SubgroupOp::BallotBitCount(g) => {
                    let v = value.unwrap_or(dst);
                    for &i in &active {
                        let ballot = self.row(v, 0)[base + i] & 0xff;
                        let keep = match g {
                            GroupOperation::InclusiveScan => (2u32 << i) - 1,
                            GroupOperation::ExclusiveScan => (1u32 << i) - 1,
                            _ => 0xff,
                        };
                        out[base + i] = (ballot & keep).count_ones();
                    }
                }
                SubgroupOp::BallotFindLsb | SubgroupOp::BallotFindMsb => {
                    let v = value.unwrap_or(dst);
                    for &i in &active {
                        let ballot = self.row(v, 0)[base + i] & 0xff;
                        out[base + i] = if ballot == 0 {
                            u32::MAX
                        } else if op == SubgroupOp::BallotFindLsb {
                            ballot.trailing_zeros()
                        } else {
                            31 - ballot.leading_zeros()
                        };
                    }
                }
                SubgroupOp::Arithmetic(binary, g) => {
                    let v = value.unwrap_or(dst);
                    let (s, n) = self.scalars(v);
                    let id = identity(binary, s);
                    self.scan(v, s, n, base, &active, g, id, out, |a, b| scalar::binary(binary, s, s, a, b));
                }
                SubgroupOp::MinMax(mm, g) => {
                    let v = value.unwrap_or(dst);
                    let (s, n) = self.scalars(v);
                    let id = min_max_identity(mm, s);
                    self.scan(v, s, n, base, &active, g, id, out, |a, b| min_max(mm, s, a, b));
                }
            }
        }
    }

    /// Reductions and scans over the active lanes of one subgroup, in lane order.
    #[allow(clippy::too_many_arguments)]
    fn scan(
        &self,
        v: Value,
        s: Scalar,
        n: u32,
        base: usize,
        active: &[usize],
        g: GroupOperation,
        identity: u64,
        out: &mut [u32],
        f: impl Fn(u64, u64) -> u64,
    ) {
        let l = self.lanes;
        for c in 0..n {
            let values: Vec<(usize, u64)> = active.iter().map(|&i| (i, self.get(v, c, s, base + i))).collect();
            for &(i, _) in &values {
                let mut acc = identity;
                for &(j, x) in &values {
                    let include = match g {
                        GroupOperation::Reduce => true,
                        GroupOperation::InclusiveScan => j <= i,
                        GroupOperation::ExclusiveScan => j < i,
                        GroupOperation::Clustered(size) => j / size as usize == i / size as usize,
                    };
                    if include {
                        acc = f(acc, x);
                    }
                }
                put(out, l, c, s.words(), base + i, acc);
            }
        }
    }
}
