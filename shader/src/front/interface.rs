//! The stage interface of vertex and fragment shaders: `Input` and `Output` variables
//! become [`StageVariable`]s (one per location, with their word offsets in private
//! memory) or built-ins ([`BuiltinInput`], [`BuiltinOutput`]), which is what the executor
//! reads and writes around a run.
//!
//! Locations follow the spec's "Location Assignment" (Vulkan, "Shader Interfaces"): a
//! scalar or vector takes one location, except 64-bit vectors of 3 or 4 components, which
//! take two; a matrix takes one location per column; an array, its element's locations
//! times its length; a struct, its members' in order, a member's own `Location` restarting
//! the count. Interpolation decorations on a struct member add to the variable's.

use super::compile::{idref, lit, Compiler};
use crate::ir::*;
use crate::Error;
use spirv::{Decoration, Op, Word};

/// Locations softvk accepts (per stage and direction): more than any device limit it
/// could advertise (`maxVertexInputAttributes`, `maxFragmentInputComponents / 4`...).
pub const MAX_LOCATIONS: u32 = 64;

/// The interpolation decorations in effect for part of a variable.
#[derive(Clone, Copy, Default)]
struct Decorations {
    interpolation: Interpolation,
    sampling: Sampling,
}

impl Decorations {
    fn with(mut self, list: &[(Decoration, Vec<rspirv::dr::Operand>)]) -> Decorations {
        for (d, _) in list {
            match d {
                Decoration::Flat => self.interpolation = Interpolation::Flat,
                Decoration::NoPerspective => self.interpolation = Interpolation::NoPerspective,
                Decoration::Centroid => self.sampling = Sampling::Centroid,
                Decoration::Sample => self.sampling = Sampling::Sample,
                _ => {}
            }
        }
        self
    }
}

/// Where the walk over a variable's type is.
struct Cursor {
    location: u32,
    component: u32,
    offset: u32,
    decorations: Decorations,
}

