//! The list of workloads: what each one does, at which size, what its throughput counts
//! and which target it is held to. Adding a workload is one entry in [`all`] plus, for a
//! new kind of operation, one [`Operation`] variant handled by `transfer` or `compute`
//! (run in this process on every device) or by a child-process runner (see `creation`
//! and `pipeline_create`).

use crate::present::Platform;
use crate::stats::Amount;
use ash::vk;

const MIB: u64 = 1 << 20;

/// `saxpy-16m`'s workgroup size, the usual 256 (`saxpy_256.spv`); `saxpy-16m-local64`
/// measures 64 (`saxpy_64.spv`) beside it.
pub const SAXPY_LOCAL_SIZE: u32 = 256;

/// What a workload is compared with in the "target" column.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Target {
    /// Same-format copies, clears, fills: softvk at 70% or more of all-core memcpy.
    MemcpyFraction,
    /// Blits: softvk at least twice lavapipe's throughput (the target as stated), and the
    /// same against every other peer measured (SwiftShader).
    TwiceEachPeer,
    /// softvk faster than lavapipe (as stated) and than every other peer measured.
    FasterThanEachPeer,
    /// Bandwidth-bound compute kernels (saxpy): softvk at 70% or more of all-core memcpy,
    /// counting every byte the kernel reads and writes.
    ComputeMemcpyFraction,
    /// softvk at least this many times faster than lavapipe (pipeline creation + first
    /// dispatch, cold); the other peers are shown, not judged.
    TimesLavapipe(u32),
    /// No target: the numbers are recorded, and the cell says how softvk compares with
    /// lavapipe.
    Recorded,
}

/// The one command a workload times, with its sizes.
#[derive(Clone, Copy, Debug)]
pub enum Operation {
    ClearImage {
        format: vk::Format,
        size: u32,
    },
    CopyImage {
        format: vk::Format,
        size: u32,
    },
    CopyBuffer {
        bytes: u64,
    },
    FillBuffer {
        bytes: u64,
    },
    BufferToImage {
        format: vk::Format,
        size: u32,
    },
    ImageToBuffer {
        format: vk::Format,
        size: u32,
    },
    Blit {
        src_format: vk::Format,
        src_size: u32,
        dst_format: vk::Format,
        dst_size: u32,
        filter: vk::Filter,
    },
    /// vkCreateInstance + enumerate + vkCreateDevice + destroy both, one driver per child
    /// process (the loader's state is per process).
    CreateInstanceDevice,
    /// Export a 64 MiB image's memory, import it in a second process, read a texel there.
    ExportImportImage,
    /// `y = a * x + y` over `elements` floats (`bench/shaders/saxpy.comp`).
    Saxpy {
        elements: u32,
        local_size: u32,
    },
    /// `C = A * B`, `n`×`n` f32, one invocation per element of C (`sgemm_naive.comp`) or
    /// 16×16 workgroups through two shared-memory tiles (`sgemm_tiled.comp`).
    Sgemm {
        n: u32,
        tiled: bool,
    },
    /// The sum of `elements` uints: a shared-memory tree per workgroup, one atomicAdd per
    /// workgroup (`reduce.comp`).
    Reduce {
        elements: u32,
    },
    /// vkCreateShaderModule + vkCreateComputePipelines of the tiled SGEMM shader + its
    /// first dispatch, one driver per child process; `warm`: with a VkPipelineCache made
    /// from the blob of a previous process's creation.
    ComputePipelineCreate {
        warm: bool,
    },
    /// Acquire, clear and present a 1920x1080 swapchain image, one driver per child
    /// process (`present`).
    Present {
        platform: crate::present::Platform,
    },
}

/// Where a workload runs.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Runner {
    /// In this process, on every device, interleaved (`schedule`).
    InProcess,
    /// In child processes of this binary, one driver per child (`creation`).
    ChildProcess(crate::creation::ChildWorkload),
}

#[derive(Clone, Debug)]
pub struct Workload {
    /// Stable identifier, used by `--filter` and in the data lines of the report.
    pub name: &'static str,
    /// What the table shows.
    pub description: String,
    pub operation: Operation,
    pub target: Target,
}

impl Workload {
    pub fn runner(&self) -> Runner {
        match self.operation {
            Operation::CreateInstanceDevice => {
                Runner::ChildProcess(crate::creation::ChildWorkload::CreateInstanceDevice)
            }
            Operation::ExportImportImage => Runner::ChildProcess(crate::creation::ChildWorkload::ExportImportImage),
            Operation::ComputePipelineCreate { warm } => {
                Runner::ChildProcess(crate::creation::ChildWorkload::ComputePipeline { warm })
            }
            Operation::Present { platform } => Runner::ChildProcess(crate::creation::ChildWorkload::Present { platform }),
            _ => Runner::InProcess,
        }
    }

