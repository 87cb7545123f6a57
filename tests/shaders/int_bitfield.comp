#version 450
// bitfieldExtract (signed and unsigned), bitfieldInsert, bitfieldReverse, bitCount,
// findLSB and findMSB (signed and unsigned), with offsets and counts from a buffer,
// including count 0 and fields that end at bit 31.
layout(local_size_x = 16) in;
struct Case { uint base; uint insert; int offset; int bits; };
layout(set = 0, binding = 0) readonly buffer In { Case c[]; };
layout(set = 0, binding = 1) writeonly buffer Out { uint r[]; };
void main() {
    uint i = gl_GlobalInvocationID.x;
    Case k = c[i];
    r[i * 9u + 0u] = bitfieldExtract(k.base, k.offset, k.bits);
    r[i * 9u + 1u] = uint(bitfieldExtract(int(k.base), k.offset, k.bits));
    r[i * 9u + 2u] = bitfieldInsert(k.base, k.insert, k.offset, k.bits);
    r[i * 9u + 3u] = uint(bitfieldInsert(int(k.base), int(k.insert), k.offset, k.bits));
    r[i * 9u + 4u] = bitfieldReverse(k.base);
    r[i * 9u + 5u] = uint(bitCount(k.base));
    r[i * 9u + 6u] = uint(findLSB(k.base));
    r[i * 9u + 7u] = uint(findMSB(int(k.base)));
    r[i * 9u + 8u] = uint(findMSB(k.base));
}
