#version 450
// Spins until data[0] becomes 1, which nothing ever writes: a shader that never ends.
layout(local_size_x = 1) in;
layout(set = 0, binding = 0) buffer Data { uint data[]; };
void main() {
    uint spins = 0;
    while (data[0] != 1u) {
        spins++;
    }
    data[1] = spins;
}
