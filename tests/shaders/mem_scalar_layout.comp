#version 450
// spirv-val: --scalar-block-layout
// Scalar block layout (VK_EXT_scalar_block_layout) in a uniform and a storage block, and
// std430 in a uniform block (VK_KHR_uniform_buffer_standard_layout): a vec3 after a vec3
// 12 bytes on, a float and a vec2 straddling 16-byte boundaries, struct arrays and vec3
// arrays with 12- and 16-byte strides, mat3 columns 12 bytes apart.
#extension GL_EXT_scalar_block_layout : require
layout(local_size_x = 1) in;
struct S { float f; vec3 v; };
layout(scalar, set = 0, binding = 0) uniform U {
    vec3 a;      // 0
    vec3 b;      // 12
    float c;     // 24
    vec2 d;      // 28
    S s[2];      // 36, stride 16
    mat3 m;      // 68, columns 12 apart
    uvec3 u;     // 104
} u;
layout(std430, set = 0, binding = 1) uniform V {
    float t[4];  // 0, stride 4
    vec2 w[2];   // 16, stride 8
} v;
layout(scalar, set = 0, binding = 2) buffer P {
    float head;  // 0
    vec3 p[4];   // 4, stride 12
} p;
layout(std430, set = 0, binding = 3) writeonly buffer Out { float r[]; } o;
void main() {
    int k = 0;
    for (int j = 0; j < 3; j++) o.r[k++] = u.a[j];
    for (int j = 0; j < 3; j++) o.r[k++] = u.b[j];
    o.r[k++] = u.c;
    o.r[k++] = u.d.x;
    o.r[k++] = u.d.y;
    for (int i = 0; i < 2; i++) {
        o.r[k++] = u.s[i].f;
        for (int j = 0; j < 3; j++) o.r[k++] = u.s[i].v[j];
    }
    for (int c = 0; c < 3; c++) for (int j = 0; j < 3; j++) o.r[k++] = u.m[c][j];
    for (int j = 0; j < 3; j++) o.r[k++] = float(u.u[j]);
    for (int j = 0; j < 4; j++) o.r[k++] = v.t[j];
    for (int j = 0; j < 2; j++) { o.r[k++] = v.w[j].x; o.r[k++] = v.w[j].y; }
    p.head = p.head * 2.0 + 1.0;
    for (int j = 0; j < 4; j++) p.p[j] = p.p[j] * 2.0 + 1.0;
}
