//! Turns the measurements into a markdown section: a header (date, machine, drivers,
//! thread settings, method, memcpy limit), one table with a row per workload, notes, and
//! machine-readable `<!-- bench:data ... -->` lines that the scaling table is built from.

use crate::device::{Column, Role};
use crate::failure::Failure;
use crate::machine::{env_setting, Machine};
use crate::memcpy::MemcpyBandwidth;
use crate::schedule::RunPlan;
use crate::stats::{format_range, format_rate, three_figures, Amount, Measurement};
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
/// Speed-up over lavapipe that blits must reach.
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
        let _ = writeln!(
            out,
            "- Threads: softvk {} (rayon; unset = all available CPUs), lavapipe {} (unset = all CPUs); memcpy all-core used {} rayon threads",
            env_setting("RAYON_NUM_THREADS"),
            env_setting("LP_NUM_THREADS"),
            memcpy.threads
        );
        let _ = writeln!(
            out,
            "- Method: per workload, resources created once per device; {} warm-up + {} timed runs per device, interleaved between devices; \
             time = `vkQueueSubmit` until `vkWaitForFences` returns (recording not timed). Instance + device creation: one child process per run and driver, timed inside the child.",
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
        let lavapipe = self.column(Role::Lavapipe);
        let mut header = vec!["workload".to_string()];
        for column in self.columns {
            header.push(format!("{} median (min–max)", column.label));
            header.push(format!("{} throughput", column.label));
        }
        header.extend(["speed-up".to_string(), "% of all-core memcpy".to_string(), "target met?".to_string()]);
        let _ = writeln!(out, "| {} |", header.join(" | "));
        let _ = writeln!(out, "|{}", header.iter().map(|_| "---|").collect::<String>());

        for row in &self.rows {
            let amount = row.workload.amount();
            let mut cells = vec![format!("{} (`{}`)", row.workload.description, row.workload.name)];
            for result in &row.results {
                match result {
                    Ok(m) => {
                        cells.push(format_range(m));
                        cells.push(format_rate(amount.rate(m.median), amount.unit()));
                    }
                    Err(failure) => {
                        cells.push(failure.to_string());
                        cells.push("—".to_string());
                    }
                }
            }
            let measured = |index: Option<usize>| index.and_then(|i| row.results[i].as_ref().ok());
            let speed_up = match (measured(softvk), measured(lavapipe)) {
                (Some(s), Some(l)) => Some(l.median.as_secs_f64() / s.median.as_secs_f64()),
                _ => None,
            };
            cells.push(speed_up.map_or("—".to_string(), |x| format!("{}×", three_figures(x))));
            let fraction = |m: &Measurement| match amount {
                Amount::Bytes(_) => Some(amount.rate(m.median) / self.memcpy.all_gbs()),
                _ => None,
            };
            let fractions: Vec<String> = [softvk, lavapipe]
                .iter()
                .filter_map(|&index| {
                    let f = fraction(measured(index)?)?;
                    Some(format!("{} {:.0}%", self.columns[index?].label, f * 100.0))
                })
                .collect();
            cells.push(if fractions.is_empty() { "—".to_string() } else { fractions.join(" · ") });
            let softvk_fraction = measured(softvk).and_then(fraction);
            cells.push(target_verdict(row.workload.target, softvk_fraction, speed_up));
            let _ = writeln!(out, "| {} |", cells.join(" | "));
        }
        out.push('\n');
    }

    fn write_legend(&self, out: &mut String) {
        out.push_str(
            "GB/s = bytes written to the destination per second (1 GB = 10⁹ bytes), measured like memcpy \
             (bytes copied per second), so a fill or clear, which only writes, can pass 100% of memcpy; Mpixels/s = destination texels written per second; items/s = creations per second. \
             Speed-up = lavapipe median / softvk median (above 1: softvk is faster). \
             Targets: same-format copies, clears and fills at ≥ 70% of all-core memcpy; blits ≥ 2× lavapipe; \
             instance + device creation faster than lavapipe.\n",
        );
        if !self.notes.is_empty() {
            out.push('\n');
            for note in &self.notes {
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

/// The "target met?" cell.
fn target_verdict(target: Target, softvk_memcpy_fraction: Option<f64>, speed_up: Option<f64>) -> String {
    let verdict = |met: bool| if met { "yes" } else { "**no**" };
    match target {
        Target::MemcpyFraction => softvk_memcpy_fraction
            .map_or("n/a".to_string(), |f| format!("{} (≥ 70% memcpy)", verdict(f >= MEMCPY_TARGET))),
        Target::TwiceLavapipe => {
            speed_up.map_or("n/a".to_string(), |x| format!("{} (≥ 2× lavapipe)", verdict(x >= BLIT_TARGET)))
        }
        Target::FasterThanLavapipe => {
            speed_up.map_or("n/a".to_string(), |x| format!("{} (faster than lavapipe)", verdict(x > 1.0)))
        }
    }
}
