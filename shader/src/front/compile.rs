//! From a parsed module to a [`Program`]: types (with layouts), constants (with
//! specialisation applied), global variables (memory, bindings, built-ins), then the
//! entry point's body through `function`.

use super::module::{result_id, Module};
use crate::ir::*;
use crate::Error;
use cranelift_entity::PrimaryMap;
use rspirv::dr::{Instruction, Operand};
use spirv::{Decoration, Op, Word};
use std::collections::HashMap;

/// Specialisation constant values by `SpecId`: the bytes the application gave, little
/// endian, zero-extended.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
pub struct Specialization {
    pub values: Vec<(u32, u64)>,
}

impl Specialization {
    fn get(&self, id: u32) -> Option<u64> {
        self.values.iter().rev().find(|(i, _)| *i == id).map(|(_, v)| *v)
    }
}

/// How deep function calls may nest when inlined (SPIR-V for Vulkan has no recursion; a
/// module that recurses is refused when this is reached).
const MAX_CALL_DEPTH: u32 = 64;
/// Most instructions inlined into one program, all call sites together: a call graph that
/// fans out (f calls g twice, g calls h twice...) grows exponentially when inlined.
const MAX_INLINED_INSTRUCTIONS: usize = 1 << 18;
/// A program larger than this many register words per lane is refused.
const MAX_REGISTER_WORDS: u32 = 1 << 20;
/// Private memory per invocation and workgroup memory, in words.
const MAX_PRIVATE_WORDS: u32 = 1 << 20;
pub const MAX_WORKGROUP_WORDS: u32 = 1 << 14;

/// A known constant: its type and its words.
#[derive(Clone, Debug)]
pub struct Constant {
    pub ty: TypeId,
    pub words: Vec<u32>,
}

pub struct Compiler<'m> {
    pub m: &'m Module,
    spec: &'m Specialization,
    pub types: TypeTable,
    type_map: HashMap<Word, TypeId>,
    types_in_progress: Vec<Word>,
    constants_in_progress: Vec<Word>,
    pub values: PrimaryMap<Value, ValueData>,
    next_slot: u32,
    pub constants: Vec<(Value, Vec<u32>)>,
    constant_map: HashMap<Word, Constant>,
    /// Module-scope ids that are values: constants and variables (constant pointers).
    pub globals: HashMap<Word, Value>,
    pub private_words: u32,
    pub private_init: Vec<(u32, Vec<u32>)>,
    pub workgroup_words: u32,
    pub workgroup_init: Vec<(u32, Vec<u32>)>,
    pub bindings: Vec<Binding>,
    pub push_constant_slot: Option<u32>,
    pub builtins: Vec<BuiltinInput>,
    /// The stage being compiled (what its interface variables and instructions may be).
    pub stage: Stage,
    pub inputs: Vec<StageVariable>,
    pub outputs: Vec<StageVariable>,
    pub builtin_outputs: Vec<BuiltinOutput>,
    pub fragment: FragmentModes,
    pub uses: Uses,
    pub max_frames: u32,
    pub call_depth: u32,
    /// Instructions of the functions inlined so far.
    pub inlined_instructions: usize,
    /// Workgroup size from a `WorkgroupSize` built-in constant, which overrides the
    /// execution mode.
    workgroup_size_builtin: Option<[u32; 3]>,
}

/// Object word of a resource pointer: the binding's index in `Program::bindings` in the
/// high bits, the array element in the low ones.
pub const OBJECT_ELEMENT_BITS: u32 = 20;

impl<'m> Compiler<'m> {
    pub fn new(m: &'m Module, spec: &'m Specialization) -> Self {
        Compiler {
            m,
            spec,
            types: TypeTable::default(),
            type_map: HashMap::new(),
            types_in_progress: Vec::new(),
            constants_in_progress: Vec::new(),
            values: PrimaryMap::new(),
            next_slot: 0,
            constants: Vec::new(),
            constant_map: HashMap::new(),
            globals: HashMap::new(),
            private_words: 0,
            private_init: Vec::new(),
            workgroup_words: 0,
            workgroup_init: Vec::new(),
            bindings: Vec::new(),
            push_constant_slot: None,
            builtins: Vec::new(),
            stage: Stage::Compute,
            inputs: Vec::new(),
            outputs: Vec::new(),
            builtin_outputs: Vec::new(),
            fragment: FragmentModes::default(),
            uses: Uses::default(),
            max_frames: 0,
            call_depth: 0,
            inlined_instructions: 0,
            workgroup_size_builtin: None,
        }
    }

