//! Execution masks: which lanes of a run are active, one bit per lane.

/// Most lanes of one run: a workgroup of `maxComputeWorkGroupInvocations`.
pub const MAX_LANES: usize = 1024;
const WORDS: usize = MAX_LANES / 64;

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub struct Mask {
    bits: [u64; WORDS],
}

impl Mask {
    pub const EMPTY: Mask = Mask { bits: [0; WORDS] };

    /// Lanes `0..n`.
    pub fn first(n: usize) -> Mask {
        let mut m = Mask::EMPTY;
        let n = n.min(MAX_LANES);
        for (i, word) in m.bits.iter_mut().enumerate() {
            let start = i * 64;
            if n >= start + 64 {
                *word = u64::MAX;
            } else if n > start {
                *word = (1u64 << (n - start)) - 1;
            }
        }
        m
    }

    pub fn is_empty(&self) -> bool {
        self.bits.iter().all(|&w| w == 0)
    }

    pub fn get(&self, lane: usize) -> bool {
        self.bits[lane / 64] >> (lane % 64) & 1 != 0
    }

    pub fn set(&mut self, lane: usize, on: bool) {
        let bit = 1u64 << (lane % 64);
        if on {
            self.bits[lane / 64] |= bit;
        } else {
            self.bits[lane / 64] &= !bit;
        }
    }

    /// Activates lanes `start..end`.
    pub fn set_range(&mut self, start: usize, end: usize) {
        let end = end.min(MAX_LANES);
        let mut lane = start;
        while lane < end {
            let word = lane / 64;
            let bit = lane % 64;
            let n = (64 - bit).min(end - lane);
            let bits = if n == 64 { u64::MAX } else { ((1u64 << n) - 1) << bit };
            self.bits[word] |= bits;
            lane += n;
        }
    }

    /// The lanes of `row` (one word a lane) that hold a non-zero word.
    pub fn from_nonzero(row: &[u32]) -> Mask {
        let mut m = Mask::EMPTY;
        for (word, chunk) in m.bits.iter_mut().zip(row.chunks(64)) {
            let mut w = 0u64;
            for (bit, &v) in chunk.iter().enumerate() {
                w |= ((v != 0) as u64) << bit;
            }
            *word = w;
        }
        m
    }

    /// The bits of lanes `64 i .. 64 i + 64`, word `i` of the mask.
    pub fn words(&self) -> &[u64] {
        &self.bits
    }

    pub fn count(&self) -> u32 {
        self.bits.iter().map(|w| w.count_ones()).sum()
    }

    /// True when lanes `0..lanes` are all active.
    pub fn is_full(&self, lanes: usize) -> bool {
        *self == Mask::first(lanes)
    }

    /// The active lanes, in order.
    pub fn lanes(&self) -> Lanes<'_> {
        Lanes { bits: &self.bits, word: 0, current: self.bits[0] }
    }

    /// The 8 bits of subgroup `group` (lanes `8 * group .. 8 * group + 8`).
    pub fn subgroup_bits(&self, group: usize) -> u32 {
        ((self.bits[group / 8] >> ((group % 8) * 8)) & 0xff) as u32
    }

    pub fn and(&self, other: &Mask) -> Mask {
        let mut m = *self;
        m.bits.iter_mut().zip(&other.bits).for_each(|(a, b)| *a &= b);
        m
    }

    pub fn and_not(&self, other: &Mask) -> Mask {
        let mut m = *self;
        m.bits.iter_mut().zip(&other.bits).for_each(|(a, b)| *a &= !b);
        m
    }

    pub fn or(&self, other: &Mask) -> Mask {
        let mut m = *self;
        m.bits.iter_mut().zip(&other.bits).for_each(|(a, b)| *a |= b);
        m
    }
}

/// The active lanes of a mask, in order.
pub struct Lanes<'a> {
    bits: &'a [u64; WORDS],
    word: usize,
    current: u64,
}

impl Iterator for Lanes<'_> {
    type Item = usize;

    #[inline]
    fn next(&mut self) -> Option<usize> {
        loop {
            if self.current != 0 {
                let bit = self.current.trailing_zeros() as usize;
                self.current &= self.current - 1;
                return Some(self.word * 64 + bit);
            }
            self.word += 1;
            if self.word >= WORDS {
                return None;
            }
            self.current = self.bits[self.word];
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn masks_combine_and_list_their_lanes() {
        let a = Mask::first(70);
        assert_eq!(a.count(), 70);
        assert!(a.get(69) && !a.get(70));
        let mut b = Mask::EMPTY;
        b.set(3, true);
        b.set(68, true);
        b.set(100, true);
        assert_eq!(a.and(&b).lanes().collect::<Vec<_>>(), vec![3, 68]);
        assert_eq!(a.and_not(&b).count(), 68);
        assert_eq!(b.subgroup_bits(0), 1 << 3);
        assert_eq!(b.subgroup_bits(8), 1 << 4);
        assert!(a.is_full(70) && !a.is_full(71));
    }
}
