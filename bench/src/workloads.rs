//! The list of workloads: what each one does, at which size, what its throughput counts
//! and which target it is held to. Adding a workload is one entry in [`all`] plus, for a
//! new kind of operation, one [`Operation`] variant handled by `transfer` (run in this
//! process on every device) or by a child-process runner (see `creation`).

use crate::stats::Amount;
use ash::vk;

const MIB: u64 = 1 << 20;

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
            _ => Runner::InProcess,
        }
    }

    /// What one run produces: bytes written to the destination for copies, fills and
    /// clears; destination texels for blits; one creation.
    pub fn amount(&self) -> Amount {
        let texels = |size: u32| u64::from(size) * u64::from(size);
        match self.operation {
            Operation::ClearImage { format, size }
            | Operation::CopyImage { format, size }
            | Operation::BufferToImage { format, size }
            | Operation::ImageToBuffer { format, size } => Amount::Bytes(texels(size) * texel_bytes(format)),
            Operation::CopyBuffer { bytes } | Operation::FillBuffer { bytes } => Amount::Bytes(bytes),
            Operation::Blit { dst_size, .. } => Amount::Pixels(texels(dst_size)),
            Operation::CreateInstanceDevice | Operation::ExportImportImage => Amount::Items(1),
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
    }
}

/// Every workload, at full size or (`quick`) at a size that runs in seconds.
pub fn all(quick: bool) -> Vec<Workload> {
    let (image, buffer, blit_small) = if quick { (1024, 16 * MIB, 256) } else { (4096, 256 * MIB, 1024) };
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
    ];
    entries
        .into_iter()
        .map(|(name, operation, target)| Workload { name, description: describe(operation), operation, target })
        .collect()
}
