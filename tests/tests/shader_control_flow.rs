//! Control flow in compute shaders: divergent and nested selections, switches with
//! fall-through, loops with break and continue, early returns, function calls with in,
//! out and inout parameters, and a long bounded loop. Every expected value is computed
//! here on the host by the same algorithm written in Rust.
//!
//! (A shader that never terminates is the bad-input suite's: `device_lost.rs` checks that
//! it loses the device within `SOFTVK_DISPATCH_TIMEOUT_MS`.)

use softvk_tests::compute::{bytes_of, spirv, values_of, ComputeJob};
use softvk_tests::Context;

#[test]
fn divergent_if_else_if_else_takes_each_invocations_own_path() {
    let ctx = Context::new();
    let n = 256;
    let x: Vec<i32> = (0..n).map(|i| (i * 37 % 201) - 100).collect();
    let sentinel = vec![0x7777i32; n as usize];
    let out = ComputeJob::new(&ctx, &spirv("cf_divergent_if_else"))
        .storage(0, &bytes_of(&x))
        .storage(1, &bytes_of(&vec![0i32; n as usize]))
        .storage(2, &bytes_of(&sentinel))
        .run([4, 1, 1]);
    let (y, odd): (Vec<i32>, Vec<i32>) = (values_of(&out[1]), values_of(&out[2]));
    for (i, &v) in x.iter().enumerate() {
        let mut r = if v < 0 {
            -v * 3
        } else if v % 2 == 0 {
            v / 2
        } else {
            v * 5 + 1
        };
        if i % 2 == 0 {
            r += 1000;
        }
        assert_eq!(y[i], r, "y[{i}] for x = {v}");
        let stored = if v >= 0 && v % 2 == 1 { v } else { 0x7777 };
        assert_eq!(odd[i], stored, "only the odd branch stores: only_odd[{i}] for x = {v}");
    }
}

#[test]
fn nested_ifs_three_levels_deep_reach_every_leaf() {
    let ctx = Context::new();
    let x: Vec<u32> = (0..128u32).map(|i| i * 7 + (i >> 3)).collect();
    let out = ComputeJob::new(&ctx, &spirv("cf_nested_ifs"))
        .storage(0, &bytes_of(&x))
        .storage(1, &bytes_of(&vec![0u32; x.len()]))
        .run([4, 1, 1]);
    let y: Vec<u32> = values_of(&out[1]);
    let mut codes = std::collections::BTreeSet::new();
    for (i, &v) in x.iter().enumerate() {
        let (mut code, mut acc) = (0u32, v);
        if v & 1 != 0 {
            acc = acc.wrapping_add(1);
            if v & 2 != 0 {
                acc = acc.wrapping_mul(3);
                if v & 4 != 0 {
                    code = 7;
                } else {
                    code = 6;
                    acc = acc.wrapping_sub(2);
                }
            } else {
                code = 5;
                if v > 100 {
                    acc <<= 2;
                }
            }
        } else if v & 8 != 0 {
            code = 3;
        } else if v & 16 != 0 {
            code = 2;
            acc ^= 0xff;
        }
        codes.insert(code);
        assert_eq!(y[i], code * 1_000_000 + acc, "y[{i}] for x = {v}");
    }
    assert_eq!(codes.len(), 6, "the inputs reach every leaf");
}

/// The switch of `cf_switch_fallthrough.comp`, in Rust.
fn switch_reference(v: i32) -> i32 {
    let mut r = 0;
    match v {
        -2 => r += 11,
        -1 => r += 10,
        0 | 1 => r += 1100,
        2 => r += 1000,
        5 => r += 100_000,
        7 => r = -1,
        _ => r += 110_000,
    }
    r
}

#[test]
fn switch_falls_through_cases_and_default_until_a_break() {
    let ctx = Context::new();
    let x: Vec<i32> = (-4..12).collect();
    let out = ComputeJob::new(&ctx, &spirv("cf_switch_fallthrough"))
        .storage(0, &bytes_of(&x))
        .storage(1, &bytes_of(&vec![0i32; x.len()]))
        .run([1, 1, 1]);
    let y: Vec<i32> = values_of(&out[1]);
    for (i, &v) in x.iter().enumerate() {
        assert_eq!(y[i], switch_reference(v), "switch on {v}");
    }
}

