#version 450
// glslc: -O0
// Functions with in, out and inout parameters of scalars, vectors, structs and arrays;
// calls nested in calls and in expressions. -O0 keeps every OpFunctionCall, so the driver
// does the inlining.
layout(local_size_x = 16) in;
struct Pair { int a; int b; };
layout(set = 0, binding = 0) readonly buffer In { int x[]; };
layout(set = 0, binding = 1) writeonly buffer Out { ivec4 y[]; };
void split(in int v, out int hi, out int lo) {
    hi = v / 16;
    lo = v - hi * 16;
    v = 0; // writes to an in parameter stay local
}
void bump(inout Pair p, inout ivec2 q) {
    p.a += 1;
    p.b *= 2;
    q = q.yx + ivec2(p.a, p.b);
}
int sum3(int a[3]) {
    return a[0] + a[1] + a[2];
}
int twice(int v) { return v * 2; }
int apply(int v) { return twice(twice(v) + 1); }
void fill(out int a[3], int base) {
    for (int k = 0; k < 3; k++) a[k] = base + k;
}
void main() {
    uint i = gl_GlobalInvocationID.x;
    int v = x[i];
    int hi, lo;
    split(v, hi, lo);
    Pair p = Pair(hi, lo);
    ivec2 q = ivec2(v, -v);
    bump(p, q);
    int arr[3];
    fill(arr, v);
    y[i] = ivec4(p.a * 100 + p.b, q.x + q.y * 3, sum3(arr), apply(v));
}
