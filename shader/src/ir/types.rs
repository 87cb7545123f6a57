//! Types of the IR: SPIR-V's types with their layout decorations folded in.
//!
//! Two SPIR-V struct types that differ only in `Offset` decorations are two IR types, so
//! that a load from a buffer needs nothing but the pointer's type to find each member.
//!
//! Every type has two shapes:
//! * its **register** shape: how many 32-bit words a value of it takes per lane
//!   ([`TypeTable::words`]). Scalars of 8, 16 and 32 bits take one word (the low bits),
//!   64-bit scalars two (low word first), booleans one (0 or 1); composites are their
//!   members' words one after the other, matrices column by column.
//! * its **memory** shape in a buffer with an explicit layout (`Offset`, `ArrayStride`,
//!   `MatrixStride`, `RowMajor`), used by loads and stores through `Uniform`,
//!   `StorageBuffer`, `PushConstant` and `PhysicalStorageBuffer` pointers. Logical memory
//!   (`Function`, `Private`, `Workgroup`, `Input`, `Output`) uses the register shape.

use cranelift_entity::{entity_impl, PrimaryMap};

/// A type in a [`TypeTable`].
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct TypeId(u32);
entity_impl!(TypeId, "type");

#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub enum Scalar {
    Bool,
    /// Integer of 8, 16, 32 or 64 bits.
    Int { bits: u8, signed: bool },
    /// Float of 16, 32 or 64 bits.
    Float { bits: u8 },
}

impl Scalar {
    pub const U32: Scalar = Scalar::Int { bits: 32, signed: false };
    pub const I32: Scalar = Scalar::Int { bits: 32, signed: true };
    pub const F32: Scalar = Scalar::Float { bits: 32 };

    /// Bits of the value (booleans: 1).
    pub fn bits(self) -> u32 {
        match self {
            Scalar::Bool => 1,
            Scalar::Int { bits, .. } | Scalar::Float { bits } => bits as u32,
        }
    }

    /// Register words of one scalar.
    pub fn words(self) -> u32 {
        if self.bits() == 64 {
            2
        } else {
            1
        }
    }

    /// Bytes in memory with an explicit layout.
    pub fn bytes(self) -> u32 {
        match self {
            Scalar::Bool => 4,
            Scalar::Int { bits, .. } | Scalar::Float { bits } => bits as u32 / 8,
        }
    }

    pub fn is_float(self) -> bool {
        matches!(self, Scalar::Float { .. })
    }
}

/// SPIR-V storage classes that the IR distinguishes.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub enum StorageClass {
    /// Per-invocation logical memory: `Function` and `Private` variables, and stage
    /// inputs and outputs, which the executor fills and reads around a run.
    Private,
    /// Logical memory shared by a compute workgroup.
    Workgroup,
    /// Buffer memory with an explicit layout, through a descriptor or push constants.
    Buffer { class: BufferClass },
    /// A 64-bit device address (`PhysicalStorageBuffer`), explicit layout.
    PhysicalBuffer,
    /// Descriptor variables for images, samplers and sampled images: their "memory" is the
    /// descriptor, loaded as a handle.
    Handle,
}

#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub enum BufferClass {
    Uniform,
    Storage,
    PushConstant,
}

#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub enum ImageDim {
    D1,
    D2,
    D3,
    Cube,
    Buffer,
    SubpassData,
}

#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub struct ImageType {
    /// The scalar type of a texel as the shader sees it.
    pub sampled_type: Scalar,
    pub dim: ImageDim,
    pub depth: bool,
    pub arrayed: bool,
    pub multisampled: bool,
    /// True for storage images (`Sampled` = 2), false for sampled ones (1).
    pub storage: bool,
    /// The `ImageFormat` operand (0 = Unknown), as SPIR-V numbers it.
    pub format: u32,
}