    /// A fresh value of type `ty` with its own registers.
    pub fn new_value(&mut self, ty: TypeId) -> Result<Value, Error> {
        let slot = self.next_slot;
        self.next_slot = slot.checked_add(self.types.words(ty)).filter(|&n| n <= MAX_REGISTER_WORDS).ok_or_else(|| {
            Error::Unsupported(format!("the shader needs more than {MAX_REGISTER_WORDS} register words per invocation"))
        })?;
        Ok(self.values.push(ValueData { ty, slot }))
    }

    /// A value preloaded with `words`.
    pub fn constant_value(&mut self, ty: TypeId, words: Vec<u32>) -> Result<Value, Error> {
        let value = self.new_value(ty)?;
        self.constants.push((value, words));
        Ok(value)
    }

    pub fn intern(&mut self, ty: Type) -> TypeId {
        self.types.intern(ty)
    }

    pub fn scalar_type(&mut self, s: Scalar) -> TypeId {
        self.types.intern(Type::Scalar(s))
    }

    // ---- types ---------------------------------------------------------------------

    /// The IR type of SPIR-V type `id`.
    pub fn ty(&mut self, id: Word) -> Result<TypeId, Error> {
        if let Some(&t) = self.type_map.get(&id) {
            return Ok(t);
        }
        if let Some(pointee) = self.physical_pointee(id) {
            // Known before its pointee, so that the pointee may hold it (see
            // `TypeTable::reserve_physical_pointer`).
            let t = self.types.reserve_physical_pointer();
            self.type_map.insert(id, t);
            self.uses.physical_addresses = true;
            let pointee = self.ty(pointee)?;
            self.types.set_pointee(t, pointee);
            return Ok(t);
        }
        if self.types_in_progress.contains(&id) {
            return Err(Error::Unsupported(format!("recursive type %{id} (pointers to a struct inside itself)")));
        }
        self.types_in_progress.push(id);
        let result = self.convert_type(id);
        self.types_in_progress.retain(|&t| t != id);
        let t = result?;
        self.type_map.insert(id, t);
        Ok(t)
    }

    /// The pointee id of `id` if it is an `OpTypePointer` to `PhysicalStorageBuffer`.
    fn physical_pointee(&self, id: Word) -> Option<Word> {
        let inst = self.m.definition(id)?;
        match (inst.class.opcode, inst.operands.first(), inst.operands.get(1)) {
            (Op::TypePointer, Some(Operand::StorageClass(spirv::StorageClass::PhysicalStorageBuffer)), Some(Operand::IdRef(p))) => {
                Some(*p)
            }
            _ => None,
        }
    }

