//! Executing recorded commands on the queue thread: one `match`, one module per family.

mod compute;
mod query;
mod resources;
pub mod state;
mod sync;
mod transfer;

use crate::commands::Command;
use crate::queue::QueueState;
use state::State;

/// Runs the commands of one command buffer, in order, from an empty state. An error is a
/// fault that loses the device (the queue marks it so).
pub fn run(commands: &[Command], queue: &QueueState) -> Result<(), String> {
    let mut state = State::default();
    run_with(commands, queue, &mut state)
}

fn run_with(commands: &[Command], queue: &QueueState, state: &mut State) -> Result<(), String> {
    for command in commands {
        tracing::debug!(target: "softvk::command", "{}", trace_line(command));
        match command {
            Command::CopyBuffer { src, dst, regions } => transfer::copy_buffer(src, dst, regions),
            Command::CopyImage { src, dst, regions } => transfer::copy_image(src, dst, regions),
            Command::CopyBufferToImage { src, dst, regions } => transfer::copy_buffer_to_image(src, dst, regions),
            Command::CopyImageToBuffer { src, dst, regions } => transfer::copy_image_to_buffer(src, dst, regions),
            Command::BlitImage { src, dst, regions, filter } => transfer::blit_image(src, dst, regions, *filter),
            Command::ClearColorImage { image, color, ranges } => transfer::clear_color_image(image, *color, ranges),
            Command::ClearDepthStencilImage { image, value, ranges } => {
                transfer::clear_depth_stencil_image(image, *value, ranges)
            }
            Command::FillBuffer { dst, offset, size, data } => transfer::fill_buffer(dst, *offset, *size, *data),
            Command::UpdateBuffer { dst, offset, data } => transfer::update_buffer(dst, *offset, data),
            Command::PipelineBarrier | Command::Label(_) => {}
            Command::SetEvent(event) => event.set(true),
            Command::ResetEvent(event) => event.set(false),
            Command::WaitEvents(events) => sync::wait_events(events, queue),
            Command::ResetQueryPool { pool, first, count } => pool.reset(*first, *count),
            Command::WriteTimestamp { pool, query } => pool.write_timestamp(*query),
            Command::CopyQueryPoolResults { pool, first, count, dst, offset, stride, flags } => {
                query::copy_results(pool, *first, *count, dst, *offset, *stride, *flags)
            }
            Command::ExecuteCommands(secondaries) => {
                for secondary in secondaries {
                    run(secondary, queue)?;
                }
                // The primary's bound state is undefined after vkCmdExecuteCommands.
                *state = State::default();
            }
            Command::BindPipeline(pipeline) => state.bind_point(pipeline.bind_point).pipeline = Some(pipeline.clone()),
            Command::BindDescriptorSets { bind_point, first, sets, dynamic_offsets } => {
                state.bind_sets(*bind_point, *first, sets, dynamic_offsets)
            }
            Command::PushDescriptorSet { bind_point, set, descriptors } => {
                if let Some(slot) = state.bind_point(*bind_point).sets.get_mut(*set as usize) {
                    *slot = Some(state::BoundSet { set: descriptors.clone(), dynamic_offsets: Vec::new() });
                }
            }
            Command::PushConstants { offset, data } => {
                let at = *offset as usize;
                if let Some(target) = state.push_constants.get_mut(at..at + data.len()) {
                    target.copy_from_slice(data);
                }
            }
            Command::Dispatch { base, groups } => compute::dispatch(state, *base, *groups, queue)?,
            Command::DispatchIndirect { buffer, offset } => compute::dispatch_indirect(state, buffer, *offset, queue)?,
        }
    }
    Ok(())
}

/// One line per command for `SOFTVK_LOG=debug`: the command's name and key parameters,
/// without the object internals.
fn trace_line(command: &Command) -> String {
    match command {
        Command::CopyBuffer { src, dst, regions } => {
            format!("CopyBuffer {} -> {} bytes, {} region(s)", src.size, dst.size, regions.len())
        }
        Command::CopyImage { src, dst, regions } => {
            format!("CopyImage {:?} -> {:?}, {} region(s)", src.format(), dst.format(), regions.len())
        }
        Command::CopyBufferToImage { dst, regions, .. } => {
            format!("CopyBufferToImage -> {:?} {:?}, {} region(s)", dst.format(), dst.extent(), regions.len())
        }
        Command::CopyImageToBuffer { src, regions, .. } => {
            format!("CopyImageToBuffer {:?} {:?}, {} region(s)", src.format(), src.extent(), regions.len())
        }
        Command::BlitImage { src, dst, regions, filter } => {
            format!(
                "BlitImage {:?} {:?} -> {:?} {:?}, {} region(s), {filter:?}",
                src.format(),
                src.extent(),
                dst.format(),
                dst.extent(),
                regions.len()
            )
        }
        Command::ClearColorImage { image, color, .. } => {
            format!("ClearColorImage {:?} {:?} to {color:08x?}", image.format(), image.extent())
        }
        Command::ClearDepthStencilImage { image, value, .. } => {
            format!("ClearDepthStencilImage {:?} to {value:?}", image.format())
        }
        Command::FillBuffer { offset, size, data, .. } => format!("FillBuffer {offset}+{size} with {data:#010x}"),
        Command::UpdateBuffer { offset, data, .. } => format!("UpdateBuffer {offset}+{}", data.len()),
        Command::ExecuteCommands(list) => format!("ExecuteCommands {} secondary buffer(s)", list.len()),
        Command::Dispatch { base, groups } => format!("Dispatch {groups:?} from {base:?}"),
        Command::PushConstants { offset, data } => format!("PushConstants {offset}+{}", data.len()),
        Command::BindDescriptorSets { bind_point, first, sets, dynamic_offsets } => {
            format!("BindDescriptorSets {bind_point:?} {first}..{} dynamic {dynamic_offsets:?}", *first as usize + sets.len())
        }
        other => format!("{other:?}"),
    }
}
