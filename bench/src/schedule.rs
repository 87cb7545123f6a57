//! Runs one in-process workload on every device, interleaved: resources are created on
//! each device once, then run i happens on device A, device B, ..., before run i + 1, so
//! that drift in the machine's state (frequency, other load) touches every device alike.
//! The first `warmups` runs are discarded. After the last run each device's result is
//! checked (`transfer::check`: the compute workloads read theirs back); a wrong one
//! replaces the device's measurement with a failure.

use crate::device::{BenchDevice, Resources};
use crate::failure::{catch_panic, Failure};
use crate::stats::Measurement;
use crate::transfer::{self, Command};
use crate::workloads::Workload;
use std::time::Duration;

/// How many runs each workload gets.
#[derive(Clone, Copy, Debug)]
pub struct RunPlan {
    pub warmups: usize,
    pub runs: usize,
}

/// The measurement of `workload` on each device, in the order of `devices`.
pub fn run_in_process(
    workload: &Workload,
    devices: &[Result<BenchDevice, Failure>],
    plan: RunPlan,
) -> Vec<Result<Measurement, Failure>> {
    let mut resources: Vec<Resources> = devices.iter().map(|_| Resources::default()).collect();
    let mut commands: Vec<Result<Command, Failure>> = devices
        .iter()
        .zip(resources.iter_mut())
        .map(|(device, resources)| {
            let device = device.as_ref().map_err(Clone::clone)?;
            catch_panic(|| transfer::prepare(device, &workload.operation, resources))
        })
        .collect();

    let mut samples: Vec<Vec<Duration>> = devices.iter().map(|_| Vec::new()).collect();
    let mut submitted: Vec<usize> = devices.iter().map(|_| 0).collect();
    for run in 0..plan.warmups + plan.runs {
        for (index, device) in devices.iter().enumerate() {
            let (Ok(device), Ok(command)) = (device, &commands[index]) else {
                continue;
            };
            let command = *command;
            match catch_panic(|| device.submit_and_wait(|d, cb| transfer::record(d, cb, &command))) {
                Ok(time) => {
                    submitted[index] += 1;
                    if run >= plan.warmups {
                        samples[index].push(time);
                    }
                }
                Err(failure) => commands[index] = Err(failure),
            }
        }
    }

    for (index, device) in devices.iter().enumerate() {
        if let (Ok(device), Ok(command)) = (device, &commands[index]) {
            let command = *command;
            if let Err(failure) = catch_panic(|| transfer::check(device, &command, submitted[index])) {
                commands[index] = Err(failure);
            }
        }
    }

    for (device, resources) in devices.iter().zip(resources) {
        if let Ok(device) = device {
            resources.destroy(device);
        }
    }
    commands
        .into_iter()
        .zip(samples)
        .map(|(command, samples)| {
            command?;
            Measurement::from_samples(&samples).ok_or_else(|| Failure::Error("no timed runs".into()))
        })
        .collect()
}