    /// Whether the workload runs a compute shader (the report describes those apart).
    pub fn is_compute(&self) -> bool {
        matches!(
            self.operation,
            Operation::Saxpy { .. }
                | Operation::Sgemm { .. }
                | Operation::Reduce { .. }
                | Operation::ComputePipelineCreate { .. }
        )
    }

    /// What one run produces: bytes written to the destination for copies, fills and
    /// clears; bytes read and written for saxpy (12 per element: x and y read, y written)
    /// and the reduction (4 per element read); 2n³ floating-point operations for SGEMM;
    /// destination texels for blits; one creation; one presented frame.
    pub fn amount(&self) -> Amount {
        let texels = |size: u32| u64::from(size) * u64::from(size);
        match self.operation {
            Operation::ClearImage { format, size }
            | Operation::CopyImage { format, size }
            | Operation::BufferToImage { format, size }
            | Operation::ImageToBuffer { format, size } => Amount::Bytes(texels(size) * texel_bytes(format)),
            Operation::CopyBuffer { bytes } | Operation::FillBuffer { bytes } => Amount::Bytes(bytes),
            Operation::Blit { dst_size, .. } => Amount::Pixels(texels(dst_size)),
            Operation::CreateInstanceDevice
            | Operation::ExportImportImage
            | Operation::ComputePipelineCreate { .. }
            | Operation::Present { .. } => Amount::Items(1),
            Operation::Saxpy { elements, .. } => Amount::Bytes(12 * u64::from(elements)),
            Operation::Reduce { elements } => Amount::Bytes(4 * u64::from(elements)),
            Operation::Sgemm { n, .. } => Amount::Flops(2 * u64::from(n).pow(3)),
        }
    }
}

/// Bytes per texel of the formats the workloads use.
pub fn texel_bytes(format: vk::Format) -> u64 {
    match format {
        vk::Format::R16G16B16A16_SFLOAT => 8,
        _ => 4,
    }
}

/// Short format names for descriptions.
fn format_name(format: vk::Format) -> &'static str {
    match format {
        vk::Format::R8G8B8A8_UNORM => "RGBA8",
        vk::Format::R8G8B8A8_SRGB => "RGBA8 sRGB",
        vk::Format::R16G16B16A16_SFLOAT => "RGBA16F",
        _ => "?",
    }
}

fn describe(operation: Operation) -> String {
    let mib = |bytes: u64| bytes / MIB;
    match operation {
        Operation::ClearImage { format, size } => format!("clear {size}² {} image", format_name(format)),
        Operation::CopyImage { format, size } => format!("copy {size}² {} image → image", format_name(format)),
        Operation::CopyBuffer { bytes } => format!("copy {} MiB buffer → buffer", mib(bytes)),
        Operation::FillBuffer { bytes } => format!("fill {} MiB buffer", mib(bytes)),
        Operation::BufferToImage { format, size } => format!("buffer → {size}² {} image", format_name(format)),
        Operation::ImageToBuffer { format, size } => format!("{size}² {} image → buffer", format_name(format)),
        Operation::Blit { src_format, src_size, dst_format, dst_size, filter } => {
            let formats = if src_format == dst_format {
                format_name(src_format).to_string()
            } else {
                format!("{} → {}", format_name(src_format), format_name(dst_format))
            };
            let filter = if filter == vk::Filter::LINEAR { "LINEAR" } else { "NEAREST" };
            format!("blit {src_size}² → {dst_size}² {filter}, {formats}")
        }
        Operation::CreateInstanceDevice => "create + destroy instance and device".to_string(),
        Operation::ExportImportImage => {
            "export a 64 MiB image, import it in a second process, first texel read".to_string()
        }
        Operation::Saxpy { elements, local_size } => {
            format!("saxpy y = a·x + y, {} floats, local_size_x {local_size}", count(elements))
        }
        Operation::Sgemm { n, tiled } => format!(
            "SGEMM {n}×{n} f32, {}",
            if tiled { "16×16 shared-memory tiles" } else { "naive (one invocation per element of C)" }
        ),
        Operation::Reduce { elements } => {
            format!("sum of {} uints, shared-memory tree + one atomicAdd per workgroup", count(elements))
        }
        Operation::Present { platform } => format!(
            "present {}x{} swapchain images, cleared, {}",
            crate::present::WIDTH,
            crate::present::HEIGHT,
            match platform {
                crate::present::Platform::Headless => "headless surface",
                crate::present::Platform::Xcb { shm: true } => "X11 window (Xvfb with MIT-SHM)",
                crate::present::Platform::Xcb { shm: false } => "X11 window (Xvfb without MIT-SHM)",
            }
        ),
        Operation::ComputePipelineCreate { warm } => format!(
            "create the tiled SGEMM compute pipeline + first dispatch, {}",
            if warm {
                "warm (VkPipelineCache from a previous process's vkGetPipelineCacheData)"
            } else {
                "cold (fresh module, empty VkPipelineCache, Mesa's disk cache off)"
            }
        ),
    }
}

