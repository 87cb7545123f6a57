#version 450
// glslc: -O0
// Module-scope (Private) variables with initialisers, changed by functions; a constant
// array of structs indexed at runtime.
layout(local_size_x = 8) in;
struct Entry { int key; float value; };
const Entry entries[4] = Entry[4](Entry(7, 0.5), Entry(3, 1.5), Entry(9, 2.5), Entry(1, 3.5));
int counter = 100;
vec2 accum = vec2(1.0, -1.0);
layout(set = 0, binding = 0) writeonly buffer Out { vec4 r[]; };
void tick(int by) { counter += by; accum *= 2.0; }
void main() {
    uint i = gl_GlobalInvocationID.x;
    for (uint k = 0u; k <= i % 4u; k++) tick(int(k));
    Entry e = entries[i % 4u];
    r[i] = vec4(float(counter), accum, float(e.key) + e.value);
}