#[test]
fn switch_in_a_loop_continues_breaks_and_returns() {
    let ctx = Context::new();
    let x: Vec<u32> = (0..32u32).map(|i| i * 3).collect();
    let out = ComputeJob::new(&ctx, &spirv("cf_switch_in_loop"))
        .storage(0, &bytes_of(&x))
        .storage(1, &bytes_of(&vec![0u32; x.len()]))
        .run([2, 1, 1]);
    let y: Vec<u32> = values_of(&out[1]);
    for (i, &n) in x.iter().enumerate() {
        let mut acc = 0u32;
        let mut result = None;
        for k in 0..n {
            match k % 4 {
                1 => {
                    acc += 10;
                    continue;
                }
                2 => {
                    if acc > 200 {
                        result = Some(acc + 1_000_000);
                        break;
                    }
                    acc += 100;
                }
                _ => acc += 1,
            }
            acc += 2;
        }
        assert_eq!(y[i], result.unwrap_or(acc), "n = {n}");
    }
}

#[test]
fn for_while_and_do_while_loops_break_and_continue() {
    let ctx = Context::new();
    let x: Vec<u32> = (0..64u32).map(|i| if i % 5 == 0 { i / 5 } else { i * 2 + 1 }).collect();
    let out = ComputeJob::new(&ctx, &spirv("cf_loops_break_continue"))
        .storage(0, &bytes_of(&x))
        .storage(1, &bytes_of(&vec![0u32; 4 * x.len()]))
        .run([2, 1, 1]);
    let y: Vec<u32> = values_of(&out[1]);
    for (i, &n) in x.iter().enumerate() {
        let mut a = 0u32;
        for k in 0..n {
            if k % 3 == 0 {
                continue;
            }
            if k > 10 && k % 7 == 0 {
                break;
            }
            a += k;
        }
        let (mut b, mut steps) = (n + 1, 0u32);
        while b & 1 == 0 {
            b >>= 1;
            steps += 1;
            if steps == 5 {
                break;
            }
        }
        let (mut c, mut m) = (0u32, n);
        loop {
            c += 2;
            if m == 3 {
                m = 0;
            }
            let again = m > 5;
            m = m.wrapping_sub(1);
            if !again {
                break;
            }
        }
        assert_eq!(&y[4 * i..4 * i + 4], &[a, b, steps, c], "n = {n}: for, while (value, steps), do-while");
    }
}

#[test]
fn loop_exits_at_different_iterations_keep_each_invocations_last_values() {
    let ctx = Context::new();
    let mut x: Vec<u32> = (1..=256u32).collect();
    x[5] = 27; // 111 steps, peak 9232
    x[200] = 97; // 118 steps
    let out = ComputeJob::new(&ctx, &spirv("cf_collatz_divergent_exit"))
        .storage(0, &bytes_of(&x))
        .storage(1, &bytes_of(&vec![0u32; 2 * x.len()]))
        .run([4, 1, 1]);
    let y: Vec<u32> = values_of(&out[1]);
    for (i, &start) in x.iter().enumerate() {
        let (mut v, mut steps, mut peak) = (start, 0u32, start);
        while v != 1 {
            v = if v & 1 != 0 { 3 * v + 1 } else { v / 2 };
            peak = peak.max(v);
            steps += 1;
        }
        assert_eq!((y[2 * i], y[2 * i + 1]), (steps, peak), "collatz({start}): steps, peak");
    }
    assert_eq!((y[10], y[11]), (111, 9232));
}

