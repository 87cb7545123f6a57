//! Exported images for consumers that know nothing of Vulkan.
//!
//! An exported image is two things: the memory fd (byte N of the fd is byte N
//! of the `VkDeviceMemory`) and an [`ImageDescriptor`] that says where each
//! texel row lives in those bytes. The descriptor holds exactly what
//! `vkGetImageSubresourceLayout` reports for every (aspect, level, layer),
//! plus the extents, so any exporting Vulkan application can fill it in; for
//! softvk it is the driver's linear layout (`rasterizer/src/layout.rs`).
//!
//! The flow, from exporter to consumer:
//! 1. the exporter builds an [`ImageDescriptor`] and calls [`send_image`] with
//!    the memory fd over a Unix socket;
//! 2. the consumer calls [`recv_image`], which returns the fd and the parsed,
//!    validated descriptor;
//! 3. [`MappedImage::import`] maps the fd and hands out texel rows
//!    ([`MappedImage::row`], [`MappedImage::rows`]).
//!
//! A consumer in another language skips steps 2 and 3: it receives the fd
//! (`SCM_RIGHTS`), parses the text below, and `mmap`s `size` bytes.
//!
//! # What the numbers mean
//! All offsets are from byte 0 of the fd. An application that bound the image
//! at `memoryOffset` adds that to every `offset` it got from
//! `vkGetImageSubresourceLayout`. `size` is how many bytes to map (at most the
//! fd's size; usually the allocation size).
//!
//! For texel (x, y, z) of `layer` in `level` of a plane:
//! ```text
//! offset + layer * array_pitch + z * depth_pitch + y * row_pitch + x * texel_bytes
//! ```
//! Texel blocks are 1x1 (softvk has no block-compressed formats), so a row is
//! `width * texel_bytes` bytes. A multisampled image's texel holds all its
//! samples (`texel_bytes` includes them). `depth_pitch` is only used when the
//! level's depth is above 1 and `array_pitch` only when there are several
//! layers, matching the spec, which leaves them undefined otherwise.
//!
//! Planes: a colour image has one `color` plane. A depth/stencil image has a
//! `depth` and/or a `stencil` plane, each with its own `texel_bytes` (softvk's
//! D24S8 is a 4-byte X8_D24 plane and a 1-byte S8 plane). The descriptor's own
//! `texel_bytes` repeats the first plane's.
//!
//! # Text format, version 1
//! ASCII, one record per line, lines end with `\n`. Each line is a key
//! followed by its values, separated by ASCII whitespace (writers emit a
//! single space; a trailing `\r` is tolerated). Numbers are unsigned decimal
//! (`format` may be negative) with no sign or prefix, and must fit the field
//! (64 bits for byte counts, 32 bits otherwise). Lines come in exactly this
//! order; blank lines, comments and unknown keys are errors:
//! ```text
//! descriptor   = "softvk-image 1" NL
//!                "format" SP i32 SP NAME NL        VkFormat value, then its name ([A-Za-z0-9_]+)
//!                "texel_bytes" SP u32 NL
//!                "extent" SP u32 SP u32 SP u32 NL  width height depth of level 0
//!                "mip_levels" SP u32 NL
//!                "array_layers" SP u32 NL
//!                "size" SP u64 NL                  bytes to map
//!                plane+                            1 to 3 planes
//!                "end" [NL]
//! plane        = "plane" SP ASPECT SP u32 NL       aspect, texel_bytes of the plane
//!                level{mip_levels}                 levels 0, 1, ... in order
//! ASPECT       = "color" | "depth" | "stencil"
//! level        = "level" SP u32 SP u64 SP u64 SP u64 SP u64 SP u64 SP u32 SP u32 SP u32 NL
//!                index offset size row_pitch array_pitch depth_pitch width height depth
//! ```
//! The five layout numbers of a `level` line are those of layer 0 of that
//! level, in `VkSubresourceLayout`'s member order (offset, size, rowPitch,
//! arrayPitch, depthPitch). For example, a 3x2 RGBA8 image with 2 levels and
//! 2 layers in softvk's layout:
//! ```text
//! softvk-image 1
//! format 37 R8G8B8A8_UNORM
//! texel_bytes 4
//! extent 3 2 1
//! mip_levels 2
//! array_layers 2
//! size 96
//! plane color 4
//! level 0 0 24 12 32 24 3 2 1
//! level 1 64 4 4 16 4 1 1 1
//! end
//! ```
//! Reading it in Python takes a few lines:
//! ```text
//! lines = [l.split() for l in text.splitlines()]
//! assert lines[0] == ["softvk-image", "1"] and lines[-1] == ["end"]
//! head = {l[0]: l[1:] for l in lines[1:7]}
//! levels = [list(map(int, l[2:])) for l in lines if l[0] == "level"]  # planes in order
//! ```
//! and in C, `sscanf(line, "level %u %" SCNu64 " ...", ...)` per line.
//!
//! # Validation
//! [`ImageDescriptor::from_text`] and every consumer entry point check, with
//! overflow-free arithmetic, that: counts and extents are non-zero; there are
//! at most `floor(log2(max extent)) + 1` levels; each level's extent is the
//! spec's mip extent of level 0; planes are one `color`, or distinct `depth`
//! and `stencil`; `row_pitch` holds a row, `depth_pitch` a slice (when depth >
//! 1), `size` a layer, `array_pitch` is at least `size` (when layers > 1); and
//! every layer of every level ends within `size`. Subresources may overlap
//! each other (aliasing is the exporter's business; it cannot make a read go
//! out of bounds).
//!
//! # Wire format of [`send_image`] / [`recv_image`]
//! One message on a Unix stream socket: a 4-byte little-endian length `n`
//! (at most [`MAX_DESCRIPTOR_TEXT`]), then `n` bytes of descriptor text. The
//! memory fd rides (`SCM_RIGHTS`) on the first byte; no other byte carries an
//! fd. The text may arrive in any number of reads.

mod descriptor;
mod mapped;
mod text;
mod wire;

pub use descriptor::{Aspect, DescriptorError, ImageDescriptor, LevelDescriptor, PlaneDescriptor};
pub use mapped::{ImageImportError, MappedImage};
pub use wire::{recv_image, send_image, MAX_DESCRIPTOR_TEXT};

/// The version this crate writes and reads (the number on the first line).
pub const TEXT_VERSION: u32 = 1;

#[cfg(test)]
pub(crate) mod test_image;
