#version 450
// GLSL.std.450 FMin, FMax, FClamp, FMix, Step, SmoothStep and Fma on floats, and UMin,
// SMin, UMax, SMax, UClamp, SClamp, SAbs and SSign on integers.
layout(local_size_x = 32) in;
layout(set = 0, binding = 0) readonly buffer In { vec4 f[]; };
layout(set = 0, binding = 1) readonly buffer Ints { ivec4 n[]; };
layout(set = 0, binding = 2) writeonly buffer Out { float r[]; };
layout(set = 0, binding = 3) writeonly buffer IntOut { int q[]; };
void main() {
    uint i = gl_GlobalInvocationID.x;
    vec4 v = f[i];
    r[i * 7u + 0u] = min(v.x, v.y);
    r[i * 7u + 1u] = max(v.x, v.y);
    r[i * 7u + 2u] = clamp(v.x, v.y, v.y + abs(v.z));
    r[i * 7u + 3u] = mix(v.x, v.y, v.w);
    r[i * 7u + 4u] = step(v.y, v.x);
    r[i * 7u + 5u] = smoothstep(v.y, v.y + abs(v.z) + 0.5, v.x);
    r[i * 7u + 6u] = fma(v.x, v.y, v.z);
    ivec4 k = n[i];
    uvec4 u = uvec4(k);
    q[i * 8u + 0u] = min(k.x, k.y);
    q[i * 8u + 1u] = int(min(u.x, u.y));
    q[i * 8u + 2u] = max(k.x, k.y);
    q[i * 8u + 3u] = int(max(u.x, u.y));
    q[i * 8u + 4u] = clamp(k.x, min(k.y, k.z), max(k.y, k.z));
    q[i * 8u + 5u] = int(clamp(u.x, min(u.y, u.z), max(u.y, u.z)));
    q[i * 8u + 6u] = abs(k.w);
    q[i * 8u + 7u] = sign(k.w);
}