    fn convert_type(&mut self, id: Word) -> Result<TypeId, Error> {
        let m = self.m;
        let inst = m.definition(id).ok_or_else(|| Error::Invalid(format!("%{id} is not a type")))?;
        let ty = match inst.class.opcode {
            Op::TypeVoid => Type::Void,
            Op::TypeBool => Type::Scalar(Scalar::Bool),
            Op::TypeInt => {
                let bits = lit(inst, 0)?;
                if !matches!(bits, 8 | 16 | 32 | 64) {
                    return Err(Error::Unsupported(format!("{bits}-bit integers")));
                }
                Type::Scalar(Scalar::Int { bits: bits as u8, signed: lit(inst, 1)? != 0 })
            }
            Op::TypeFloat => {
                let bits = lit(inst, 0)?;
                if !matches!(bits, 16 | 32 | 64) || inst.operands.len() > 1 {
                    return Err(Error::Unsupported(format!("{bits}-bit floats of this encoding")));
                }
                Type::Scalar(Scalar::Float { bits: bits as u8 })
            }
            Op::TypeVector => {
                let component = self.ty(idref(inst, 0)?)?;
                let len = lit(inst, 1)?;
                let Type::Scalar(scalar) = *self.types.get(component) else {
                    return Err(Error::Invalid("vector of a non-scalar".into()));
                };
                if !(2..=4).contains(&len) {
                    return Err(Error::Unsupported(format!("vectors of {len} components")));
                }
                Type::Vector { scalar, len }
            }
            Op::TypeMatrix => {
                let column = self.ty(idref(inst, 0)?)?;
                let columns = lit(inst, 1)?;
                if !matches!(self.types.get(column), Type::Vector { .. }) || !(2..=4).contains(&columns) {
                    return Err(Error::Invalid("malformed matrix type".into()));
                }
                Type::Matrix { column, columns, stride: None, row_major: false }
            }
            Op::TypeArray => {
                let element = self.ty(idref(inst, 0)?)?;
                let length = self.constant(idref(inst, 1)?)?;
                let len = length.words.first().copied().unwrap_or(0);
                if length.words.get(1).is_some_and(|&hi| hi != 0) || len == 0 {
                    return Err(Error::Invalid(format!("array length {:?}", length.words)));
                }
                let stride = m.decoration_literal(id, Decoration::ArrayStride);
                Type::Array { element, len, stride }
            }
            Op::TypeRuntimeArray => {
                let element = self.ty(idref(inst, 0)?)?;
                Type::RuntimeArray { element, stride: m.decoration_literal(id, Decoration::ArrayStride) }
            }
            Op::TypeStruct => {
                let mut members = Vec::new();
                for (i, op) in inst.operands.iter().enumerate() {
                    let Operand::IdRef(member_type) = op else {
                        return Err(Error::Invalid("malformed struct type".into()));
                    };
                    let i = i as u32;
                    let mut ty = self.ty(*member_type)?;
                    let matrix_stride = m.member_literal(id, i, Decoration::MatrixStride);
                    let row_major = m.member_decorations(id, i).iter().any(|(d, _)| *d == Decoration::RowMajor);
                    ty = self.with_matrix_layout(ty, matrix_stride, row_major);
                    members.push(Member {
                        ty,
                        offset: m.member_literal(id, i, Decoration::Offset),
                        matrix_stride,
                        row_major,
                        builtin: m.member_literal(id, i, Decoration::BuiltIn),
                    });
                }
                Type::Struct { members }
            }
            Op::TypePointer | Op::TypeForwardPointer => {
                let Some(Operand::StorageClass(class)) = inst.operands.first() else {
                    return Err(Error::Invalid("malformed pointer type".into()));
                };
                let class = storage_class(*class, None)?;
                let pointee = self.ty(idref(inst, 1)?)?;
                Type::Pointer { class, pointee }
            }
            Op::TypeImage => {
                let sampled = self.ty(idref(inst, 0)?)?;
                let sampled_type = match self.types.get(sampled) {
                    Type::Scalar(s) => *s,
                    Type::Void => Scalar::F32,
                    _ => return Err(Error::Invalid("image of a non-scalar type".into())),
                };
                let Some(Operand::Dim(dim)) = inst.operands.get(1) else {
                    return Err(Error::Invalid("malformed image type".into()));
                };
                let dim = match dim {
                    spirv::Dim::Dim1D => ImageDim::D1,
                    spirv::Dim::Dim2D => ImageDim::D2,
                    spirv::Dim::Dim3D => ImageDim::D3,
                    spirv::Dim::DimCube => ImageDim::Cube,
                    spirv::Dim::DimBuffer => ImageDim::Buffer,
                    spirv::Dim::DimSubpassData => ImageDim::SubpassData,
                    other => return Err(Error::Unsupported(format!("images of dimension {other:?}"))),
                };
                let format = match inst.operands.get(6) {
                    Some(Operand::ImageFormat(f)) => *f as u32,
                    _ => 0,
                };
                Type::Image(ImageType {
                    sampled_type,
                    dim,
                    depth: lit(inst, 2)? == 1,
                    arrayed: lit(inst, 3)? != 0,
                    multisampled: lit(inst, 4)? != 0,
                    storage: lit(inst, 5)? == 2,
                    format,
                })
            }
            Op::TypeSampler => Type::Sampler,
            Op::TypeSampledImage => Type::SampledImage { image: self.ty(idref(inst, 0)?)? },
            other => return Err(Error::Unsupported(format!("type Op{other:?}"))),
        };
        Ok(self.types.intern(ty))
    }

