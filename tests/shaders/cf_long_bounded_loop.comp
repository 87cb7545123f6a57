#version 450
// A long but bounded loop: `n` (a push constant) iterations of 16 xorshift32 steps per
// invocation, which must run to the end (softvk checks a deadline, not an iteration
// count). The steps are unrolled by hand because lavapipe stops a loop after 65535
// iterations, and the test wants many steps.
layout(local_size_x = 64) in;
layout(push_constant) uniform P { uint n; };
layout(set = 0, binding = 0) buffer Out { uint y[]; };
#define STEP s ^= s << 13; s ^= s >> 17; s ^= s << 5;
#define STEP4 STEP STEP STEP STEP
void main() {
    uint i = gl_GlobalInvocationID.x;
    uint s = y[i];
    for (uint k = 0u; k < n; k++) {
        STEP4 STEP4 STEP4 STEP4
    }
    y[i] = s;
}
