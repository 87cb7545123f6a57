//! Malformed modules never panic: the fuzz corpus (`fuzz/corpus/front_end`, the seeds of
//! `cargo fuzz run front_end`) and the inputs of fixed bugs (`fuzz/regressions`) replayed
//! through `shader::fuzzing::run_module`, then a bounded, deterministic mutation loop over
//! the corpus, so that CI checks robustness without cargo-fuzz. A failing input is written
//! under the test's target temporary directory (`target/tmp/fuzz_corpus_failures`); copy
//! it to `fuzz/regressions/` with the fix. `FUZZ_CORPUS_TRACE=1` names each mutant before
//! it runs and keeps it as `current.spv` there, for a failure that aborts the process.

use shader::fuzzing::{run_module_with_deadline, words_of};
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

/// Mutants tried by [`mutants_never_panic`].
const MUTANTS: usize = 50_000;
/// The machine's deadline for a mutant's run (the fuzzer's is 50 ms): mutants that loop
/// forever are common, and each costs this much.
const MUTANT_DEADLINE: Duration = Duration::from_millis(5);
/// Longer than this for one input (with its runs' deadlines) counts as a hang.
const SLOW: Duration = Duration::from_secs(5);

fn fuzz_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../fuzz")
}

fn files_in(dir: &Path) -> Vec<PathBuf> {
    let Ok(entries) = std::fs::read_dir(dir) else { return Vec::new() };
    let mut files: Vec<PathBuf> = entries.filter_map(|e| e.ok()).map(|e| e.path()).filter(|p| p.is_file()).collect();
    files.sort();
    files
}

fn seeds() -> Vec<(PathBuf, Vec<u8>)> {
    let dir = fuzz_dir().join("corpus/front_end");
    let files = files_in(&dir);
    assert!(files.len() >= 20, "{}: the fuzz corpus is missing ({} files)", dir.display(), files.len());
    files.into_iter().map(|p| (p.clone(), std::fs::read(&p).unwrap())).collect()
}

/// Runs one input; returns why it failed (a panic's message, or a hang). `slowest` keeps
/// the longest time taken.
fn check(bytes: &[u8], deadline: Duration, slowest: &mut Duration) -> Result<(), String> {
    let started = Instant::now();
    let result = catch_unwind(AssertUnwindSafe(|| run_module_with_deadline(bytes, deadline)));
    let took = started.elapsed();
    *slowest = (*slowest).max(took);
    match result {
        Err(panic) => Err(panic
            .downcast_ref::<String>()
            .cloned()
            .or_else(|| panic.downcast_ref::<&str>().map(|s| s.to_string()))
            .unwrap_or_else(|| "a panic".into())),
        Ok(()) if took > SLOW => Err(format!("took {took:?}")),
        Ok(()) => Ok(()),
    }
}

/// Keeps a failing input where a person can find it.
fn save(name: &str, bytes: &[u8]) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("fuzz_corpus_failures");
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(name);
    std::fs::write(&path, bytes).unwrap();
    path
}

#[test]
fn corpus_and_regressions_never_panic() {
    let mut inputs = seeds();
    let regressions = files_in(&fuzz_dir().join("regressions"));
    inputs.extend(regressions.into_iter().map(|p| (p.clone(), std::fs::read(&p).unwrap())));
    let mut failures = Vec::new();
    let mut slowest = Duration::ZERO;
    for (path, bytes) in &inputs {
        if let Err(why) = check(bytes, shader::fuzzing::DEADLINE, &mut slowest) {
            failures.push(format!("{}: {why}", path.display()));
        }
    }
    eprintln!("{} inputs, the slowest in {slowest:?}", inputs.len());
    assert!(failures.is_empty(), "{} of {} inputs failed:\n{}", failures.len(), inputs.len(), failures.join("\n"));
}

/// xorshift64*: the same mutants on every run.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

/// Where each instruction of a module starts (as far as word counts can be followed).
fn instruction_starts(words: &[u32]) -> Vec<usize> {
    let mut starts = Vec::new();
    let mut at = 5;
    while at < words.len() {
        starts.push(at);
        let count = (words[at] >> 16) as usize;
        if count == 0 {
            break;
        }
        at += count;
    }
    starts
}

/// The words of the instruction at `at` (clamped to the module).
fn instruction(words: &[u32], at: usize) -> &[u32] {
    let count = ((words[at] >> 16) as usize).max(1);
    &words[at..(at + count).min(words.len())]
}