impl Compiler<'_> {
    /// Records `Input` / `Output` variable `id` (its SPIR-V pointer type `ptr_spirv`, its
    /// private memory at `offset`) in the program's interface.
    pub(super) fn stage_variable(&mut self, id: Word, ptr_spirv: Word, input: bool, offset: u32) -> Result<(), Error> {
        let m = self.m;
        let pointee_spirv = self.m.definition(ptr_spirv).and_then(|p| p.operands.get(1)).and_then(|o| match o {
            rspirv::dr::Operand::IdRef(t) => Some(*t),
            _ => None,
        });
        let pointee_spirv = pointee_spirv.ok_or_else(|| Error::Invalid("variable of a malformed pointer type".into()))?;
        let pointee = self.ty(pointee_spirv)?;
        if let Some(b) = m.decoration_literal(id, Decoration::BuiltIn) {
            return self.builtin_variable(b, input, offset, pointee);
        }
        // A block of built-ins (`gl_PerVertex`): each decorated member is one.
        let def = m.definition(pointee_spirv);
        if def.is_some_and(|d| d.class.opcode == Op::TypeStruct) {
            let members = def.map_or(0, |d| d.operands.len()) as u32;
            let builtins: Vec<(u32, u32)> =
                (0..members).filter_map(|i| m.member_literal(pointee_spirv, i, Decoration::BuiltIn).map(|b| (i, b))).collect();
            if !builtins.is_empty() {
                if builtins.len() != members as usize && (0..members).any(|i| m.member_literal(pointee_spirv, i, Decoration::Location).is_some()) {
                    return Err(Error::Invalid("a block mixes built-in members and members with locations".into()));
                }
                for (i, b) in builtins {
                    let (ty, at) = self.types.member(pointee, i).ok_or_else(|| Error::Invalid("built-in member out of range".into()))?;
                    self.builtin_variable(b, input, offset + at, ty)?;
                }
                return Ok(());
            }
        }
        if self.stage == Stage::Compute {
            if input {
                return Err(Error::Unsupported(format!("input variable {} without a built-in in a compute shader", m.name(id).unwrap_or("?"))));
            }
            return Ok(()); // invalid in Vulkan, harmless: private memory nobody reads
        }
        let location = m.decoration_literal(id, Decoration::Location);
        let is_struct = def.is_some_and(|d| d.class.opcode == Op::TypeStruct);
        if location.is_none() && !is_struct {
            return Err(Error::Invalid(format!("stage {} variable {} without a Location", direction(input), m.name(id).unwrap_or("?"))));
        }
        let index = m.decoration_literal(id, Decoration::Index).unwrap_or(0);
        if index > 1 || (index == 1 && (input || self.stage != Stage::Fragment)) {
            return Err(Error::Invalid(format!("Index {index} on a stage {} variable", direction(input))));
        }
        let mut cursor = Cursor {
            location: location.unwrap_or(u32::MAX),
            component: m.decoration_literal(id, Decoration::Component).unwrap_or(0),
            offset,
            decorations: Decorations::default().with(m.decorations(id)),
        };
        let mut entries = Vec::new();
        self.assign_locations(pointee_spirv, &mut cursor, &mut entries, 0)?;
        let name = m.name(id).map(str::to_string);
        for mut e in entries {
            e.index = index;
            e.name = name.clone();
            if input && self.stage == Stage::Fragment {
                let integer_or_double = !e.scalar.is_float() || e.scalar.bits() == 64;
                if integer_or_double && e.interpolation != Interpolation::Flat {
                    return Err(Error::Invalid(format!(
                        "fragment input at location {} of {:?} without Flat (Vulkan requires it for integers and doubles)",
                        e.location, e.scalar
                    )));
                }
                if e.sampling == Sampling::Sample {
                    self.fragment.sample_shading = true;
                }
            } else {
                // Interpolation is the fragment shader's to choose.
                e.interpolation = Interpolation::Smooth;
                e.sampling = Sampling::Center;
            }
            let list = if input { &mut self.inputs } else { &mut self.outputs };
            if let Some(other) = list.iter().find(|o| {
                o.location == e.location && o.index == e.index && o.component_range().start < e.component_range().end && e.component_range().start < o.component_range().end
            }) {
                return Err(Error::Invalid(format!(
                    "stage {} variables overlap at location {} component {}",
                    direction(input),
                    e.location,
                    other.component.max(e.component)
                )));
            }
            list.push(e);
        }
        Ok(())
    }

    /// The locations of a value of SPIR-V type `ty` from `cursor`, into `out`.
    fn assign_locations(&mut self, ty: Word, cursor: &mut Cursor, out: &mut Vec<StageVariable>, depth: u32) -> Result<(), Error> {
        let m = self.m;
        if depth > 16 {
            return Err(Error::Unsupported("stage interface types nested this deeply".into()));
        }
        let inst = m.definition(ty).ok_or_else(|| Error::Invalid(format!("%{ty} is not a type")))?;
        let ir = self.ty(ty)?;
        match inst.class.opcode {
            Op::TypeInt | Op::TypeFloat | Op::TypeVector => {
                let scalar = self.types.scalar_of(ir).ok_or_else(|| Error::Invalid("interface vector of a non-scalar".into()))?;
                if scalar == Scalar::Bool {
                    return Err(Error::Invalid("booleans in the stage interface".into()));
                }
                let count = self.types.components(ir);
                // 64-bit components two to a location; others up to four.
                let per_location = if scalar.words() == 2 { 2 } else { 4 };
                let mut left = count;
                let mut first = true;
                while left > 0 {
                    let n = left.min(per_location);
                    let component = if first { cursor.component } else { 0 };
                    if component + n * scalar.words() > 4 {
                        return Err(Error::Invalid(format!("component {component} + {n} {scalar:?} runs past a location")));
                    }
                    // Also bounds the walk: an array of a million structs whose members
                    // all restart at their own Location would otherwise loop as long.
                    if cursor.location >= MAX_LOCATIONS || out.len() >= 4 * MAX_LOCATIONS as usize {
                        return Err(Error::Unsupported(format!(
                            "stage interface locations past {} (or a member without a Location)",
                            MAX_LOCATIONS - 1
                        )));
                    }
                    out.push(StageVariable {
                        location: cursor.location,
                        component,
                        index: 0,
                        scalar,
                        components: n,
                        interpolation: cursor.decorations.interpolation,
                        sampling: cursor.decorations.sampling,
                        offset: cursor.offset,
                        name: None,
                    });
                    cursor.offset += n * scalar.words();
                    cursor.location += 1;
                    left -= n;
                    first = false;
                }
            }
            Op::TypeMatrix => {
                let column = idref(inst, 0)?;
                self.require_component_zero(cursor, "a matrix")?;
                for _ in 0..lit(inst, 1)? {
                    self.assign_locations(column, cursor, out, depth + 1)?;
                }
            }
            Op::TypeArray => {
                let element = idref(inst, 0)?;
                let Type::Array { len, .. } = *self.types.get(ir) else {
                    return Err(Error::Invalid("malformed array type".into()));
                };
                let component = cursor.component;
                for _ in 0..len {
                    cursor.component = component;
                    self.assign_locations(element, cursor, out, depth + 1)?;
                }
            }
            Op::TypeStruct => {
                self.require_component_zero(cursor, "a struct")?;
                let outer = cursor.decorations;
                for i in 0..inst.operands.len() as u32 {
                    let member = idref(inst, i as usize)?;
                    if let Some(location) = m.member_literal(ty, i, Decoration::Location) {
                        cursor.location = location;
                    }
                    cursor.component = m.member_literal(ty, i, Decoration::Component).unwrap_or(0);
                    cursor.decorations = outer.with(m.member_decorations(ty, i));
                    self.assign_locations(member, cursor, out, depth + 1)?;
                }
                cursor.decorations = outer;
            }
            other => return Err(Error::Unsupported(format!("Op{other:?} in the stage interface"))),
        }
        Ok(())
    }

    fn require_component_zero(&self, cursor: &Cursor, what: &str) -> Result<(), Error> {
        if cursor.component != 0 {
            return Err(Error::Invalid(format!("a Component decoration on {what}")));
        }
        Ok(())
    }

    /// Records built-in `b` (a SPIR-V `BuiltIn` number) at `offset`, of type `ty`.
    fn builtin_variable(&mut self, b: u32, input: bool, offset: u32, ty: TypeId) -> Result<(), Error> {
        let builtin = builtin_of(b, self.stage, input)?;
        if input {
            self.uses.subgroups |= is_subgroup(builtin);
            if matches!(builtin, Builtin::SampleId | Builtin::SamplePosition) {
                self.fragment.sample_shading = true;
            }
            self.builtins.push(BuiltinInput { builtin, offset, ty });
        } else {
            self.builtin_outputs.push(BuiltinOutput { builtin, offset, ty });
        }
        Ok(())
    }
}

