//! The exporter side of `receive_png`, without Vulkan: fills an exportable
//! segment with a B8G8R8A8_UNORM gradient in softvk's linear layout and sends
//! it with `shm::image::send_image`.
//!
//! ```text
//! send_gradient SOCKET [WIDTH HEIGHT]
//! cargo run -p shm --example receive_png -- --listen /tmp/x.sock out.png &
//! cargo run -p shm --example send_gradient -- /tmp/x.sock 64 32
//! ```
//! A Vulkan exporter does the same with `vkGetMemoryFdKHR` for the fd and
//! `vkGetImageSubresourceLayout` (plus the bind offset) for each level.

use std::os::fd::AsFd;
use std::os::unix::net::UnixStream;
use std::process::ExitCode;

use shm::image::{send_image, Aspect, ImageDescriptor, LevelDescriptor, PlaneDescriptor};
use shm::Segment;

fn main() -> ExitCode {
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("send_gradient: {message}");
            ExitCode::FAILURE
        }
    }
}

fn run() -> Result<(), String> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let usage = || "usage: send_gradient SOCKET [WIDTH HEIGHT]".to_string();
    let (socket_path, width, height) = match args.as_slice() {
        [socket] => (socket, 256, 128),
        [socket, w, h] => (socket, w.parse().map_err(|_| usage())?, h.parse().map_err(|_| usage())?),
        _ => return Err(usage()),
    };
    let descriptor = gradient_descriptor(width, height);
    let size = usize::try_from(descriptor.size).map_err(|_| "image too large".to_string())?;
    let segment = Segment::exportable("send_gradient", size).map_err(|e| e.to_string())?;
    for y in 0..height {
        for x in 0..width {
            let offset = (u64::from(y) * u64::from(width) + u64::from(x)) as usize * 4;
            let blue = ramp(x, width);
            let green = ramp(y, height);
            for (channel, byte) in [blue, green, 64, 255].into_iter().enumerate() {
                // SAFETY: offset + 3 < width * height * 4 <= size, inside the
                // segment, which nothing else writes yet.
                unsafe { segment.as_ptr().add(offset + channel).write(byte) };
            }
        }
    }
    let socket = UnixStream::connect(socket_path).map_err(|e| format!("connect {socket_path}: {e}"))?;
    let fd = segment.export_fd().map_err(|e| e.to_string())?;
    send_image(&socket, fd.as_fd(), &descriptor).map_err(|e| format!("send: {e}"))?;
    println!("sent {width}x{height} B8G8R8A8_UNORM");
    Ok(())
}

/// 0 at the first of `count` steps, 255 at the last.
fn ramp(step: u32, count: u32) -> u8 {
    (u64::from(step) * 255 / u64::from(count.max(2) - 1)) as u8
}

/// One level, one layer, rows tightly packed, size rounded to 16 bytes: what
/// softvk's layout gives for this image.
fn gradient_descriptor(width: u32, height: u32) -> ImageDescriptor {
    let row_pitch = u64::from(width) * 4;
    let layer = row_pitch * u64::from(height);
    ImageDescriptor {
        format: 44,
        format_name: "B8G8R8A8_UNORM".to_string(),
        texel_bytes: 4,
        extent: [width, height, 1],
        mip_levels: 1,
        array_layers: 1,
        size: layer.div_ceil(16) * 16,
        planes: vec![PlaneDescriptor {
            aspect: Aspect::Color,
            texel_bytes: 4,
            levels: vec![LevelDescriptor {
                offset: 0,
                row_pitch,
                depth_pitch: layer,
                array_pitch: layer.div_ceil(16) * 16,
                size: layer,
                extent: [width, height, 1],
            }],
        }],
    }
}
