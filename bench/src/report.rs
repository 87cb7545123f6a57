//! Turns the measurements into a markdown section: a header (date, machine, drivers,
//! thread settings, method, memcpy limit), one table with a row per workload, notes, and
//! machine-readable `<!-- bench:data ... -->` lines that the scaling table is built from.

use crate::device::{Column, Role};
use crate::failure::Failure;
use crate::machine::{env_setting, Machine};
use crate::memcpy::MemcpyBandwidth;
use crate::schedule::RunPlan;
use crate::stats::{format_range, format_rate, three_figures, Amount, Measurement};
use crate::swiftshader;
use crate::workloads::{Target, Workload};
use std::fmt::Write;

/// One workload's results, one per column.
pub struct Row {
    pub workload: Workload,
    pub results: Vec<Result<Measurement, Failure>>,
}

pub struct Report<'a> {
    pub section: &'a str,
    pub machine: &'a Machine,
    pub columns: &'a [Column],
    pub memcpy: &'a MemcpyBandwidth,
    pub plan: RunPlan,
    pub quick: bool,
    pub rows: Vec<Row>,
    pub notes: Vec<String>,
}

/// Fraction of all-core memcpy that same-format copies, clears and fills must reach.
const MEMCPY_TARGET: f64 = 0.70;
/// Speed-up over each peer (lavapipe, SwiftShader) that blits must reach.
const BLIT_TARGET: f64 = 2.0;

