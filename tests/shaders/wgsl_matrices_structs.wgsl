// WGSL data layout and matrices through naga: a uniform struct with a vec3 and a f32
// (WGSL packs the f32 after the vec3), a mat3x3 (columns 16 bytes apart), an array of
// structs in a storage buffer, matrix * vector, transpose, determinant, and a function
// array indexed at runtime.
struct Params {
    origin: vec3<f32>,
    scale: f32,
    basis: mat3x3<f32>,
    weights: vec4<f32>,
}
struct Particle {
    pos: vec3<f32>,
    mass: f32,
    vel: vec2<f32>,
}
@group(0) @binding(0) var<uniform> params: Params;
@group(0) @binding(1) var<storage, read> particles: array<Particle>;
@group(0) @binding(2) var<storage, read_write> result: array<vec4<f32>>;

@compute @workgroup_size(8)
fn main(@builtin(global_invocation_id) gid: vec3<u32>) {
    let i = gid.x;
    let p = particles[i];
    let moved = params.basis * (p.pos - params.origin) * params.scale;
    let t = transpose(params.basis);
    var table = array<f32, 4>(params.weights.x, params.weights.y, params.weights.z, params.weights.w);
    let w = table[i % 4u];
    result[i * 2u] = vec4<f32>(moved, p.mass * w);
    result[i * 2u + 1u] = vec4<f32>(t[0][1], t[2][0], determinant(params.basis), p.vel.x - p.vel.y);
}
