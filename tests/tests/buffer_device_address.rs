//! VK_KHR_buffer_device_address: buffer addresses from `vkGetBufferDeviceAddressKHR`, and
//! shaders reaching memory through them (`PhysicalStorageBuffer` pointers from GLSL's
//! GL_EXT_buffer_reference): a linked list walked through pointers, pointers stored in
//! buffers and push constants, pointer arithmetic, atomics through a pointer, and accesses
//! through addresses that are no buffer's.
//!
//! Every buffer here is host-visible memory allocated with
//! `VK_MEMORY_ALLOCATE_DEVICE_ADDRESS_BIT`; the host writes the addresses the driver gave
//! into the buffers, runs one dispatch and checks the results against values computed
//! here.

use ash::vk;
use softvk_tests::compute::{bytes_of, spirv, values_of};
use softvk_tests::features::context_with;
use softvk_tests::{Context, ShaderFeatures};

fn features() -> ShaderFeatures {
    ShaderFeatures { buffer_device_address: true, int64: true, ..Default::default() }
}

/// A mapped storage buffer with its own memory, which has a device address.
struct AddressBuffer<'c> {
    ctx: &'c Context,
    buffer: vk::Buffer,
    memory: vk::DeviceMemory,
    size: usize,
    ptr: *mut u8,
    address: u64,
}

fn buffer_address(ctx: &Context, buffer: vk::Buffer) -> u64 {
    let functions = ctx.load_device_functions(ash::khr::buffer_device_address::Device::new);
    // SAFETY: the buffer is bound to memory allocated with DEVICE_ADDRESS and has
    // SHADER_DEVICE_ADDRESS usage; the feature is enabled.
    unsafe { functions.get_buffer_device_address(&vk::BufferDeviceAddressInfo::default().buffer(buffer)) }
}

/// Memory of `size` bytes allocated with a device address.
fn address_memory(ctx: &Context, size: u64, type_bits: u32) -> vk::DeviceMemory {
    let type_index = ctx
        .memory_type_index(type_bits, vk::MemoryPropertyFlags::HOST_VISIBLE | vk::MemoryPropertyFlags::HOST_COHERENT)
        .expect("a host-visible coherent memory type");
    let mut flags = vk::MemoryAllocateFlagsInfo::default().flags(vk::MemoryAllocateFlags::DEVICE_ADDRESS);
    let info = vk::MemoryAllocateInfo::default().allocation_size(size).memory_type_index(type_index).push_next(&mut flags);
    // SAFETY: valid allocate info; bufferDeviceAddress is enabled.
    unsafe { ctx.device.allocate_memory(&info, None) }.expect("vkAllocateMemory with DEVICE_ADDRESS")
}

fn create_buffer(ctx: &Context, size: u64) -> vk::Buffer {
    let usage = vk::BufferUsageFlags::STORAGE_BUFFER | vk::BufferUsageFlags::SHADER_DEVICE_ADDRESS;
    let info = vk::BufferCreateInfo::default().size(size).usage(usage).sharing_mode(vk::SharingMode::EXCLUSIVE);
    // SAFETY: valid create info.
    unsafe { ctx.device.create_buffer(&info, None) }.expect("vkCreateBuffer")
}

impl<'c> AddressBuffer<'c> {
    /// A zeroed buffer of `size` bytes (a multiple of 4) on memory of exactly the size it
    /// requires.
    fn new(ctx: &'c Context, size: usize) -> Self {
        let buffer = create_buffer(ctx, size as u64);
        // SAFETY: buffer is live; the memory is bound once, at offset 0, and mapped whole.
        unsafe {
            let requirements = ctx.device.get_buffer_memory_requirements(buffer);
            let memory = address_memory(ctx, requirements.size, requirements.memory_type_bits);
            ctx.device.bind_buffer_memory(buffer, memory, 0).expect("vkBindBufferMemory");
            let ptr = ctx.device.map_memory(memory, 0, vk::WHOLE_SIZE, vk::MemoryMapFlags::empty()).expect("vkMapMemory") as *mut u8;
            std::ptr::write_bytes(ptr, 0, size);
            let address = buffer_address(ctx, buffer);
            AddressBuffer { ctx, buffer, memory, size, ptr, address }
        }
    }

    fn with(ctx: &'c Context, data: &[u8]) -> Self {
        let b = Self::new(ctx, data.len().next_multiple_of(4).max(4));
        b.write(0, data);
        b
    }

    fn write(&self, offset: usize, data: &[u8]) {
        assert!(offset + data.len() <= self.size);
        // SAFETY: in bounds of the mapping; no dispatch runs meanwhile.
        unsafe { std::ptr::copy_nonoverlapping(data.as_ptr(), self.ptr.add(offset), data.len()) }
    }