impl Report<'_> {
    pub fn render(&self) -> String {
        let mut out = String::new();
        self.write_header(&mut out);
        self.write_table(&mut out);
        self.write_legend(&mut out);
        self.write_data(&mut out);
        out
    }

    fn column(&self, role: Role) -> Option<usize> {
        self.columns.iter().position(|c| c.role == role)
    }

    fn write_header(&self, out: &mut String) {
        let m = self.machine;
        let memcpy = self.memcpy;
        let _ = writeln!(out, "## Section `{}`{}\n", self.section, if self.quick { " (quick)" } else { "" });
        if self.quick {
            let _ = writeln!(out, "Quick run: small sizes that may fit in caches and few runs, to check the harness; the memcpy percentages and targets mean little here.\n");
        }
        let _ = writeln!(out, "- Date: {}", m.date_utc);
        let _ = writeln!(
            out,
            "- Machine: {}; {} CPUs available to this run (`nproc`), {} online; {:.0} GiB RAM",
            m.cpu_model, m.available_cpus, m.online_cpus, m.memory_gib
        );
        for column in self.columns {
            let _ = writeln!(out, "- Driver {}: {}", column.label, column.driver);
        }
        let swiftshader_threads = match self.column(Role::SwiftShader) {
            Some(_) => format!(", {}", swiftshader::threads_setting(m.online_cpus)),
            None => String::new(),
        };
        let _ = writeln!(
            out,
            "- Threads: softvk {} (rayon; unset = all available CPUs), lavapipe {} (unset = all CPUs){swiftshader_threads}; \
             memcpy all-core used {} rayon threads",
            env_setting("RAYON_NUM_THREADS"),
            env_setting("LP_NUM_THREADS"),
            memcpy.threads
        );
        let compute = if self.rows.iter().any(|r| r.workload.is_compute()) {
            " Compute dispatches are timed the same way (pipeline and descriptor set made beforehand), and each device's result is \
             read back after its last run and compared exactly with the host's: a wrong result is a failure, not a number. \
             Compute pipeline creation: one child process per run and driver; time = `vkCreateShaderModule` + `vkCreateComputePipelines` + \
             recording, submitting and waiting for the first (1×1×1) dispatch, checked; cold with an empty `VkPipelineCache` and \
             `MESA_SHADER_CACHE_DISABLE=true`, warm with a `VkPipelineCache` made from a previous process's `vkGetPipelineCacheData` \
             and Mesa's disk cache as that process left it."
        } else {
            ""
        };
        let _ = writeln!(
            out,
            "- Method: per workload, resources created once per device; {} warm-up + {} timed runs per device, interleaved between devices; \
             time = `vkQueueSubmit` until `vkWaitForFences` returns (recording not timed). Instance + device creation: one child process per run and driver, timed inside the child.{compute}",
            self.plan.warmups, self.plan.runs
        );
        let piece = |p: usize| {
            if p >= 1 << 20 {
                format!("{} MiB", p >> 20)
            } else {
                format!("{} KiB", p >> 10)
            }
        };
        let _ = writeln!(
            out,
            "- Physical limit, memcpy of {} MiB (bytes copied per second, median, faster of large and 256 KiB pieces): \
             1 thread **{:.2} GB/s** ({} pieces), all cores ({} rayon threads) **{:.2} GB/s** ({} pieces)\n",
            memcpy.bytes >> 20,
            memcpy.single_gbs(),
            piece(memcpy.single.piece),
            memcpy.threads,
            memcpy.all_gbs(),
            piece(memcpy.all.piece),
        );
    }

    fn write_table(&self, out: &mut String) {
        let softvk = self.column(Role::Softvk);
        // Every other device, in report order: lavapipe, SwiftShader, anything else.
        let others: Vec<usize> = (0..self.columns.len()).filter(|&i| Some(i) != softvk).collect();
        let mut header = vec!["workload".to_string()];
        if softvk.is_some() {
            header.extend(["softvk median (min–max)".to_string(), "softvk throughput".to_string()]);
        }
        header.extend(others.iter().map(|&i| format!("{} median (min–max)", self.columns[i].label)));
        header.extend(others.iter().map(|&i| format!("speed-up vs {}", self.columns[i].label)));
        header.extend(["% of all-core memcpy".to_string(), "target met?".to_string()]);
        let _ = writeln!(out, "| {} |", header.join(" | "));
        let _ = writeln!(out, "|{}", header.iter().map(|_| "---|").collect::<String>());

        for row in &self.rows {
            let amount = row.workload.amount();
            let measured = |index: Option<usize>| index.and_then(|i| row.results[i].as_ref().ok());
            let median_cell = |index: usize| match &row.results[index] {
                Ok(m) => format_range(m),
                Err(failure) => failure.to_string(),
            };
            let mut cells = vec![format!("{} (`{}`)", row.workload.description, row.workload.name)];
            if let Some(index) = softvk {
                cells.push(median_cell(index));
                cells.push(
                    measured(softvk).map_or("—".to_string(), |m| format_rate(amount.rate(m.median), amount.unit())),
                );
            }
            cells.extend(others.iter().map(|&i| median_cell(i)));
            let speed_ups: Vec<Option<f64>> = others
                .iter()
                .map(|&i| {
                    let (s, peer) = (measured(softvk)?, measured(Some(i))?);
                    Some(peer.median.as_secs_f64() / s.median.as_secs_f64())
                })
                .collect();
            cells.extend(speed_ups.iter().map(|x| x.map_or("—".to_string(), |x| format!("{}×", three_figures(x)))));
            let fraction = |m: &Measurement| match amount {
                Amount::Bytes(_) => Some(amount.rate(m.median) / self.memcpy.all_gbs()),
                _ => None,
            };
            let fractions: Vec<String> = softvk
                .iter()
                .chain(&others)
                .filter_map(|&index| {
                    let f = fraction(measured(Some(index))?)?;
                    Some(format!("{} {:.0}%", self.columns[index].label, f * 100.0))
                })
                .collect();
            cells.push(if fractions.is_empty() { "—".to_string() } else { fractions.join(" · ") });
            let softvk_fraction = measured(softvk).and_then(fraction);
            let peer_speed_ups: Vec<(&str, Option<f64>)> = others
                .iter()
                .zip(&speed_ups)
                .filter(|(&i, _)| self.columns[i].role.is_peer())
                .map(|(&i, &x)| (self.columns[i].label.as_str(), x))
                .collect();
            cells.push(target_verdict(row.workload.target, softvk_fraction, &peer_speed_ups));
            let _ = writeln!(out, "| {} |", cells.join(" | "));
        }
        out.push('\n');
    }

    fn write_legend(&self, out: &mut String) {
        let peers: Vec<&str> = self.columns.iter().filter(|c| c.role.is_peer()).map(|c| c.label.as_str()).collect();
        let _ = writeln!(
            out,
            "GB/s = bytes written to the destination per second (1 GB = 10⁹ bytes), measured like memcpy \
             (bytes copied per second), so a fill or clear, which only writes, can pass 100% of memcpy; Mpixels/s = destination texels written per second; items/s = creations per second. \
             Speed-up vs X = X's median / softvk's median (above 1: softvk is faster). \
             Targets: same-format copies, clears and fills at ≥ 70% of all-core memcpy; blits ≥ 2× lavapipe; \
             instance + device creation faster than lavapipe. The blit and creation targets are checked against each peer measured ({}): \
             \"yes\" when softvk meets them against every one.",
            if peers.is_empty() { "none".to_string() } else { peers.join(", ") }
        );
        if self.rows.iter().any(|r| r.workload.is_compute()) {
            let _ = writeln!(
                out,
                "\nCompute: saxpy's GB/s counts 12 bytes per element (x and y read, y written) and the reduction's 4 (read), against \
                 memcpy's bytes copied (each of which memcpy reads and writes), so saxpy at 100% of memcpy moves half the bytes per second \
                 that memcpy moves; its target is ≥ 70% of all-core memcpy. GFLOP/s = 2n³ / time. Compute pipeline creation (items/s = pipelines \
                 created and first dispatched per second): target softvk cold ≥ 10× lavapipe cold; the SGEMM and reduction rows \
                 and the warm creation have no target and say how softvk compares with lavapipe."
            );
        }
        let mut notes = self.notes.clone();
        if self.column(Role::SwiftShader).is_none() {
            let why = swiftshader::missing()
                .unwrap_or_else(|| "the loader reported no SwiftShader device (see scripts/bench.sh)".to_string());
            notes.push(format!("SwiftShader not measured: {why}."));
        }
        if !notes.is_empty() {
            out.push('\n');
            for note in &notes {
                let _ = writeln!(out, "- Note: {note}");
            }
        }
        out.push('\n');
    }

    /// One comment line per measurement: `workload= column= median_s= rate= unit=`.
    fn write_data(&self, out: &mut String) {
        let mut line = |workload: &str, column: &str, median: f64, rate: f64, unit: &str| {
            let _ = writeln!(
                out,
                "<!-- bench:data workload={workload} column={} median_s={median:.9} rate={rate:.6} unit={unit} -->",
                column.replace(char::is_whitespace, "_")
            );
        };
        let memcpy = self.memcpy;
        line("memcpy_1_thread", "host", memcpy.single.time.median.as_secs_f64(), memcpy.single_gbs(), "GB/s");
        line("memcpy_all_threads", "host", memcpy.all.time.median.as_secs_f64(), memcpy.all_gbs(), "GB/s");
        for row in &self.rows {
            let amount = row.workload.amount();
            for (column, result) in self.columns.iter().zip(&row.results) {
                if let Ok(m) = result {
                    line(
                        row.workload.name,
                        &column.label,
                        m.median.as_secs_f64(),
                        amount.rate(m.median),
                        amount.unit(),
                    );
                }
            }
        }
    }
}

