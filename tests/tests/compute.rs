//! Compute shaders through the loader: pipelines, descriptor sets, push constants and
//! dispatches, checked against results computed on the host.

use softvk_tests::compute::{bytes_of, spirv, values_of, ComputeJob};
use softvk_tests::Context;

#[test]
fn saxpy_updates_y_within_the_bound_only() {
    let ctx = Context::new();
    let n = 1000u32;
    let x: Vec<f32> = (0..1024).map(|i| i as f32 * 0.5).collect();
    let y: Vec<f32> = (0..1024).map(|i| 1000.0 - i as f32).collect();
    let mut push = bytes_of(&[2.5f32]);
    push.extend(bytes_of(&[n]));
    let out = ComputeJob::new(&ctx, &spirv("saxpy")).storage(0, &bytes_of(&x)).storage(1, &bytes_of(&y)).push(&push).run([16, 1, 1]);
    let result: Vec<f32> = values_of(&out[1]);
    for i in 0..1024 {
        let expected = if (i as u32) < n { 2.5f32.mul_add(x[i], y[i]) } else { y[i] };
        assert_eq!(result[i], expected, "y[{i}]");
    }
    assert_eq!(values_of::<f32>(&out[0]), x, "x is read-only");
}
