//! The physical limit the transfer workloads are compared with: how fast this machine
//! copies memory, on one thread (`copy_from_slice`) and on every rayon thread
//! (`par_chunks_mut`). Measured like the workloads: bytes copied (= bytes written to the
//! destination) per second, median of several runs after a warm-up.
//!
//! How memcpy is split matters: glibc switches to non-temporal stores for copies above a
//! threshold tied to the cache size, and depending on the machine either side of that
//! threshold can be faster. So each measurement copies in whole pieces (one per thread)
//! and in 256 KiB pieces, and the faster of the two is the limit.

use crate::stats::Measurement;
use rayon::prelude::*;
use std::time::{Duration, Instant};

/// Small pieces: below glibc's non-temporal threshold on common CPUs.
const SMALL_PIECE: usize = 256 << 10;

/// One way of copying and its timing.
pub struct CopyRate {
    pub time: Measurement,
    /// Bytes per `copy_from_slice` call.
    pub piece: usize,
}

/// memcpy bandwidth on one thread and on all of rayon's threads.
pub struct MemcpyBandwidth {
    pub bytes: usize,
    pub single: CopyRate,
    pub all: CopyRate,
    /// rayon's thread count for `all` (follows `RAYON_NUM_THREADS` and the CPU affinity).
    pub threads: usize,
}

impl MemcpyBandwidth {
    pub fn single_gbs(&self) -> f64 {
        self.bytes as f64 / 1e9 / self.single.time.median.as_secs_f64()
    }

    pub fn all_gbs(&self) -> f64 {
        self.bytes as f64 / 1e9 / self.all.time.median.as_secs_f64()
    }
}

/// Copies `bytes` between two touched buffers in each of the four ways (one thread or
/// all, large or small pieces): one warm-up, then `runs` timed runs of each, alternating.
pub fn measure(bytes: usize, runs: usize) -> MemcpyBandwidth {
    // Filled, not zeroed: zeroed allocations can be lazily mapped zero pages, which read
    // far faster than real memory.
    let source = vec![0x5au8; bytes];
    let mut destination = vec![0xa5u8; bytes];
    let threads = rayon::current_num_threads();
    let per_thread = bytes.div_ceil(threads).next_multiple_of(4096);

    // (parallel, piece)
    let ways = [(false, bytes), (false, SMALL_PIECE), (true, per_thread), (true, SMALL_PIECE)];
    let copy = |dst: &mut [u8], parallel: bool, piece: usize| -> Duration {
        let start = Instant::now();
        if parallel {
            dst.par_chunks_mut(piece).zip(source.par_chunks(piece)).for_each(|(d, s)| d.copy_from_slice(s));
        } else {
            dst.chunks_mut(piece).zip(source.chunks(piece)).for_each(|(d, s)| d.copy_from_slice(s));
        }
        let elapsed = start.elapsed();
        std::hint::black_box(&dst);
        elapsed
    };

    let mut samples: Vec<Vec<Duration>> = ways.iter().map(|_| Vec::new()).collect();
    for run in 0..=runs.max(1) {
        for (way, &(parallel, piece)) in ways.iter().enumerate() {
            let time = copy(&mut destination, parallel, piece);
            if run > 0 {
                samples[way].push(time);
            }
        }
    }
    let rate = |way: usize| CopyRate {
        // Every way has at least one timed run.
        time: Measurement::from_samples(&samples[way]).expect("at least one run"),
        piece: ways[way].1,
    };
    let faster = |a: CopyRate, b: CopyRate| if a.time.median <= b.time.median { a } else { b };
    MemcpyBandwidth { bytes, single: faster(rate(0), rate(1)), all: faster(rate(2), rate(3)), threads }
}
