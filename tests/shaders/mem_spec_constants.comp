#version 450
// glslc: -O0
// Specialisation constants of every scalar kind and constants derived from them
// (OpSpecConstantOp: arithmetic, shifts, comparisons, logic, select), one sizing an
// array, and a spec-constant composite. -O0 keeps every OpSpecConstantOp.
layout(local_size_x = 1) in;
layout(constant_id = 0) const int A = 3;
layout(constant_id = 1) const uint B = 5u;
layout(constant_id = 2) const bool C = false;
layout(constant_id = 3) const float D = 1.5;
layout(constant_id = 4) const int E = 10;
const int SUM = A + E;
const int PROD = A * E;
const int QUOT = E / A;
const uint SHIFTED = B << 2u;
const uint MIXED = (B ^ 0xffu) & uint(A + 8);
const bool NOT_C = !C;
const bool LESS = A < E;
const int PICK = C ? A : E;
const int NEG = -A;
const int LEN = A + 2;
const ivec2 PAIR = ivec2(A, E);
layout(set = 0, binding = 0) writeonly buffer Out { int r[]; };
void main() {
    int arr[LEN];
    for (int k = 0; k < LEN; k++) arr[k] = k;
    r[0] = A; r[1] = int(B); r[2] = int(C); r[3] = int(D * 4.0); r[4] = E;
    r[5] = SUM; r[6] = PROD; r[7] = QUOT; r[8] = int(SHIFTED); r[9] = int(MIXED);
    r[10] = int(NOT_C); r[11] = int(LESS); r[12] = PICK; r[13] = NEG;
    r[14] = arr.length(); r[15] = arr[LEN - 1];
    r[16] = PAIR.x * 100 + PAIR.y;
}
