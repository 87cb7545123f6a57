//! Atomic functions on storage buffers and workgroup memory, from invocations of many
//! workgroups at once: add, min and max (signed and unsigned), and, or, xor, exchange and
//! compare-exchange, with both the returned values and the final values checked exactly;
//! a compare-and-swap retry loop, stream compaction and a two-level histogram; and 64-bit
//! atomics where the device has them.

use softvk_tests::compute::{bytes_of, spirv, values_of, ComputeJob};
use softvk_tests::features::context_with;
use softvk_tests::{pattern, Context, ShaderFeatures};

fn words(n: usize, seed: u64) -> Vec<u32> {
    values_of(&pattern(4 * n, seed))
}

/// Checks an exchange chain: every value ever stored (`initial` and the `stored` ones)
/// is returned by exactly one exchange or is the final value.
#[track_caller]
fn assert_exchange_chain(initial: u32, stored: &[u32], returned: &[u32], last: u32, what: &str) {
    let mut all: Vec<u32> = std::iter::once(initial).chain(stored.iter().copied()).collect();
    let mut seen: Vec<u32> = returned.iter().copied().chain(std::iter::once(last)).collect();
    all.sort_unstable();
    seen.sort_unstable();
    assert_eq!(seen, all, "{what}: the returned values and the final one are each stored value once");
}

/// Checks a compare-exchange race from 0: one winner saw 0, everyone else saw its value.
#[track_caller]
fn assert_one_winner(returned: &[u32], last: u32, what: &str) {
    let winners: Vec<usize> = (0..returned.len()).filter(|&i| returned[i] == 0).collect();
    assert_eq!(winners.len(), 1, "{what}: exactly one compare-exchange succeeds");
    assert_eq!(last, winners[0] as u32 + 1, "{what}: the winner's value stays");
    assert!(returned.iter().all(|&r| r == 0 || r == last), "{what}: the losers see the winner's value");
}

#[test]
fn buffer_atomics_return_distinct_old_values_and_combine_exactly() {
    let ctx = Context::new();
    let n = 256;
    let x: Vec<i32> = words(n, 51).iter().map(|&w| (w as i32) >> 4).collect();
    let initial = [5u32, i32::MAX as u32, i32::MIN as u32, u32::MAX, 0, u32::MAX, 0, 0x1234_5678, 77, 0];
    let out = ComputeJob::new(&ctx, &spirv("atomic_buffer_ops"))
        .storage(0, &bytes_of(&initial))
        .storage(1, &bytes_of(&x))
        .storage(2, &bytes_of(&vec![[0u32; 4]; n]))
        .run([4, 1, 1]);
    let (w, seen): (Vec<u32>, Vec<[u32; 4]>) = (values_of(&out[0]), values_of(&out[2]));
    let mut added: Vec<u32> = seen.iter().map(|s| s[0]).collect();
    added.sort_unstable();
    assert_eq!(added, (5..5 + n as u32).collect::<Vec<_>>(), "atomicAdd returns every old value once");
    assert_eq!(w[0], 5 + n as u32, "counter");
    assert_eq!(w[1] as i32, *x.iter().min().unwrap(), "signed atomicMin");
    assert_eq!(w[2] as i32, *x.iter().max().unwrap(), "signed atomicMax");
    assert_eq!(w[3], x.iter().map(|&v| v as u32).min().unwrap(), "unsigned atomicMin");
    assert_eq!(w[4], x.iter().map(|&v| v as u32).max().unwrap(), "unsigned atomicMax");
    let and = (0..n as u32).fold(u32::MAX, |a, i| a & (!(1u32 << (i % 32)) | if i < 32 { 0 } else { 0x8000_0000 }));
    assert_eq!(w[5], and, "atomicAnd");
    assert_eq!(w[6], (0..n as u32).fold(0, |a, i| a | 1 << (i % 29)), "atomicOr");
    assert_eq!(w[7], x.iter().fold(0x1234_5678u32, |a, &v| a ^ v as u32), "atomicXor");
    let stored: Vec<u32> = (1..=n as u32).collect();
    assert_exchange_chain(77, &stored, &seen.iter().map(|s| s[1]).collect::<Vec<_>>(), w[8], "atomicExchange");
    assert_one_winner(&seen.iter().map(|s| s[2]).collect::<Vec<_>>(), w[9], "atomicCompSwap");
}

