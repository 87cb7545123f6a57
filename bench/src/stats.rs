//! Summaries of repeated timings (median, min, max) and the units a workload's
//! throughput is stated in.

use std::time::Duration;

/// The timed runs of one workload on one device, summarised.
#[derive(Clone, Copy, Debug)]
pub struct Measurement {
    pub median: Duration,
    pub min: Duration,
    pub max: Duration,
}

impl Measurement {
    /// Summarises `samples`; `None` when there are none.
    pub fn from_samples(samples: &[Duration]) -> Option<Self> {
        if samples.is_empty() {
            return None;
        }
        let mut sorted = samples.to_vec();
        sorted.sort();
        let n = sorted.len();
        let median = if n % 2 == 1 { sorted[n / 2] } else { (sorted[n / 2 - 1] + sorted[n / 2]) / 2 };
        Some(Measurement { median, min: sorted[0], max: sorted[n - 1] })
    }
}

/// What one run of a workload produces, from which its throughput is computed.
#[derive(Clone, Copy, Debug)]
pub enum Amount {
    /// Bytes written to the destination (throughput in GB/s, 1 GB = 10^9 bytes).
    Bytes(u64),
    /// Destination texels written (throughput in Mpixels/s).
    Pixels(u64),
    /// Whole operations (throughput in items/s).
    Items(u64),
    /// Floating-point operations (throughput in GFLOP/s, 1 GFLOP = 10^9).
    Flops(u64),
}

impl Amount {
    /// Throughput at `time` per run, in this amount's unit.
    pub fn rate(self, time: Duration) -> f64 {
        let secs = time.as_secs_f64().max(1e-12);
        match self {
            Amount::Bytes(b) => b as f64 / 1e9 / secs,
            Amount::Pixels(p) => p as f64 / 1e6 / secs,
            Amount::Items(i) => i as f64 / secs,
            Amount::Flops(f) => f as f64 / 1e9 / secs,
        }
    }

    pub fn unit(self) -> &'static str {
        match self {
            Amount::Bytes(_) => "GB/s",
            Amount::Pixels(_) => "Mpixels/s",
            Amount::Items(_) => "items/s",
            Amount::Flops(_) => "GFLOP/s",
        }
    }
}

/// A rate with three significant figures and its unit.
pub fn format_rate(rate: f64, unit: &str) -> String {
    format!("{} {unit}", three_figures(rate))
}

/// median (min–max), all in the median's unit: `12.3 ms (12.1–13.0)`.
pub fn format_range(m: &Measurement) -> String {
    let median = m.median.as_secs_f64();
    let (scale, unit) = if median >= 1.0 {
        (1.0, "s")
    } else if median >= 1e-3 {
        (1e3, "ms")
    } else {
        (1e6, "µs")
    };
    let f = |d: std::time::Duration| three_figures(d.as_secs_f64() * scale);
    format!("{} {unit} ({}–{})", f(m.median), f(m.min), f(m.max))
}

/// `x` rounded to three significant figures (no exponent; integers above 1000 as is).
pub fn three_figures(x: f64) -> String {
    if x >= 100.0 {
        format!("{x:.0}")
    } else if x >= 10.0 {
        format!("{x:.1}")
    } else if x >= 1.0 {
        format!("{x:.2}")
    } else {
        format!("{x:.3}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn median_of_odd_and_even_counts() {
        let ms = Duration::from_millis;
        let odd = Measurement::from_samples(&[ms(5), ms(1), ms(3)]).unwrap();
        assert_eq!((odd.median, odd.min, odd.max), (ms(3), ms(1), ms(5)));
        let even = Measurement::from_samples(&[ms(4), ms(1), ms(2), ms(8)]).unwrap();
        assert_eq!(even.median, ms(3));
    }

    #[test]
    fn bytes_rate_is_decimal_gigabytes_per_second() {
        let rate = Amount::Bytes(2_000_000_000).rate(Duration::from_secs(1));
        assert!((rate - 2.0).abs() < 1e-9);
    }
}
