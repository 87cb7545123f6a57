#version 450
// for, while and do-while loops with data-dependent trip counts, continue and break; a
// do-while whose condition is false at once still runs its body one time.
layout(local_size_x = 32) in;
layout(set = 0, binding = 0) readonly buffer In { uint x[]; };
layout(set = 0, binding = 1) writeonly buffer Out { uvec4 y[]; };
void main() {
    uint i = gl_GlobalInvocationID.x;
    uint n = x[i];
    // for: skip multiples of 3, stop at the first multiple of 7 past 10.
    uint a = 0u;
    for (uint k = 0u; k < n; ++k) {
        if (k % 3u == 0u) continue;
        if (k > 10u && k % 7u == 0u) break;
        a += k;
    }
    // while: halve until odd, counting; stop at 5 steps.
    uint b = n + 1u;
    uint steps = 0u;
    while ((b & 1u) == 0u) {
        b >>= 1;
        steps++;
        if (steps == 5u) break;
    }
    // do-while: runs once even when n == 0.
    uint c = 0u;
    uint m = n;
    do {
        c += 2u;
        if (m == 3u) { m = 0u; continue; }
    } while (m-- > 5u);
    y[i] = uvec4(a, b, steps, c);
}
