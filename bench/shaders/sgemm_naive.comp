#version 450
// C = A * B for n x n row-major f32 matrices: one invocation per element of C, looping
// over k and reading A and B straight from their buffers. Dispatch (n/16, n/16, 1).
layout(local_size_x = 16, local_size_y = 16) in;

layout(std430, set = 0, binding = 0) readonly buffer A { float a[]; };
layout(std430, set = 0, binding = 1) readonly buffer B { float b[]; };
layout(std430, set = 0, binding = 2) writeonly buffer C { float c[]; };
layout(push_constant) uniform Push {
    uint n;
} p;

void main() {
    uint col = gl_GlobalInvocationID.x;
    uint row = gl_GlobalInvocationID.y;
    uint n = p.n;
    if (row >= n || col >= n) {
        return;
    }
    float sum = 0.0;
    for (uint k = 0; k < n; ++k) {
        sum += a[row * n + k] * b[k * n + col];
    }
    c[row * n + col] = sum;
}
