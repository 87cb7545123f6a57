//! Primitive assembly: a stream of vertex indices and a topology become points, lines and
//! triangles.
//!
//! spec: "Primitive Topologies" (drawing.adoc). Each primitive lists its vertices in the
//! order of the spec's equations (`p_i = {v_i, v_i+(1+i%2), v_i+(2-i%2)}` for strips, so
//! that a strip keeps its winding) and names the slot of its provoking vertex, which
//! `VK_EXT_provoking_vertex` moves from the first to the last vertex without changing that
//! order. Adjacency topologies are reduced to their base primitives (the adjacent vertices
//! only matter to a geometry shader, which softvk does not have).
//!
//! The input is the raw index stream (for a non-indexed draw, `first..first + count`). With
//! primitive restart enabled, the restart value ends the current strip, fan or list
//! (an incomplete primitive is dropped) and assembly starts over; the comparison is on the
//! raw value, before `vertexOffset` is added (spec: "primitive restart index value
//! comparison is performed before adding the vertexOffset value"), so the caller adds it
//! to the indices this module returns.

use ash::vk;

/// Which rasterizer a topology feeds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PrimitiveClass {
    Point,
    Line,
    Triangle,
}

impl PrimitiveClass {
    /// Vertices per primitive: 1, 2 or 3.
    pub fn vertex_count(self) -> usize {
        match self {
            PrimitiveClass::Point => 1,
            PrimitiveClass::Line => 2,
            PrimitiveClass::Triangle => 3,
        }
    }
}

/// `VkProvokingVertexModeEXT`: which vertex gives flat-shaded attributes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum ProvokingVertex {
    #[default]
    First,
    Last,
}

/// One assembled primitive: `vertices[..class.vertex_count()]` are index values (unused
/// slots are 0); `provoking` is the slot of the provoking vertex.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Primitive {
    pub vertices: [u32; 3],
    pub provoking: u8,
}

/// The class of primitives a topology produces; `None` for patch lists (tessellation is
/// not supported) and unknown values.
pub fn primitive_class(topology: vk::PrimitiveTopology) -> Option<PrimitiveClass> {
    use vk::PrimitiveTopology as T;
    match topology {
        T::POINT_LIST => Some(PrimitiveClass::Point),
        T::LINE_LIST | T::LINE_STRIP | T::LINE_LIST_WITH_ADJACENCY | T::LINE_STRIP_WITH_ADJACENCY => {
            Some(PrimitiveClass::Line)
        }
        T::TRIANGLE_LIST
        | T::TRIANGLE_STRIP
        | T::TRIANGLE_FAN
        | T::TRIANGLE_LIST_WITH_ADJACENCY
        | T::TRIANGLE_STRIP_WITH_ADJACENCY => Some(PrimitiveClass::Triangle),
        _ => None,
    }
}

/// Assembles `indices` into primitives of `topology`, calling `emit` for each in order
/// (the n-th call is primitive n). `restart` is the restart value when primitive restart
/// is enabled. Returns the number of primitives; 0 for topologies without a class.
pub fn assemble(
    topology: vk::PrimitiveTopology,
    indices: impl IntoIterator<Item = u32>,
    restart: Option<u32>,
    provoking: ProvokingVertex,
    mut emit: impl FnMut(Primitive),
) -> usize {
    if primitive_class(topology).is_none() {
        return 0;
    }
    let mut assembler = Assembler { topology, provoking, window: [0; 6], first: 0, position: 0 };
    let mut emitted = 0;
    for index in indices {
        if Some(index) == restart {
            assembler.position = 0;
            continue;
        }
        if let Some(primitive) = assembler.push(index) {
            emit(primitive);
            emitted += 1;
        }
    }
    emitted
}

/// The assembly state of one strip, fan or list since the last restart.
struct Assembler {
    topology: vk::PrimitiveTopology,
    provoking: ProvokingVertex,
    /// The last six indices, newest last.
    window: [u32; 6],
    /// The first index since the last restart (the centre of a fan).
    first: u32,
    /// How many indices came since the last restart, before this one.
    position: usize,
}