#[test]
fn shared_memory_atomics_within_each_workgroup() {
    let ctx = Context::new();
    let n = 128;
    let x: Vec<i32> = words(2 * n, 52).iter().map(|&w| (w as i32) >> 8).collect();
    let out = ComputeJob::new(&ctx, &spirv("atomic_shared_ops"))
        .storage(0, &bytes_of(&x))
        .storage(1, &bytes_of(&vec![[0u32; 4]; 2 * n]))
        .storage(2, &bytes_of(&[0u32; 14]))
        .run([2, 1, 1]);
    let (seen, fin): (Vec<[u32; 4]>, Vec<u32>) = (values_of(&out[1]), values_of(&out[2]));
    for g in 0..2 {
        let xs = &x[n * g..n * (g + 1)];
        let s = &seen[n * g..n * (g + 1)];
        let f = &fin[7 * g..7 * g + 7];
        let mut added: Vec<u32> = s.iter().map(|v| v[0]).collect();
        added.sort_unstable();
        assert_eq!(added, (0..n as u32).map(|k| 10 + 2 * k).collect::<Vec<_>>(), "group {g}: atomicAdd by 2 from 10");
        assert_eq!(f[0], 10 + 2 * n as u32, "group {g}: counter");
        assert_eq!(f[1] as i32, *xs.iter().min().unwrap().min(&(1 << 30)), "group {g}: atomicMin");
        assert_eq!(f[2] as i32, *xs.iter().max().unwrap().max(&-(1 << 30)), "group {g}: atomicMax");
        assert_eq!(f[3], u32::MAX, "group {g}: atomicOr of every bit");
        assert_eq!(f[4], xs.iter().fold(0, |a, &v| a ^ v as u32), "group {g}: atomicXor");
        let stored: Vec<u32> = (1..=n as u32).collect();
        assert_exchange_chain(0, &stored, &s.iter().map(|v| v[1]).collect::<Vec<_>>(), f[5], &format!("group {g}: atomicExchange"));
        assert_one_winner(&s.iter().map(|v| v[2]).collect::<Vec<_>>(), f[6], &format!("group {g}: atomicCompSwap"));
    }
}

#[test]
fn compare_and_swap_retry_loop_applies_every_update_once() {
    let ctx = Context::new();
    let n = 128;
    let factors: Vec<u32> = words(n, 53).iter().map(|w| w | 1).collect();
    let out = ComputeJob::new(&ctx, &spirv("atomic_cas_loop")).storage(0, &bytes_of(&[3u32, 0])).storage(1, &bytes_of(&factors)).run([4, 1, 1]);
    let w: Vec<u32> = values_of(&out[0]);
    assert_eq!(w[0], factors.iter().fold(3u32, |p, &f| p.wrapping_mul(f)), "the product of every factor");
    assert!(w[1] < (n * n) as u32, "retries are bounded: {}", w[1]);
}

#[test]
fn stream_compaction_with_atomic_slots_keeps_every_selected_value() {
    let ctx = Context::new();
    let x: Vec<u32> = (0..512u32).map(|k| k * 7 + 1).collect();
    let out = ComputeJob::new(&ctx, &spirv("atomic_compaction"))
        .storage(0, &bytes_of(&[0u32]))
        .storage(1, &bytes_of(&x))
        .storage(2, &bytes_of(&vec![u32::MAX; 512]))
        .run([8, 1, 1]);
    let count = values_of::<u32>(&out[0])[0] as usize;
    let mut kept: Vec<u32> = values_of(&out[2]);
    let mut expected: Vec<u32> = x.iter().copied().filter(|v| v % 3 == 0).collect();
    assert_eq!(count, expected.len(), "count");
    assert!(kept[count..].iter().all(|&v| v == u32::MAX), "nothing written past the count");
    kept.truncate(count);
    kept.sort_unstable();
    expected.sort_unstable();
    assert_eq!(kept, expected, "each selected value exactly once");
}

#[test]
fn histogram_through_shared_then_global_atomics() {
    let ctx = Context::new();
    let x = words(6 * 128, 54);
    let out = ComputeJob::new(&ctx, &spirv("atomic_histogram")).storage(0, &bytes_of(&x)).storage(1, &bytes_of(&[1u32; 16])).run([6, 1, 1]);
    let hist: Vec<u32> = values_of(&out[1]);
    let mut expected = [1u32; 16];
    for v in &x {
        expected[(v % 16) as usize] += 1;
    }
    assert_eq!(hist, expected);
}

#[test]
fn int64_buffer_atomics_carry_across_halves() {
    let features = ShaderFeatures { int64: true, shader_buffer_int64_atomics: true, ..Default::default() };
    let Some(ctx) = context_with("atomic_int64", features) else { return };
    let w = words(2 * 128, 55);
    let x: Vec<i64> = (0..128).map(|k| ((w[2 * k] as i64) << 32 | w[2 * k + 1] as i64) >> 8).collect();
    let out = ComputeJob::new(&ctx, &spirv("atomic_int64"))
        .storage(0, &bytes_of(&[0xffff_ffffu64, i64::MAX as u64, 0]))
        .storage(1, &bytes_of(&x))
        .run([2, 1, 1]);
    let r: Vec<u64> = values_of(&out[0]);
    assert_eq!(r[0], x.iter().fold(0xffff_ffffu64, |s, &v| s.wrapping_add(v as u64)), "64-bit atomicAdd");
    assert_eq!(r[1] as i64, *x.iter().min().unwrap(), "64-bit signed atomicMin");
    assert_eq!(r[2], x.iter().map(|&v| v as u64).max().unwrap(), "64-bit unsigned atomicMax");
}

