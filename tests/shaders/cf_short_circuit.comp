#version 450
// glslc: -O0
// && and || evaluate their right operand only when needed: the right operands here are
// calls that count themselves with atomics, so a wrong evaluation shows in the counts.
layout(local_size_x = 32) in;
layout(set = 0, binding = 0) readonly buffer In { int x[]; };
layout(set = 0, binding = 1) buffer Out { uint y[]; };
layout(set = 0, binding = 2) buffer Counts { uint calls_and; uint calls_or; uint calls_ternary_a; uint calls_ternary_b; };
bool positive_counted(int v) { atomicAdd(calls_and, 1u); return v > 0; }
bool even_counted(int v) { atomicAdd(calls_or, 1u); return (v & 1) == 0; }
int a_counted(int v) { atomicAdd(calls_ternary_a, 1u); return v * 2; }
int b_counted(int v) { atomicAdd(calls_ternary_b, 1u); return v - 7; }
void main() {
    uint i = gl_GlobalInvocationID.x;
    int v = x[i];
    uint r = 0u;
    if (v > -5 && positive_counted(v - 3)) r |= 1u;
    if (v < 0 || even_counted(v)) r |= 2u;
    int t = (v % 3 == 0) ? a_counted(v) : b_counted(v);
    y[i] = r | (uint(t + 1000) << 8);
}
