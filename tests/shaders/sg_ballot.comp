#version 450
#extension GL_KHR_shader_subgroup_ballot : require
// subgroupBallot and the functions on ballots (inverse ballot, bit extract, bit count,
// inclusive and exclusive bit counts, find LSB/MSB), broadcasts, and the subgroup masks.
layout(local_size_x = 64) in;
layout(set = 0, binding = 0) readonly buffer In { uint x[]; };
layout(set = 0, binding = 1) writeonly buffer Ids { uvec4 id[]; };
layout(set = 0, binding = 2) writeonly buffer Out { uint r[]; };
void main() {
    uint i = gl_GlobalInvocationID.x;
    uint v = x[i];
    uint lid = gl_SubgroupInvocationID;
    bool p = (v & 1u) != 0u;
    id[i] = uvec4(gl_SubgroupID, lid, gl_SubgroupSize, gl_WorkGroupID.x);
    uvec4 b = subgroupBallot(p);
    uint o = i * 16u;
    r[o + 0u] = b.x;
    r[o + 1u] = b.y | b.z | b.w;
    r[o + 2u] = uint(subgroupInverseBallot(b));
    r[o + 3u] = uint(subgroupBallotBitExtract(b, (lid + 1u) % gl_SubgroupSize));
    r[o + 4u] = subgroupBallotBitCount(b);
    r[o + 5u] = subgroupBallotInclusiveBitCount(b);
    r[o + 6u] = subgroupBallotExclusiveBitCount(b);
    r[o + 7u] = subgroupBallotFindLSB(b);
    r[o + 8u] = subgroupBallotFindMSB(b);
    r[o + 9u] = subgroupBroadcast(v, 3u);
    r[o + 10u] = subgroupBroadcastFirst(v);
    r[o + 11u] = 0xffffffffu;
    if (lid >= 2u) {
        r[o + 11u] = subgroupBroadcastFirst(v);
    }
    r[o + 12u] = gl_SubgroupEqMask.x;
    r[o + 13u] = gl_SubgroupGeMask.x;
    r[o + 14u] = gl_SubgroupGtMask.x ^ gl_SubgroupLeMask.x;
    r[o + 15u] = gl_SubgroupLtMask.x;
}
