//! The image the image tests share: a 3x2 RGBA8 image with 2 levels and 2
//! layers, laid out by hand the way softvk's `rasterizer/src/layout.rs` does
//! (rows tightly packed, layers and levels 16-byte aligned):
//!
//! | level | layer | offset | bytes | row_pitch |
//! |-------|-------|--------|-------|-----------|
//! | 0     | 0     | 0      | 24    | 12        |
//! | 0     | 1     | 32     | 24    | 12        |
//! | 1     | 0     | 64     | 4     | 4         |
//! | 1     | 1     | 80     | 4     | 4         |
//!
//! 96 bytes in all.

use super::{Aspect, ImageDescriptor, LevelDescriptor, PlaneDescriptor};
use crate::Segment;

pub const TEXT: &str = "softvk-image 1
format 37 R8G8B8A8_UNORM
texel_bytes 4
extent 3 2 1
mip_levels 2
array_layers 2
size 96
plane color 4
level 0 0 24 12 32 24 3 2 1
level 1 64 4 4 16 4 1 1 1
end
";

pub fn rgba8_3x2_two_levels_two_layers() -> ImageDescriptor {
    ImageDescriptor {
        format: 37,
        format_name: "R8G8B8A8_UNORM".to_string(),
        texel_bytes: 4,
        extent: [3, 2, 1],
        mip_levels: 2,
        array_layers: 2,
        size: 96,
        planes: vec![PlaneDescriptor {
            aspect: Aspect::Color,
            texel_bytes: 4,
            levels: vec![
                LevelDescriptor {
                    offset: 0,
                    row_pitch: 12,
                    depth_pitch: 24,
                    array_pitch: 32,
                    size: 24,
                    extent: [3, 2, 1],
                },
                LevelDescriptor {
                    offset: 64,
                    row_pitch: 4,
                    depth_pitch: 4,
                    array_pitch: 16,
                    size: 4,
                    extent: [1, 1, 1],
                },
            ],
        }],
    }
}

/// The byte the test exporter writes at `offset` of the image memory: never
/// zero inside a texel, so unwritten padding (zero) shows if read by mistake.
pub fn texel_byte(level: u32, layer: u32, y: u32, x: u32, channel: u32) -> u8 {
    (1 + level * 64 + layer * 32 + y * 16 + x * 4 + channel) as u8
}

/// Hand-computed offset of (level, layer, y, x) in the table above.
pub fn texel_offset(level: u32, layer: u32, y: u32, x: u32) -> usize {
    let (base, layer_stride, row_pitch) = match level {
        0 => (0, 32, 12),
        _ => (64, 16, 4),
    };
    (base + layer * layer_stride + y * row_pitch + x * 4) as usize
}

/// The test exporter: the shared test image's memory with every texel
/// byte at its hand-computed offset.
pub fn exported_test_image() -> Segment {
    let segment = Segment::exportable("image-test", 96).expect("memfd");
    for level in 0..2 {
        let (width, height) = if level == 0 { (3, 2) } else { (1, 1) };
        for layer in 0..2 {
            for y in 0..height {
                for x in 0..width {
                    let offset = texel_offset(level, layer, y, x);
                    for channel in 0..4 {
                        let byte = texel_byte(level, layer, y, x, channel);
                        // SAFETY: offsets of the test image are below 96,
                        // the segment's size.
                        unsafe { segment.as_ptr().add(offset + channel as usize).write(byte) };
                    }
                }
            }
        }
    }
    segment
}

/// What row (level, layer, y) must hold, built from `texel_byte` alone.
pub fn expected_row(level: u32, layer: u32, y: u32) -> Vec<u8> {
    let width = if level == 0 { 3 } else { 1 };
    (0..width).flat_map(|x| (0..4).map(move |channel| texel_byte(level, layer, y, x, channel))).collect()
}
