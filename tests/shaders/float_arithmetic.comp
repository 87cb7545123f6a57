#version 450
// float add, sub, mul, div, negate, mod() (OpFMod) and every comparison, per pair.
layout(local_size_x = 64) in;
layout(set = 0, binding = 0) readonly buffer In { vec2 ab[]; };
layout(set = 0, binding = 1) writeonly buffer Out { float r[]; };
layout(set = 0, binding = 2) writeonly buffer Cmp { uint cmp[]; };
void main() {
    uint i = gl_GlobalInvocationID.x;
    float a = ab[i].x, b = ab[i].y;
    r[i * 6u + 0u] = a + b;
    r[i * 6u + 1u] = a - b;
    r[i * 6u + 2u] = a * b;
    r[i * 6u + 3u] = a / b;
    r[i * 6u + 4u] = -a;
    r[i * 6u + 5u] = mod(a, b);
    cmp[i] = uint(a < b) | uint(a <= b) << 1 | uint(a == b) << 2 | uint(a != b) << 3
        | uint(a > b) << 4 | uint(a >= b) << 5;
}
