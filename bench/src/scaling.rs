//! The scaling table: how each driver's throughput grows with its thread count. Built
//! from the sections `threads-1`, `threads-2`, ... that `scripts/bench.sh --scaling`
//! writes (one run per thread count T, pinned to T CPUs with RAYON_NUM_THREADS=T,
//! LP_NUM_THREADS=T and, for SwiftShader, `ThreadCount=T` in ./SwiftShader.ini), by
//! reading their `<!-- bench:data ... -->` lines. One table per driver found there.

use crate::machine::Machine;
use crate::sections;
use crate::stats::format_rate;
use std::collections::HashMap;
use std::fmt::Write;

/// One measurement read back from a section.
struct DataPoint {
    workload: String,
    column: String,
    rate: f64,
    unit: String,
}

fn parse_data(section: &str) -> Vec<DataPoint> {
    section
        .lines()
        .filter_map(|line| {
            let body = line.trim().strip_prefix("<!-- bench:data")?.strip_suffix("-->")?;
            let fields: HashMap<&str, &str> = body.split_whitespace().filter_map(|kv| kv.split_once('=')).collect();
            Some(DataPoint {
                workload: fields.get("workload")?.to_string(),
                column: fields.get("column")?.to_string(),
                rate: fields.get("rate")?.parse().ok()?,
                unit: fields.get("unit")?.to_string(),
            })
        })
        .collect()
}

/// The section name for thread count `threads`: `threads-T` after `prefix` (empty, or
/// e.g. `compute-` for a run of some workloads that keeps the full run's sections).
pub fn thread_section(prefix: &str, threads: usize) -> String {
    format!("{prefix}threads-{threads}")
}

