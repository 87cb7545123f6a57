//! VK_EXT_tooling_info: `vkGetPhysicalDeviceToolPropertiesEXT` lists the tools active in
//! the process. softvk's own one is the shader dump, active while `SOFTVK_DUMP_SHADERS`
//! names a directory; layers (the validation layer of these tests) add their entries.

use ash::vk;
use softvk_tests::Context;

const DUMP_TOOL: &str = "softvk shader dump";
const CHILD_ROLE: &str = "SOFTVK_TEST_TOOLING_CHILD";

/// The tools reported, read with the count-then-fill protocol. (An undersized array is not
/// tried: the validation layer in front of the driver answers it with SUCCESS.)
fn tools(ctx: &Context) -> Vec<(String, vk::ToolPurposeFlags)> {
    let tooling = ash::ext::tooling_info::Instance::new(&ctx.entry, &ctx.instance);
    // SAFETY: the physical device belongs to the instance; the arrays are as long as the
    // count passed.
    unsafe {
        let fp = tooling.fp().get_physical_device_tool_properties_ext;
        let mut count = 0u32;
        assert_eq!(fp(ctx.physical_device, &mut count, std::ptr::null_mut()), vk::Result::SUCCESS);
        let mut list = vec![vk::PhysicalDeviceToolProperties::default(); count as usize];
        let mut filled = count;
        assert_eq!(fp(ctx.physical_device, &mut filled, list.as_mut_ptr()), vk::Result::SUCCESS);
        assert_eq!(filled, count, "the second call fills as many as the first counted");
        list.iter()
            .map(|t| (t.name_as_c_str().expect("NUL-terminated name").to_string_lossy().into_owned(), t.purposes))
            .collect()
    }
}

#[test]
fn softvk_reports_its_shader_dump_only_while_it_is_on() {
    let ctx = Context::new();
    let listed = tools(&ctx);
    assert!(!listed.iter().any(|(name, _)| name == DUMP_TOOL), "no shader dump without SOFTVK_DUMP_SHADERS: {listed:?}");
    if !ctx.is_softvk {
        softvk_tests::skip("softvk_reports_its_shader_dump_only_while_it_is_on", "the shader dump is softvk's");
        return;
    }
    let dir = std::env::temp_dir().join(format!("softvk-tooling-{}", std::process::id()));
    let mut child = softvk_tests::child_test("child_lists_tools", CHILD_ROLE);
    child.env("SOFTVK_DUMP_SHADERS", &dir);
    let output = softvk_tests::run_with_deadline(&mut child, std::time::Duration::from_secs(60)).expect("spawn");
    let _ = std::fs::remove_dir_all(&dir);
    assert!(output.status.success(), "{}", output.report());
    assert!(output.stdout.contains("tool: softvk shader dump (TRACING)"), "{}", output.report());
}

#[test]
#[ignore = "child-process helper, run by softvk_reports_its_shader_dump_only_while_it_is_on"]
fn child_lists_tools() {
    if std::env::var_os(CHILD_ROLE).is_none() {
        return;
    }
    for (name, purposes) in tools(&Context::new()) {
        println!("tool: {name} ({purposes:?})");
    }
}
