#version 450
// Shifts by every amount 0..31 held in a buffer: left, arithmetic right of signed values
// (sign fills), logical right of unsigned ones, and vector shifts by a vector.
layout(local_size_x = 32) in;
layout(set = 0, binding = 0) readonly buffer In { int value[4]; };
layout(set = 0, binding = 1) readonly buffer Amounts { uint amount[]; };
layout(set = 0, binding = 2) writeonly buffer Out { uvec4 r[]; };
void main() {
    uint i = gl_GlobalInvocationID.x;
    uint s = amount[i];
    ivec4 v = ivec4(value[0], value[1], value[2], value[3]);
    r[i * 3u + 0u] = uvec4(v << s);
    r[i * 3u + 1u] = uvec4(v >> s);
    r[i * 3u + 2u] = uvec4(v) >> uvec4(s, 31u - s, s / 2u, (s * 7u) % 32u);
}