    fn read(&self) -> Vec<u8> {
        // SAFETY: the mapping holds `size` bytes; read after the dispatch's fence.
        unsafe { std::slice::from_raw_parts(self.ptr, self.size) }.to_vec()
    }
}

impl Drop for AddressBuffer<'_> {
    fn drop(&mut self) {
        // SAFETY: the dispatches that used the buffer have finished.
        unsafe {
            self.ctx.device.destroy_buffer(self.buffer, None);
            self.ctx.device.free_memory(self.memory, None);
        }
    }
}

/// Runs `shader` once over `groups` with `storage[i]` at set 0, binding i, and `push` as
/// push constants.
fn dispatch(ctx: &Context, shader: &str, storage: &[&AddressBuffer], push: &[u8], groups: u32) {
    let device = &ctx.device;
    let bindings: Vec<vk::DescriptorSetLayoutBinding> = (0..storage.len() as u32)
        .map(|i| {
            vk::DescriptorSetLayoutBinding::default()
                .binding(i)
                .descriptor_type(vk::DescriptorType::STORAGE_BUFFER)
                .descriptor_count(1)
                .stage_flags(vk::ShaderStageFlags::COMPUTE)
        })
        .collect();
    let code = spirv(shader);
    // SAFETY: every create info is valid and outlives its call; every object is destroyed
    // after the submission has finished.
    unsafe {
        let set_layout = device
            .create_descriptor_set_layout(&vk::DescriptorSetLayoutCreateInfo::default().bindings(&bindings), None)
            .expect("vkCreateDescriptorSetLayout");
        let set_layouts = [set_layout];
        let ranges = [vk::PushConstantRange::default().stage_flags(vk::ShaderStageFlags::COMPUTE).size(push.len() as u32)];
        let mut layout_info = vk::PipelineLayoutCreateInfo::default().set_layouts(&set_layouts);
        if !push.is_empty() {
            layout_info = layout_info.push_constant_ranges(&ranges);
        }
        let layout = device.create_pipeline_layout(&layout_info, None).expect("vkCreatePipelineLayout");
        let module = device.create_shader_module(&vk::ShaderModuleCreateInfo::default().code(&code), None).expect("vkCreateShaderModule");
        let stage = vk::PipelineShaderStageCreateInfo::default().stage(vk::ShaderStageFlags::COMPUTE).module(module).name(c"main");
        let info = vk::ComputePipelineCreateInfo::default().stage(stage).layout(layout);
        let pipeline = device.create_compute_pipelines(vk::PipelineCache::null(), &[info], None).expect("vkCreateComputePipelines")[0];
        let sizes = [vk::DescriptorPoolSize { ty: vk::DescriptorType::STORAGE_BUFFER, descriptor_count: storage.len().max(1) as u32 }];
        let pool = device
            .create_descriptor_pool(&vk::DescriptorPoolCreateInfo::default().max_sets(1).pool_sizes(&sizes), None)
            .expect("vkCreateDescriptorPool");
        let set = device
            .allocate_descriptor_sets(&vk::DescriptorSetAllocateInfo::default().descriptor_pool(pool).set_layouts(&set_layouts))
            .expect("vkAllocateDescriptorSets")[0];
        let infos: Vec<[vk::DescriptorBufferInfo; 1]> =
            storage.iter().map(|b| [vk::DescriptorBufferInfo { buffer: b.buffer, offset: 0, range: vk::WHOLE_SIZE }]).collect();
        let writes: Vec<vk::WriteDescriptorSet> = infos
            .iter()
            .enumerate()
            .map(|(i, info)| {
                vk::WriteDescriptorSet::default()
                    .dst_set(set)
                    .dst_binding(i as u32)
                    .descriptor_type(vk::DescriptorType::STORAGE_BUFFER)
                    .buffer_info(info)
            })
            .collect();
        device.update_descriptor_sets(&writes, &[]);
        ctx.run(|cb| {
            device.cmd_bind_pipeline(cb, vk::PipelineBindPoint::COMPUTE, pipeline);
            device.cmd_bind_descriptor_sets(cb, vk::PipelineBindPoint::COMPUTE, layout, 0, &[set], &[]);
            if !push.is_empty() {
                device.cmd_push_constants(cb, layout, vk::ShaderStageFlags::COMPUTE, 0, push);
            }
            device.cmd_dispatch(cb, groups, 1, 1);
        });
        device.destroy_descriptor_pool(pool, None);
        device.destroy_pipeline(pipeline, None);
        device.destroy_shader_module(module, None);
        device.destroy_pipeline_layout(layout, None);
        device.destroy_descriptor_set_layout(set_layout, None);
    }
}

