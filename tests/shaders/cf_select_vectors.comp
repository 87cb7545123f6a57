#version 450
// Selection without branches: the ternary operator on scalars, vectors and structs,
// mix() with a boolean vector (component-wise OpSelect), and any/all of comparisons.
layout(local_size_x = 16) in;
struct S { int a; float b; };
layout(set = 0, binding = 0) readonly buffer In { vec4 x[]; };
layout(set = 0, binding = 1) writeonly buffer Out { vec4 y[]; };
void main() {
    uint i = gl_GlobalInvocationID.x;
    vec4 v = x[i];
    bvec4 gt = greaterThan(v, vec4(0.5));
    vec4 picked = mix(vec4(-1.0), v * 2.0, gt);
    S s = (v.x > v.y) ? S(1, v.z) : S(2, v.w);
    vec2 t = all(gt) ? v.xy : (any(gt) ? v.zw : vec2(9.0));
    y[i * 2u] = picked;
    y[i * 2u + 1u] = vec4(float(s.a), s.b, t);
}
