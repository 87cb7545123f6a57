#version 450
// Vectors: swizzled reads and writes, components picked by a runtime index (read and
// write), constructors from mixed parts, conversions between vector types, and the
// relational functions with any/all/not.
layout(local_size_x = 16) in;
layout(set = 0, binding = 0) readonly buffer In { vec4 v[]; };
layout(set = 0, binding = 1) readonly buffer Idx { uint k[]; };
layout(set = 0, binding = 2) writeonly buffer Out { vec4 r[]; };
void main() {
    uint i = gl_GlobalInvocationID.x;
    vec4 a = v[i];
    uint j = k[i];
    vec4 b = a.wzyx + a.xxyy * 2.0;
    b.zx = a.yw;
    b[j] = 100.0 + float(j);
    vec3 c = vec3(a.xy, 7.0).zyx;
    ivec3 n = ivec3(a.xyz * 4.0);
    bvec4 gt = greaterThan(a, vec4(0.0));
    bvec4 eq = equal(a, a.yxwz);
    r[i * 4u + 0u] = b;
    r[i * 4u + 1u] = vec4(c, a[j] + a[3u - j]);
    r[i * 4u + 2u] = vec4(n, float(n.x + n.y * n.z));
    r[i * 4u + 3u] = vec4(float(any(gt)), float(all(gt)), float(any(not(gt))), dot(vec4(eq), vec4(1.0, 2.0, 4.0, 8.0)));
}
