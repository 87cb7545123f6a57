//! The README's demo end to end: render into exported memory, a second process without
//! Vulkan (shm's `receive_png`) maps it and writes the PNG; the PNG has the right pixels.

use std::path::PathBuf;
use std::process::Command;

#[test]
fn demo_hands_its_image_to_a_second_process_that_writes_the_png() {
    let demo = PathBuf::from(env!("CARGO_BIN_EXE_demo"));
    let receiver = demo.parent().expect("bin dir").join("examples").join("receive_png");
    if !receiver.exists() {
        softvk_tests::skip("demo", "shm's receive_png example is not built (cargo test --workspace builds it)");
        return;
    }
    softvk_tests::init_loader_env();
    let out = std::env::temp_dir().join(format!("softvk-demo-test-{}.png", std::process::id()));
    let output = Command::new(&demo).arg(&out).output().expect("run the demo");
    assert!(
        output.status.success(),
        "demo failed: {}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
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
