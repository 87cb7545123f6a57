// HLSL wave intrinsics (SM 6.0) through glslang: WaveGetLaneIndex, WaveGetLaneCount,
// WaveIsFirstLane, WaveActiveSum, WaveActiveMax, WaveActiveBitOr, WaveActiveAllTrue,
// WaveActiveAnyTrue, WaveActiveBallot, WaveReadLaneAt, WaveReadLaneFirst. (glslang makes
// WavePrefixSum an inclusive scan, where HLSL defines an exclusive one, so it is not used.)
// HLSL has no wave id: WaveReadLaneFirst of the invocation index names each wave.
StructuredBuffer<uint> input : register(t0);
RWStructuredBuffer<uint4> ids : register(u1);
RWStructuredBuffer<uint> r : register(u2);

[numthreads(64, 1, 1)]
void main(uint3 id : SV_DispatchThreadID, uint3 group : SV_GroupID) {
    uint i = id.x;
    uint v = input[i];
    uint lane = WaveGetLaneIndex();
    ids[i] = uint4(WaveReadLaneFirst(i), lane, WaveGetLaneCount(), group.x);
    uint o = i * 10;
    r[o + 0] = WaveIsFirstLane() ? 1 : 0;
    r[o + 1] = WaveActiveSum(v % 1000);
    r[o + 2] = WaveActiveMax(v);
    r[o + 3] = WaveActiveBitOr(v & 0xff);
    r[o + 4] = WaveActiveAllTrue((v & 1) != 0) ? 1 : 0;
    r[o + 5] = WaveActiveAnyTrue((v & 1) != 0) ? 1 : 0;
    r[o + 6] = WaveActiveBallot((v & 1) != 0).x;
    r[o + 7] = WaveReadLaneAt(v, (lane + 1) % WaveGetLaneCount());
    r[o + 8] = WaveReadLaneFirst(v);
    r[o + 9] = WaveActiveCountBits((v & 2) != 0);
}
