// HLSL intrinsics and operators: mad, saturate, lerp, frac, fmod, rcp, countbits,
// firstbithigh, firstbitlow, reversebits, asuint/asfloat, integer / and %. glslang turns
// fmod into OpFMod and % into OpSMod (the sign of the divisor, where HLSL and DXC's
// OpFRem/OpSRem take the dividend's); the test checks the SPIR-V's meaning.
StructuredBuffer<float4> f : register(t0);
StructuredBuffer<int2> n : register(t1);
RWStructuredBuffer<float> r : register(u2);
RWStructuredBuffer<int> q : register(u3);

[numthreads(16, 1, 1)]
void main(uint3 id : SV_DispatchThreadID) {
    uint i = id.x;
    float4 v = f[i];
    uint o = i * 7;
    r[o + 0] = mad(v.x, v.y, v.z);
    r[o + 1] = saturate(v.x);
    r[o + 2] = lerp(v.x, v.y, v.w);
    r[o + 3] = frac(v.y);
    r[o + 4] = fmod(v.x, v.z);
    r[o + 5] = rcp(v.z);
    r[o + 6] = asfloat(asuint(v.w) ^ 0x80000000u);
    int a = n[i].x, b = n[i].y;
    uint u = asuint(a);
    uint p = i * 7;
    q[p + 0] = a / b;
    q[p + 1] = a % b;
    q[p + 2] = (int)countbits(u);
    q[p + 3] = (int)firstbithigh(u);
    q[p + 4] = (int)firstbitlow(u);
    q[p + 5] = (int)reversebits(u);
    q[p + 6] = firstbithigh(a);
}
