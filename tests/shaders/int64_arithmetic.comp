#version 450
#extension GL_EXT_shader_explicit_arithmetic_types_int64 : require
// 64-bit integers (shaderInt64): arithmetic with carries across the 32-bit halves, signed
// and unsigned division, shifts by 32 and more, comparisons, and conversions to and from
// 32-bit integers (sign and zero extension, truncation).
layout(local_size_x = 16) in;
layout(set = 0, binding = 0) readonly buffer In { i64vec2 ab[]; };
layout(set = 0, binding = 1) writeonly buffer Out { int64_t r[]; };
void main() {
    uint i = gl_GlobalInvocationID.x;
    int64_t a = ab[i].x, b = ab[i].y;
    uint64_t ua = uint64_t(a), ub = uint64_t(b);
    uint s = uint(b & 63l);
    r[i * 12u + 0u] = a + b;
    r[i * 12u + 1u] = a - b;
    r[i * 12u + 2u] = a * b;
    r[i * 12u + 3u] = a / b;
    r[i * 12u + 4u] = int64_t(ua / ub);
    r[i * 12u + 5u] = int64_t(ua % ub);
    r[i * 12u + 6u] = a << s;
    r[i * 12u + 7u] = a >> s;
    r[i * 12u + 8u] = int64_t(ua >> s);
    r[i * 12u + 9u] = int64_t(uint(a < b) | uint(ua < ub) << 1 | uint(a == b) << 2);
    r[i * 12u + 10u] = int64_t(int(a)) + int64_t(uint(ua >> 32));
    r[i * 12u + 11u] = (a & 0x0f0f0f0f0f0f0f0fl) ^ ~b | (a >> 60);
}
