#version 450
#extension GL_EXT_debug_printf : require
// Prints each invocation's index and a value computed from it.
layout(local_size_x = 4) in;
void main() {
    uint i = gl_LocalInvocationIndex;
    debugPrintfEXT("softvk printf test: invocation %u has value %d", i, int(i) * 7 - 3);
}
