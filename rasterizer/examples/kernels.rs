//! Runs one transfer kernel on synthetic data, without Vulkan, so that a kernel can be
//! timed or profiled alone: `valgrind --tool=callgrind target/release/examples/kernels
//! blit-linear 1024` counts its instructions repeatably (wall times on a small machine
//! are noisy); the benchmark harness (`bench/`) measures whole commands against the peers.
//!
//! Usage: `kernels KERNEL [SIZE] [REPEAT]` with KERNEL one of copy, clear, fill,
//! blit-linear, blit-linear-srgb-to-f16, blit-nearest-up (2:1 and 1:4), blit-linear-scale,
//! blit-linear-scale-to-f16 (4:3). SIZE is the (square) source extent in texels (default
//! 1024).

use ash::vk;
use rasterizer::blit::{blit, BlitRegion, BlitSurface};
use rasterizer::copy::{copy_rows, Extent, Rows};
use rasterizer::{ImageLayout, ImageShape, MemoryView};
use std::time::Instant;

fn image(format: vk::Format, size: u32) -> (ImageLayout, Vec<u8>) {
    let shape = ImageShape {
        format,
        extent: vk::Extent3D { width: size, height: size, depth: 1 },
        mip_levels: 1,
        array_layers: 1,
        samples: 1,
    };
    let layout = ImageLayout::new(shape).expect("a known format");
    // xorshift64 noise, as the benchmark harness uploads: no pattern for a table-driven
    // kernel's cache to profit from.
    let mut state = 0x9e37_79b9_7f4a_7c15u64;
    let data = (0..layout.size)
        .map(|_| {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            (state >> 24) as u8
        })
        .collect();
    (layout, data)
}

fn offsets(w: u32, h: u32) -> [vk::Offset3D; 2] {
    [vk::Offset3D::default(), vk::Offset3D { x: w as i32, y: h as i32, z: 1 }]
}

/// Blits `repeat` times between the same two images (the first run also pays for the
/// destination's first-touch page faults) and prints each run's time.
fn run_blit(
    src_format: vk::Format,
    src_size: u32,
    dst_format: vk::Format,
    dst_size: u32,
    filter: vk::Filter,
    repeat: u32,
) {
    let (src_layout, mut src) = image(src_format, src_size);
    let (dst_layout, mut dst) = image(dst_format, dst_size);
    let color = vk::ImageAspectFlags::COLOR;
    let src = BlitSurface {
        memory: MemoryView::of_slice(&mut src),
        layout: src_layout.subresource(color, 0, 0).expect("level 0"),
    };
    let dst = BlitSurface {
        memory: MemoryView::of_slice(&mut dst),
        layout: dst_layout.subresource(color, 0, 0).expect("level 0"),
    };
    let region = BlitRegion { src: offsets(src_size, src_size), dst: offsets(dst_size, dst_size) };
    for _ in 0..repeat.max(1) {
        let start = Instant::now();
        blit(&src, &dst, &region, filter).expect("blit");
        eprintln!("  blit alone: {:.2} ms", start.elapsed().as_secs_f64() * 1e3);
    }
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let kernel = args.get(1).map(String::as_str).unwrap_or("blit-linear");
    let size: u32 = args.get(2).and_then(|s| s.parse().ok()).unwrap_or(1024);
    let repeat: u32 = args.get(3).and_then(|s| s.parse().ok()).unwrap_or(1);
    let start = Instant::now();
    let blits = if kernel.starts_with("blit") { 1 } else { repeat };
    for _ in 0..blits {
        match kernel {
            "copy" => {
                let bytes = size as usize * size as usize * 4;
                let (mut src, mut dst) = (vec![1u8; bytes], vec![0u8; bytes]);
                let rows = Rows { offset: 0, row_pitch: u64::from(size) * 4, slice_pitch: bytes as u64 };
                copy_rows(
                    MemoryView::of_slice(&mut src),
                    rows,
                    MemoryView::of_slice(&mut dst),
                    rows,
                    Extent { row_bytes: u64::from(size) * 4, rows: size, slices: 1 },
                )
                .expect("copy");
            }
            "clear" => {
                let bytes = size as usize * size as usize * 4;
                let mut dst = vec![0u8; bytes];
                let rows = Rows { offset: 0, row_pitch: u64::from(size) * 4, slice_pitch: bytes as u64 };
                rasterizer::clear::clear_rows(MemoryView::of_slice(&mut dst), rows, &[1, 2, 3, 4], size, size, 1)
                    .expect("clear");
            }
            "fill" => {
                let mut dst = vec![0u8; size as usize * size as usize * 4];
                let len = dst.len() as u64;
                rasterizer::clear::fill_u32(MemoryView::of_slice(&mut dst), 0, len, 0xdead_beef).expect("fill");
            }
            "blit-linear" => run_blit(
                vk::Format::R8G8B8A8_UNORM,
                size,
                vk::Format::R8G8B8A8_UNORM,
                size / 2,
                vk::Filter::LINEAR,
                repeat,
            ),
            "blit-linear-scale" => run_blit(
                vk::Format::R8G8B8A8_UNORM,
                size,
                vk::Format::R8G8B8A8_UNORM,
                size * 3 / 4,
                vk::Filter::LINEAR,
                repeat,
            ),
            "blit-linear-scale-to-f16" => run_blit(
                vk::Format::R8G8B8A8_SRGB,
                size,
                vk::Format::R16G16B16A16_SFLOAT,
                size * 3 / 4,
                vk::Filter::LINEAR,
                repeat,
            ),
            "blit-linear-srgb-to-f16" => run_blit(
                vk::Format::R8G8B8A8_SRGB,
                size,
                vk::Format::R16G16B16A16_SFLOAT,
                size / 2,
                vk::Filter::LINEAR,
                repeat,
            ),
            "blit-nearest-up" => run_blit(
                vk::Format::R8G8B8A8_UNORM,
                size / 4,
                vk::Format::R8G8B8A8_UNORM,
                size,
                vk::Filter::NEAREST,
                repeat,
            ),
            other => {
                eprintln!("unknown kernel {other}");
                std::process::exit(2);
            }
        }
    }
    eprintln!("{kernel} {size}: {:.2} ms per run", start.elapsed().as_secs_f64() * 1e3 / f64::from(repeat));
}