#[test]
fn early_return_from_nested_loops_in_a_function() {
    let ctx = Context::new();
    // Row 2 starts above 1000 (skipped by `continue`); row 4 has a 0 at column 3 (the
    // inner loop breaks there); everything else is distinct.
    let mut grid: Vec<u32> = (0..64u32).map(|k| 10 + k * 3).collect();
    grid[16] = 5000;
    grid[35] = 0;
    let mut targets: Vec<u32> = (0..32u32).map(|k| 10 + k * 6).collect();
    targets[3] = grid[17]; // in the skipped row: not found
    targets[4] = grid[36]; // after the 0 in row 4: not found
    targets[5] = 0xdead; // returns from main
    targets[6] = 7; // nowhere
    targets[7] = grid[63];
    let out = ComputeJob::new(&ctx, &spirv("cf_early_return_nested_loops"))
        .storage(0, &bytes_of(&grid))
        .storage(1, &bytes_of(&targets))
        .storage(2, &bytes_of(&vec![99i32; targets.len()]))
        .run([1, 1, 1]);
    let found: Vec<i32> = values_of(&out[2]);
    let find = |t: u32| -> i32 {
        for r in 0..8 {
            if grid[r * 8] > 1000 {
                continue;
            }
            for c in 0..8 {
                if grid[r * 8 + c] == t {
                    return (r * 8 + c) as i32;
                }
                if grid[r * 8 + c] == 0 {
                    break;
                }
            }
        }
        -1
    };
    for (i, &t) in targets.iter().enumerate() {
        let expected = if t == 0xdead { -2 } else { find(t) };
        assert_eq!(found[i], expected, "target {t}");
    }
    assert_eq!((found[3], found[4], found[5], found[7]), (-1, -1, -2, 63));
}

#[test]
fn functions_with_in_out_and_inout_parameters_are_inlined() {
    let ctx = Context::new();
    let x: Vec<i32> = (0..16).map(|i| i * 29 - 200).collect();
    let out = ComputeJob::new(&ctx, &spirv("cf_functions_in_out_inout"))
        .storage(0, &bytes_of(&x))
        .storage(1, &bytes_of(&vec![0i32; 4 * x.len()]))
        .run([1, 1, 1]);
    let y: Vec<i32> = values_of(&out[1]);
    for (i, &v) in x.iter().enumerate() {
        let hi = v / 16;
        let lo = v - hi * 16;
        let (pa, pb) = (hi + 1, lo * 2);
        let q = (-v + pa, v + pb);
        let expected = [pa * 100 + pb, q.0 + q.1 * 3, 3 * v + 3, 2 * (2 * v + 1)];
        assert_eq!(&y[4 * i..4 * i + 4], &expected, "x = {v}");
    }
}

fn xorshift32(mut s: u32, n: u32) -> u32 {
    for _ in 0..n {
        s ^= s << 13;
        s ^= s >> 17;
        s ^= s << 5;
    }
    s
}

#[test]
fn a_long_bounded_loop_runs_to_its_end() {
    let ctx = Context::new();
    // 2^15 iterations of 16 steps per invocation (about a second on softvk): long enough
    // to cross the interpreter's periodic deadline checks several times.
    let n = 1u32 << 15;
    let seeds: Vec<u32> = (0..64u32).map(|i| i.wrapping_mul(0x9e37_79b9) | 1).collect();
    let start = std::time::Instant::now();
    let out = ComputeJob::new(&ctx, &spirv("cf_long_bounded_loop")).storage(0, &bytes_of(&seeds)).push(&bytes_of(&[n])).run([1, 1, 1]);
    eprintln!("{n} iterations x 64 invocations took {:?}", start.elapsed());
    let y: Vec<u32> = values_of(&out[0]);
    for (i, &s) in seeds.iter().enumerate() {
        assert_eq!(y[i], xorshift32(s, 16 * n), "invocation {i}");
    }
}

#[test]
fn logical_and_or_and_the_ternary_evaluate_only_what_they_need() {
    let ctx = Context::new();
    let x: Vec<i32> = (0..64).map(|i| i - 20).collect();
    let out = ComputeJob::new(&ctx, &spirv("cf_short_circuit"))
        .storage(0, &bytes_of(&x))
        .storage(1, &bytes_of(&vec![0u32; x.len()]))
        .storage(2, &bytes_of(&[0u32; 4]))
        .run([2, 1, 1]);
    let (y, counts): (Vec<u32>, Vec<u32>) = (values_of(&out[1]), values_of(&out[2]));
    let mut expected_counts = [0u32; 4];
    for (i, &v) in x.iter().enumerate() {
        let mut r = 0u32;
        if v > -5 {
            expected_counts[0] += 1;
            if v - 3 > 0 {
                r |= 1;
            }
        }
        if v < 0 {
            r |= 2;
        } else {
            expected_counts[1] += 1;
            if v & 1 == 0 {
                r |= 2;
            }
        }
        let t = if v % 3 == 0 {
            expected_counts[2] += 1;
            v * 2
        } else {
            expected_counts[3] += 1;
            v - 7
        };
        assert_eq!(y[i], r | (((t + 1000) as u32) << 8), "x = {v}");
    }
    assert_eq!(counts, expected_counts, "calls of the right operands of &&, || and of each ternary arm");
}

