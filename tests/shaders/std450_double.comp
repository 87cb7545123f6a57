#version 450
// The GLSL.std.450 functions that take doubles (shaderFloat64): rounding, Fract, Modf,
// Sqrt, InverseSqrt, FMin/FMax/FClamp, FMix, Step, SmoothStep, Fma, Frexp and Ldexp with
// exponents beyond single precision's, PackDouble2x32 and UnpackDouble2x32, Length,
// Normalize, Cross, Determinant and MatrixInverse.
layout(local_size_x = 8) in;
layout(set = 0, binding = 0) readonly buffer In { dvec4 x[]; };
layout(set = 0, binding = 1) readonly buffer Exps { ivec2 e[]; };
layout(set = 0, binding = 2) writeonly buffer Out { double r[]; };
layout(set = 0, binding = 3) writeonly buffer Bits { uvec2 bits[]; };
void main() {
    uint i = gl_GlobalInvocationID.x;
    dvec4 v = x[i];
    double whole;
    int ex;
    uint o = i * 24u;
    r[o + 0u] = round(v.x);
    r[o + 1u] = roundEven(v.x);
    r[o + 2u] = floor(v.x);
    r[o + 3u] = ceil(v.x);
    r[o + 4u] = fract(v.x);
    r[o + 5u] = modf(v.x, whole);
    r[o + 6u] = whole;
    r[o + 7u] = sqrt(abs(v.y));
    r[o + 8u] = inversesqrt(abs(v.y));
    r[o + 9u] = clamp(v.x, min(v.y, v.z), max(v.y, v.z));
    r[o + 10u] = mix(v.x, v.y, v.w);
    r[o + 11u] = step(v.y, v.x) + smoothstep(0.0lf, 1.0lf, v.w);
    r[o + 12u] = fma(v.x, v.y, v.z);
    r[o + 13u] = frexp(v.y, ex);
    r[o + 14u] = double(ex);
    r[o + 15u] = ldexp(v.z, e[i].x);
    r[o + 16u] = length(v.xyz);
    dvec3 c = cross(v.xyz, v.yzw);
    r[o + 17u] = c.x;
    r[o + 18u] = c.y;
    r[o + 19u] = c.z;
    r[o + 20u] = normalize(v.xyz).x;
    dmat2 m = dmat2(v.x, v.y, v.z, v.w);
    r[o + 21u] = determinant(m);
    r[o + 22u] = inverse(m)[0][1];
    r[o + 23u] = packDouble2x32(unpackDouble2x32(v.x).yx);
    bits[i] = unpackDouble2x32(v.z);
}
