#version 450
#extension GL_EXT_terminate_invocation : require
// terminateInvocation (OpTerminateInvocation) in a function called from divergent
// control flow.
layout(location = 0) flat in int v_value;
layout(location = 0) out int o_value;

void check(int v) {
    if (v > 2) {
        terminateInvocation;
    }
}

void main() {
    o_value = -1;
    if (v_value != 0) {
        check(v_value);
        o_value = v_value * 2;
    }
}