#[test]
fn ternaries_and_mix_with_booleans_select_scalars_vectors_and_structs() {
    let ctx = Context::new();
    let x: Vec<[f32; 4]> = (0..16)
        .map(|i| {
            // i % 3: 0 all above 0.5, 1 some, 2 none.
            let f = |k: i32| match i % 3 {
                0 => 0.625 + ((i + k) % 4) as f32 / 8.0,
                1 => ((i * 7 + k * 3) % 10) as f32 / 8.0,
                _ => ((i + k) % 5) as f32 / 16.0,
            };
            [f(0), f(1), f(2), f(3)]
        })
        .collect();
    let out = ComputeJob::new(&ctx, &spirv("cf_select_vectors"))
        .storage(0, &bytes_of(&x))
        .storage(1, &bytes_of(&vec![[0f32; 4]; 2 * x.len()]))
        .run([1, 1, 1]);
    let y: Vec<[f32; 4]> = values_of(&out[1]);
    let mut saw = [false; 3];
    for (i, v) in x.iter().enumerate() {
        let gt = v.map(|c| c > 0.5);
        let picked: Vec<f32> = (0..4).map(|c| if gt[c] { v[c] * 2.0 } else { -1.0 }).collect();
        let (a, b) = if v[0] > v[1] { (1.0, v[2]) } else { (2.0, v[3]) };
        let t = if gt.iter().all(|&g| g) {
            saw[0] = true;
            [v[0], v[1]]
        } else if gt.iter().any(|&g| g) {
            saw[1] = true;
            [v[2], v[3]]
        } else {
            saw[2] = true;
            [9.0, 9.0]
        };
        assert_eq!(y[2 * i].to_vec(), picked, "mix with bvec4 for {v:?}");
        assert_eq!(y[2 * i + 1], [a, b, t[0], t[1]], "struct and nested ternaries for {v:?}");
    }
    assert!(saw.iter().all(|&s| s), "inputs cover all, any and none: {saw:?}");
}

#[test]
fn calls_with_early_returns_inside_loops_inside_calls() {
    let ctx = Context::new();
    let x: Vec<u32> = (0..64u32).map(|i| i * 37 + 2).collect();
    let out = ComputeJob::new(&ctx, &spirv("cf_calls_in_loops")).storage(0, &bytes_of(&x)).storage(1, &bytes_of(&[0u32; 64])).run([2, 1, 1]);
    let y: Vec<u32> = values_of(&out[1]);
    let first_divisor = |v: u32, from: u32| -> u32 {
        let mut d = from;
        while d * d <= v {
            if v % d == 0 {
                return d;
            }
            d += 1;
        }
        v
    };
    let largest_prime_factor = |mut v: u32, limit: u32| -> u32 {
        let (mut best, mut steps) = (1u32, 0u32);
        while v > 1 {
            let d = first_divisor(v, 2);
            best = best.max(d);
            v /= d;
            steps += 1;
            if steps == limit {
                return best + 1_000_000;
            }
        }
        best
    };
    for (i, &v) in x.iter().enumerate() {
        let mut acc = 0u32;
        for k in 0..6 {
            let p = largest_prime_factor(v + k, 4);
            if p > 1_000_000 {
                continue;
            }
            if p == v + k && k > 0 {
                break;
            }
            acc = acc.wrapping_mul(7).wrapping_add(p);
        }
        assert_eq!(y[i], acc, "x = {v}");
    }
}
