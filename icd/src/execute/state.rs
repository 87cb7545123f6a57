//! The executor's state: what commands before this one bound, as DESIGN's "Commands and
//! queues" describes. It belongs to the executor, not to the recorded command buffer: each
//! command buffer starts from an empty state, and a secondary inherits nothing from the
//! primary that executes it (spec "Command Buffer Recording": the state a secondary sees
//! is its own, and the primary's bound state is undefined after vkCmdExecuteCommands).

use crate::descriptor::DescriptorSet;
use crate::pipeline::Pipeline;
use ash::vk;
use std::sync::Arc;

/// `maxBoundDescriptorSets`.
pub const MAX_SETS: usize = 8;
/// `maxPushConstantsSize`.
pub const PUSH_CONSTANT_BYTES: usize = 256;

#[derive(Clone)]
pub struct BoundSet {
    pub set: Arc<DescriptorSet>,
    /// The set's dynamic buffer offsets, in binding order.
    pub dynamic_offsets: Vec<u32>,
}

#[derive(Default)]
pub struct BindPoint {
    pub pipeline: Option<Arc<Pipeline>>,
    pub sets: [Option<BoundSet>; MAX_SETS],
}

pub struct State {
    pub compute: BindPoint,
    pub graphics: BindPoint,
    pub push_constants: [u8; PUSH_CONSTANT_BYTES],
}

impl Default for State {
    fn default() -> Self {
        State { compute: BindPoint::default(), graphics: BindPoint::default(), push_constants: [0; PUSH_CONSTANT_BYTES] }
    }
}

impl State {
    pub fn bind_point(&mut self, point: vk::PipelineBindPoint) -> &mut BindPoint {
        if point == vk::PipelineBindPoint::COMPUTE {
            &mut self.compute
        } else {
            &mut self.graphics
        }
    }

    /// `vkCmdBindDescriptorSets`: the dynamic offsets are shared out set by set.
    pub fn bind_sets(&mut self, point: vk::PipelineBindPoint, first: u32, sets: &[Arc<DescriptorSet>], offsets: &[u32]) {
        let mut offsets = offsets.iter().copied();
        let bind_point = self.bind_point(point);
        for (i, set) in sets.iter().enumerate() {
            let n = set.layout.dynamic_count() as usize;
            let dynamic_offsets: Vec<u32> = offsets.by_ref().take(n).collect();
            if let Some(slot) = bind_point.sets.get_mut(first as usize + i) {
                *slot = Some(BoundSet { set: set.clone(), dynamic_offsets });
            }
        }
    }
}
