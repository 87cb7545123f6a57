//! The README's demo end to end: render into exported memory, a second process without
//! Vulkan (shm's `receive_png`) maps it and writes the PNG; the PNG has the right pixels.

use softvk_tests::run_with_deadline;
use std::path::PathBuf;
use std::process::Command;
use std::time::Duration;

/// The demo and its receiver take well under a second; a hang fails the test instead.
const TIME_LIMIT: Duration = Duration::from_secs(60);

#[test]
fn demo_hands_its_image_to_a_second_process_that_writes_the_png() {
    let demo = PathBuf::from(env!("CARGO_BIN_EXE_demo"));
    // Cargo builds examples beside the binaries of the same profile (target/<profile>/examples).
    let receiver = demo.parent().expect("bin dir").join("examples").join("receive_png");
    assert!(
        receiver.exists(),
        "{} is missing: the demo needs shm's receive_png example, which `cargo test --workspace` \
         builds (or `cargo build -p shm --example receive_png`, in the profile of this test)",
        receiver.display()
    );
    softvk_tests::init_loader_env();
    let out = std::env::temp_dir().join(format!("softvk-demo-test-{}.png", std::process::id()));
    let _ = std::fs::remove_file(&out);
    let run = run_with_deadline(Command::new(&demo).arg(&out).env("SOFTVK_RECEIVE_PNG", &receiver), TIME_LIMIT)
        .expect("run the demo");
    assert!(run.status.success(), "demo failed: {}", run.report());
    assert!(out.exists(), "the receiver wrote no PNG: {}", run.report());
    if softvk_tests::icd_overridden() {
        // The receiver reads the fd as plain memory at vkGetImageSubresourceLayout's layout:
        // softvk's promise for OPAQUE_FD, not another driver's.
        softvk_tests::skip("demo", "the pixels are checked on softvk only");
        let _ = std::fs::remove_file(&out);
        return;
    }
    let decoder = png::Decoder::new(std::fs::File::open(&out).expect("the PNG exists"));
    let mut reader = decoder.read_info().expect("a PNG");
    let mut pixels = vec![0u8; reader.output_buffer_size()];
    let info = reader.next_frame(&mut pixels).expect("PNG pixels");
    assert_eq!((info.width, info.height), (256, 256));
    let at = |x: usize, y: usize| &pixels[(y * 256 + x) * 4..(y * 256 + x) * 4 + 4];
    // Background: the clear colour (0.05, 0.07, 0.16, 1) in UNORM8.
    assert_eq!(at(2, 2), [13, 18, 41, 255]);
    // The NEAREST-blitted 2x2 image: its top-left texel fills the square's top-left quarter.
    assert_eq!(at(20, 20), [230, 40, 40, 255]);
    assert_eq!(at(140, 140), [250, 220, 40, 255]);
    let _ = std::fs::remove_file(&out);
}
