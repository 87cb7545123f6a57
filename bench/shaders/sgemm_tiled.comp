#version 450
// C = A * B for n x n row-major f32 matrices, n a multiple of 16: each 16x16 workgroup
// computes one 16x16 tile of C, walking k in steps of 16 through two shared-memory tiles
// (one of A, one of B) that its invocations load together between barriers.
// Dispatch (n/16, n/16, 1).
#define TILE 16
layout(local_size_x = TILE, local_size_y = TILE) in;

layout(std430, set = 0, binding = 0) readonly buffer A { float a[]; };
layout(std430, set = 0, binding = 1) readonly buffer B { float b[]; };
layout(std430, set = 0, binding = 2) writeonly buffer C { float c[]; };
layout(push_constant) uniform Push {
    uint n;
} p;

shared float tile_a[TILE][TILE];
shared float tile_b[TILE][TILE];

void main() {
    uint tx = gl_LocalInvocationID.x;
    uint ty = gl_LocalInvocationID.y;
    uint col = gl_WorkGroupID.x * TILE + tx;
    uint row = gl_WorkGroupID.y * TILE + ty;
    uint n = p.n;
    float sum = 0.0;
    for (uint t = 0; t < n; t += TILE) {
        tile_a[ty][tx] = a[row * n + t + tx];
        tile_b[ty][tx] = b[(t + ty) * n + col];
        barrier();
        for (uint k = 0; k < TILE; ++k) {
            sum += tile_a[ty][k] * tile_b[k][tx];
        }
        barrier();
    }
    c[row * n + col] = sum;
}
