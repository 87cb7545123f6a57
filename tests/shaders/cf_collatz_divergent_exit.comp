#version 450
// A loop whose invocations leave at different iterations (Collatz step counts): values
// computed in the loop must be each invocation's own last ones.
layout(local_size_x = 64) in;
layout(set = 0, binding = 0) readonly buffer In { uint x[]; };
layout(set = 0, binding = 1) writeonly buffer Out { uvec2 y[]; };
void main() {
    uint i = gl_GlobalInvocationID.x;
    uint v = x[i];
    uint steps = 0u;
    uint peak = v;
    while (v != 1u) {
        v = (v & 1u) != 0u ? 3u * v + 1u : v / 2u;
        peak = max(peak, v);
        steps++;
    }
    y[i] = uvec2(steps, peak);
}
