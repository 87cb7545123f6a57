#version 450
// Matrices in buffers beyond the plain case: arrays of row_major and column_major
// matrices in a std140 uniform block and a std430 storage block, columns and elements
// picked by runtime indices (loads and stores), vector components of a buffer member
// indexed at runtime, and bools in a buffer.
layout(local_size_x = 4) in;
layout(std140, set = 0, binding = 0) uniform U {
    layout(row_major) mat2x3 a[2];  // 0: each 3 rows of 16 bytes, stride 48
    mat3 b[2];                       // 96: each 3 columns of 16 bytes, stride 48
};
layout(std430, set = 0, binding = 1) buffer S {
    layout(row_major) mat4x2 c[2];   // 0: each 2 rows of 16 bytes (vec4), stride 32
    mat3x2 d[2];                     // 64: each 3 columns of 8 bytes, stride 24
    vec4 v;                          // 112
    bool flags[4];                   // 128
} s;
layout(set = 0, binding = 2) writeonly buffer Out { float r[]; };
void main() {
    uint i = gl_GlobalInvocationID.x;
    int k = int(i) % 2, col = int(i) % 3, row = int(i + 1u) % 2;
    uint o = i * 16u;
    vec3 ac = a[k][col % 2];          // a column of a row-major matrix
    r[o + 0u] = ac.x; r[o + 1u] = ac.y; r[o + 2u] = ac.z;
    r[o + 3u] = a[1 - k][1][col];     // one element
    vec3 bc = b[k][col];
    r[o + 4u] = bc.x + bc.y * 10.0 + bc.z * 100.0;
    vec2 cc = s.c[k][col];
    r[o + 5u] = cc.x; r[o + 6u] = cc.y;
    r[o + 7u] = s.d[1 - k][col][row];
    r[o + 8u] = s.v[col];
    r[o + 9u] = float(s.flags[i]) + (s.flags[(i + 1u) % 4u] ? 10.0 : 0.0);
    r[o + 10u] = (a[0] * vec2(1.0, 2.0)).z;
    r[o + 11u] = (vec2(1.0, -1.0) * s.c[1])[3];
    // The stores below must not race the loads above in other invocations.
    memoryBarrierBuffer();
    barrier();
    if (i == 0u) {
        s.c[1][2] = vec2(-7.0, -8.0);   // a column store into a row-major matrix
        s.d[0][1][0] = 99.0;            // an element store
        s.v[2] = 123.0;                 // a component store at a constant index
        s.flags[1] = !s.flags[1];
    }
    if (i == 3u) {
        s.v[k + 2] = 55.0;             // a component store at a runtime index (k = 1)
    }
}
