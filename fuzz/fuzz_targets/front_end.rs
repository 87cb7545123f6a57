//! The shader front end, passes and interpreter on arbitrary bytes: see
//! `shader::fuzzing::run_module`. Any panic, abort, hang or runaway allocation is a bug.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    shader::fuzzing::run_module(data);
});