impl Assembler {
    /// The index `back` places before the newest (0: the newest).
    fn back(&self, back: usize) -> u32 {
        self.window[5 - back]
    }

    fn push(&mut self, index: u32) -> Option<Primitive> {
        use vk::PrimitiveTopology as T;
        self.window.copy_within(1.., 0);
        self.window[5] = index;
        if self.position == 0 {
            self.first = index;
        }
        let pos = self.position;
        self.position += 1;
        let last = self.provoking == ProvokingVertex::Last;
        let point = |v: u32| Primitive { vertices: [v, 0, 0], provoking: 0 };
        let line = |a: u32, b: u32| Primitive { vertices: [a, b, 0], provoking: if last { 1 } else { 0 } };
        match self.topology {
            T::POINT_LIST => Some(point(index)),
            // p_i = {v_2i, v_2i+1}
            T::LINE_LIST if pos % 2 == 1 => Some(line(self.back(1), self.back(0))),
            // p_i = {v_i, v_i+1}
            T::LINE_STRIP if pos >= 1 => Some(line(self.back(1), self.back(0))),
            // p_i = {v_4i, v_4i+1, v_4i+2, v_4i+3}: the line is v_4i+1 -> v_4i+2
            T::LINE_LIST_WITH_ADJACENCY if pos % 4 == 3 => Some(line(self.back(2), self.back(1))),
            // p_i = {v_i, .., v_i+3}: the line is v_i+1 -> v_i+2
            T::LINE_STRIP_WITH_ADJACENCY if pos >= 3 => Some(line(self.back(2), self.back(1))),
            // p_i = {v_3i, v_3i+1, v_3i+2}
            T::TRIANGLE_LIST if pos % 3 == 2 => Some(Primitive {
                vertices: [self.back(2), self.back(1), self.back(0)],
                provoking: if last { 2 } else { 0 },
            }),
            // p_i = {v_i, v_i+(1+i%2), v_i+(2-i%2)}; the last vertex is v_i+2
            T::TRIANGLE_STRIP if pos >= 2 => {
                let odd = (pos - 2) % 2 == 1;
                let (a, b, c) = (self.back(2), self.back(1), self.back(0));
                Some(if odd {
                    Primitive { vertices: [a, c, b], provoking: if last { 1 } else { 0 } }
                } else {
                    Primitive { vertices: [a, b, c], provoking: if last { 2 } else { 0 } }
                })
            }
            // p_i = {v_i+1, v_i+2, v_0}; provoking v_i+1 (first) or v_i+2 (last)
            T::TRIANGLE_FAN if pos >= 2 => Some(Primitive {
                vertices: [self.back(1), self.back(0), self.first],
                provoking: if last { 1 } else { 0 },
            }),
            // p_i = {v_6i, .., v_6i+5}: the triangle is v_6i, v_6i+2, v_6i+4
            T::TRIANGLE_LIST_WITH_ADJACENCY if pos % 6 == 5 => Some(Primitive {
                vertices: [self.back(5), self.back(3), self.back(1)],
                provoking: if last { 2 } else { 0 },
            }),
            // The first, third and fifth vertices of p_i: v_2i, v_2i+2, v_2i+4 for even i,
            // v_2i, v_2i+4, v_2i+2 for odd i; provoking v_2i (first) or v_2i+4 (last).
            T::TRIANGLE_STRIP_WITH_ADJACENCY if pos >= 4 && (pos - 4).is_multiple_of(2) => {
                let odd = ((pos - 4) / 2) % 2 == 1;
                let (a, b, c) = (self.back(4), self.back(2), self.back(0));
                Some(if odd {
                    Primitive { vertices: [a, c, b], provoking: if last { 1 } else { 0 } }
                } else {
                    Primitive { vertices: [a, b, c], provoking: if last { 2 } else { 0 } }
                })
            }
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use vk::PrimitiveTopology as T;

    fn run(topology: T, indices: &[u32], restart: Option<u32>, provoking: ProvokingVertex) -> Vec<Primitive> {
        let mut out = Vec::new();
        let n = assemble(topology, indices.iter().copied(), restart, provoking, |p| out.push(p));
        assert_eq!(n, out.len());
        out
    }

    fn tri(v: [u32; 3], provoking: u8) -> Primitive {
        Primitive { vertices: v, provoking }
    }

    /// The provoking vertex's index value.
    fn provoking_values(prims: &[Primitive]) -> Vec<u32> {
        prims.iter().map(|p| p.vertices[p.provoking as usize]).collect()
    }

    #[test]
    fn assembly_point_list_is_every_vertex() {
        let p = run(T::POINT_LIST, &[7, 8, 9], None, ProvokingVertex::First);
        assert_eq!(p, vec![tri([7, 0, 0], 0), tri([8, 0, 0], 0), tri([9, 0, 0], 0)]);
    }

    #[test]
    fn assembly_line_list_and_strip_follow_the_spec_equations() {
        let v: Vec<u32> = (10..15).collect();
        let list = run(T::LINE_LIST, &v, None, ProvokingVertex::First);
        assert_eq!(list, vec![tri([10, 11, 0], 0), tri([12, 13, 0], 0)]);
        let strip = run(T::LINE_STRIP, &v, None, ProvokingVertex::Last);
        assert_eq!(strip.len(), 4);
        for (i, p) in strip.iter().enumerate() {
            assert_eq!(p.vertices[..2], [v[i], v[i + 1]]);
        }
        assert_eq!(provoking_values(&strip), vec![11, 12, 13, 14]);
        assert!(run(T::LINE_STRIP, &[1], None, ProvokingVertex::First).is_empty());
    }

    #[test]
    fn assembly_triangle_strip_alternates_order_to_keep_winding() {
        let v: Vec<u32> = (0..6).collect();
        let first = run(T::TRIANGLE_STRIP, &v, None, ProvokingVertex::First);
        // p_i = {v_i, v_i+(1+i%2), v_i+(2-i%2)}
        let expected: Vec<[u32; 3]> = (0..4).map(|i| [i, i + 1 + i % 2, i + 2 - i % 2]).collect();
        assert_eq!(first.iter().map(|p| p.vertices).collect::<Vec<_>>(), expected);
        assert_eq!(provoking_values(&first), vec![0, 1, 2, 3]);
        let last = run(T::TRIANGLE_STRIP, &v, None, ProvokingVertex::Last);
        assert_eq!(last.iter().map(|p| p.vertices).collect::<Vec<_>>(), expected);
        assert_eq!(provoking_values(&last), vec![2, 3, 4, 5]);
    }

    #[test]
    fn assembly_triangle_list_and_fan_follow_the_spec_equations() {
        let v: Vec<u32> = (0..7).collect();
        let list = run(T::TRIANGLE_LIST, &v, None, ProvokingVertex::Last);
        assert_eq!(list, vec![tri([0, 1, 2], 2), tri([3, 4, 5], 2)]);
        let fan = run(T::TRIANGLE_FAN, &v, None, ProvokingVertex::First);
        let expected: Vec<[u32; 3]> = (0..5).map(|i| [i + 1, i + 2, 0]).collect();
        assert_eq!(fan.iter().map(|p| p.vertices).collect::<Vec<_>>(), expected);
        assert_eq!(provoking_values(&fan), vec![1, 2, 3, 4, 5]);
        let fan_last = run(T::TRIANGLE_FAN, &v, None, ProvokingVertex::Last);
        assert_eq!(provoking_values(&fan_last), vec![2, 3, 4, 5, 6]);
    }

    #[test]
    fn assembly_adjacency_topologies_reduce_to_base_primitives() {
        let v: Vec<u32> = (0..12).collect();
        let lla = run(T::LINE_LIST_WITH_ADJACENCY, &v[..9], None, ProvokingVertex::Last);
        assert_eq!(lla, vec![tri([1, 2, 0], 1), tri([5, 6, 0], 1)]);
        let lsa = run(T::LINE_STRIP_WITH_ADJACENCY, &v[..6], None, ProvokingVertex::First);
        assert_eq!(lsa, vec![tri([1, 2, 0], 0), tri([2, 3, 0], 0), tri([3, 4, 0], 0)]);
        let tla = run(T::TRIANGLE_LIST_WITH_ADJACENCY, &v, None, ProvokingVertex::Last);
        assert_eq!(tla, vec![tri([0, 2, 4], 2), tri([6, 8, 10], 2)]);
        // n = floor((12 - 4) / 2) = 4 triangles; first, third and fifth vertex of each
        // total primitive of the spec's table.
        let tsa = run(T::TRIANGLE_STRIP_WITH_ADJACENCY, &v, None, ProvokingVertex::First);
        assert_eq!(
            tsa.iter().map(|p| p.vertices).collect::<Vec<_>>(),
            vec![[0, 2, 4], [2, 6, 4], [4, 6, 8], [6, 10, 8]]
        );
        assert_eq!(provoking_values(&tsa), vec![0, 2, 4, 6]);
        let tsa_last = run(T::TRIANGLE_STRIP_WITH_ADJACENCY, &v, None, ProvokingVertex::Last);
        assert_eq!(provoking_values(&tsa_last), vec![4, 6, 8, 10]);
        // A single primitive (6 vertices, n = 1).
        let one = run(T::TRIANGLE_STRIP_WITH_ADJACENCY, &v[..6], None, ProvokingVertex::First);
        assert_eq!(one, vec![tri([0, 2, 4], 0)]);
    }

    #[test]
    fn assembly_primitive_restart_starts_strips_and_fans_over() {
        const R: u32 = 0xffff;
        // Strip: 0 1 2 3 | 4 5 | 6 7 8: the 4 5 piece is incomplete and dropped, and the
        // strip after the restart starts with even parity again.
        let strip = run(T::TRIANGLE_STRIP, &[0, 1, 2, 3, R, 4, 5, R, 6, 7, 8], Some(R), ProvokingVertex::First);
        assert_eq!(strip, vec![tri([0, 1, 2], 0), tri([1, 3, 2], 0), tri([6, 7, 8], 0)]);
        // Fan: the centre is the first vertex after the restart.
        let fan = run(T::TRIANGLE_FAN, &[0, 1, 2, 3, R, 4, 5, 6], Some(R), ProvokingVertex::First);
        assert_eq!(fan, vec![tri([1, 2, 0], 0), tri([2, 3, 0], 0), tri([5, 6, 4], 0)]);
        let lines = run(T::LINE_STRIP, &[0, 1, R, 2, R, 3, 4, 5], Some(R), ProvokingVertex::First);
        assert_eq!(lines, vec![tri([0, 1, 0], 0), tri([3, 4, 0], 0), tri([4, 5, 0], 0)]);
        // Lists (VK_EXT_primitive_topology_list_restart): the incomplete triangle is dropped.
        let list = run(T::TRIANGLE_LIST, &[0, 1, R, 2, 3, 4], Some(R), ProvokingVertex::First);
        assert_eq!(list, vec![tri([2, 3, 4], 0)]);
        // Without restart enabled the value is an ordinary index.
        let plain = run(T::TRIANGLE_LIST, &[0, 1, R], None, ProvokingVertex::First);
        assert_eq!(plain, vec![tri([0, 1, R], 0)]);
    }

    #[test]
    fn assembly_patch_list_has_no_class() {
        assert_eq!(primitive_class(T::PATCH_LIST), None);
        assert_eq!(run(T::PATCH_LIST, &[0, 1, 2], None, ProvokingVertex::First), vec![]);
    }
}