fn direction(input: bool) -> &'static str {
    if input {
        "input"
    } else {
        "output"
    }
}

fn is_subgroup(b: Builtin) -> bool {
    matches!(
        b,
        Builtin::SubgroupSize
            | Builtin::SubgroupLocalInvocationId
            | Builtin::SubgroupEqMask
            | Builtin::SubgroupGeMask
            | Builtin::SubgroupGtMask
            | Builtin::SubgroupLeMask
            | Builtin::SubgroupLtMask
            | Builtin::SubgroupId
            | Builtin::NumSubgroups
    )
}

/// The built-in `b` names, if `stage` may have it in that direction.
pub fn builtin_of(b: u32, stage: Stage, input: bool) -> Result<Builtin, Error> {
    use spirv::BuiltIn as B;
    // Built-ins every stage reads.
    let any_stage = [
        (B::SubgroupSize, Builtin::SubgroupSize),
        (B::SubgroupLocalInvocationId, Builtin::SubgroupLocalInvocationId),
        (B::SubgroupEqMask, Builtin::SubgroupEqMask),
        (B::SubgroupGeMask, Builtin::SubgroupGeMask),
        (B::SubgroupGtMask, Builtin::SubgroupGtMask),
        (B::SubgroupLeMask, Builtin::SubgroupLeMask),
        (B::SubgroupLtMask, Builtin::SubgroupLtMask),
        (B::DeviceIndex, Builtin::DeviceIndex),
    ];
    let compute_inputs = [
        (B::GlobalInvocationId, Builtin::GlobalInvocationId),
        (B::LocalInvocationId, Builtin::LocalInvocationId),
        (B::LocalInvocationIndex, Builtin::LocalInvocationIndex),
        (B::WorkgroupId, Builtin::WorkgroupId),
        (B::NumWorkgroups, Builtin::NumWorkgroups),
        (B::WorkgroupSize, Builtin::WorkgroupSize),
        (B::SubgroupId, Builtin::SubgroupId),
        (B::NumSubgroups, Builtin::NumSubgroups),
    ];
    let vertex_inputs = [
        (B::VertexIndex, Builtin::VertexIndex),
        (B::InstanceIndex, Builtin::InstanceIndex),
        (B::BaseVertex, Builtin::BaseVertex),
        (B::BaseInstance, Builtin::BaseInstance),
        (B::DrawIndex, Builtin::DrawIndex),
    ];
    let vertex_outputs = [
        (B::Position, Builtin::Position),
        (B::PointSize, Builtin::PointSize),
        (B::ClipDistance, Builtin::ClipDistance),
        (B::CullDistance, Builtin::CullDistance),
    ];
    let fragment_inputs = [
        (B::FragCoord, Builtin::FragCoord),
        (B::FrontFacing, Builtin::FrontFacing),
        (B::PointCoord, Builtin::PointCoord),
        (B::SampleId, Builtin::SampleId),
        (B::SamplePosition, Builtin::SamplePosition),
        (B::SampleMask, Builtin::SampleMask),
        (B::HelperInvocation, Builtin::HelperInvocation),
        (B::ClipDistance, Builtin::ClipDistance),
        (B::CullDistance, Builtin::CullDistance),
    ];
    let fragment_outputs = [(B::FragDepth, Builtin::FragDepth), (B::SampleMask, Builtin::SampleMask)];
    let lists: Vec<&[(B, Builtin)]> = match (stage, input) {
        (Stage::Compute, true) => vec![&any_stage, &compute_inputs],
        (Stage::Vertex, true) => vec![&any_stage, &vertex_inputs],
        (Stage::Fragment, true) => vec![&any_stage, &fragment_inputs],
        (Stage::Vertex, false) => vec![&vertex_outputs],
        (Stage::Fragment, false) => vec![&fragment_outputs],
        (Stage::Compute, false) => vec![],
    };
    if let Some((_, ours)) = lists.iter().flat_map(|l| l.iter()).find(|(spirv, _)| *spirv as u32 == b) {
        return Ok(*ours);
    }
    let name = B::from_u32(b).map_or_else(|| format!("built-in {b}"), |n| format!("built-in {n:?}"));
    let known_elsewhere = [any_stage.as_slice(), &compute_inputs, &vertex_inputs, &vertex_outputs, &fragment_inputs, &fragment_outputs]
        .iter()
        .any(|l| l.iter().any(|(spirv, _)| *spirv as u32 == b));
    if known_elsewhere || matches!(B::from_u32(b), Some(B::VertexId | B::InstanceId)) {
        Err(Error::Invalid(format!("{name} as a {} of a {stage:?} shader", direction(input))))
    } else {
        Err(Error::Unsupported(format!("{name} in a {stage:?} shader")))
    }
}

