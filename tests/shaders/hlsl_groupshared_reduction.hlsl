// HLSL: a reduction in groupshared memory with GroupMemoryBarrierWithGroupSync, the
// SV_GroupIndex, SV_GroupID and SV_DispatchThreadID semantics, and structured buffers.
StructuredBuffer<uint> input : register(t0);
RWStructuredBuffer<uint> sums : register(u1);
RWStructuredBuffer<uint4> ids : register(u2);
groupshared uint partial[128];

[numthreads(128, 1, 1)]
void main(uint3 dispatch : SV_DispatchThreadID, uint3 group : SV_GroupID, uint index : SV_GroupIndex) {
    partial[index] = input[dispatch.x];
    ids[dispatch.x] = uint4(dispatch.x, group.x, index, 0);
    GroupMemoryBarrierWithGroupSync();
    [unroll(1)]
    for (uint stride = 64; stride > 0; stride >>= 1) {
        if (index < stride) {
            partial[index] += partial[index + stride];
        }
        GroupMemoryBarrierWithGroupSync();
    }
    if (index == 0) {
        sums[group.x] = partial[0];
    }
}