/// The "target met?" cell. `peer_speed_ups` holds, per peer (lavapipe, SwiftShader),
/// its median over softvk's, or `None` when either was not measured.
fn target_verdict(
    target: Target,
    softvk_memcpy_fraction: Option<f64>,
    peer_speed_ups: &[(&str, Option<f64>)],
) -> String {
    match target {
        Target::MemcpyFraction => softvk_memcpy_fraction
            .map_or("n/a".to_string(), |f| format!("{} (≥ 70% memcpy)", verdict(f >= MEMCPY_TARGET))),
        Target::TwiceEachPeer => each_peer_verdict(peer_speed_ups, |peer| format!("≥ 2× {peer}"), |x| x >= BLIT_TARGET),
        Target::FasterThanEachPeer => {
            each_peer_verdict(peer_speed_ups, |peer| format!("faster than {peer}"), |x| x > 1.0)
        }
        Target::ComputeMemcpyFraction => softvk_memcpy_fraction.map_or("n/a".to_string(), |f| {
            format!("{} ({:.0}% of memcpy; target ≥ 70%)", verdict(f >= MEMCPY_TARGET), f * 100.0)
        }),
        Target::TimesLavapipe(factor) => {
            let lavapipe: Vec<(&str, Option<f64>)> =
                peer_speed_ups.iter().copied().filter(|(peer, _)| *peer == "lavapipe").collect();
            each_peer_verdict(&lavapipe, |peer| format!("≥ {factor}× {peer}"), |x| x >= f64::from(factor))
        }
        Target::Recorded => recorded_cell(peer_speed_ups),
    }
}

