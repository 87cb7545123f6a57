//! The loader interface and the physical-device queries, seen through the Khronos loader:
//! enumeration idioms, device identity, properties/features chains, queue family and
//! memory properties, and tolerance of unknown structures in pNext chains.

use ash::vk;
use softvk_tests::*;
use std::ffi::{c_char, c_void};
use std::time::Duration;

/// Checks the two-call idiom of an enumeration (spec: "Opaque Object Enumeration" /
/// "Object Enumeration"): a NULL array gives the count, a full array gives SUCCESS, a
/// too-small array gives INCOMPLETE and the number written. Returns the full list.
fn check_two_call_idiom<T: Default + Clone>(
    what: &str,
    name_of: impl Fn(&T) -> String,
    mut call: impl FnMut(*mut u32, *mut T) -> vk::Result,
) -> Vec<T> {
    let mut count = u32::MAX;
    assert_eq!(call(&mut count, std::ptr::null_mut()), vk::Result::SUCCESS, "{what}: count query");
    assert_ne!(count, u32::MAX, "{what}: count not written");
    let mut items = vec![T::default(); count as usize + 1];
    let mut written = count;
    assert_eq!(call(&mut written, items.as_mut_ptr()), vk::Result::SUCCESS, "{what}: full query");
    assert_eq!(written, count, "{what}: full query wrote a different count");
    items.truncate(count as usize);

    // One more slot than needed is still SUCCESS, with the count corrected.
    let mut roomy = vec![T::default(); count as usize + 1];
    let mut room = count + 1;
    assert_eq!(call(&mut room, roomy.as_mut_ptr()), vk::Result::SUCCESS, "{what}: oversized array");
    assert_eq!(room, count, "{what}: oversized array: count must be set to the number written");

    if count > 0 {
        let mut short = vec![T::default(); count as usize];
        let mut n = count - 1;
        assert_eq!(call(&mut n, short.as_mut_ptr()), vk::Result::INCOMPLETE, "{what}: array one too small");
        assert_eq!(n, count - 1, "{what}: INCOMPLETE must report the number written");
        for i in 0..n as usize {
            assert_eq!(name_of(&short[i]), name_of(&items[i]), "{what}: partial result differs at {i}");
        }
        let mut zero = 0u32;
        assert_eq!(call(&mut zero, short.as_mut_ptr()), vk::Result::INCOMPLETE, "{what}: zero-sized array");
        assert_eq!(zero, 0, "{what}: zero-sized array");
    } else {
        eprintln!("note: {what} is empty; INCOMPLETE path not exercised");
    }
    items
}

fn extension_name(e: &vk::ExtensionProperties) -> String {
    e.extension_name_as_c_str().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default()
}

fn layer_name(l: &vk::LayerProperties) -> String {
    l.layer_name_as_c_str().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default()
}

/// A structure no Vulkan version or extension defines, to put in pNext chains.
fn unknown_struct() -> vk::BaseInStructure<'static> {
    vk::BaseInStructure { s_type: vk::StructureType::from_raw(1_000_999_999), ..Default::default() }
}

/// The softvk manifest's `"api_version"` value, e.g. "1.1.0".
fn manifest_api_version() -> Option<String> {
    let text = std::fs::read_to_string(icd_manifest()).ok()?;
    let after = &text[text.find("\"api_version\"")? + "\"api_version\"".len()..];
    let start = after.find('"')? + 1;
    let end = start + after[start..].find('"')?;
    Some(after[start..end].to_string())
}

fn version_string(v: u32) -> String {
    format!("{}.{}.{}", vk::api_version_major(v), vk::api_version_minor(v), vk::api_version_patch(v))
}

#[test]
fn instance_version_is_at_least_1_1() {
    let entry = load_entry();
    // The loader answers this itself (its own version), whatever the ICD supports.
    // SAFETY: entry is a loaded loader.
    let version = unsafe { entry.try_enumerate_instance_version() }
        .expect("vkEnumerateInstanceVersion failed")
        .unwrap_or(vk::API_VERSION_1_0);
    eprintln!("instance version: {}", version_string(version));
    assert!(vk::api_version_major(version) == 1 && vk::api_version_minor(version) >= 1);
}