    /// `ty` with the matrix layout of the struct member holding it folded into every
    /// matrix it is made of (a matrix, or arrays of matrices).
    fn with_matrix_layout(&mut self, ty: TypeId, stride: Option<u32>, row_major: bool) -> TypeId {
        match self.types.get(ty).clone() {
            Type::Matrix { column, columns, .. } => {
                let column_bytes = self.types.scalar_of(column).map_or(4, |s| s.bytes()) * self.types.components(column);
                let natural = column_bytes.next_power_of_two().max(4);
                self.types.intern(Type::Matrix { column, columns, stride: Some(stride.unwrap_or(natural)), row_major })
            }
            Type::Array { element, len, stride: array_stride } => {
                let element = self.with_matrix_layout(element, stride, row_major);
                self.types.intern(Type::Array { element, len, stride: array_stride })
            }
            Type::RuntimeArray { element, stride: array_stride } => {
                let element = self.with_matrix_layout(element, stride, row_major);
                self.types.intern(Type::RuntimeArray { element, stride: array_stride })
            }
            _ => ty,
        }
    }

    // ---- constants -----------------------------------------------------------------

    /// The type and words of constant `id` (specialised).
    pub fn constant(&mut self, id: Word) -> Result<Constant, Error> {
        if let Some(c) = self.constant_map.get(&id) {
            return Ok(c.clone());
        }
        if self.constants_in_progress.contains(&id) {
            return Err(Error::Invalid(format!("constant %{id} is defined in terms of itself")));
        }
        self.constants_in_progress.push(id);
        let result = self.convert_constant(id);
        self.constants_in_progress.pop();
        result
    }

    fn convert_constant(&mut self, id: Word) -> Result<Constant, Error> {
        let m = self.m;
        let inst = m.definition(id).ok_or_else(|| Error::Invalid(format!("%{id} is not a constant")))?;
        let ty = self.ty(inst.result_type.ok_or_else(|| Error::Invalid("constant without a type".into()))?)?;
        let spec_id = m.decoration_literal(id, Decoration::SpecId);
        let spec = spec_id.and_then(|s| self.spec.get(s));
        let words = match inst.class.opcode {
            Op::ConstantTrue => vec![1],
            Op::ConstantFalse => vec![0],
            Op::SpecConstantTrue => vec![spec.map_or(1, |v| (v as u32 != 0) as u32)],
            Op::SpecConstantFalse => vec![spec.map_or(0, |v| (v as u32 != 0) as u32)],
            Op::Constant | Op::SpecConstant => {
                let scalar = self.types.scalar_of(ty).ok_or_else(|| Error::Invalid("OpConstant of a non-scalar".into()))?;
                let raw = match inst.operands.first() {
                    Some(Operand::LiteralBit32(v)) => *v as u64,
                    Some(Operand::LiteralBit64(v)) => *v,
                    _ => return Err(Error::Invalid("OpConstant without a literal".into())),
                };
                let value = match (inst.class.opcode, spec) {
                    (Op::SpecConstant, Some(v)) => v,
                    _ => raw,
                };
                scalar_words(scalar, value)
            }
            Op::ConstantComposite | Op::SpecConstantComposite => {
                let mut words = Vec::new();
                for op in &inst.operands {
                    let Operand::IdRef(part) = op else { return Err(Error::Invalid("malformed composite".into())) };
                    words.extend(self.constant(*part)?.words);
                }
                words
            }
            Op::Undef if m.spec_constant_op(id).is_some() => {
                let raw = m.spec_constant_op(id).unwrap_or_default().to_vec();
                super::spec_op::evaluate(self, &raw, ty)?
            }
            Op::ConstantNull | Op::Undef => vec![0; self.types.words(ty) as usize],
            other => return Err(Error::Unsupported(format!("constant Op{other:?}"))),
        };
        if words.len() != self.types.words(ty) as usize {
            return Err(Error::Invalid(format!("constant %{id} has {} words for its type", words.len())));
        }
        if m.decoration_literal(id, Decoration::BuiltIn) == Some(spirv::BuiltIn::WorkgroupSize as u32) {
            if let [x, y, z] = words[..] {
                self.workgroup_size_builtin = Some([x, y, z]);
            }
        }
        let constant = Constant { ty, words };
        self.constant_map.insert(id, constant.clone());
        Ok(constant)
    }

    pub fn workgroup_size_builtin(&self) -> Option<[u32; 3]> {
        self.workgroup_size_builtin
    }

