#version 450
#extension GL_EXT_shader_explicit_arithmetic_types_int8 : require
// 8-bit integer arithmetic (shaderInt8) on values converted from 32-bit storage:
// wrapping at 8 bits, signed division, sign and zero extension back to 32.
layout(local_size_x = 16) in;
layout(set = 0, binding = 0) readonly buffer In { ivec2 ab[]; };
layout(set = 0, binding = 1) writeonly buffer Out { int r[]; };
void main() {
    uint i = gl_GlobalInvocationID.x;
    int8_t a = int8_t(ab[i].x), b = int8_t(ab[i].y);
    uint8_t ua = uint8_t(a), ub = uint8_t(b);
    r[i * 6u + 0u] = int(int8_t(a + b));
    r[i * 6u + 1u] = int(int8_t(a * b));
    r[i * 6u + 2u] = int(a / b);
    r[i * 6u + 3u] = int(uint(ua / ub));
    r[i * 6u + 4u] = int(uint(uint8_t(ua - ub)));
    r[i * 6u + 5u] = int(uint(a < b) | uint(ua < ub) << 1);
}