#[test]
fn instance_extension_enumeration_follows_two_call_idiom() {
    let entry = load_entry();
    let f = entry.fp_v1_0().enumerate_instance_extension_properties;
    let extensions = check_two_call_idiom("instance extensions", extension_name, |count, data| {
        // SAFETY: count is valid, data is null or has room for *count elements.
        unsafe { f(std::ptr::null(), count, data) }
    });
    let names: Vec<String> = extensions.iter().map(extension_name).collect();
    eprintln!("instance extensions: {names:?}");
    // Core 1.1 makes this one redundant, but every 1.1 loader+ICD still offers it.
    assert!(names.iter().any(|n| n == "VK_KHR_get_physical_device_properties2"));
}

#[test]
fn instance_layer_enumeration_follows_two_call_idiom() {
    let entry = load_entry();
    let f = entry.fp_v1_0().enumerate_instance_layer_properties;
    let layers = check_two_call_idiom("instance layers", layer_name, |count, data| {
        // SAFETY: as above.
        unsafe { f(count, data) }
    });
    eprintln!("instance layers: {:?}", layers.iter().map(layer_name).collect::<Vec<_>>());
}

#[test]
fn device_extension_and_layer_enumeration_follow_two_call_idiom() {
    let entry = load_entry();
    let instance = create_instance(&entry);
    let (pd, _) = select_physical_device(&instance);
    let fp = instance.fp_v1_0();
    let extensions = check_two_call_idiom("device extensions", extension_name, |count, data| {
        // SAFETY: as above; pd belongs to instance.
        unsafe { (fp.enumerate_device_extension_properties)(pd, std::ptr::null(), count, data) }
    });
    eprintln!("device extensions: {:?}", extensions.iter().map(extension_name).collect::<Vec<_>>());
    // Every advertised name is unique.
    let mut names: Vec<String> = extensions.iter().map(extension_name).collect();
    names.sort();
    let before = names.len();
    names.dedup();
    assert_eq!(names.len(), before, "duplicate device extension names");
    check_two_call_idiom("device layers", layer_name, |count, data| {
        // SAFETY: as above.
        unsafe { (fp.enumerate_device_layer_properties)(pd, count, data) }
    });
    destroy_instance(&instance);
}

#[test]
fn physical_device_enumeration_follows_two_call_idiom() {
    let entry = load_entry();
    let instance = create_instance(&entry);
    let f = instance.fp_v1_0().enumerate_physical_devices;
    let handle = instance.handle();
    let devices = check_two_call_idiom(
        "physical devices",
        |d: &vk::PhysicalDevice| format!("{d:?}"),
        |count, data| {
            // SAFETY: as above.
            unsafe { f(handle, count, data) }
        },
    );
    assert_eq!(
        devices.len(),
        1,
        "the loader must see exactly one physical device through {}",
        icd_manifest().display()
    );
    destroy_instance(&instance);
}

#[test]
fn the_one_device_is_a_cpu_named_softvk_at_api_1_1() {
    let entry = load_entry();
    let instance = create_instance(&entry);
    let (_, props) = select_physical_device(&instance);
    let name = device_name(&props);
    eprintln!(
        "device: {name}, apiVersion {}, driverVersion {:#x}",
        version_string(props.api_version),
        props.driver_version
    );
    assert_eq!(props.device_type, vk::PhysicalDeviceType::CPU);
    assert!(vk::api_version_major(props.api_version) == 1 && vk::api_version_minor(props.api_version) >= 1);
    if name == SOFTVK_DEVICE_NAME {
        assert_eq!(
            (vk::api_version_major(props.api_version), vk::api_version_minor(props.api_version)),
            (1, 1),
            "softvk reports apiVersion 1.1"
        );
        if !icd_overridden() {
            let manifest = manifest_api_version().expect("icd.json has an api_version");
            assert!(
                manifest.starts_with(&format!("1.{}.", vk::api_version_minor(props.api_version))),
                "icd.json api_version {manifest} disagrees with the device's {}",
                version_string(props.api_version)
            );
        }
    } else {
        assert!(icd_overridden(), "only an overridden run may test a device not named softvk");
        eprintln!("note: device is {name:?}, not softvk: softvk-only assertions skipped");
    }
    destroy_instance(&instance);
}

/// The identity properties of the device under test, from a fresh instance.
struct Identity {
    device_uuid: [u8; vk::UUID_SIZE],
    driver_uuid: [u8; vk::UUID_SIZE],
}

/// A value no VkBool32 may hold, to see that the driver wrote a member.
const NOT_WRITTEN: vk::Bool32 = 0xDEAD;