#[test]
fn buffer_addresses_are_nonzero_distinct_and_follow_the_bind_offset() {
    let Some(ctx) = context_with("buffer_addresses_are_nonzero_distinct_and_follow_the_bind_offset", features()) else { return };
    let (a, b) = (create_buffer(&ctx, 256), create_buffer(&ctx, 256));
    // SAFETY: both buffers are live; the memory is large enough for both at these offsets.
    unsafe {
        let requirements = ctx.device.get_buffer_memory_requirements(a);
        let second = 4 * requirements.size.max(requirements.alignment);
        let memory = address_memory(&ctx, second + requirements.size, requirements.memory_type_bits);
        ctx.device.bind_buffer_memory(a, memory, 0).expect("bind a");
        ctx.device.bind_buffer_memory(b, memory, second).expect("bind b");
        let other = AddressBuffer::new(&ctx, 256);
        let (address_a, address_b) = (buffer_address(&ctx, a), buffer_address(&ctx, b));
        assert_ne!(address_a, 0, "a device address is never 0");
        assert_eq!(address_b - address_a, second, "two buffers of one memory are as far apart as their offsets");
        assert_eq!(buffer_address(&ctx, a), address_a, "the address is stable");
        let other_range = other.address..other.address + 256;
        assert!(!other_range.contains(&address_a) && !other_range.contains(&address_b), "another memory has other addresses");
        ctx.device.destroy_buffer(a, None);
        ctx.device.destroy_buffer(b, None);
        ctx.device.free_memory(memory, None);
    }
}

#[test]
fn linked_list_across_two_buffers_is_walked_through_buffer_references() {
    let Some(ctx) = context_with("linked_list_across_two_buffers_is_walked_through_buffer_references", features()) else { return };
    const NODES: usize = 40;
    const NODE_BYTES: usize = 16; // Node { Node next @0; uint value @8 }, 8-aligned
    let halves = [AddressBuffer::new(&ctx, NODES / 2 * NODE_BYTES), AddressBuffer::new(&ctx, NODES / 2 * NODE_BYTES)];
    // Node k lives in buffer k % 2, slot k / 2; the list visits the nodes in a shuffled order.
    let place = |k: usize| (k % 2, k / 2 * NODE_BYTES);
    let address = |k: usize| halves[place(k).0].address + place(k).1 as u64;
    let order: Vec<usize> = (0..NODES).map(|j| (j * 17 + 5) % NODES).collect();
    let value = |k: usize| k as u32 * 3 + 1;
    for (j, &k) in order.iter().enumerate() {
        let next = order.get(j + 1).map_or(0, |&n| address(n));
        let (half, offset) = place(k);
        halves[half].write(offset, &bytes_of(&[next]));
        halves[half].write(offset + 8, &bytes_of(&[value(k)]));
    }
    let invocations = 44u32;
    let out = AddressBuffer::new(&ctx, invocations as usize * 8);
    let mut push = bytes_of(&[address(order[0])]);
    push.extend(bytes_of(&[invocations]));
    dispatch(&ctx, "bda_linked_list", &[&out], &push, invocations.div_ceil(16));
    let results: Vec<u32> = values_of(&out.read());
    for i in 0..invocations as usize {
        let rest = &order[i % 5..];
        let expected = [rest.iter().map(|&k| value(k)).sum::<u32>(), rest.len() as u32];
        assert_eq!(results[2 * i..2 * i + 2], expected, "invocation {i}: (sum, count) after skipping {} nodes", i % 5);
    }
}