/// `16M`, `1M`, or the plain number.
fn count(n: u32) -> String {
    if n.is_multiple_of(1 << 20) {
        format!("{}M", n >> 20)
    } else {
        n.to_string()
    }
}

/// Every workload, at full size or (`quick`) at a size that runs in seconds.
pub fn all(quick: bool) -> Vec<Workload> {
    let (image, buffer, blit_small) = if quick { (1024, 16 * MIB, 256) } else { (4096, 256 * MIB, 1024) };
    // The compute workloads' names give their full sizes; --quick shrinks them (the
    // descriptions say to what).
    let (compute_elements, sgemm_n) = if quick { (1 << 20, 256) } else { (16 << 20, 1024) };
    let rgba8 = vk::Format::R8G8B8A8_UNORM;
    let entries = [
        ("clear_image", Operation::ClearImage { format: rgba8, size: image }, Target::MemcpyFraction),
        ("copy_image", Operation::CopyImage { format: rgba8, size: image }, Target::MemcpyFraction),
        ("copy_buffer", Operation::CopyBuffer { bytes: buffer }, Target::MemcpyFraction),
        ("fill_buffer", Operation::FillBuffer { bytes: buffer }, Target::MemcpyFraction),
        ("buffer_to_image", Operation::BufferToImage { format: rgba8, size: image }, Target::MemcpyFraction),
        ("image_to_buffer", Operation::ImageToBuffer { format: rgba8, size: image }, Target::MemcpyFraction),
        (
            "blit_down_linear",
            Operation::Blit {
                src_format: rgba8,
                src_size: image,
                dst_format: rgba8,
                dst_size: image / 2,
                filter: vk::Filter::LINEAR,
            },
            Target::TwiceEachPeer,
        ),
        (
            "blit_down_linear_srgb_to_f16",
            Operation::Blit {
                src_format: vk::Format::R8G8B8A8_SRGB,
                src_size: image,
                dst_format: vk::Format::R16G16B16A16_SFLOAT,
                dst_size: image / 2,
                filter: vk::Filter::LINEAR,
            },
            Target::TwiceEachPeer,
        ),
        (
            "blit_up_nearest",
            Operation::Blit {
                src_format: rgba8,
                src_size: blit_small,
                dst_format: rgba8,
                dst_size: image,
                filter: vk::Filter::NEAREST,
            },
            Target::TwiceEachPeer,
        ),
        ("create_instance_device", Operation::CreateInstanceDevice, Target::FasterThanEachPeer),
        ("export_import_image", Operation::ExportImportImage, Target::FasterThanEachPeer),
        (
            "saxpy-16m",
            Operation::Saxpy { elements: compute_elements, local_size: SAXPY_LOCAL_SIZE },
            Target::ComputeMemcpyFraction,
        ),
        (
            "saxpy-16m-local64",
            Operation::Saxpy { elements: compute_elements, local_size: 64 },
            Target::ComputeMemcpyFraction,
        ),
        ("sgemm-1024-naive", Operation::Sgemm { n: sgemm_n, tiled: false }, Target::Recorded),
        ("sgemm-1024-tiled", Operation::Sgemm { n: sgemm_n, tiled: true }, Target::Recorded),
        ("reduce-16m", Operation::Reduce { elements: compute_elements }, Target::Recorded),
        ("compute-pipeline-create-cold", Operation::ComputePipelineCreate { warm: false }, Target::TimesLavapipe(10)),
        ("compute-pipeline-create-warm", Operation::ComputePipelineCreate { warm: true }, Target::Recorded),
        ("present-headless", Operation::Present { platform: Platform::Headless }, Target::FasterThanEachPeer),
        ("present-x11-shm", Operation::Present { platform: Platform::Xcb { shm: true } }, Target::FasterThanEachPeer),
        ("present-x11-noshm", Operation::Present { platform: Platform::Xcb { shm: false } }, Target::FasterThanEachPeer),
    ];
    entries
        .into_iter()
        .map(|(name, operation, target)| Workload { name, description: describe(operation), operation, target })
        .collect()
}
