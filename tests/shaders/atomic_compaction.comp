#version 450
// Stream compaction: invocations whose value passes a test take an output slot with
// atomicAdd and write their value there.
layout(local_size_x = 64) in;
layout(set = 0, binding = 0) buffer Count { uint count; };
layout(set = 0, binding = 1) readonly buffer In { uint x[]; };
layout(set = 0, binding = 2) writeonly buffer Out { uint kept[]; };
void main() {
    uint v = x[gl_GlobalInvocationID.x];
    if (v % 3u == 0u) {
        kept[atomicAdd(count, 1u)] = v;
    }
}