#[test]
fn pointers_in_a_storage_buffer_with_arithmetic_stores_and_atomics() {
    let Some(ctx) = context_with("pointers_in_a_storage_buffer_with_arithmetic_stores_and_atomics", features()) else { return };
    let n = 50usize;
    let src_values: Vec<f32> = (0..n).map(|i| i as f32 * 0.25 + 1.0).collect();
    let src = AddressBuffer::with(&ctx, &bytes_of(&src_values));
    let dst = AddressBuffer::new(&ctx, n * 4);
    let tags: Vec<u32> = (0..n as u32).map(|i| i.wrapping_mul(0x9e37_79b9)).collect();
    let pairs = AddressBuffer::new(&ctx, n * 16); // Pair { vec2 a @0; uint tag @8 }, stride 16
    for i in 0..n {
        pairs.write(16 * i, &bytes_of(&[i as f32, -(i as f32) * 0.5]));
        pairs.write(16 * i + 8, &bytes_of(&[tags[i]]));
    }
    let counters = AddressBuffer::new(&ctx, 16); // { uint hits; uint max_index; uint sum; uint bits }
    let lanes = AddressBuffer::new(&ctx, 64);
    // Table: src @0, dst @8, pairs @16, counters as uvec2 @24, lanes[4] @32 (stride 8), n @64.
    let table = AddressBuffer::new(&ctx, 80);
    table.write(0, &bytes_of(&[src.address, dst.address, pairs.address]));
    table.write(24, &bytes_of(&[counters.address as u32, (counters.address >> 32) as u32]));
    let lane_addresses: Vec<u64> = (0..4).map(|k| lanes.address + 4 * (3 * k + 1)).collect();
    table.write(32, &bytes_of(&lane_addresses));
    table.write(64, &bytes_of(&[n as u32]));
    dispatch(&ctx, "bda_pointer_math", &[&table], &[], n.div_ceil(32) as u32);

    let d: Vec<u32> = values_of(&dst.read());
    for i in 0..n {
        let f = src_values[i];
        assert_eq!(d[i], (f * 2.0).to_bits() ^ f.to_bits() ^ tags[i], "dst[{i}]: stored through table.dst + i");
    }
    let p = pairs.read();
    for i in 0..n {
        let a: Vec<f32> = values_of(&p[16 * i..16 * i + 8]);
        assert_eq!(a, [src_values[i] + i as f32, i as f32 - i as f32 * 0.5], "pairs[{i}].a");
        assert_eq!(values_of::<u32>(&p[16 * i + 8..16 * i + 12]), [tags[i]], "pairs[{i}].tag is not written");
    }
    let c = counters.read();
    let sum = (0..n as u32).map(|i| i * 3).sum::<u32>();
    let bits = (0..n as u32).fold(0u32, |b, i| b | 1 << (i % 32));
    assert_eq!(values_of::<u32>(&c), [n as u32, n as u32 - 1, sum, bits], "atomicAdd, atomicMax and atomicOr through a uvec2 reference");
    let l: Vec<u32> = values_of(&lanes.read());
    let mut expected = vec![0u32; 16];
    for k in 0..4 {
        expected[3 * k + 1] = 4 * k as u32;
    }
    assert_eq!(l, expected, "stores through the pointers of table.lanes");
}

/// Only on softvk: on other drivers an address outside every buffer is undefined behaviour
/// (lavapipe dereferences it and crashes). softvk resolves every address against the
/// memory allocated with device addresses: loads read 0, stores and atomics are dropped, and
/// the rest of the dispatch runs normally.
#[test]
fn accesses_through_addresses_outside_every_buffer_read_zero_and_write_nothing() {
    let Some(ctx) = context_with("accesses_through_addresses_outside_every_buffer_read_zero_and_write_nothing", features()) else {
        return;
    };
    if !ctx.is_softvk {
        eprintln!("skipped on {}: a garbage device address is undefined behaviour there", ctx.device_name());
        return;
    }
    let good = AddressBuffer::new(&ctx, 64);
    let neighbour = AddressBuffer::with(&ctx, &[0x5a; 256]);
    for bad in [0x1234_5678_9abc_0000u64, 8, good.address - 4096, neighbour.address + 4096] {
        good.write(0, &[0; 64]);
        let mut push = bytes_of(&[bad]);
        push.extend(bytes_of(&[good.address]));
        dispatch(&ctx, "bda_bad_address", &[], &push, 1);
        let words: Vec<u32> = values_of(&good.read());
        assert_eq!(words[..8], [1; 8], "through {bad:#x}: loads and atomics read 0");
        assert_eq!(words[8..], [0; 8], "through {bad:#x}: nothing else of the buffer is written");
        assert_eq!(neighbour.read(), vec![0x5a; 256], "through {bad:#x}: another allocation is untouched");
    }
}

#[test]
fn ptr_access_chain_moves_by_array_stride_with_negative_and_64bit_indices() {
    let Some(ctx) = context_with("ptr_access_chain_moves_by_array_stride_with_negative_and_64bit_indices", features()) else {
        return;
    };
    let src_values: Vec<u32> = (0..16).map(|i| i * 7 + 3).collect();
    let src = AddressBuffer::with(&ctx, &bytes_of(&src_values));
    let out = AddressBuffer::new(&ctx, 16 * 4);
    let push = bytes_of(&[src.address, out.address]);
    dispatch(&ctx, "asm_physical_pointers", &[], &push, 1);
    let expected: Vec<u32> = src_values.iter().map(|v| v + 1000 * src_values[2] + 100_000 * src_values[4]).collect();
    assert_eq!(values_of::<u32>(&out.read()), expected, "out[i] = src[i] + 1000 src[2] + 100000 src[4]");
}