/// Renders the scaling section from the thread-count sections (named after `prefix`)
/// found in `text`.
pub fn render(text: &str, thread_counts: &[usize], prefix: &str) -> String {
    let found: Vec<(usize, Vec<DataPoint>)> = thread_counts
        .iter()
        .filter_map(|&t| Some((t, parse_data(sections::extract(text, &thread_section(prefix, t))?))))
        .collect();
    let missing: Vec<String> =
        thread_counts.iter().filter(|t| !found.iter().any(|(f, _)| f == *t)).map(|t| t.to_string()).collect();

    let mut drivers: Vec<String> = Vec::new();
    let mut workloads: Vec<String> = Vec::new();
    for (_, points) in &found {
        for p in points {
            if p.column != "host" && !drivers.contains(&p.column) {
                drivers.push(p.column.clone());
            }
            if p.column != "host" && !workloads.contains(&p.workload) {
                workloads.push(p.workload.clone());
            }
        }
    }

    let mut out = String::new();
    let machine = Machine::probe();
    let swiftshader = if drivers.iter().any(|d| d == "SwiftShader") {
        // What scripts/bench.sh --scaling does; SwiftShader reads no thread variable.
        ", and for SwiftShader `[Processor] ThreadCount=T` in ./SwiftShader.ini \
         (its marl scheduler pins those workers to CPUs 0..T-1)"
    } else {
        ""
    };
    let _ = writeln!(out, "## Scaling with thread count\n");
    let _ = writeln!(
        out,
        "Composed {} from sections {} ({}; {} CPUs online). Each column is one run pinned to T CPUs \
         (`taskset -c 0-(T-1)`, RAYON_NUM_THREADS=T, LP_NUM_THREADS=T{swiftshader}). Cells: median throughput, and in \
         parentheses the speed-up over the fewest threads measured.\n",
        machine.date_utc,
        found.iter().map(|(t, _)| format!("`{}`", thread_section(prefix, *t))).collect::<Vec<_>>().join(", "),
        machine.cpu_model,
        machine.online_cpus,
    );
    if !missing.is_empty() {
        let _ = writeln!(out, "No section for T = {} (more threads than CPUs, or not run).\n", missing.join(", "));
    }
    if found.is_empty() {
        return out;
    }

    for driver in &drivers {
        let _ = writeln!(out, "### {driver}\n");
        let header: Vec<String> = found.iter().map(|(t, _)| format!("T = {t}")).collect();
        let _ = writeln!(out, "| workload | {} |", header.join(" | "));
        let _ = writeln!(out, "|---|{}", header.iter().map(|_| "---|").collect::<String>());
        let mut rows = vec![("memcpy_all_threads".to_string(), "host".to_string())];
        rows.extend(workloads.iter().map(|w| (w.clone(), driver.clone())));
        for (workload, column) in rows {
            let rates: Vec<Option<(f64, &str)>> = found
                .iter()
                .map(|(_, points)| {
                    points
                        .iter()
                        .find(|p| p.workload == workload && p.column == column)
                        .map(|p| (p.rate, p.unit.as_str()))
                })
                .collect();
            let base = rates.iter().flatten().next().map(|(r, _)| *r);
            let cells: Vec<String> = rates
                .iter()
                .map(|rate| match (rate, base) {
                    (Some((r, unit)), Some(b)) => format!("{} ({:.2}×)", format_rate(*r, unit), r / b),
                    _ => "—".to_string(),
                })
                .collect();
            let label =
                if column == "host" { "memcpy, T threads (limit)".to_string() } else { format!("`{workload}`") };
            let _ = writeln!(out, "| {label} | {} |", cells.join(" | "));
        }
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scaling_reads_rates_from_thread_sections() {
        let one = "<!-- bench:data workload=copy_buffer column=softvk median_s=0.1 rate=2.0 unit=GB/s -->\n\
                   <!-- bench:data workload=memcpy_all_threads column=host median_s=0.1 rate=3.0 unit=GB/s -->";
        let two = "<!-- bench:data workload=copy_buffer column=softvk median_s=0.05 rate=4.0 unit=GB/s -->";
        let text = sections::replace(&sections::replace("", "threads-1", one), "threads-2", two);
        let table = render(&text, &[1, 2, 4], "");
        assert!(table.contains("| `copy_buffer` | 2.00 GB/s (1.00×) | 4.00 GB/s (2.00×) |"), "{table}");
        assert!(table.contains("No section for T = 4"), "{table}");
        assert!(!table.contains("ThreadCount"), "{table}");
    }

    #[test]
    fn scaling_has_a_table_for_swiftshader_when_its_data_is_there() {
        let one = "<!-- bench:data workload=blit_up_nearest column=lavapipe median_s=0.1 rate=100 unit=Mpixels/s -->\n\
                   <!-- bench:data workload=blit_up_nearest column=SwiftShader median_s=0.1 rate=50 unit=Mpixels/s -->";
        let two =
            "<!-- bench:data workload=blit_up_nearest column=lavapipe median_s=0.05 rate=200 unit=Mpixels/s -->\n\
                   <!-- bench:data workload=blit_up_nearest column=SwiftShader median_s=0.1 rate=75 unit=Mpixels/s -->";
        let text = sections::replace(&sections::replace("", "threads-1", one), "threads-2", two);
        let table = render(&text, &[1, 2], "");
        let swiftshader = table.split("### SwiftShader").nth(1).expect(&table);
        assert!(
            swiftshader.contains("| `blit_up_nearest` | 50.0 Mpixels/s (1.00×) | 75.0 Mpixels/s (1.50×) |"),
            "{table}"
        );
        assert!(table.contains("ThreadCount=T"), "{table}");
        assert!(table.find("### lavapipe") < table.find("### SwiftShader"), "{table}");
    }

    #[test]
    fn a_prefix_reads_its_own_thread_sections() {
        let full = "<!-- bench:data workload=copy_buffer column=softvk median_s=0.1 rate=2.0 unit=GB/s -->";
        let compute = "<!-- bench:data workload=saxpy-16m column=softvk median_s=0.1 rate=1.5 unit=GB/s -->";
        let text = sections::replace(&sections::replace("", "threads-1", full), "compute-threads-1", compute);
        let table = render(&text, &[1], "compute-");
        assert!(table.contains("| `saxpy-16m` | 1.50 GB/s (1.00×) |"), "{table}");
        assert!(!table.contains("copy_buffer"), "{table}");
        assert!(table.contains("`compute-threads-1`"), "{table}");
    }
}