/// A row without a target: how softvk compares with lavapipe, in words.
fn recorded_cell(peer_speed_ups: &[(&str, Option<f64>)]) -> String {
    match peer_speed_ups.iter().find(|(peer, _)| *peer == "lavapipe").and_then(|(_, x)| *x) {
        Some(x) if x >= 1.0 => format!("no target; softvk {}× lavapipe's speed", three_figures(x)),
        Some(x) => format!("no target; lavapipe {}× faster (softvk at {:.1}%)", three_figures(1.0 / x), x * 100.0),
        None => "no target".to_string(),
    }
}

fn verdict(met: bool) -> &'static str {
    if met {
        "yes"
    } else {
        "**no**"
    }
}

/// `yes (≥ 2× lavapipe, ≥ 2× SwiftShader)` when every peer agrees, else the overall
/// verdict (no when any measured peer fails) followed by each peer's:
/// `**no** (≥ 2× lavapipe: yes, ≥ 2× SwiftShader: **no**)`.
fn each_peer_verdict(
    peer_speed_ups: &[(&str, Option<f64>)],
    criterion: impl Fn(&str) -> String,
    met: impl Fn(f64) -> bool,
) -> String {
    let results: Vec<(String, Option<bool>)> =
        peer_speed_ups.iter().map(|&(peer, x)| (criterion(peer), x.map(&met))).collect();
    if results.iter().all(|(_, r)| r.is_none()) {
        return "n/a".to_string();
    }
    let overall = results.iter().all(|(_, r)| *r != Some(false));
    let uniform = results.iter().all(|(_, r)| *r == Some(overall));
    let parts: Vec<String> = results
        .iter()
        .map(|(criterion, r)| match (uniform, r) {
            (true, _) => criterion.clone(),
            (false, Some(met)) => format!("{criterion}: {}", verdict(*met)),
            (false, None) => format!("{criterion}: n/a"),
        })
        .collect();
    format!("{} ({})", verdict(overall), parts.join(", "))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::memcpy::CopyRate;
    use crate::workloads;
    use std::time::Duration;

    fn column(role: Role, label: &str) -> Column {
        Column { role, device_name: label.to_string(), label: label.to_string(), driver: format!("{label} 1.0") }
    }

    fn ms(median: u64) -> Result<Measurement, Failure> {
        let d = Duration::from_millis(median);
        Ok(Measurement { median: d, min: d, max: d })
    }

    #[test]
    fn table_has_a_column_per_peer_and_says_what_a_peer_does_not_support() {
        let columns = [
            column(Role::Softvk, "softvk"),
            column(Role::Lavapipe, "lavapipe"),
            column(Role::SwiftShader, "SwiftShader"),
        ];
        let second = Measurement::from_samples(&[Duration::from_secs(1)]).unwrap();
        let memcpy = MemcpyBandwidth {
            bytes: 10_000_000_000,
            single: CopyRate { time: second, piece: 1 << 20 },
            all: CopyRate { time: second, piece: 1 << 20 },
            threads: 2,
        };
        let blit = workloads::all(true).into_iter().find(|w| w.name == "blit_down_linear_srgb_to_f16").unwrap();
        let unsupported = Failure::Unsupported("R8G8B8A8_SRGB lacks BLIT_SRC".into());
        let report = Report {
            section: "test",
            machine: &Machine::probe(),
            columns: &columns,
            memcpy: &memcpy,
            plan: RunPlan { warmups: 0, runs: 1 },
            quick: true,
            rows: vec![Row { workload: blit, results: vec![ms(2), ms(5), Err(unsupported)] }],
            notes: Vec::new(),
        };
        let text = report.render();
        assert!(
            text.contains(
                "| softvk median (min–max) | softvk throughput | lavapipe median (min–max) | SwiftShader median (min–max) \
                 | speed-up vs lavapipe | speed-up vs SwiftShader | % of all-core memcpy | target met? |"
            ),
            "{text}"
        );
        assert!(
            text.contains(
                "| 2.00 ms (2.00–2.00) | 131 Mpixels/s | 5.00 ms (5.00–5.00) | unsupported: R8G8B8A8_SRGB lacks BLIT_SRC \
                 | 2.50× | — | — | yes (≥ 2× lavapipe: yes, ≥ 2× SwiftShader: n/a) |"
            ),
            "{text}"
        );
        assert!(text.contains("- Driver SwiftShader: SwiftShader 1.0"), "{text}");
        assert!(text.contains("workload=blit_down_linear_srgb_to_f16 column=lavapipe"), "{text}");
        assert!(!text.contains("column=SwiftShader"), "{text}");
    }

    #[test]
    fn blit_target_met_against_both_peers_names_both() {
        let cell = target_verdict(Target::TwiceEachPeer, None, &[("lavapipe", Some(2.4)), ("SwiftShader", Some(7.0))]);
        assert_eq!(cell, "yes (≥ 2× lavapipe, ≥ 2× SwiftShader)");
    }

    #[test]
    fn blit_target_missed_against_one_peer_says_which() {
        let cell = target_verdict(Target::TwiceEachPeer, None, &[("lavapipe", Some(1.5)), ("SwiftShader", Some(3.0))]);
        assert_eq!(cell, "**no** (≥ 2× lavapipe: **no**, ≥ 2× SwiftShader: yes)");
        let cell =
            target_verdict(Target::FasterThanEachPeer, None, &[("lavapipe", Some(0.9)), ("SwiftShader", Some(0.5))]);
        assert_eq!(cell, "**no** (faster than lavapipe, faster than SwiftShader)");
    }

    #[test]
    fn unmeasured_peer_is_shown_but_does_not_fail_the_target() {
        let cell = target_verdict(Target::FasterThanEachPeer, None, &[("lavapipe", Some(14.0)), ("SwiftShader", None)]);
        assert_eq!(cell, "yes (faster than lavapipe: yes, faster than SwiftShader: n/a)");
        assert_eq!(target_verdict(Target::TwiceEachPeer, None, &[("lavapipe", None)]), "n/a");
        assert_eq!(target_verdict(Target::TwiceEachPeer, None, &[]), "n/a");
    }

    #[test]
    fn compute_targets_read_as_stated() {
        let peers = [("lavapipe", Some(12.0)), ("SwiftShader", Some(2.0))];
        assert_eq!(target_verdict(Target::TimesLavapipe(10), None, &peers), "yes (≥ 10× lavapipe)");
        let peers = [("lavapipe", Some(8.0)), ("SwiftShader", Some(20.0))];
        assert_eq!(target_verdict(Target::TimesLavapipe(10), None, &peers), "**no** (≥ 10× lavapipe)");
        assert_eq!(
            target_verdict(Target::ComputeMemcpyFraction, Some(0.052), &[]),
            "**no** (5% of memcpy; target ≥ 70%)"
        );
        let slower = [("lavapipe", Some(0.25)), ("SwiftShader", Some(0.5))];
        assert_eq!(
            target_verdict(Target::Recorded, None, &slower),
            "no target; lavapipe 4.00× faster (softvk at 25.0%)"
        );
        assert_eq!(
            target_verdict(Target::Recorded, None, &[("lavapipe", Some(1.5))]),
            "no target; softvk 1.50× lavapipe's speed"
        );
        assert_eq!(target_verdict(Target::Recorded, None, &[]), "no target");
    }

    #[test]
    fn lavapipe_alone_reads_as_before() {
        assert_eq!(target_verdict(Target::TwiceEachPeer, None, &[("lavapipe", Some(2.42))]), "yes (≥ 2× lavapipe)");
        assert_eq!(target_verdict(Target::MemcpyFraction, Some(0.69), &[]), "**no** (≥ 70% memcpy)");
    }
}