/// A fragment input and where its value comes from in the vertex stage's outputs.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Varying {
    pub input: StageVariable,
    /// Word offset, in the vertex stage's private memory, of the output words that feed
    /// the input (its first component).
    pub output_offset: u32,
}

/// Matches the inputs of a fragment program with the outputs of the vertex program
/// before it, by location and component (Vulkan, "Interface Matching"): each input
/// needs an output at its location covering its components, of the same component
/// type. Outputs nobody reads are fine. Every mismatch is named in the error.
pub fn link(vertex: &Program, fragment: &Program) -> Result<Vec<Varying>, Error> {
    let mut varyings = Vec::new();
    let mut problems = Vec::new();
    for input in &fragment.inputs {
        let what = |input: &StageVariable| {
            let name = input.name.as_deref().map_or(String::new(), |n| format!(" ({n})"));
            format!("fragment input at location {} component {}{name}", input.location, input.component)
        };
        let range = input.component_range();
        let covering = vertex
            .outputs
            .iter()
            .find(|o| o.location == input.location && o.component_range().start <= range.start && range.end <= o.component_range().end);
        match covering {
            None => problems.push(format!("{}: no vertex output writes it", what(input))),
            Some(o) if o.scalar != input.scalar => {
                problems.push(format!("{}: {:?} in the fragment shader, {:?} in the vertex shader", what(input), input.scalar, o.scalar))
            }
            Some(o) => varyings.push(Varying { input: input.clone(), output_offset: o.offset + (range.start - o.component) }),
        }
    }
    for builtin in [Builtin::ClipDistance, Builtin::CullDistance] {
        if let Some(input) = fragment.builtin_input(builtin) {
            let needed = fragment.types.words(input.ty);
            match vertex.builtin_output(builtin) {
                Some(o) if vertex.types.words(o.ty) >= needed => {}
                _ => problems.push(format!("fragment input {builtin:?}[{needed}]: the vertex shader does not write that many")),
            }
        }
    }
    if problems.is_empty() {
        Ok(varyings)
    } else {
        Err(Error::Invalid(format!("the vertex and fragment interfaces do not match: {}", problems.join("; "))))
    }
}