    /// The value of module-scope id `id`: a constant, OpUndef, or a variable's pointer.
    pub fn global(&mut self, id: Word) -> Result<Value, Error> {
        if let Some(&v) = self.globals.get(&id) {
            return Ok(v);
        }
        let m = self.m;
        let inst = m.definition(id).ok_or_else(|| Error::Invalid(format!("%{id} is used but never defined")))?;
        let value = if inst.class.opcode == Op::Variable {
            self.global_variable(id, inst)?
        } else {
            let c = self.constant(id)?;
            self.constant_value(c.ty, c.words)?
        };
        self.globals.insert(id, value);
        Ok(value)
    }

    // ---- variables -----------------------------------------------------------------

    /// Words of private memory for a variable of `ty`.
    pub fn allocate_private(&mut self, ty: TypeId) -> Result<u32, Error> {
        let offset = self.private_words;
        self.private_words = offset
            .checked_add(self.types.words(ty))
            .filter(|&n| n <= MAX_PRIVATE_WORDS)
            .ok_or_else(|| Error::Unsupported(format!("more than {MAX_PRIVATE_WORDS} words of private memory")))?;
        Ok(offset)
    }

    /// A constant pointer value of pointer type `ptr_ty` at `offset`, `object`.
    pub fn pointer_constant(&mut self, ptr_ty: TypeId, offset: u32, object: u32) -> Result<Value, Error> {
        self.constant_value(ptr_ty, vec![offset, object])
    }

    fn global_variable(&mut self, id: Word, inst: &Instruction) -> Result<Value, Error> {
        let m = self.m;
        let ptr_spirv = inst.result_type.ok_or_else(|| Error::Invalid("OpVariable without a type".into()))?;
        let Some(Operand::StorageClass(spirv_class)) = inst.operands.first() else {
            return Err(Error::Invalid("OpVariable without a storage class".into()));
        };
        let ptr_ty = self.ty(ptr_spirv)?;
        let Type::Pointer { pointee, .. } = *self.types.get(ptr_ty) else {
            return Err(Error::Invalid("OpVariable of a non-pointer type".into()));
        };
        let initializer = match inst.operands.get(1) {
            Some(Operand::IdRef(init)) => Some(self.initializer_words(*init)?),
            _ => None,
        };
        use spirv::StorageClass as S;
        match spirv_class {
            S::Private | S::Function => {
                let offset = self.allocate_private(pointee)?;
                if let Some(words) = initializer {
                    self.private_init.push((offset, words));
                }
                self.pointer_constant(ptr_ty, offset, 0)
            }
            S::Input | S::Output => {
                let offset = self.allocate_private(pointee)?;
                if let Some(words) = initializer {
                    self.private_init.push((offset, words));
                }
                self.stage_variable(id, ptr_spirv, *spirv_class == S::Input, offset)?;
                self.pointer_constant(ptr_ty, offset, 0)
            }
            S::Workgroup => {
                let offset = self.workgroup_words;
                self.workgroup_words = offset
                    .checked_add(self.types.words(pointee))
                    .filter(|&n| n <= MAX_WORKGROUP_WORDS)
                    .ok_or_else(|| Error::Unsupported("more workgroup memory than maxComputeSharedMemorySize".into()))?;
                if let Some(words) = initializer {
                    self.workgroup_init.push((offset, words));
                }
                self.uses.workgroup_memory = true;
                self.pointer_constant(ptr_ty, offset, 0)
            }
            S::Uniform | S::StorageBuffer | S::UniformConstant => {
                let set = m.decoration_literal(id, Decoration::DescriptorSet).unwrap_or(0);
                let binding = m.decoration_literal(id, Decoration::Binding).unwrap_or(0);
                let buffer_block = self.spirv_block_of(ptr_spirv).is_some_and(|s| m.has_decoration(s, Decoration::BufferBlock));
                let (kind, count, image) = self.binding_kind(*spirv_class, pointee, buffer_block)?;
                let index = self.bindings.len() as u32;
                let non_writable = m.has_decoration(id, Decoration::NonWritable);
                self.bindings.push(Binding {
                    set,
                    binding,
                    kind,
                    count,
                    first_slot: index << OBJECT_ELEMENT_BITS,
                    image,
                    written: !non_writable && matches!(kind, BindingKind::StorageBuffer | BindingKind::StorageImage),
                    bytes: 0..0,
                });
                self.pointer_constant(ptr_ty, 0, index << OBJECT_ELEMENT_BITS)
            }
            S::PushConstant => {
                let index = self.bindings.len() as u32;
                self.bindings.push(Binding {
                    set: u32::MAX,
                    binding: u32::MAX,
                    kind: BindingKind::PushConstants,
                    count: 1,
                    first_slot: index << OBJECT_ELEMENT_BITS,
                    image: None,
                    written: false,
                    bytes: self.explicit_span(pointee),
                });
                self.push_constant_slot = Some(index << OBJECT_ELEMENT_BITS);
                self.pointer_constant(ptr_ty, 0, index << OBJECT_ELEMENT_BITS)
            }
            other => Err(Error::Unsupported(format!("variables in storage class {other:?}"))),
        }
    }

