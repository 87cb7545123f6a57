//! Receives one exported image over a Unix socket and writes level 0, layer 0
//! as an 8-bit RGBA PNG: a consumer that knows nothing of Vulkan.
//!
//! ```text
//! receive_png [--listen | --connect] SOCKET OUT.png
//! ```
//! `--listen` (the default) creates SOCKET, waits for one exporter to connect,
//! and removes SOCKET again; `--connect` connects to an exporter listening at
//! SOCKET. The exporter sends the memory fd and descriptor with
//! `shm::image::send_image` (try `cargo run -p shm --example send_gradient`).
//!
//! Formats: R8G8B8A8_UNORM/SRGB and B8G8R8A8_UNORM/SRGB; anything else is an
//! error. The texel bytes are written unchanged apart from the BGRA swizzle;
//! SRGB images get the PNG sRGB chunk.

use std::fs::File;
use std::io::BufWriter;
use std::os::unix::net::{UnixListener, UnixStream};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use shm::image::{recv_image, Aspect, ImageDescriptor, MappedImage};

const USAGE: &str = "usage: receive_png [--listen | --connect] SOCKET OUT.png";

/// The formats this example can turn into RGBA8, by raw `VkFormat` value.
struct Rgba8Format {
    format: i32,
    name: &'static str,
    /// Bytes are B, G, R, A: swap 0 and 2.
    bgra: bool,
    srgb: bool,
}

const FORMATS: &[Rgba8Format] = &[
    Rgba8Format { format: 37, name: "R8G8B8A8_UNORM", bgra: false, srgb: false },
    Rgba8Format { format: 43, name: "R8G8B8A8_SRGB", bgra: false, srgb: true },
    Rgba8Format { format: 44, name: "B8G8R8A8_UNORM", bgra: true, srgb: false },
    Rgba8Format { format: 50, name: "B8G8R8A8_SRGB", bgra: true, srgb: true },
];

enum Mode {
    Listen,
    Connect,
}

fn main() -> ExitCode {
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("receive_png: {message}");
            ExitCode::FAILURE
        }
    }
}

fn run() -> Result<(), String> {
    let (mode, socket_path, out_path) = parse_args()?;
    let stream = match mode {
        Mode::Listen => accept_one(&socket_path)?,
        Mode::Connect => UnixStream::connect(&socket_path)
            .map_err(|e| format!("cannot connect to {}: {e}", socket_path.display()))?,
    };
    let (fd, descriptor) = recv_image(&stream).map_err(|e| format!("receiving the image: {e}"))?;
    let format = rgba8_format(&descriptor)?;
    let image = MappedImage::import(fd, descriptor).map_err(|e| format!("mapping the image: {e}"))?;
    let [width, height, _] = image.descriptor().extent;
    let pixels = level0_as_rgba(&image, format)?;
    write_png(&out_path, width, height, format.srgb, &pixels)?;
    println!("{}: {width}x{height} {}", out_path.display(), format.name);
    Ok(())
}

fn parse_args() -> Result<(Mode, PathBuf, PathBuf), String> {
    let mut args: Vec<_> = std::env::args_os().skip(1).collect();
    let mode = match args.first().and_then(|a| a.to_str()) {
        Some("--listen") => Some(Mode::Listen),
        Some("--connect") => Some(Mode::Connect),
        Some(flag) if flag.starts_with("--") => return Err(format!("unknown option {flag}\n{USAGE}")),
        _ => None,
    };
    if mode.is_some() {
        args.remove(0);
    }
    match <[_; 2]>::try_from(args) {
        Ok([socket, out]) => Ok((mode.unwrap_or(Mode::Listen), socket.into(), out.into())),
        Err(_) => Err(USAGE.to_string()),
    }
}

/// Listens at `path` for one connection, then removes the socket file.
fn accept_one(path: &Path) -> Result<UnixStream, String> {
    let listener = UnixListener::bind(path).map_err(|e| match e.kind() {
        std::io::ErrorKind::AddrInUse => format!("{} already exists; remove it or choose another path", path.display()),
        _ => format!("cannot listen on {}: {e}", path.display()),
    })?;
    eprintln!("receive_png: waiting for an image on {}", path.display());
    let accepted = listener.accept();
    // We created the file, so we clean it up whatever happened.
    let _ = std::fs::remove_file(path);
    accepted.map(|(stream, _)| stream).map_err(|e| format!("accept on {}: {e}", path.display()))
}

fn rgba8_format(descriptor: &ImageDescriptor) -> Result<&'static Rgba8Format, String> {
    let format = FORMATS.iter().find(|f| f.format == descriptor.format).ok_or_else(|| {
        let known: Vec<_> = FORMATS.iter().map(|f| f.name).collect();
        format!(
            "format {} ({}) is not supported; receive_png reads {}",
            descriptor.format,
            descriptor.format_name,
            known.join(", ")
        )
    })?;
    let plane = descriptor.plane(Aspect::Color).ok_or_else(|| format!("{} image has no color plane", format.name))?;
    if plane.texel_bytes != 4 {
        return Err(format!("{} texels of {} bytes (multisampled?); expected 4", format.name, plane.texel_bytes));
    }
    Ok(format)
}

/// Level 0, layer 0, slice 0 as tightly packed RGBA8 rows.
fn level0_as_rgba(image: &MappedImage, format: &Rgba8Format) -> Result<Vec<u8>, String> {
    let [width, height, _] = image.descriptor().extent;
    let mut pixels = Vec::with_capacity(width as usize * height as usize * 4);
    for y in 0..height {
        let row = image.row(Aspect::Color, 0, 0, 0, y).ok_or_else(|| format!("row {y} missing"))?;
        // Copy at once: the exporter may write the shared memory later.
        let start = pixels.len();
        pixels.extend_from_slice(row);
        if format.bgra {
            for texel in pixels[start..].chunks_exact_mut(4) {
                texel.swap(0, 2);
            }
        }
    }
    Ok(pixels)
}

fn write_png(path: &Path, width: u32, height: u32, srgb: bool, pixels: &[u8]) -> Result<(), String> {
    let error = |e: &dyn std::fmt::Display| format!("writing {}: {e}", path.display());
    let file = File::create(path).map_err(|e| error(&e))?;
    let mut encoder = png::Encoder::new(BufWriter::new(file), width, height);
    encoder.set_color(png::ColorType::Rgba);
    encoder.set_depth(png::BitDepth::Eight);
    if srgb {
        encoder.set_source_srgb(png::SrgbRenderingIntent::Perceptual);
    }
    let mut writer = encoder.write_header().map_err(|e| error(&e))?;
    writer.write_image_data(pixels).map_err(|e| error(&e))?;
    writer.finish().map_err(|e| error(&e))
}
