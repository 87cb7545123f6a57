// A linked list walked through buffer_reference pointers (GL_EXT_buffer_reference): the
// head comes in push constants, every node holds the address of the next (0 ends it), and
// the nodes lie in two buffers. Invocation i skips i % 5 nodes, then sums the values and
// counts the nodes that follow, and writes both to the output buffer.
#version 450
#extension GL_EXT_buffer_reference : require
#extension GL_EXT_shader_explicit_arithmetic_types_int64 : require

layout(local_size_x = 16) in;

layout(buffer_reference) buffer Node;
layout(buffer_reference, std430, buffer_reference_align = 8) buffer Node {
    Node next;
    uint value;
};

layout(push_constant) uniform Push {
    Node head;
    uint invocations;
} pc;

layout(set = 0, binding = 0, std430) buffer Out {
    uvec2 results[];
};

void main() {
    uint i = gl_GlobalInvocationID.x;
    if (i >= pc.invocations) {
        return;
    }
    Node node = pc.head;
    for (uint k = 0; k < i % 5 && uint64_t(node) != 0; k++) {
        node = node.next;
    }
    uint sum = 0;
    uint count = 0;
    while (uint64_t(node) != 0) {
        sum += node.value;
        count++;
        node = node.next;
    }
    results[i] = uvec2(sum, count);
}
