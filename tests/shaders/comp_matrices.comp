#version 450
// Matrices: non-square matrix * matrix, matrix * vector, vector * matrix, transpose,
// outerProduct, matrixCompMult, matrix * scalar and +, columns picked by a runtime index,
// and constructors that shrink and grow matrices.
layout(local_size_x = 4) in;
layout(set = 0, binding = 0) readonly buffer In { float f[]; };
layout(set = 0, binding = 1) readonly buffer Idx { int k[]; };
layout(set = 0, binding = 2) writeonly buffer Out { float r[]; };
uint o;
void put(float v) { r[o++] = v; }
void put3(vec3 v) { put(v.x); put(v.y); put(v.z); }
void main() {
    uint i = gl_GlobalInvocationID.x;
    uint b = i * 32u;
    mat2x3 a = mat2x3(f[b + 0u], f[b + 1u], f[b + 2u], f[b + 3u], f[b + 4u], f[b + 5u]);
    mat4x2 c = mat4x2(f[b + 6u], f[b + 7u], f[b + 8u], f[b + 9u], f[b + 10u], f[b + 11u], f[b + 12u], f[b + 13u]);
    vec2 x2 = vec2(f[b + 14u], f[b + 15u]);
    vec3 x3 = vec3(f[b + 16u], f[b + 17u], f[b + 18u]);
    mat3 sq = mat3(f[b + 19u], f[b + 20u], f[b + 21u], f[b + 22u], f[b + 23u], f[b + 24u], f[b + 25u], f[b + 26u], f[b + 27u]);
    int col = k[i];
    o = i * 64u;
    mat4x3 ac = a * c;                      // 12
    for (int j = 0; j < 4; j++) put3(ac[j]);
    put3(a * x2);                           // 3
    vec2 ya = x3 * a;                       // 2
    put(ya.x); put(ya.y);
    mat3x2 t = transpose(a);                // 6
    for (int j = 0; j < 3; j++) { put(t[j].x); put(t[j].y); }
    mat2x3 op = outerProduct(x3, x2);       // 6
    put3(op[0]); put3(op[1]);
    mat3 cm = matrixCompMult(sq, sq) + sq * 0.5; // 9
    for (int j = 0; j < 3; j++) put3(cm[j]);
    put3(sq[col]);                          // 3
    put(sq[col][2 - col]);                  // 1
    mat2 shrink = mat2(sq);                 // 4
    put(shrink[0].x); put(shrink[0].y); put(shrink[1].x); put(shrink[1].y);
    mat4 grow = mat4(mat2(x2, x2.yx));      // 16
    for (int j = 0; j < 4; j++) { put3(grow[j].xyz); put(grow[j].w); }
    put((sq * sq)[1][col]);                 // 1
    put(-1.0);                              // 1 sentinel: 64 in all
}
