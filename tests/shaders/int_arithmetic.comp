#version 450
// 32-bit integer add, sub, mul (wrapping), negate, signed and unsigned division, unsigned
// modulo and signed modulo (glslang makes `%` on ints OpSMod), per pair of operands.
layout(local_size_x = 64) in;
layout(set = 0, binding = 0) readonly buffer In { ivec2 ab[]; };
layout(set = 0, binding = 1) writeonly buffer Out { int r[]; };
void main() {
    uint i = gl_GlobalInvocationID.x;
    int a = ab[i].x, b = ab[i].y;
    uint ua = uint(a), ub = uint(b);
    r[i * 8u + 0u] = a + b;
    r[i * 8u + 1u] = a - b;
    r[i * 8u + 2u] = a * b;
    r[i * 8u + 3u] = -a;
    r[i * 8u + 4u] = a / b;
    r[i * 8u + 5u] = int(ua / ub);
    r[i * 8u + 6u] = int(ua % ub);
    r[i * 8u + 7u] = a % b;
}
