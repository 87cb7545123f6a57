//! Facts about the machine a report was measured on: date, CPU model, core counts and the
//! thread settings the drivers read.

use std::time::{SystemTime, UNIX_EPOCH};

/// Where and when a benchmark ran.
pub struct Machine {
    /// `YYYY-MM-DD HH:MM UTC`.
    pub date_utc: String,
    /// `model name` from /proc/cpuinfo.
    pub cpu_model: String,
    /// CPUs this process may run on (what `nproc` prints; honours `taskset`).
    pub available_cpus: usize,
    /// CPUs the system has online (processors listed in /proc/cpuinfo).
    pub online_cpus: usize,
    /// Total memory, GiB, from /proc/meminfo.
    pub memory_gib: f64,
}

impl Machine {
    pub fn probe() -> Self {
        let cpuinfo = std::fs::read_to_string("/proc/cpuinfo").unwrap_or_default();
        let cpu_model = cpuinfo
            .lines()
            .find_map(|line| {
                let (key, value) = line.split_once(':')?;
                (key.trim() == "model name").then(|| value.trim().to_string())
            })
            .unwrap_or_else(|| "unknown CPU".to_string());
        let online_cpus =
            cpuinfo.lines().filter(|line| line.split(':').next().is_some_and(|k| k.trim() == "processor")).count();
        let available_cpus = std::thread::available_parallelism().map_or(1, |n| n.get());
        let memory_gib = std::fs::read_to_string("/proc/meminfo")
            .ok()
            .and_then(|text| {
                let line = text.lines().find(|l| l.starts_with("MemTotal:"))?;
                let kib: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
                Some(kib / (1024.0 * 1024.0))
            })
            .unwrap_or(0.0);
        Machine {
            date_utc: utc_now(),
            cpu_model,
            available_cpus,
            online_cpus: online_cpus.max(available_cpus),
            memory_gib,
        }
    }
}

/// The value of an environment variable for the report, or `unset`.
pub fn env_setting(name: &str) -> String {
    match std::env::var(name) {
        Ok(value) if !value.is_empty() => format!("{name}={value}"),
        _ => format!("{name} unset"),
    }
}

/// The current time as `YYYY-MM-DD HH:MM UTC`.
fn utc_now() -> String {
    let secs = SystemTime::now().duration_since(UNIX_EPOCH).map_or(0, |d| d.as_secs());
    let (year, month, day) = civil_from_days((secs / 86_400) as i64);
    let in_day = secs % 86_400;
    format!("{year:04}-{month:02}-{day:02} {:02}:{:02} UTC", in_day / 3600, in_day % 3600 / 60)
}

/// Days since 1970-01-01 to a proleptic Gregorian date (Howard Hinnant's algorithm).
fn civil_from_days(days: i64) -> (i64, u32, u32) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let year = yoe + era * 400 + i64::from(month <= 2);
    (year, month, day)
}

#[cfg(test)]
mod tests {
    use super::civil_from_days;

    #[test]
    fn civil_dates_match_known_days() {
        assert_eq!(civil_from_days(0), (1970, 1, 1));
        assert_eq!(civil_from_days(11_016), (2000, 2, 29));
        assert_eq!(civil_from_days(20_416), (2025, 11, 24));
    }
}