fn query_identity() -> Identity {
    let entry = load_entry();
    let instance = create_instance(&entry);
    let (pd, props) = select_physical_device(&instance);
    // SAFETY: pd belongs to instance.
    let extensions = unsafe { instance.enumerate_device_extension_properties(pd) }.unwrap();
    let has_driver_properties = extensions.iter().any(|e| extension_name(e) == "VK_KHR_driver_properties");
    let is_softvk = device_name(&props) == SOFTVK_DEVICE_NAME;
    // The instance asks for API_VERSION (1.1), so only 1.1 structures and those of advertised
    // extensions may be chained (VUID-VkPhysicalDeviceProperties2-pNext-pNext), whatever the
    // device's own apiVersion: VkPhysicalDeviceVulkan11Properties is a 1.2 structure, and
    // VkPhysicalDeviceDriverProperties belongs to VK_KHR_driver_properties, which softvk
    // does not advertise.
    assert_eq!(API_VERSION, vk::API_VERSION_1_1, "the chain below is the one defined at 1.1");
    let mut id = vk::PhysicalDeviceIDProperties { device_luid_valid: NOT_WRITTEN, ..Default::default() };
    let mut driver = vk::PhysicalDeviceDriverProperties::default();
    {
        let mut props2 = vk::PhysicalDeviceProperties2::default().push_next(&mut id);
        if has_driver_properties {
            props2 = props2.push_next(&mut driver);
        }
        // SAFETY: every chained structure outlives the call.
        unsafe { instance.get_physical_device_properties2(pd, &mut props2) };
        assert_eq!(device_name(&props2.properties), device_name(&props), "Properties2 core part");
        assert_eq!(props2.properties.api_version, props.api_version);
    }
    assert!(
        id.device_luid_valid == vk::TRUE || id.device_luid_valid == vk::FALSE,
        "VkPhysicalDeviceIDProperties was not filled (deviceLUIDValid {:#x})",
        id.device_luid_valid
    );
    if is_softvk {
        // A LUID identifies Windows adapters; softvk has none.
        assert_eq!(id.device_luid_valid, vk::FALSE, "softvk reports deviceLUIDValid");
        assert_eq!(id.device_luid, [0; vk::LUID_SIZE], "deviceLUID must be zero when not valid");
        assert!(!has_driver_properties, "softvk now advertises VK_KHR_driver_properties: check driverName");
    }
    if has_driver_properties {
        let driver_name = driver.driver_name_as_c_str().unwrap().to_string_lossy().into_owned();
        eprintln!("driver: {driver_name} / {:?}", driver.driver_info_as_c_str());
        assert!(!driver_name.is_empty(), "VkPhysicalDeviceDriverProperties::driverName is empty");
    }
    destroy_instance(&instance);
    Identity { device_uuid: id.device_uuid, driver_uuid: id.driver_uuid }
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

#[test]
fn properties2_chain_reports_uuids_identical_across_instances() {
    let first = query_identity();
    let second = query_identity();
    eprintln!("deviceUUID {} driverUUID {}", hex(&first.device_uuid), hex(&first.driver_uuid));
    assert_ne!(first.device_uuid, [0; vk::UUID_SIZE], "deviceUUID is all zero");
    assert_ne!(first.driver_uuid, [0; vk::UUID_SIZE], "driverUUID is all zero");
    assert_eq!(first.device_uuid, second.device_uuid, "deviceUUID differs between instances");
    assert_eq!(first.driver_uuid, second.driver_uuid, "driverUUID differs between instances");
}

const PRINT_UUID_VAR: &str = "SOFTVK_TEST_PRINT_UUID";

/// Helper run by `device_uuid_is_identical_in_a_child_process` in a child process (with
/// `--ignored`); does nothing without the parent's variable.
#[test]
#[ignore = "child-process helper, run by device_uuid_is_identical_in_a_child_process"]
fn print_device_uuid_when_asked_by_parent() {
    if std::env::var_os(PRINT_UUID_VAR).is_none() {
        return;
    }
    let id = query_identity();
    println!("DEVICE_UUID={} DRIVER_UUID={}", hex(&id.device_uuid), hex(&id.driver_uuid));
}

#[test]
fn device_uuid_is_identical_in_a_child_process() {
    let here = query_identity();
    let output = run_with_deadline(
        &mut softvk_tests::child_test("print_device_uuid_when_asked_by_parent", PRINT_UUID_VAR),
        Duration::from_secs(60),
    )
    .expect("spawning the child test process");
    let stdout = &output.stdout;
    assert!(output.status.success(), "child failed: {}", output.report());
    // The test harness may print its own text before ours on the same line.
    let start = stdout.find("DEVICE_UUID=").unwrap_or_else(|| panic!("child printed no UUID: {stdout}"));
    let line = stdout[start..].lines().next().unwrap_or_default();
    assert_eq!(
        line,
        format!("DEVICE_UUID={} DRIVER_UUID={}", hex(&here.device_uuid), hex(&here.driver_uuid)),
        "UUIDs differ between processes"
    );
}

#[test]
fn single_queue_family_does_graphics_compute_transfer_with_timestamps() {
    let entry = load_entry();
    let instance = create_instance(&entry);
    let (pd, props) = select_physical_device(&instance);
    // SAFETY: pd belongs to instance.
    let families = unsafe { instance.get_physical_device_queue_family_properties(pd) };
    eprintln!("queue families: {families:?}");
    let is_softvk = device_name(&props) == SOFTVK_DEVICE_NAME;
    if is_softvk {
        assert_eq!(families.len(), 1, "softvk has one queue family");
    }
    let family = families[0];
    assert!(family.queue_flags.contains(vk::QueueFlags::GRAPHICS | vk::QueueFlags::COMPUTE | vk::QueueFlags::TRANSFER));
    assert!(family.queue_count >= 1);
    if is_softvk {
        assert_eq!(family.timestamp_valid_bits, 64);
    } else {
        // spec: timestampValidBits is 0 or in 36..=64.
        assert!(family.timestamp_valid_bits == 0 || (36..=64).contains(&family.timestamp_valid_bits));
    }
    // The same through the 1.1 "2" query.
    // SAFETY: as above.
    let len = unsafe { instance.get_physical_device_queue_family_properties2_len(pd) };
    assert_eq!(len, families.len());
    let mut families2 = vec![vk::QueueFamilyProperties2::default(); len];
    // SAFETY: as above.
    unsafe { instance.get_physical_device_queue_family_properties2(pd, &mut families2) };
    assert_eq!(families2[0].queue_family_properties.queue_flags, family.queue_flags);
    assert_eq!(families2[0].queue_family_properties.timestamp_valid_bits, family.timestamp_valid_bits);
    destroy_instance(&instance);
}

#[test]
fn memory_properties_have_one_heap_and_a_host_visible_device_local_type() {
    let entry = load_entry();
    let instance = create_instance(&entry);
    let (pd, props) = select_physical_device(&instance);
    // SAFETY: pd belongs to instance.
    let memory = unsafe { instance.get_physical_device_memory_properties(pd) };
    let heaps = &memory.memory_heaps[..memory.memory_heap_count as usize];
    let types = &memory.memory_types[..memory.memory_type_count as usize];
    eprintln!("heaps {heaps:?}\ntypes {types:?}");
    if device_name(&props) == SOFTVK_DEVICE_NAME {
        assert_eq!(heaps.len(), 1, "softvk has one heap (system RAM)");
    }
    assert!(!heaps.is_empty() && heaps[0].size > 0);
    for t in types {
        assert!(t.heap_index < memory.memory_heap_count, "memory type points past the heaps");
    }
    let wanted = vk::MemoryPropertyFlags::DEVICE_LOCAL
        | vk::MemoryPropertyFlags::HOST_VISIBLE
        | vk::MemoryPropertyFlags::HOST_COHERENT
        | vk::MemoryPropertyFlags::HOST_CACHED;
    assert!(
        types.iter().any(|t| t.property_flags.contains(wanted)),
        "no DEVICE_LOCAL|HOST_VISIBLE|HOST_COHERENT|HOST_CACHED type"
    );
    // The "2" query agrees.
    let mut memory2 = vk::PhysicalDeviceMemoryProperties2::default();
    // SAFETY: as above.
    unsafe { instance.get_physical_device_memory_properties2(pd, &mut memory2) };
    assert_eq!(memory2.memory_properties.memory_type_count, memory.memory_type_count);
    assert_eq!(memory2.memory_properties.memory_heap_count, memory.memory_heap_count);
    destroy_instance(&instance);
}

/// vkGetPhysicalDeviceFeatures2 with every feature structure Vulkan 1.1 defines chained
/// (VkPhysicalDeviceVulkan11Features is a 1.2 structure, not valid at the suite's 1.1):
/// the core part agrees with vkGetPhysicalDeviceFeatures and every chained structure is
/// written.
#[test]
fn features2_with_core_1_1_structures_chained_agrees_with_features() {
    let entry = load_entry();
    let instance = create_instance(&entry);
    let (pd, props) = select_physical_device(&instance);
    // SAFETY: pd belongs to instance.
    let features = unsafe { instance.get_physical_device_features(pd) };
    let mut storage16 = vk::PhysicalDevice16BitStorageFeatures {
        storage_buffer16_bit_access: NOT_WRITTEN,
        uniform_and_storage_buffer16_bit_access: NOT_WRITTEN,
        storage_push_constant16: NOT_WRITTEN,
        storage_input_output16: NOT_WRITTEN,
        ..Default::default()
    };
    let mut multiview = vk::PhysicalDeviceMultiviewFeatures {
        multiview: NOT_WRITTEN,
        multiview_geometry_shader: NOT_WRITTEN,
        multiview_tessellation_shader: NOT_WRITTEN,
        ..Default::default()
    };
    let mut variable_pointers = vk::PhysicalDeviceVariablePointersFeatures {
        variable_pointers_storage_buffer: NOT_WRITTEN,
        variable_pointers: NOT_WRITTEN,
        ..Default::default()
    };
    let mut draw_parameters =
        vk::PhysicalDeviceShaderDrawParametersFeatures { shader_draw_parameters: NOT_WRITTEN, ..Default::default() };
    let mut ycbcr = vk::PhysicalDeviceSamplerYcbcrConversionFeatures {
        sampler_ycbcr_conversion: NOT_WRITTEN,
        ..Default::default()
    };
    let mut protected =
        vk::PhysicalDeviceProtectedMemoryFeatures { protected_memory: NOT_WRITTEN, ..Default::default() };
    {
        let mut features2 = vk::PhysicalDeviceFeatures2::default()
            .push_next(&mut storage16)
            .push_next(&mut multiview)
            .push_next(&mut variable_pointers)
            .push_next(&mut draw_parameters)
            .push_next(&mut ycbcr)
            .push_next(&mut protected);
        // SAFETY: every chained structure outlives the call.
        unsafe { instance.get_physical_device_features2(pd, &mut features2) };
        assert_eq!(format!("{:?}", features2.features), format!("{features:?}"), "Features2 core part differs");
    }
    let chained = [
        ("storageBuffer16BitAccess", storage16.storage_buffer16_bit_access),
        ("uniformAndStorageBuffer16BitAccess", storage16.uniform_and_storage_buffer16_bit_access),
        ("storagePushConstant16", storage16.storage_push_constant16),
        ("storageInputOutput16", storage16.storage_input_output16),
        ("multiview", multiview.multiview),
        ("multiviewGeometryShader", multiview.multiview_geometry_shader),
        ("multiviewTessellationShader", multiview.multiview_tessellation_shader),
        ("variablePointersStorageBuffer", variable_pointers.variable_pointers_storage_buffer),
        ("variablePointers", variable_pointers.variable_pointers),
        ("shaderDrawParameters", draw_parameters.shader_draw_parameters),
        ("samplerYcbcrConversion", ycbcr.sampler_ycbcr_conversion),
        ("protectedMemory", protected.protected_memory),
    ];
    for (name, value) in chained {
        assert!(value == vk::TRUE || value == vk::FALSE, "{name} was not written ({value:#x})");
    }
    if device_name(&props) == SOFTVK_DEVICE_NAME {
        // 16-bit storage (not in stage inputs and outputs) and variable pointers are
        // implemented by the shader compiler; no render passes or protected memory yet.
        let on: Vec<&str> = chained.iter().filter(|(_, v)| *v == vk::TRUE).map(|(n, _)| *n).collect();
        assert_eq!(
            on,
            [
                "storageBuffer16BitAccess",
                "uniformAndStorageBuffer16BitAccess",
                "storagePushConstant16",
                "variablePointersStorageBuffer",
                "variablePointers"
            ],
            "softvk's 1.1 features"
        );
    }
    destroy_instance(&instance);
}

/// Unknown structures break VUID-*-pNext-pNext on purpose, so no validation layer sits
/// between the loader and the driver here: the driver itself must skip them.
#[test]
fn unknown_structures_in_pnext_chains_are_ignored() {
    let entry = load_entry();
    let unknown = unknown_struct();
    let unknown_ptr = &unknown as *const vk::BaseInStructure as *const c_void;

    // vkCreateInstance
    let instance = create_instance_validated(&entry, &[] as &[*const c_char], unknown_ptr, Validation::Off)
        .expect("vkCreateInstance with an unknown structure in pNext");
    let (pd, _) = select_physical_device(&instance);

    // vkCreateDevice
    let priorities = [1.0f32];
    let queue_info = [vk::DeviceQueueCreateInfo::default().queue_family_index(0).queue_priorities(&priorities)];
    let mut device_info = vk::DeviceCreateInfo::default().queue_create_infos(&queue_info);
    device_info.p_next = unknown_ptr;
    let device = {
        let _guard = loader_guard();
        // SAFETY: device_info and the structures it points to outlive the call.
        unsafe { instance.create_device(pd, &device_info, None) }
            .expect("vkCreateDevice with an unknown structure in pNext")
    };

    // vkAllocateMemory
    // SAFETY: pd belongs to instance.
    let memory_props = unsafe { instance.get_physical_device_memory_properties(pd) };
    assert!(memory_props.memory_type_count > 0);
    let mut alloc_info = vk::MemoryAllocateInfo::default().allocation_size(4096).memory_type_index(0);
    alloc_info.p_next = unknown_ptr;
    // SAFETY: as above.
    let memory = unsafe { device.allocate_memory(&alloc_info, None) }
        .expect("vkAllocateMemory with an unknown structure in pNext");

    // And the device still works afterwards.
    // SAFETY: objects are destroyed children first.
    unsafe {
        device.device_wait_idle().expect("vkDeviceWaitIdle");
        device.free_memory(memory, None);
        let _guard = loader_guard();
        device.destroy_device(None);
    }
    destroy_instance(&instance);
}

#[test]
fn proc_addr_returns_null_for_unknown_names_and_non_null_for_core() {
    let ctx = Context::new();
    // SAFETY: names are NUL-terminated; handles are live.
    unsafe {
        let gipa = ctx.entry.static_fn().get_instance_proc_addr;
        assert!(gipa(ctx.instance.handle(), c"vkCreateDevice".as_ptr()).is_some());
        assert!(gipa(ctx.instance.handle(), c"vkNoSuchFunctionSoftvk".as_ptr()).is_none());
        let gdpa = ctx.instance.fp_v1_0().get_device_proc_addr;
        assert!(gdpa(ctx.device.handle(), c"vkCmdCopyBuffer".as_ptr()).is_some());
        assert!(
            gdpa(ctx.device.handle(), c"vkGetPhysicalDeviceFeatures2".as_ptr()).is_none(),
            "instance-level name through vkGetDeviceProcAddr must be NULL"
        );
        assert!(gdpa(ctx.device.handle(), c"vkNoSuchFunctionSoftvk".as_ptr()).is_none());
    }
}

/// vkGetDeviceProcAddr answers null for commands the device cannot use: extensions not
/// enabled, and core commands of versions above the device's (1.2's vkWaitSemaphores on
/// softvk's 1.1), so that applications can probe for support.
#[test]
fn device_proc_addr_follows_enabled_extensions_and_version() {
    let plain = Context::new();
    let with_copy2 = Context::with_device_extensions(&[ash::khr::copy_commands2::NAME])
        .expect("VK_KHR_copy_commands2 is advertised");
    let lookup = |ctx: &Context, name: &std::ffi::CStr| {
        // SAFETY: a live device and a NUL-terminated name.
        unsafe { (ctx.instance.fp_v1_0().get_device_proc_addr)(ctx.device.handle(), name.as_ptr()) }.is_some()
    };
    assert!(lookup(&plain, c"vkCmdCopyBuffer"), "core commands are always there");
    assert!(!lookup(&plain, c"vkCmdCopyBuffer2KHR"), "an extension that was not enabled");
    assert!(lookup(&with_copy2, c"vkCmdCopyBuffer2KHR"), "an enabled extension");
    if plain.is_softvk {
        assert!(!lookup(&plain, c"vkWaitSemaphores"), "a Vulkan 1.2 command on a 1.1 device");
    }
    assert!(!lookup(&plain, c"vkNotARealCommand"));
}
