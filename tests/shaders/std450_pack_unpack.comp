#version 450
// GLSL.std.450 PackSnorm4x8, PackUnorm4x8, PackSnorm2x16, PackUnorm2x16, PackHalf2x16
// and their unpack counterparts, with values outside the normalised ranges (clamped).
layout(local_size_x = 16) in;
layout(set = 0, binding = 0) readonly buffer In { vec4 v[]; };
layout(set = 0, binding = 1) readonly buffer Words { uint w[]; };
layout(set = 0, binding = 2) writeonly buffer Packed { uint p[]; };
layout(set = 0, binding = 3) writeonly buffer Unpacked { vec4 u[]; };
void main() {
    uint i = gl_GlobalInvocationID.x;
    vec4 x = v[i];
    p[i * 5u + 0u] = packSnorm4x8(x);
    p[i * 5u + 1u] = packUnorm4x8(x);
    p[i * 5u + 2u] = packSnorm2x16(x.xy);
    p[i * 5u + 3u] = packUnorm2x16(x.zw);
    p[i * 5u + 4u] = packHalf2x16(x.yz);
    uint k = w[i];
    u[i * 5u + 0u] = unpackSnorm4x8(k);
    u[i * 5u + 1u] = unpackUnorm4x8(k);
    u[i * 5u + 2u] = vec4(unpackSnorm2x16(k), unpackUnorm2x16(k));
    u[i * 5u + 3u] = vec4(unpackHalf2x16(k), 0.0, 0.0);
    u[i * 5u + 4u] = vec4(0.0);
}
