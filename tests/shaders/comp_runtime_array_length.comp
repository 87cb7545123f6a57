#version 450
// .length() of runtime arrays (OpArrayLength): after a fixed prefix, of structs with
// padding, in a buffer whose descriptor covers only part of the memory.
layout(local_size_x = 1) in;
struct Item { vec3 v; float f; uint tag[2]; };
layout(set = 0, binding = 0) readonly buffer A { uint a[]; };
layout(set = 0, binding = 1) readonly buffer B { vec4 head; uint count; Item items[]; };
layout(set = 0, binding = 2) readonly buffer C { float c[]; };
layout(set = 0, binding = 3) writeonly buffer Out { uint r[]; };
void main() {
    r[0] = uint(a.length());
    r[1] = uint(items.length());
    r[2] = uint(c.length());
    r[3] = items[items.length() - 1].tag[1];
    r[4] = floatBitsToUint(c[c.length() - 1]);
}
