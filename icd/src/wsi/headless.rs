//! `VK_EXT_headless_surface`: a surface with no window. Presenting shows nothing, but the
//! rest is real: images go round the swapchain, semaphores and fences are
//! waited on and signalled as for any surface, and a present is complete (for
//! `vkWaitForPresentKHR`) once the queue has reached it. There is no display to pace FIFO
//! to, so every present mode runs as fast as the queue.

use super::{PresentImage, Presented, SurfaceInfo};
use crate::instance::InstanceState;
use ash::vk;

/// Every present mode and colour format is true of a surface that shows nothing.
pub fn info(_instance: &InstanceState) -> SurfaceInfo {
    SurfaceInfo {
        current_extent: None,
        formats: vec![
            vk::Format::B8G8R8A8_UNORM,
            vk::Format::B8G8R8A8_SRGB,
            vk::Format::R8G8B8A8_UNORM,
            vk::Format::R8G8B8A8_SRGB,
        ],
        present_modes: vec![
            vk::PresentModeKHR::FIFO,
            vk::PresentModeKHR::FIFO_RELAXED,
            vk::PresentModeKHR::MAILBOX,
            vk::PresentModeKHR::IMMEDIATE,
        ],
        composite_alpha: vk::CompositeAlphaFlagsKHR::OPAQUE
            | vk::CompositeAlphaFlagsKHR::PRE_MULTIPLIED
            | vk::CompositeAlphaFlagsKHR::POST_MULTIPLIED
            | vk::CompositeAlphaFlagsKHR::INHERIT,
    }
}

pub struct Presenter {
    images: usize,
}

impl Presenter {
    pub fn new(images: &[PresentImage]) -> Presenter {
        Presenter { images: images.len() }
    }
}

impl super::Presenter for Presenter {
    fn present(
        &mut self,
        index: usize,
        _mode: vk::PresentModeKHR,
        _damage: &[vk::Rect2D],
        done: super::swapchain::Release,
    ) -> Option<Presented> {
        debug_assert!(index < self.images);
        // Nothing reads the image: it is free again at once.
        drop(done);
        Some(Presented::Optimal)
    }
}
