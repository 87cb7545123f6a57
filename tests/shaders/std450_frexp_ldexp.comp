#version 450
// GLSL.std.450 Frexp (glslang emits FrexpStruct) and Ldexp, on powers of two, negatives,
// zero and the ends of the normal range.
layout(local_size_x = 16) in;
layout(set = 0, binding = 0) readonly buffer In { float x[]; };
layout(set = 0, binding = 1) readonly buffer Exps { int e[]; };
layout(set = 0, binding = 2) writeonly buffer Out { float mantissa[]; };
layout(set = 0, binding = 3) writeonly buffer ExpOut { int exponent[]; };
layout(set = 0, binding = 4) writeonly buffer Ld { float scaled[]; };
void main() {
    uint i = gl_GlobalInvocationID.x;
    int ex;
    mantissa[i] = frexp(x[i], ex);
    exponent[i] = ex;
    scaled[i] = ldexp(x[i], e[i]);
}