    /// The bytes a value of `ty` spans in an explicit layout: from its first member's
    /// offset to the end of its furthest member.
    fn explicit_span(&self, ty: TypeId) -> std::ops::Range<u32> {
        match self.types.get(ty) {
            Type::Struct { members } => {
                let start = members.iter().filter_map(|m| m.offset).min().unwrap_or(0);
                let end = members
                    .iter()
                    .map(|m| m.offset.unwrap_or(0).saturating_add(self.explicit_span(m.ty).end))
                    .max()
                    .unwrap_or(0);
                start..end
            }
            _ => 0..self.explicit_size(ty),
        }
    }

    /// Bytes of a value of `ty` in an explicit layout (arrays and matrices by their
    /// strides; a runtime array counts as empty).
    fn explicit_size(&self, ty: TypeId) -> u32 {
        match self.types.get(ty) {
            Type::Scalar(s) => s.bytes(),
            Type::Vector { scalar, len } => scalar.bytes() * len,
            Type::StridedVector { scalar, len, stride } => stride * (len - 1) + scalar.bytes(),
            Type::Matrix { column, columns, stride, row_major } => {
                let rows = self.types.components(*column);
                let scalar = self.types.scalar_of(*column).map_or(4, |s| s.bytes());
                let stride = stride.unwrap_or(16);
                if *row_major { stride * (rows - 1) + scalar * columns } else { stride * (columns - 1) + scalar * rows }
            }
            Type::Array { element, len, stride } => {
                stride.unwrap_or(0).saturating_mul(len - 1).saturating_add(self.explicit_size(*element))
            }
            Type::Struct { .. } => self.explicit_span(ty).end,
            Type::Pointer { .. } => 8,
            _ => 0,
        }
    }

    /// The words of an initializer: a constant, or another module-scope variable (whose
    /// value is its constant pointer).
    fn initializer_words(&mut self, id: Word) -> Result<Vec<u32>, Error> {
        if self.m.definition(id).is_some_and(|d| d.class.opcode == Op::Variable) {
            let pointer = self.global(id)?;
            return self
                .constants
                .iter()
                .find(|(v, _)| *v == pointer)
                .map(|(_, w)| w.clone())
                .ok_or_else(|| Error::Invalid("initializer variable without a constant pointer".into()));
        }
        Ok(self.constant(id)?.words)
    }

    /// What a descriptor variable of `pointee` is bound to, and its array size (0 for a
    /// runtime array).
    fn binding_kind(
        &mut self,
        class: spirv::StorageClass,
        pointee: TypeId,
        buffer_block: bool,
    ) -> Result<(BindingKind, u32, Option<ImageType>), Error> {
        let (element, count) = match self.types.get(pointee) {
            Type::Array { element, len, stride: None } => (*element, *len),
            Type::RuntimeArray { element, stride: None } => (*element, 0),
            _ => (pointee, 1),
        };
        let kind = match (class, self.types.get(element)) {
            (spirv::StorageClass::StorageBuffer, _) => (BindingKind::StorageBuffer, None),
            (spirv::StorageClass::Uniform, Type::Struct { .. }) => {
                // Uniform + BufferBlock is a storage buffer in SPIR-V 1.0-1.2.
                (if buffer_block { BindingKind::StorageBuffer } else { BindingKind::UniformBuffer }, None)
            }
            (_, Type::Image(image)) => {
                let kind = if image.storage {
                    BindingKind::StorageImage
                } else {
                    BindingKind::SampledImage
                };
                (kind, Some(*image))
            }
            (_, Type::Sampler) => (BindingKind::Sampler, None),
            (_, Type::SampledImage { image }) => {
                let Type::Image(image) = *self.types.get(*image) else {
                    return Err(Error::Invalid("sampled image of a non-image".into()));
                };
                (BindingKind::CombinedImageSampler, Some(image))
            }
            (class, ty) => return Err(Error::Unsupported(format!("descriptor variable of {ty:?} in {class:?}"))),
        };
        Ok((kind.0, count, kind.1))
    }