#[derive(Clone, PartialEq, Eq, Hash, Debug)]
pub struct Member {
    pub ty: TypeId,
    /// Byte offset in an explicit layout.
    pub offset: Option<u32>,
    /// For matrices (and arrays of them) in an explicit layout.
    pub matrix_stride: Option<u32>,
    pub row_major: bool,
    /// The member's `BuiltIn` decoration (stage interface blocks such as `gl_PerVertex`).
    pub builtin: Option<u32>,
}

#[derive(Clone, PartialEq, Eq, Hash, Debug)]
pub enum Type {
    Void,
    Scalar(Scalar),
    Vector { scalar: Scalar, len: u32 },
    /// `columns` columns, each of type `column` (a vector). In a buffer, columns (or rows,
    /// when `row_major`) are `stride` bytes apart; both come from the `MatrixStride` and
    /// `RowMajor` decorations of the struct member holding the matrix, folded in here.
    Matrix { column: TypeId, columns: u32, stride: Option<u32>, row_major: bool },
    /// Only as the pointee of a pointer to a column of a row-major matrix in a buffer:
    /// `len` scalars `stride` bytes apart. Its register shape is a vector's.
    StridedVector { scalar: Scalar, len: u32, stride: u32 },
    Array { element: TypeId, len: u32, stride: Option<u32> },
    RuntimeArray { element: TypeId, stride: Option<u32> },
    Struct { members: Vec<Member> },
    Pointer { class: StorageClass, pointee: TypeId },
    Image(ImageType),
    Sampler,
    SampledImage { image: TypeId },
}

/// All types of a program.
#[derive(Default, Debug, Clone)]
pub struct TypeTable {
    types: PrimaryMap<TypeId, Type>,
    words: PrimaryMap<TypeId, u32>,
}

impl TypeTable {
    /// Adds a type (or returns the existing identical one).
    pub fn intern(&mut self, ty: Type) -> TypeId {
        if let Some((id, _)) = self.types.iter().find(|(_, t)| **t == ty) {
            return id;
        }
        let words = self.compute_words(&ty);
        let id = self.types.push(ty);
        self.words.push(words);
        id
    }

    /// A new `PhysicalBuffer` pointer type whose pointee is set later ([`set_pointee`]):
    /// SPIR-V's `OpTypeForwardPointer` lets a struct hold a pointer to itself (a linked
    /// list node), which interning by shape cannot build. The pointer's register and
    /// memory shapes (two words, eight bytes) do not depend on its pointee, so the struct
    /// can be made in between. Until then the pointer points at itself.
    ///
    /// [`set_pointee`]: Self::set_pointee
    pub fn reserve_physical_pointer(&mut self) -> TypeId {
        let id = self.types.next_key();
        self.types.push(Type::Pointer { class: StorageClass::PhysicalBuffer, pointee: id });
        self.words.push(2);
        id
    }

    /// Completes a type made by [`reserve_physical_pointer`](Self::reserve_physical_pointer).
    pub fn set_pointee(&mut self, id: TypeId, pointee: TypeId) {
        if let Type::Pointer { class: StorageClass::PhysicalBuffer, pointee: p } = &mut self.types[id] {
            *p = pointee;
        }
    }

    pub fn get(&self, id: TypeId) -> &Type {
        &self.types[id]
    }

    /// Register words per lane of a value of this type.
    pub fn words(&self, id: TypeId) -> u32 {
        self.words[id]
    }

    fn compute_words(&self, ty: &Type) -> u32 {
        match ty {
            Type::Void | Type::RuntimeArray { .. } => 0,
            Type::Scalar(s) => s.words(),
            Type::Vector { scalar, len } | Type::StridedVector { scalar, len, .. } => scalar.words() * len,
            Type::Matrix { column, columns, .. } => self.words[*column] * columns,
            Type::Array { element, len, .. } => self.words[*element].saturating_mul(*len),
            Type::Struct { members } => members.iter().map(|m| self.words[m.ty]).fold(0u32, u32::saturating_add),
            Type::Pointer { .. } => 2,
            Type::Image(_) | Type::Sampler => 1,
            Type::SampledImage { .. } => 2,
        }
    }

