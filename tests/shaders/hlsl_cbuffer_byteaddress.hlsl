// HLSL resources: a cbuffer with HLSL packing (a float after a float3, a float2 that may
// not straddle a 16-byte row, array elements on their own rows), a StructuredBuffer of
// structs, ByteAddressBuffer Load/Load2/Load4 and RWByteAddressBuffer Store/Store2 and
// InterlockedAdd / InterlockedMax / InterlockedCompareExchange.
struct Item { float3 pos; uint tag; };
cbuffer Params : register(b0) {
    float3 offset;  // 0
    float scale;    // 12
    float2 shift;   // 16
    float extra;    // 24
    float2 late;    // 32: would straddle 28..36, so starts a new row
    float weights[3]; // 48, 64, 80
};
StructuredBuffer<Item> items : register(t1);
ByteAddressBuffer raw : register(t2);
RWByteAddressBuffer output : register(u3);
RWByteAddressBuffer counters : register(u4);

[numthreads(8, 1, 1)]
void main(uint3 id : SV_DispatchThreadID) {
    uint i = id.x;
    Item it = items[i];
    float3 p = (it.pos + offset) * scale;
    uint4 w4 = raw.Load4(i * 16);
    uint2 w2 = raw.Load2(i * 8 + 4);
    uint w1 = raw.Load(i * 4 + 2 * 4);
    output.Store4(i * 48, asuint(float4(p, shift.x + shift.y * extra)));
    output.Store4(i * 48 + 16, uint4(it.tag, asuint(late.x + late.y), asuint(weights[i % 3]), w1));
    output.Store2(i * 48 + 32, w4.xw + w2);
    uint before;
    counters.InterlockedAdd(0, it.tag, before);
    counters.InterlockedMax(4, it.tag * 3);
    uint seen;
    counters.InterlockedCompareExchange(8, 0u, i + 1, seen);
    output.Store(i * 48 + 40, seen);
    output.Store(i * 48 + 44, before);
}
