#version 450
// Workgroup memory holding structs with vectors and arrays and a matrix, in a workgroup
// of 12 invocations (not a whole number of 8-wide subgroups): each writes its own entry,
// barrier(), then reads another's.
layout(local_size_x = 12) in;
struct Entry { uint id; vec2 pos; uint hist[3]; };
shared Entry entries[12];
shared mat2 m;
layout(set = 0, binding = 0) writeonly buffer Out { vec4 r[]; };
void main() {
    uint li = gl_LocalInvocationIndex;
    entries[li].id = li * 7u + gl_WorkGroupID.x;
    entries[li].pos = vec2(float(li), float(li) * 0.5);
    for (uint k = 0u; k < 3u; k++) entries[li].hist[k] = li + k * 100u;
    if (li == 0u) {
        m = mat2(1.0, 2.0, 3.0, float(gl_WorkGroupID.x));
    }
    barrier();
    Entry e = entries[(li + 5u) % 12u];
    vec2 t = m * e.pos;
    r[gl_GlobalInvocationID.x] = vec4(float(e.id), t, float(e.hist[li % 3u]));
}
