#version 450
// Structs and arrays in function memory: nested structs holding arrays, arrays of structs
// written and read at runtime indices, whole-struct copies and comparisons, a constant
// lookup table indexed at runtime, and .length() of sized arrays.
layout(local_size_x = 16) in;
struct Inner { int v[3]; vec2 w; };
struct Outer { Inner inner[2]; int tag; };
layout(set = 0, binding = 0) readonly buffer In { ivec4 x[]; };
layout(set = 0, binding = 1) writeonly buffer Out { int r[]; };
const int table[8] = int[8](3, 1, 4, 1, 5, 9, 2, 6);
void main() {
    uint i = gl_GlobalInvocationID.x;
    ivec4 q = x[i];
    Outer o;
    for (int a = 0; a < 2; a++) {
        for (int b = 0; b < 3; b++) {
            o.inner[a].v[b] = q.x * 10 + a * 3 + b;
        }
        o.inner[a].w = vec2(q.y + a, q.z - a);
    }
    o.tag = q.w;
    int ia = q.y & 1, ib = q.z % 3;
    o.inner[ia].v[ib] = -1;
    Outer copy = o;
    copy.inner[1 - ia].v[0] += 1000;
    Inner swapped = copy.inner[0];
    copy.inner[0] = copy.inner[1];
    copy.inner[1] = swapped;
    uint base = i * 12u;
    r[base + 0u] = o.inner[ia].v[ib];
    r[base + 1u] = o.inner[1 - ia].v[2 - ib];
    r[base + 2u] = copy.inner[0].v[0] + copy.inner[1].v[0] * 10000;
    r[base + 3u] = int(copy.inner[ia].w.x * 2.0 + copy.inner[ia].w.y);
    r[base + 4u] = int(o == copy) + 2 * int(o.inner[0] == o.inner[0]) + 4 * int(o.tag == copy.tag);
    r[base + 5u] = table[q.x & 7] * 100 + table[(q.x + 5) & 7];
    r[base + 6u] = o.inner.length() * 10 + o.inner[0].v.length();
    int acc = 0;
    for (int a = 0; a < 2; a++) for (int b = 0; b < 3; b++) acc += o.inner[a].v[b] * (a + 1);
    r[base + 7u] = acc;
    int arr[5] = int[5](q.x, q.y, q.z, q.w, q.x + q.y);
    arr[q.w & 3] = arr[(q.w + 1) & 3] * 2;
    r[base + 8u] = arr[0] + arr[1] * 3 + arr[2] * 5 + arr[3] * 7 + arr[4] * 11;
    r[base + 9u] = o.tag;
    r[base + 10u] = int(o.inner[1].w.x);
    r[base + 11u] = copy.inner[ia].v[ib];
}
