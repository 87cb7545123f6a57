#version 450
#extension GL_KHR_shader_subgroup_shuffle : require
// subgroupShuffle with per-lane indices and subgroupShuffleXor with masks 1, 2 and 4; a
// shuffle in a branch that reads only lanes active in it.
layout(local_size_x = 64) in;
layout(set = 0, binding = 0) readonly buffer In { uint x[]; };
layout(set = 0, binding = 1) writeonly buffer Ids { uvec4 id[]; };
layout(set = 0, binding = 2) writeonly buffer Out { uint r[]; };
void main() {
    uint i = gl_GlobalInvocationID.x;
    uint v = x[i];
    uint lid = gl_SubgroupInvocationID, size = gl_SubgroupSize;
    id[i] = uvec4(gl_SubgroupID, lid, size, gl_WorkGroupID.x);
    uint o = i * 6u;
    r[o + 0u] = subgroupShuffle(v, (lid * 3u + 1u) % size);
    r[o + 1u] = subgroupShuffleXor(v, 1u);
    r[o + 2u] = subgroupShuffleXor(v, 2u);
    r[o + 3u] = subgroupShuffleXor(v, 4u);
    vec2 pair = vec2(float(v % 256u), float(lid));
    vec2 got = subgroupShuffle(pair, size - 1u - lid);
    r[o + 4u] = uint(got.x) * 1000u + uint(got.y);
    r[o + 5u] = 0xffffffffu;
    if ((lid & 1u) == 0u) {
        r[o + 5u] = subgroupShuffle(v, (lid + 2u) % size);
    }
}
