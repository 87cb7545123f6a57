//! softvk demo: draws a 256x256 picture with transfer commands only, through the Khronos
//! loader, into *exported* memory; a second process that knows nothing of Vulkan (shm's
//! `receive_png` example) receives the memory fd and the layout descriptor over a Unix
//! socket, maps it, and writes the PNG.
//!
//! Usage: `demo [OUTPUT.png]` (default `softvk-demo.png` in the current directory).
//! The loader is pointed at softvk's `icd.json` (or `$SOFTVK_TEST_ICD`), as in the tests.
//!
//! The picture: a dark background (vkCmdClearColorImage), three small panels cleared to
//! colours and placed with vkCmdCopyImage, a 2x2 four-colour image blown up to a 128x128
//! square with a NEAREST blit, the same 2x2 image LINEAR-blitted to a 96x96 gradient, and
//! a mirrored, shrunk copy of the square (a blit with swapped offsets).

use ash::vk;
use softvk_tests::{color_image_descriptor, create_exportable_image, export_memory_fd, image_info_2d, Context, Image};
use std::error::Error;
use std::os::fd::AsFd;
use std::os::unix::net::UnixListener;
use std::path::PathBuf;
use std::process::Command;
use std::time::Instant;

const SIZE: u32 = 256;
const FORMAT: vk::Format = vk::Format::R8G8B8A8_UNORM;

fn offset(x: i32, y: i32) -> vk::Offset3D {
    vk::Offset3D { x, y, z: 0 }
}

fn far(x: i32, y: i32) -> vk::Offset3D {
    vk::Offset3D { x, y, z: 1 }
}

fn layers() -> vk::ImageSubresourceLayers {
    vk::ImageSubresourceLayers {
        aspect_mask: vk::ImageAspectFlags::COLOR,
        mip_level: 0,
        base_array_layer: 0,
        layer_count: 1,
    }
}

fn colour(rgba: [f32; 4]) -> vk::ClearColorValue {
    vk::ClearColorValue { float32: rgba }
}

/// Records a clear of the whole of `image`.
fn clear(ctx: &Context, cb: vk::CommandBuffer, image: &Image, rgba: [f32; 4]) {
    // SAFETY: cb is recording; the image is in GENERAL layout.
    unsafe {
        ctx.device.cmd_clear_color_image(
            cb,
            image.image,
            vk::ImageLayout::GENERAL,
            &colour(rgba),
            &[image.full_range()],
        )
    };
}

/// Records a blit of `src` (rectangle `src_rect`) onto `dst` (rectangle `dst_rect`).
fn blit(
    ctx: &Context,
    cb: vk::CommandBuffer,
    src: &Image,
    src_rect: [vk::Offset3D; 2],
    dst: &Image,
    dst_rect: [vk::Offset3D; 2],
    filter: vk::Filter,
) {
    let region = vk::ImageBlit {
        src_subresource: layers(),
        src_offsets: src_rect,
        dst_subresource: layers(),
        dst_offsets: dst_rect,
    };
    ctx.cmd_blit(cb, src, dst, &[region], filter);
}

/// The consumer program: `$SOFTVK_RECEIVE_PNG`, or shm's `receive_png` example built next
/// to this binary (`cargo build --release -p shm --example receive_png`).
fn receiver_path() -> Result<PathBuf, Box<dyn Error>> {
    if let Some(path) = std::env::var_os("SOFTVK_RECEIVE_PNG") {
        return Ok(PathBuf::from(path));
    }
    let exe = std::env::current_exe()?;
    let path = exe.parent().ok_or("no parent directory")?.join("examples").join("receive_png");
    if !path.exists() {
        return Err(format!(
            "{} is missing: build it with `cargo build --release -p shm --example receive_png`",
            path.display()
        )
        .into());
    }
    Ok(path)
}

