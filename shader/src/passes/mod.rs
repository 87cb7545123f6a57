//! Passes over the IR: small rewrites, each a function of a [`Program`], run in order by
//! [`run`] after the front end.

mod dead_code;
pub mod uniformity;

use crate::ir::Program;

/// Runs every pass.
pub fn run(program: &mut Program) {
    dead_code::remove(program);
}