    /// The block struct a descriptor variable's SPIR-V pointer type points at (through
    /// an array of descriptors): where `Block`/`BufferBlock` decorations live. IR types
    /// are interned by shape, so this must be found on the SPIR-V ids.
    fn spirv_block_of(&self, pointer_type: Word) -> Option<Word> {
        let pointer = self.m.definition(pointer_type)?;
        let mut id = match pointer.operands.get(1) {
            Some(Operand::IdRef(id)) => *id,
            _ => return None,
        };
        let def = self.m.definition(id)?;
        if matches!(def.class.opcode, Op::TypeArray | Op::TypeRuntimeArray) {
            if let Some(Operand::IdRef(element)) = def.operands.first() {
                id = *element;
            }
        }
        Some(id)
    }

    pub fn frame_entered(&mut self, depth: u32) {
        self.max_frames = self.max_frames.max(depth + 1);
    }

    pub fn check_call_depth(&self) -> Result<(), Error> {
        if self.call_depth > MAX_CALL_DEPTH {
            return Err(Error::Unsupported("function calls nest too deeply (recursion?)".into()));
        }
        Ok(())
    }

    /// Counts the `instructions` of a function about to be inlined.
    pub fn count_inlined(&mut self, instructions: usize) -> Result<(), Error> {
        self.inlined_instructions = self.inlined_instructions.saturating_add(instructions);
        if self.inlined_instructions > MAX_INLINED_INSTRUCTIONS {
            return Err(Error::Unsupported(format!("more than {MAX_INLINED_INSTRUCTIONS} instructions once calls are inlined")));
        }
        Ok(())
    }

    pub fn register_words(&self) -> u32 {
        self.next_slot
    }
}

/// Words of a scalar constant.
pub fn scalar_words(scalar: Scalar, value: u64) -> Vec<u32> {
    match scalar.bits() {
        64 => vec![value as u32, (value >> 32) as u32],
        bits => vec![crate::scalar::truncate(value, bits) as u32],
    }
}

pub fn storage_class(class: spirv::StorageClass, _: Option<()>) -> Result<StorageClass, Error> {
    use spirv::StorageClass as S;
    Ok(match class {
        S::Function | S::Private | S::Input | S::Output => StorageClass::Private,
        S::Workgroup => StorageClass::Workgroup,
        S::Uniform => StorageClass::Buffer { class: BufferClass::Uniform },
        S::StorageBuffer => StorageClass::Buffer { class: BufferClass::Storage },
        S::PushConstant => StorageClass::Buffer { class: BufferClass::PushConstant },
        S::PhysicalStorageBuffer => StorageClass::PhysicalBuffer,
        S::UniformConstant | S::Image => StorageClass::Handle,
        other => return Err(Error::Unsupported(format!("storage class {other:?}"))),
    })
}

/// Operand `i` as an id.
pub fn idref(inst: &Instruction, i: usize) -> Result<Word, Error> {
    match inst.operands.get(i) {
        Some(Operand::IdRef(id) | Operand::IdScope(id) | Operand::IdMemorySemantics(id)) => Ok(*id),
        _ => Err(Error::Invalid(format!("{}: operand {i} is not an id", inst.class.opname))),
    }
}

/// Operand `i` as a 32-bit literal.
pub fn lit(inst: &Instruction, i: usize) -> Result<u32, Error> {
    match inst.operands.get(i) {
        Some(Operand::LiteralBit32(v)) => Ok(*v),
        _ => Err(Error::Invalid(format!("{}: operand {i} is not a literal", inst.class.opname))),
    }
}

pub fn result(inst: &Instruction) -> Result<Word, Error> {
    result_id(inst)
}