    /// The scalar of a scalar or vector type (booleans included).
    pub fn scalar_of(&self, id: TypeId) -> Option<Scalar> {
        match self.get(id) {
            Type::Scalar(s) => Some(*s),
            Type::Vector { scalar, .. } | Type::StridedVector { scalar, .. } => Some(*scalar),
            Type::Matrix { column, .. } => self.scalar_of(*column),
            _ => None,
        }
    }

    /// Components of a scalar (1) or vector type.
    pub fn components(&self, id: TypeId) -> u32 {
        match self.get(id) {
            Type::Vector { len, .. } | Type::StridedVector { len, .. } => *len,
            _ => 1,
        }
    }

    /// The type of member or element `index` of a composite, with its register word
    /// offset inside the composite.
    pub fn member(&self, id: TypeId, index: u32) -> Option<(TypeId, u32)> {
        match self.get(id) {
            Type::Vector { scalar, len } if index < *len => {
                let scalar_ty = self.find(&Type::Scalar(*scalar))?;
                Some((scalar_ty, index * scalar.words()))
            }
            Type::Matrix { column, columns, .. } if index < *columns => Some((*column, index * self.words(*column))),
            Type::Array { element, len, .. } if index < *len => Some((*element, index * self.words(*element))),
            Type::Struct { members } => {
                let member = members.get(index as usize)?;
                let offset = members[..index as usize].iter().map(|m| self.words(m.ty)).sum();
                Some((member.ty, offset))
            }
            _ => None,
        }
    }

    /// Looks a type up without adding it.
    pub fn find(&self, ty: &Type) -> Option<TypeId> {
        self.types.iter().find(|(_, t)| *t == ty).map(|(id, _)| id)
    }

    pub fn iter(&self) -> impl Iterator<Item = (TypeId, &Type)> {
        self.types.iter()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn register_words_follow_the_component_widths() {
        let mut t = TypeTable::default();
        let f32_ = t.intern(Type::Scalar(Scalar::F32));
        let f64_ = t.intern(Type::Scalar(Scalar::Float { bits: 64 }));
        let vec3 = t.intern(Type::Vector { scalar: Scalar::F32, len: 3 });
        let dvec2 = t.intern(Type::Vector { scalar: Scalar::Float { bits: 64 }, len: 2 });
        let mat4x3 = t.intern(Type::Matrix { column: vec3, columns: 4, stride: None, row_major: false });
        let s = t.intern(Type::Struct {
            members: vec![
                Member { ty: f32_, offset: Some(0), matrix_stride: None, row_major: false, builtin: None },
                Member { ty: dvec2, offset: Some(16), matrix_stride: None, row_major: false, builtin: None },
            ],
        });
        assert_eq!((t.words(f32_), t.words(f64_), t.words(vec3), t.words(dvec2)), (1, 2, 3, 4));
        assert_eq!(t.words(mat4x3), 12);
        assert_eq!(t.words(s), 5);
        assert_eq!(t.member(s, 1), Some((dvec2, 1)));
        assert_eq!(t.member(mat4x3, 2), Some((vec3, 6)));
        assert_eq!(t.intern(Type::Scalar(Scalar::F32)), f32_, "types are interned");
    }

    #[test]
    fn a_forward_pointer_lets_a_struct_hold_a_pointer_to_itself() {
        let mut t = TypeTable::default();
        let u32_ = t.intern(Type::Scalar(Scalar::U32));
        let next = t.reserve_physical_pointer();
        let member = |ty, offset| Member { ty, offset: Some(offset), matrix_stride: None, row_major: false, builtin: None };
        let node = t.intern(Type::Struct { members: vec![member(u32_, 0), member(next, 8)] });
        t.set_pointee(next, node);
        assert_eq!(t.get(next), &Type::Pointer { class: StorageClass::PhysicalBuffer, pointee: node });
        assert_eq!((t.words(next), t.words(node)), (2, 3));
        assert_eq!(t.member(node, 1), Some((next, 1)));
    }
}