#[test]
fn atomics_in_divergent_loops_count_every_iteration() {
    let ctx = Context::new();
    let x = words(4 * 64, 56);
    let out = ComputeJob::new(&ctx, &spirv("atomic_divergent_loops"))
        .storage(0, &bytes_of(&x))
        .storage(1, &bytes_of(&[0u32; 6]))
        .storage(2, &bytes_of(&[0u32; 256]))
        .run([4, 1, 1]);
    let (t, seen): (Vec<u32>, Vec<u32>) = (values_of(&out[1]), values_of(&out[2]));
    let n: Vec<u32> = x.iter().map(|v| v % 7).collect();
    let odd_sum = |n: u32| (0..n).filter(|k| k & 1 == 1).sum::<u32>();
    let total: u32 = n.iter().map(|&n| odd_sum(n)).sum();
    assert_eq!(t[0], total, "buffer total of the odd iterations");
    assert_eq!(t[1], n.iter().sum::<u32>(), "one call count per iteration");
    for g in 0..4 {
        let local: u32 = n[64 * g..64 * (g + 1)].iter().map(|&n| (0..n).filter(|k| k & 1 == 0).map(|k| k + 1).sum::<u32>()).sum();
        assert_eq!(t[2 + g], local, "group {g}: shared total of the even iterations");
    }
    // Each invocation's last buffer atomic returned a partial total below the final one.
    for (i, &s) in seen.iter().enumerate() {
        if n[i] < 2 {
            assert_eq!(s, u32::MAX, "invocation {i} made no buffer atomic");
        } else {
            assert!(s < total, "invocation {i}: old value {s} is below the final total {total}");
        }
    }
}

#[test]
fn int64_workgroup_atomics_return_old_values_and_combine_exactly() {
    let features = ShaderFeatures { int64: true, shader_shared_int64_atomics: true, ..Default::default() };
    let Some(ctx) = context_with("atomic_int64_shared", features) else { return };
    let n = 64;
    let w = words(4 * n, 57);
    let x: Vec<i64> = (0..2 * n).map(|k| ((w[2 * k] as i64) << 32 | w[2 * k + 1] as i64) >> 4).collect();
    let out = ComputeJob::new(&ctx, &spirv("atomic_int64_shared"))
        .storage(0, &bytes_of(&x))
        .storage(1, &bytes_of(&vec![[0u64; 2]; 2 * n]))
        .storage(2, &bytes_of(&[0u64; 14]))
        .run([2, 1, 1]);
    let (seen, fin): (Vec<[u64; 2]>, Vec<u64>) = (values_of(&out[1]), values_of(&out[2]));
    for g in 0..2 {
        let xs = &x[n * g..n * (g + 1)];
        let s = &seen[n * g..n * (g + 1)];
        let f = &fin[7 * g..7 * g + 7];
        // Each add saw the sum of the adds before it: sorted by what they saw, the
        // differences are the values added, in some order.
        let mut chain: Vec<(u64, u64)> = s.iter().zip(xs).map(|(s, &v)| (s[0], v as u64)).collect();
        let start = 0xffff_ffffu64;
        let mut at = start;
        for _ in 0..n {
            let k = chain.iter().position(|&(before, _)| before == at).expect("an add saw each partial sum");
            at = at.wrapping_add(chain.swap_remove(k).1);
        }
        assert_eq!(f[0], at, "group {g}: 64-bit atomicAdd total");
        assert_eq!(f[0], xs.iter().fold(start, |a, &v| a.wrapping_add(v as u64)), "group {g}: the sum");
        assert_eq!(f[1] as i64, *xs.iter().min().unwrap().min(&i64::MAX), "group {g}: 64-bit atomicMin");
        assert_eq!(f[2], 1u64 << 63, "group {g}: atomicAnd cleared every bit but the top one");
        assert_eq!(f[3], u64::MAX, "group {g}: atomicOr set every bit");
        assert_eq!(f[4], xs.iter().fold(0, |a, &v| a ^ v as u64), "group {g}: atomicXor");
        let mut stored: Vec<u64> = std::iter::once(0).chain((1..=n as u64).map(|k| k << 40)).collect();
        let mut returned: Vec<u64> = s.iter().map(|s| s[1]).chain(std::iter::once(f[5])).collect();
        stored.sort_unstable();
        returned.sort_unstable();
        assert_eq!(returned, stored, "group {g}: atomicExchange returns each stored value once");
        assert!(f[6] != 0 && f[6] % (1 << 33) == 0 && f[6] >> 33 <= n as u64, "group {g}: one compare-exchange won: {:#x}", f[6]);
    }
}
