//! VK_EXT_private_data: values attached to objects of every kind, per slot. Each (object,
//! slot) pair holds its own value, an object never given one reads 0, a value can be
//! replaced, and destroying a slot leaves the others alone.

use ash::vk;
use ash::vk::Handle;
use softvk_tests::features::context_with;
use softvk_tests::ShaderFeatures;

#[test]
fn private_data_slots_keep_one_value_per_object_and_slot() {
    let features = ShaderFeatures { private_data: true, ..Default::default() };
    let Some(ctx) = context_with("private_data", features) else { return };
    let pd = ash::ext::private_data::Device::new(&ctx.instance, &ctx.device);
    // SAFETY: every handle used belongs to ctx.device and is live while it is used; the
    // slots and objects made here are destroyed at the end.
    unsafe {
        let slot_a = pd.create_private_data_slot(&vk::PrivateDataSlotCreateInfo::default(), None).expect("slot a");
        let slot_b = pd.create_private_data_slot(&vk::PrivateDataSlotCreateInfo::default(), None).expect("slot b");
        let event = ctx.device.create_event(&vk::EventCreateInfo::default(), None).unwrap();
        let fence = ctx.device.create_fence(&vk::FenceCreateInfo::default(), None).unwrap();
        let buffer = ctx.create_buffer(64, vk::BufferUsageFlags::STORAGE_BUFFER);
        let objects: [(vk::ObjectType, u64); 5] = [
            (vk::ObjectType::DEVICE, ctx.device.handle().as_raw()),
            (vk::ObjectType::QUEUE, ctx.queue.as_raw()),
            (vk::ObjectType::EVENT, event.as_raw()),
            (vk::ObjectType::FENCE, fence.as_raw()),
            (vk::ObjectType::BUFFER, buffer.buffer.as_raw()),
        ];
        let get = |slot: vk::PrivateDataSlot, (ty, handle): (vk::ObjectType, u64)| {
            let mut data = 0xdead_beefu64;
            (pd.fp().get_private_data_ext)(ctx.device.handle(), ty, handle, slot, &mut data);
            data
        };
        let set = |slot: vk::PrivateDataSlot, (ty, handle): (vk::ObjectType, u64), value: u64| {
            assert_eq!((pd.fp().set_private_data_ext)(ctx.device.handle(), ty, handle, slot, value), vk::Result::SUCCESS);
        };
        for &object in &objects {
            assert_eq!(get(slot_a, object), 0, "{object:?} reads 0 before any value");
        }
        for (k, &object) in objects.iter().enumerate() {
            set(slot_a, object, 0x1000 + k as u64);
            set(slot_b, object, u64::MAX - k as u64);
        }
        for (k, &object) in objects.iter().enumerate() {
            assert_eq!(get(slot_a, object), 0x1000 + k as u64, "slot a of {object:?}");
            assert_eq!(get(slot_b, object), u64::MAX - k as u64, "slot b of {object:?}");
        }
        set(slot_a, objects[2], 7);
        assert_eq!(get(slot_a, objects[2]), 7, "a value is replaced");
        assert_eq!(get(slot_b, objects[2]), u64::MAX - 2, "the other slot keeps its own");
        pd.destroy_private_data_slot(slot_a, None);
        assert_eq!(get(slot_b, objects[4]), u64::MAX - 4, "destroying a slot leaves the others");
        pd.destroy_private_data_slot(slot_b, None);
        ctx.device.destroy_event(event, None);
        ctx.device.destroy_fence(fence, None);
        drop(buffer);
    }
}
