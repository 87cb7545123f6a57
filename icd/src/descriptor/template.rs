//! `VkDescriptorUpdateTemplate`: a recorded list of writes whose info structs are read
//! from the application's memory at `offset + i * stride` when the template is applied.

use super::update::{write, Source};
use super::{DescriptorSet, DescriptorSetLayout};
use crate::entry::{guard, guard_void, read_in, read_slice, write_out, VkResult, INVALID_USAGE};
use crate::handles::{borrow, get, new_handle, release, Object};
use ash::vk;
use std::ffi::c_void;
use std::sync::Arc;

pub struct DescriptorUpdateTemplate {
    pub entries: Vec<vk::DescriptorUpdateTemplateEntry>,
    /// For push-descriptor templates: the layout of the set they push.
    pub layout: Option<Arc<DescriptorSetLayout>>,
    pub bind_point: vk::PipelineBindPoint,
    pub set: u32,
}

impl Object for DescriptorUpdateTemplate {
    type Handle = vk::DescriptorUpdateTemplate;
}

impl DescriptorUpdateTemplate {
    /// Applies the template's writes to `set`, reading info structs from `data`.
    ///
    /// # Safety
    /// `data` must hold every info struct the entries name (Vulkan's rule for
    /// `vkUpdateDescriptorSetWithTemplate`).
    pub unsafe fn apply(&self, set: &DescriptorSet, data: *const c_void) -> VkResult<()> {
        if data.is_null() && !self.entries.is_empty() {
            return Err(INVALID_USAGE);
        }
        use vk::DescriptorType as T;
        for entry in &self.entries {
            let at = |i: u32| (data as *const u8).add(entry.offset + i as usize * entry.stride);
            write(set, entry.dst_binding, entry.dst_array_element, entry.descriptor_count, entry.descriptor_type, |i| {
                Some(match entry.descriptor_type {
                    T::SAMPLER | T::COMBINED_IMAGE_SAMPLER | T::SAMPLED_IMAGE | T::STORAGE_IMAGE | T::INPUT_ATTACHMENT => {
                        Source::Image(&*(at(i) as *const vk::DescriptorImageInfo))
                    }
                    T::UNIFORM_TEXEL_BUFFER | T::STORAGE_TEXEL_BUFFER => {
                        Source::TexelBuffer((at(i) as *const vk::BufferView).read_unaligned())
                    }
                    _ => Source::Buffer(&*(at(i) as *const vk::DescriptorBufferInfo)),
                })
            })?;
        }
        Ok(())
    }
}

/// Whether an entry's descriptors lie in `layout` and are all of the entry's type, with
/// the spec's consecutive-binding updates (VUID-VkDescriptorUpdateTemplateEntry-dstArrayElement),
/// walking bindings rather than descriptors, so a count of u32::MAX costs nothing.
fn entry_fits(layout: &DescriptorSetLayout, entry: &vk::DescriptorUpdateTemplateEntry) -> bool {
    let Some(mut index) = layout.index_of(entry.dst_binding) else { return false };
    let (mut at, mut left) = (u64::from(entry.dst_array_element), u64::from(entry.descriptor_count));
    while left > 0 {
        let Some(binding) = layout.bindings.get(index) else { return false };
        let count = u64::from(binding.count);
        if at >= count {
            at -= count;
        } else {
            if binding.descriptor_type != entry.descriptor_type {
                return false;
            }
            left -= (count - at).min(left);
            at = 0;
        }
        index += 1;
    }
    true
}

/// # Safety
/// Vulkan's rules for `vkCreateDescriptorUpdateTemplate`.
pub unsafe extern "system" fn create_descriptor_update_template(
    _device: vk::Device,
    p_create_info: *const vk::DescriptorUpdateTemplateCreateInfo<'_>,
    _p_allocator: *const vk::AllocationCallbacks<'_>,
    p_template: *mut vk::DescriptorUpdateTemplate,
) -> vk::Result {
    guard("vkCreateDescriptorUpdateTemplate", || {
        let info = read_in(p_create_info)?;
        let entries = read_slice(info.p_descriptor_update_entries, info.descriptor_update_entry_count).to_vec();
        let layout = match info.template_type {
            vk::DescriptorUpdateTemplateType::DESCRIPTOR_SET => Some(get::<DescriptorSetLayout>(info.descriptor_set_layout)?),
            vk::DescriptorUpdateTemplateType::PUSH_DESCRIPTORS_KHR => {
                let pipeline_layout = borrow::<super::PipelineLayout>(info.pipeline_layout)?;
                Some(pipeline_layout.set_layouts.get(info.set as usize).cloned().ok_or(INVALID_USAGE)?)
            }
            other => {
                tracing::error!("descriptor update template type {other:?}");
                return Err(INVALID_USAGE);
            }
        };
        if let Some(set_layout) = &layout {
            if let Some(bad) = entries.iter().find(|e| !entry_fits(set_layout, e)) {
                tracing::error!(
                    "descriptor update template entry of {} {:?} at binding {} element {} does not fit the set layout",
                    bad.descriptor_count,
                    bad.descriptor_type,
                    bad.dst_binding,
                    bad.dst_array_element
                );
                return Err(INVALID_USAGE);
            }
        }
        let template =
            DescriptorUpdateTemplate { entries, layout, bind_point: info.pipeline_bind_point, set: info.set };
        write_out(p_template, new_handle(Arc::new(template)))?;
        Ok(vk::Result::SUCCESS)
    })
}

/// # Safety
/// Vulkan's rules for `vkDestroyDescriptorUpdateTemplate`.
pub unsafe extern "system" fn destroy_descriptor_update_template(
    _device: vk::Device,
    template: vk::DescriptorUpdateTemplate,
    _p_allocator: *const vk::AllocationCallbacks<'_>,
) {
    guard_void("vkDestroyDescriptorUpdateTemplate", || {
        release::<DescriptorUpdateTemplate>(template);
    })
}

/// # Safety
/// Vulkan's rules for `vkUpdateDescriptorSetWithTemplate`.
pub unsafe extern "system" fn update_descriptor_set_with_template(
    _device: vk::Device,
    set: vk::DescriptorSet,
    template: vk::DescriptorUpdateTemplate,
    p_data: *const c_void,
) {
    guard_void("vkUpdateDescriptorSetWithTemplate", || {
        let (Ok(set), Ok(template)) = (borrow::<DescriptorSet>(set), borrow::<DescriptorUpdateTemplate>(template)) else {
            return;
        };
        if let Err(e) = template.apply(set, p_data) {
            tracing::error!("vkUpdateDescriptorSetWithTemplate: not applied ({e:?})");
        }
    })
}