fn mutate(rng: &mut Rng, seeds: &[(PathBuf, Vec<u8>)], words: &mut Vec<u32>) {
    const INTERESTING: [u32; 12] =
        [0, 1, 2, 3, 4, 0x7f, 0x80, 0xffff, 0x7fff_ffff, 0x8000_0000, 0xffff_fffe, 0xffff_ffff];
    let bound = words.get(3).copied().unwrap_or(16).clamp(2, 1 << 16);
    for _ in 0..1 + rng.below(3) {
        let len = words.len();
        if len == 0 {
            return;
        }
        let starts = instruction_starts(words);
        // Past the header, where it makes a difference.
        let word_at = |rng: &mut Rng| if len > 5 { 5 + rng.below(len - 5) } else { rng.below(len) };
        match rng.below(12) {
            0 => {
                let at = word_at(rng);
                words[at] ^= 1 << rng.below(32);
            }
            1 => {
                let at = word_at(rng);
                words[at] = INTERESTING[rng.below(INTERESTING.len())];
            }
            2 => {
                // An id in the module's range (or just past it).
                let at = word_at(rng);
                words[at] = 1 + rng.below(bound as usize + 1) as u32;
            }
            3 => {
                let at = word_at(rng);
                words[at] = words[at].wrapping_add(if rng.below(2) == 0 { 1 } else { u32::MAX });
            }
            4 if !starts.is_empty() => {
                // Another opcode, same word count.
                let at = starts[rng.below(starts.len())];
                let opcode = if rng.below(4) == 0 { rng.below(0x1_0000) as u32 } else { rng.below(400) as u32 };
                words[at] = (words[at] & 0xffff_0000) | opcode;
            }
            5 if !starts.is_empty() => {
                // Another word count.
                let at = starts[rng.below(starts.len())];
                let count = (words[at] >> 16) as usize;
                let new = match rng.below(4) {
                    0 => 0,
                    1 => count + 1,
                    2 => count.saturating_sub(1),
                    _ => 0xffff,
                };
                words[at] = (new as u32) << 16 | (words[at] & 0xffff);
            }
            6 if !starts.is_empty() => {
                // An operand becomes another id.
                let at = starts[rng.below(starts.len())];
                let n = instruction(words, at).len();
                if n > 1 {
                    words[at + 1 + rng.below(n - 1)] = 1 + rng.below(bound as usize) as u32;
                }
            }
            7 if starts.len() > 1 => {
                // An instruction removed, or repeated.
                let i = rng.below(starts.len());
                let range = starts[i]..starts.get(i + 1).copied().unwrap_or(len).min(len);
                if rng.below(2) == 0 {
                    words.drain(range);
                } else {
                    let copy: Vec<u32> = words[range.clone()].to_vec();
                    let to = starts[rng.below(starts.len())];
                    words.splice(to..to, copy);
                }
            }
            8 if !starts.is_empty() => {
                // An instruction of another seed, put in here.
                let other = words_of(&seeds[rng.below(seeds.len())].1);
                let other_starts = instruction_starts(&other);
                if !other_starts.is_empty() {
                    let copy = instruction(&other, other_starts[rng.below(other_starts.len())]).to_vec();
                    let to = starts[rng.below(starts.len())];
                    words.splice(to..to, copy);
                }
            }
            9 if starts.len() > 1 => {
                // Splice: this module up to an instruction, another from one of its own on.
                let other = words_of(&seeds[rng.below(seeds.len())].1);
                let other_starts = instruction_starts(&other);
                if !other_starts.is_empty() {
                    let cut = starts[1 + rng.below(starts.len() - 1)];
                    let from = other_starts[rng.below(other_starts.len())];
                    words.truncate(cut);
                    words.extend_from_slice(&other[from..]);
                }
            }
            10 => {
                let at = word_at(rng);
                words.truncate(at);
            }
            _ => {
                // The header: version, bound, schema.
                let at = 1 + rng.below(4);
                if at < len {
                    words[at] = if rng.below(2) == 0 {
                        INTERESTING[rng.below(INTERESTING.len())]
                    } else {
                        words[at] ^ (1 << rng.below(32))
                    };
                }
            }
        }
    }
}

#[test]
fn mutants_never_panic() {
    let seeds = seeds();
    // Small seeds mutate into more varied programs per run than the long test shaders do;
    // the large ones are still picked, less often.
    let weights: Vec<usize> = seeds.iter().map(|(_, b)| if b.len() <= 8192 { 4 } else { 1 }).collect();
    let total: usize = weights.iter().sum();
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    let started = Instant::now();
    let mut failures = Vec::new();
    let trace = std::env::var_os("FUZZ_CORPUS_TRACE").is_some();
    let mut slowest = Duration::ZERO;
    for i in 0..MUTANTS {
        let mut pick = rng.below(total);
        let seed = weights
            .iter()
            .position(|&w| {
                if pick < w {
                    true
                } else {
                    pick -= w;
                    false
                }
            })
            .unwrap();
        let mut words = words_of(&seeds[seed].1);
        mutate(&mut rng, &seeds, &mut words);
        let mut bytes: Vec<u8> = words.iter().flat_map(|w| w.to_le_bytes()).collect();
        if rng.below(16) == 0 {
            // A length that is not whole words.
            bytes.truncate(bytes.len().saturating_sub(1 + rng.below(3)));
        }
        if trace {
            // An abort (stack overflow, failed allocation) ends the test before it can
            // report: this leaves the input that did it.
            save("current.spv", &bytes);
            eprintln!("mutant {i} of {}", seeds[seed].0.display());
        }
        if let Err(why) = check(&bytes, MUTANT_DEADLINE, &mut slowest) {
            let path = save(&format!("mutant-{i}.spv"), &bytes);
            failures.push(format!("mutant {i} of {}: {why}: {}", seeds[seed].0.display(), path.display()));
        }
    }
    eprintln!("{MUTANTS} mutants in {:?}, the slowest in {slowest:?}", started.elapsed());
    assert!(failures.is_empty(), "{} of {MUTANTS} mutants failed:\n{}", failures.len(), failures.join("\n"));
}
