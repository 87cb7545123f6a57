//! A triangle primitive from clip positions to triangle setups: clip, viewport transform,
//! snap, face determination and culling, then the clipped polygon as a fan.
//!
//! Facing is decided once for the whole clipped polygon, from its exact signed area in
//! fixed point (spec: "the sign of the (clipped or unclipped) polygon's area computed in
//! framebuffer coordinates"). A fan triangle whose snapped winding disagrees with the
//! polygon's (a sliver that snapping turned over) or that has zero area is dropped: it
//! covers nothing the neighbouring fan triangles do not.

use super::clip::{clip_triangle, ClipVertex, MAX_POLYGON_VERTICES};
use super::fixed::snap;
use super::setup::{RasterVertex, TriangleSetup};
use super::viewport::{is_culled, is_front_facing, signed_area2, Viewport};
use ash::vk;

/// The pipeline state a triangle's setup depends on.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct PolygonState {
    pub viewport: Viewport,
    pub front_face: vk::FrontFace,
    pub cull_mode: vk::CullModeFlags,
    /// False with depthClampEnable (or VK_EXT_depth_clip_enable's depthClipEnable false):
    /// no near/far clipping.
    pub depth_clip: bool,
}

impl PolygonState {
    /// No culling, counter-clockwise front faces, depth clipping on.
    pub fn new(viewport: Viewport) -> PolygonState {
        PolygonState {
            viewport,
            front_face: vk::FrontFace::COUNTER_CLOCKWISE,
            cull_mode: vk::CullModeFlags::NONE,
            depth_clip: true,
        }
    }
}

/// A clip vertex after the viewport transform and snapping.
pub fn raster_vertex(v: &ClipVertex, viewport: &Viewport) -> RasterVertex {
    let s = viewport.transform(v.position);
    RasterVertex { x: snap(s.x), y: snap(s.y), z: s.z, inv_w: s.inv_w, perspective: v.perspective, linear: v.linear }
}

/// Sets up the triangle with these clip positions (in the primitive's vertex order),
/// calling `emit` for each triangle to rasterize (none when it is clipped away, culled or
/// of zero area; up to 14 for a polygon clipped by every plane).
pub fn setup_triangle(positions: [[f32; 4]; 3], state: &PolygonState, mut emit: impl FnMut(TriangleSetup)) {
    let polygon = clip_triangle(positions, &state.viewport, state.depth_clip);
    let clipped = polygon.vertices();
    if clipped.len() < 3 {
        return;
    }
    let mut vertices = [RasterVertex::default(); MAX_POLYGON_VERTICES];
    for (r, c) in vertices.iter_mut().zip(clipped) {
        *r = raster_vertex(c, &state.viewport);
    }
    let vertices = &vertices[..clipped.len()];
    let area = signed_area2(vertices.iter().map(|v| (v.x, v.y)));
    if area == 0 {
        return;
    }
    let front_facing = is_front_facing(area, state.front_face);
    if is_culled(front_facing, state.cull_mode) {
        return;
    }
    for i in 1..vertices.len() - 1 {
        let triangle = [vertices[0], vertices[i], vertices[i + 1]];
        let fan_area = signed_area2(triangle.iter().map(|v| (v.x, v.y)));
        if fan_area.signum() != area.signum() {
            continue;
        }
        if let Some(setup) = TriangleSetup::new(triangle, front_facing) {
            emit(setup);
        }
    }
}
