//! softvk's shader compiler and interpreter: SPIR-V in, results out. No Vulkan ABI here:
//! the ICD hands this crate SPIR-V words, specialisation values and, to run a program,
//! views of the memory its descriptors name.
//!
//! The path of a shader:
//! 1. [`front`]: `rspirv` parses the module; one entry point, specialised, with every call
//!    inlined, becomes an [`ir::Program`]: SSA values in registers, structured control
//!    flow as a region tree, memory through typed pointers.
//! 2. [`passes`]: small rewrites of the IR (constant folding, dead code).
//! 3. [`interp`]: runs a program over many lanes at once (a whole workgroup, in subgroups
//!    of [`SUBGROUP_SIZE`]), with an execution mask for divergent control flow; vertex and
//!    fragment programs run over batches of vertices or 2x2 quads the same way, their
//!    stage inputs and outputs in private memory where the program's interface lists
//!    them (`docs/graphics-shaders.md`).
//!
//! `ir::print` shows a program as text (`SOFTVK_DUMP_SHADERS`).

pub mod front;
pub mod fuzzing;
pub mod interp;
pub mod ir;
pub mod memory;
pub mod passes;
pub mod scalar;

/// Invocations per subgroup: `subgroupSize`.
pub const SUBGROUP_SIZE: u32 = 8;

/// Why a module cannot become a program.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Error {
    /// Not valid SPIR-V (or not valid for Vulkan).
    Invalid(String),
    /// Valid, but uses something softvk does not implement.
    Unsupported(String),
}

impl Error {
    /// The same error with `what` (where it happened) added.
    pub fn context(self, what: String) -> Error {
        match self {
            Error::Invalid(m) => Error::Invalid(format!("{m} ({what})")),
            Error::Unsupported(m) => Error::Unsupported(format!("{m} ({what})")),
        }
    }
}

impl std::fmt::Display for Error {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Error::Invalid(m) => write!(f, "invalid SPIR-V: {m}"),
            Error::Unsupported(m) => write!(f, "not supported by softvk: {m}"),
        }
    }
}

impl std::error::Error for Error {}
