#version 450
// A compare-and-swap loop (retry until no other invocation changed the word in between)
// that multiplies one word by every invocation's odd factor, modulo 2^32.
layout(local_size_x = 32) in;
layout(set = 0, binding = 0) buffer Word { uint product; uint retries; };
layout(set = 0, binding = 1) readonly buffer In { uint factor[]; };
void main() {
    uint f = factor[gl_GlobalInvocationID.x];
    uint old = atomicAdd(product, 0u);
    uint tries = 0u;
    while (true) {
        uint seen = atomicCompSwap(product, old, old * f);
        if (seen == old) break;
        old = seen;
        tries++;
    }
    atomicAdd(retries, tries);
}