fn main() -> Result<(), Box<dyn Error>> {
    let path = std::env::args().nth(1).unwrap_or_else(|| "softvk-demo.png".to_string());
    let start = Instant::now();
    let ctx = Context::with_device_extensions(&[ash::khr::external_memory::NAME, ash::khr::external_memory_fd::NAME])
        .ok_or("the device does not offer VK_KHR_external_memory_fd")?;
    println!(
        "device: {} ({:?}, Vulkan {}.{})",
        ctx.device_name(),
        ctx.properties.device_type,
        vk::api_version_major(ctx.properties.api_version),
        vk::api_version_minor(ctx.properties.api_version)
    );

    // The canvas lives in exportable memory: another process will read it, at the layout
    // vkGetImageSubresourceLayout reports, which is defined for LINEAR images.
    let canvas_info = image_info_2d(FORMAT, SIZE, SIZE).tiling(vk::ImageTiling::LINEAR);
    let (canvas, canvas_memory_size) = create_exportable_image(&ctx, &canvas_info);
    let panels: Vec<(Image, [f32; 4], (i32, i32))> = [
        ([0.95, 0.55, 0.10, 1.0], (16, 160)),
        ([0.20, 0.75, 0.35, 1.0], (56, 160)),
        ([0.85, 0.20, 0.55, 1.0], (96, 160)),
    ]
    .into_iter()
    .map(|(rgba, at)| (ctx.create_image_2d(FORMAT, 32, 80), rgba, at))
    .collect();
    let quad = ctx.create_image_2d(FORMAT, 2, 2);
    let four_colours: [[u8; 4]; 4] = [[230, 40, 40, 255], [40, 200, 60, 255], [50, 90, 230, 255], [250, 220, 40, 255]];
    ctx.write_image(&quad, vk::ImageAspectFlags::COLOR, 0, 0, 1, &four_colours.concat());

    ctx.run(|cb| {
        ctx.cmd_transfer_barrier(cb);
        clear(&ctx, cb, &canvas, [0.05, 0.07, 0.16, 1.0]);
        for (panel, rgba, _) in &panels {
            clear(&ctx, cb, panel, *rgba);
        }
        ctx.cmd_transfer_barrier(cb);
        for (panel, _, (x, y)) in &panels {
            let region = vk::ImageCopy {
                src_subresource: layers(),
                src_offset: offset(0, 0),
                dst_subresource: layers(),
                dst_offset: offset(*x, *y),
                extent: vk::Extent3D { width: 32, height: 80, depth: 1 },
            };
            ctx.cmd_copy_image(cb, panel, &canvas, &[region]);
        }
        let whole_quad = [offset(0, 0), far(2, 2)];
        blit(&ctx, cb, &quad, whole_quad, &canvas, [offset(16, 16), far(144, 144)], vk::Filter::NEAREST);
        blit(&ctx, cb, &quad, whole_quad, &canvas, [offset(144, 144), far(240, 240)], vk::Filter::LINEAR);
        ctx.cmd_transfer_barrier(cb);
        // The NEAREST square, shrunk to 64x64 and mirrored in x (destination x offsets swapped).
        blit(
            &ctx,
            cb,
            &canvas,
            [offset(16, 16), far(144, 144)],
            &canvas,
            [offset(240, 40), far(176, 104)],
            vk::Filter::NEAREST,
        );
    });
    println!("cleared a {SIZE}x{SIZE} RGBA8 image, copied in {} coloured panels,", panels.len());
    println!("blitted a 2x2 four-colour image to 128x128 (NEAREST) and 96x96 (LINEAR),");
    println!("and blitted a mirrored 64x64 copy of the square within the image");

    // Hand the memory to a second process that knows nothing of Vulkan: it maps the fd,
    // reads the texels row by row through the layout descriptor, and writes the PNG.
    let descriptor = color_image_descriptor(&ctx, &canvas, 4, canvas_memory_size);
    let fd = export_memory_fd(&ctx, canvas.memory);
    let receiver = receiver_path()?;
    let socket_path = std::env::temp_dir().join(format!("softvk-demo-{}.sock", std::process::id()));
    let _ = std::fs::remove_file(&socket_path);
    let listener = UnixListener::bind(&socket_path)?;
    let mut child = Command::new(&receiver).arg("--connect").arg(&socket_path).arg(&path).spawn()?;
    let (stream, _) = listener.accept()?;
    let _ = std::fs::remove_file(&socket_path);
    shm::image::send_image(&stream, fd.as_fd(), &descriptor)?;
    let status = child.wait()?;
    if !status.success() {
        return Err(format!("{} failed: {status}", receiver.display()).into());
    }
    println!(
        "exported the image's memory (fd + layout descriptor) to {} (pid {}), which wrote {path}",
        receiver.file_name().unwrap_or_default().to_string_lossy(),
        child.id()
    );
    println!("done in {:.1} ms", start.elapsed().as_secs_f64() * 1e3);
    Ok(())
}
