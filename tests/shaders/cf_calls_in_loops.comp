#version 450
// glslc: -O0
// Calls inside loops inside calls: a function that returns from inside its loop is called
// from a loop in another function that itself returns early, called from main's loop,
// which continues or breaks on the result. Invocations leave every level at different
// iterations.
layout(local_size_x = 32) in;
layout(set = 0, binding = 0) readonly buffer In { uint x[]; };
layout(set = 0, binding = 1) writeonly buffer Out { uint y[]; };
uint first_divisor(uint v, uint from) {
    for (uint d = from; d * d <= v; d++) {
        if (v % d == 0u) return d;
    }
    return v;
}
uint largest_prime_factor(uint v, uint limit) {
    uint best = 1u;
    uint steps = 0u;
    while (v > 1u) {
        uint d = first_divisor(v, 2u);
        best = max(best, d);
        v /= d;
        if (++steps == limit) return best + 1000000u;
    }
    return best;
}
void main() {
    uint i = gl_GlobalInvocationID.x;
    uint acc = 0u;
    for (uint k = 0u; k < 6u; k++) {
        uint p = largest_prime_factor(x[i] + k, 4u);
        if (p > 1000000u) continue;
        if (p == x[i] + k && k > 0u) break;
        acc = acc * 7u + p;
    }
    y[i] = acc;
}
