#version 450
// Conversions between float and 32-bit integers: int and uint to float (correctly
// rounded, so values past 2^24 may round either way), float to int and uint (toward
// zero), and bit casts that must keep every bit, denormals included.
layout(local_size_x = 32) in;
layout(set = 0, binding = 0) readonly buffer Ints { int si[]; };
layout(set = 0, binding = 1) readonly buffer Uints { uint ui[]; };
layout(set = 0, binding = 2) readonly buffer Floats { float f[]; };
layout(set = 0, binding = 3) writeonly buffer Out { uint r[]; };
void main() {
    uint i = gl_GlobalInvocationID.x;
    r[i * 6u + 0u] = floatBitsToUint(float(si[i]));
    r[i * 6u + 1u] = floatBitsToUint(float(ui[i]));
    r[i * 6u + 2u] = uint(int(f[i]));
    r[i * 6u + 3u] = uint(abs(f[i]));
    r[i * 6u + 4u] = floatBitsToUint(uintBitsToFloat(ui[i]));
    r[i * 6u + 5u] = uint(floatBitsToInt(f[i]));
}
