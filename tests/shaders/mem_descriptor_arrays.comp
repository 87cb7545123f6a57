#version 450
// Arrays of storage and uniform buffer descriptors indexed by dynamically uniform values
// (a loop counter and a push constant): shaderStorageBufferArrayDynamicIndexing and
// shaderUniformBufferArrayDynamicIndexing.
layout(local_size_x = 16) in;
layout(set = 0, binding = 0) buffer Data { uint v[]; } data[4];
layout(set = 0, binding = 1) uniform Weights { uint w; } weights[3];
layout(set = 0, binding = 2) writeonly buffer Out { uint r[]; };
layout(push_constant) uniform P { uint target; };
void main() {
    uint i = gl_GlobalInvocationID.x;
    uint sum = 0u;
    for (uint b = 0u; b < 4u; b++) {
        sum += data[b].v[i] * weights[b % 3u].w;
    }
    r[i] = sum;
    data[target].v[i] += 1000u;
}
