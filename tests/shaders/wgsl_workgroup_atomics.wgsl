// WGSL workgroup memory and atomics through naga: var<workgroup> arrays and atomics,
// workgroupBarrier, atomicAdd/Max/Min/Or/Exchange and atomicCompareExchangeWeak on
// workgroup and storage atomics.
struct Totals {
    sum: atomic<u32>,
    max_value: atomic<u32>,
    min_value: atomic<i32>,
    bits: atomic<u32>,
}
@group(0) @binding(0) var<storage, read> input: array<u32>;
@group(0) @binding(1) var<storage, read_write> totals: Totals;
@group(0) @binding(2) var<storage, read_write> per_group: array<vec4<u32>>;

var<workgroup> local_sum: atomic<u32>;
var<workgroup> winner: atomic<u32>;
var<workgroup> last: atomic<u32>;
var<workgroup> staged: array<u32, 64>;

@compute @workgroup_size(64)
fn main(@builtin(global_invocation_id) gid: vec3<u32>, @builtin(local_invocation_index) li: u32,
        @builtin(workgroup_id) wg: vec3<u32>) {
    let v = input[gid.x];
    staged[li] = v;
    atomicAdd(&local_sum, v);
    let exchange = atomicCompareExchangeWeak(&winner, 0u, li + 1u);
    atomicExchange(&last, li + 1u);
    workgroupBarrier();
    let neighbour = staged[(li + 1u) % 64u];
    atomicAdd(&totals.sum, neighbour);
    atomicMax(&totals.max_value, v);
    atomicMin(&totals.min_value, i32(v) - 1000);
    atomicOr(&totals.bits, 1u << (v % 32u));
    if li == 0u {
        per_group[wg.x] = vec4<u32>(atomicLoad(&local_sum), atomicLoad(&winner), atomicLoad(&last), 0u);
    }
    if exchange.exchanged {
        per_group[wg.x + 4u] = vec4<u32>(li + 1u, exchange.old_value, 1u, 0u);
    }
}
