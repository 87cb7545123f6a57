//! softvk's shader IR: one entry point of one SPIR-V module, specialised, with every
//! function call inlined.
//!
//! * **Values** are SSA: each [`Value`] is written by one instruction (or is a constant,
//!   preloaded before a run) and has a type and a place in the register file (`slot`, in
//!   32-bit words; see [`types`] for how many words a type takes). OpPhi is gone: the
//!   edges into a block copy their incoming values into the block's phi values
//!   ([`Edge::copies`]), which is what "block arguments" amount to.
//! * **Control flow is structured**: a function body is a [`Region`], a list of
//!   [`Node`]s, where selections, switches and loops are nodes holding their own regions,
//!   as SPIR-V's merge instructions describe them. A branch out of a construct is an
//!   [`Edge`] whose [`Target`] says where the lanes that take it go (fall out of the
//!   region, break out of or continue a loop at some depth, return, be killed). That is
//!   what lets the interpreter run many lanes at once with an execution mask and no
//!   per-lane program counter, and what a JIT needs to emit the same shape.
//! * **Memory** is reached through pointers whose storage class is static
//!   ([`StorageClass`]). A pointer value is two words per lane: an offset (bytes in
//!   buffers, words in logical memory) and an object (the resource slot of a descriptor,
//!   or 0). Variables are constant pointers: their offset and object are fixed when the
//!   program is built.

pub mod print;
pub mod types;

use cranelift_entity::{entity_impl, PrimaryMap};
pub use types::*;

/// An SSA value.
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Value(u32);
entity_impl!(Value, "v");

#[derive(Clone, Debug)]
pub struct ValueData {
    pub ty: TypeId,
    /// First register word of the value.
    pub slot: u32,
}

/// The pipeline stage an entry point runs in.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub enum Stage {
    Vertex,
    Fragment,
    Compute,
}

/// What a variable of the resource interface is bound to.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum BindingKind {
    UniformBuffer,
    StorageBuffer,
    /// Storage image, or storage texel buffer (`dim` Buffer).
    StorageImage,
    /// Sampled image (or uniform texel buffer) without a sampler.
    SampledImage,
    Sampler,
    CombinedImageSampler,
    /// `PushConstant` storage: one per program at most.
    PushConstants,
}

/// One descriptor binding the program uses: `count` consecutive resource slots from
/// `first_slot`, one per array element.
#[derive(Clone, Debug)]
pub struct Binding {
    pub set: u32,
    pub binding: u32,
    pub kind: BindingKind,
    pub count: u32,
    pub first_slot: u32,
    /// The image type of image bindings (for format decoding and queries).
    pub image: Option<ImageType>,
    /// Whether the shader writes through this binding (storage buffers and images).
    pub written: bool,
    /// For push constants: the bytes the block spans, from its first member's offset to
    /// the end of its last.
    pub bytes: std::ops::Range<u32>,
}

/// A built-in input the executor writes into private memory before a run.
#[derive(Clone, Debug)]
pub struct BuiltinInput {
    pub builtin: Builtin,
    /// Word offset in private memory.
    pub offset: u32,
    pub ty: TypeId,
}

/// A built-in output of a vertex or fragment shader, which the executor reads from
/// private memory after a run (the same shape as [`BuiltinInput`]).
#[derive(Clone, Debug)]
pub struct BuiltinOutput {
    pub builtin: Builtin,
    /// Word offset in private memory.
    pub offset: u32,
    pub ty: TypeId,
}

/// The built-ins softvk provides. The compute ones (and the subgroup ones, in every
/// stage) are written by the interpreter itself; the graphics ones by the executor
/// (see [`Builtin::written_by_executor`]).
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub enum Builtin {
    GlobalInvocationId,
    LocalInvocationId,
    LocalInvocationIndex,
    WorkgroupId,
    NumWorkgroups,
    WorkgroupSize,
    SubgroupSize,
    SubgroupLocalInvocationId,
    SubgroupId,
    NumSubgroups,
    SubgroupEqMask,
    SubgroupGeMask,
    SubgroupGtMask,
    SubgroupLeMask,
    SubgroupLtMask,
    BaseWorkgroup,
    /// The device of a device group: always 0 (softvk's groups have one device).
    DeviceIndex,
    // Vertex inputs.
    VertexIndex,
    InstanceIndex,
    BaseVertex,
    BaseInstance,
    DrawIndex,
    // Vertex outputs (and, for the distances, fragment inputs).
    Position,
    PointSize,
    ClipDistance,
    CullDistance,
    // Fragment inputs.
    FragCoord,
    FrontFacing,
    PointCoord,
    SampleId,
    SamplePosition,
    /// Input (the coverage) or output (the samples written), `int[1]` either way.
    SampleMask,
    /// Written by the interpreter from the run's helper mask (and set by a demote).
    HelperInvocation,
    // Fragment outputs.
    FragDepth,
}

impl Builtin {
    /// Whether the executor writes this input before a run (vertex and fragment inputs);
    /// the others the interpreter computes from the lane and the dispatch.
    pub fn written_by_executor(self) -> bool {
        matches!(
            self,
            Builtin::VertexIndex
                | Builtin::InstanceIndex
                | Builtin::BaseVertex
                | Builtin::BaseInstance
                | Builtin::DrawIndex
                | Builtin::FragCoord
                | Builtin::FrontFacing
                | Builtin::PointCoord
                | Builtin::SampleId
                | Builtin::SamplePosition
                | Builtin::SampleMask
                | Builtin::ClipDistance
                | Builtin::CullDistance
        )
    }
}

/// How a fragment input is interpolated across a primitive (`Flat`, `NoPerspective`
/// decorations; neither is `Smooth`, perspective-correct).
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug, Default)]
pub enum Interpolation {
    #[default]
    Smooth,
    NoPerspective,
    Flat,
}

/// Where in the pixel a fragment input is sampled (`Centroid`, `Sample` decorations).
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug, Default)]
pub enum Sampling {
    #[default]
    Center,
    Centroid,
    Sample,
}

/// One location (or the part of one that a variable takes) of a stage's user-defined
/// interface: a vertex attribute, a varying, or a fragment colour output. A variable of
/// several locations (arrays, matrices, structs, 64-bit vectors of 3 or 4) is one entry
/// per location, in the order of the spec's "Location Assignment".
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StageVariable {
    pub location: u32,
    /// First component, in 32-bit units (the `Component` decoration: a 64-bit component
    /// takes two).
    pub component: u32,
    /// Fragment outputs: the dual-source blending index (`Index`); 0 elsewhere.
    pub index: u32,
    pub scalar: Scalar,
    /// Components of `scalar` at this location (1 to 4; 1 or 2 for 64-bit scalars).
    pub components: u32,
    /// Fragment inputs only; vertex stages keep the defaults.
    pub interpolation: Interpolation,
    pub sampling: Sampling,
    /// Word offset of the first component in private memory; the components follow one
    /// word each (two for 64-bit, low word first; 8- and 16-bit ones in the low bits).
    pub offset: u32,
    /// The variable's name, when the module has one (for messages).
    pub name: Option<String>,
}

impl StageVariable {
    /// Private memory words this entry spans.
    pub fn words(&self) -> u32 {
        self.components * self.scalar.words()
    }

    /// The 32-bit component slots it takes at its location: `component ..`.
    pub fn component_range(&self) -> std::ops::Range<u32> {
        self.component..self.component + self.words()
    }
}

/// How a fragment shader's depth output relates to the interpolated depth
/// (`DepthGreater`, `DepthLess`, `DepthUnchanged`): lets early depth tests stay.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug, Default)]
pub enum DepthMode {
    #[default]
    Any,
    Greater,
    Less,
    Unchanged,
}

/// The execution modes of a fragment entry point (all false / default elsewhere).
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug, Default)]
pub struct FragmentModes {
    /// `EarlyFragmentTests`: depth and stencil tests before the shader runs.
    pub early_fragment_tests: bool,
    /// `DepthReplacing`: the shader writes `FragDepth`.
    pub depth_replacing: bool,
    pub depth: DepthMode,
    /// Per-sample shading is implied (a `Sample` input, `SampleId` or
    /// `SamplePosition`).
    pub sample_shading: bool,
}

/// A compiled entry point.
#[derive(Clone, Debug)]
pub struct Program {
    pub stage: Stage,
    pub entry_name: String,
    pub types: TypeTable,
    pub values: PrimaryMap<Value, ValueData>,
    /// Register words per lane.
    pub register_words: u32,
    /// Values known before the run, with their words (the same in every lane).
    pub constants: Vec<(Value, Vec<u32>)>,
    /// Private (per-invocation) memory words per lane, and the initial contents of
    /// `Private` variables with initializers: (word offset, words).
    pub private_words: u32,
    pub private_init: Vec<(u32, Vec<u32>)>,
    /// Workgroup memory in words, and its initializers (zero-initialised workgroup
    /// memory included).
    pub workgroup_words: u32,
    pub workgroup_init: Vec<(u32, Vec<u32>)>,
    pub bindings: Vec<Binding>,
    /// Resource slots in all (bindings, push constants).
    pub resource_slots: u32,
    pub push_constant_slot: Option<u32>,
    pub builtins: Vec<BuiltinInput>,
    /// Vertex and fragment shaders: their user-defined inputs (vertex attributes,
    /// varyings) and outputs (varyings, colours), by location.
    pub inputs: Vec<StageVariable>,
    pub outputs: Vec<StageVariable>,
    /// Built-in outputs (`Position`, `FragDepth`...), members of `gl_PerVertex` included.
    pub builtin_outputs: Vec<BuiltinOutput>,
    pub fragment: FragmentModes,
    /// Compute: the workgroup size; vertex and fragment: `[1, 1, 1]`.
    pub workgroup_size: [u32; 3],
    pub body: Region,
    /// Deepest nesting of runtime frames (loops, switches, calls) in `body`.
    pub max_frames: u32,
    /// What the program uses that affects how it may be scheduled.
    pub uses: Uses,
}

#[derive(Clone, Copy, Default, Debug)]
pub struct Uses {
    pub barriers: bool,
    pub subgroups: bool,
    pub workgroup_memory: bool,
    pub atomics: bool,
    /// `PhysicalStorageBuffer` pointers: the run needs the device's address map
    /// ([`crate::memory::AddressMap`]).
    pub physical_addresses: bool,
    /// Fragment shaders: derivatives (or quad operations) read neighbouring lanes,
    /// which must then run as helpers where not covered.
    pub derivatives: bool,
    /// `OpKill` / `OpTerminateInvocation`.
    pub discard: bool,
    /// `OpDemoteToHelperInvocation`.
    pub demote: bool,
}

impl Program {
    pub fn ty(&self, value: Value) -> TypeId {
        self.values[value].ty
    }

    pub fn words(&self, value: Value) -> u32 {
        self.types.words(self.values[value].ty)
    }

    /// The built-in input `builtin`, if the program reads it.
    pub fn builtin_input(&self, builtin: Builtin) -> Option<&BuiltinInput> {
        self.builtins.iter().find(|b| b.builtin == builtin)
    }

    /// The built-in output `builtin`, if the program has it.
    pub fn builtin_output(&self, builtin: Builtin) -> Option<&BuiltinOutput> {
        self.builtin_outputs.iter().find(|b| b.builtin == builtin)
    }
}

/// A list of nodes executed in order.
#[derive(Clone, Debug, Default)]
pub struct Region {
    pub nodes: Vec<Node>,
}

#[derive(Clone, Debug)]
pub enum Node {
    Inst(Inst),
    /// A selection: lanes where `cond` is true run `then_region`, the others
    /// `else_region`; the lanes that fall out of either continue after the node.
    If { cond: Value, then_region: Region, else_region: Region },
    /// A switch on an integer: each lane runs the body its selector picks (the default
    /// when no literal matches) and falls through into the next body when the body ends;
    /// `Break(depth)` of the switch's frame leaves it. A lane whose target is the merge
    /// (no default case) leaves at once.
    /// `cases` map literals to bodies (`None`: straight to the merge, through
    /// `exit_copies`), as does `default`. `entry_copies[i]` are the header's copies into
    /// body `i`'s phis, for the lanes the selector sends there (lanes falling through from
    /// body `i - 1` made their own copies on that edge).
    Switch {
        selector: Value,
        cases: Vec<(u64, Option<usize>)>,
        default: Option<usize>,
        bodies: Vec<Region>,
        entry_copies: Vec<Vec<(Value, Value)>>,
        exit_copies: Vec<(Value, Value)>,
        depth: u32,
    },
    /// A loop: `body` (from the header) runs while any lane iterates; lanes that continue
    /// (or fall out of the body) run `continuing`; lanes that fall out of `continuing`
    /// iterate again. `depth` is the loop's frame for `Break`/`Continue`.
    Loop { body: Region, continuing: Region, depth: u32 },
    /// An inlined function call: `Return(depth)` leaves it.
    Call { body: Region, depth: u32 },
    /// An unconditional branch: the end of the region for these lanes (or, for `Next`,
    /// just the edge's copies).
    Jump(Edge),
    /// A two-way branch without a merge: each side goes where its edge says.
    Branch { cond: Value, if_true: Edge, if_false: Edge },
}

#[derive(Clone, Debug)]
pub struct Edge {
    pub target: Target,
    /// Parallel copies into the target block's phi values: (phi value, incoming value).
    pub copies: Vec<(Value, Value)>,
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Target {
    /// Continue with the next node of this region.
    Next,
    /// Leave this region normally (reach the selection's merge, fall through to the next
    /// switch case, or iterate again from a loop's continuing region).
    Fall,
    /// Leave the loop or switch of frame `depth`.
    Break(u32),
    /// Go to the continue target of the loop of frame `depth`.
    Continue(u32),
    /// Return from the call of frame `depth`.
    Return(u32),
    /// The invocation ends (OpKill, OpTerminateInvocation; fragment shaders only): the
    /// interpreter records the lane as discarded.
    Kill,
    /// OpUnreachable: no lane gets here in a valid program.
    Unreachable,
}

#[derive(Clone, Debug)]
pub struct Inst {
    pub result: Option<Value>,
    pub op: Op,
}

/// Pointer arithmetic of an access chain, one step per index.
#[derive(Clone, Debug)]
pub enum Step {
    /// Add a constant to the offset.
    Offset(u32),
    /// Add `index * stride` to the offset; `len` bounds the index (0: unbounded).
    Index { index: Value, stride: u32, len: u32 },
    /// Add `index` to the object (an element of an array of descriptors).
    Object { index: Value, count: u32 },
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum UnaryOp {
    FNegate,
    SNegate,
    Not,
    LogicalNot,
    BitReverse,
    BitCount,
    IsNan,
    IsInf,
    /// OpQuantizeToF16: an f32 rounded to f16 precision (denormals flush to zero).
    QuantizeToF16,
}

/// OpPtrEqual / OpPtrNotEqual / OpPtrDiff.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum PointerCompare {
    Equal,
    NotEqual,
    /// The distance in elements of the pointee type.
    Diff,
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum BinaryOp {
    IAdd,
    ISub,
    IMul,
    UDiv,
    SDiv,
    UMod,
    SRem,
    SMod,
    ShiftLeftLogical,
    ShiftRightLogical,
    ShiftRightArithmetic,
    BitwiseAnd,
    BitwiseOr,
    BitwiseXor,
    FAdd,
    FSub,
    FMul,
    FDiv,
    FRem,
    FMod,
    IEqual,
    INotEqual,
    UGreaterThan,
    SGreaterThan,
    UGreaterThanEqual,
    SGreaterThanEqual,
    ULessThan,
    SLessThan,
    ULessThanEqual,
    SLessThanEqual,
    FOrdEqual,
    FUnordEqual,
    FOrdNotEqual,
    FUnordNotEqual,
    FOrdLessThan,
    FUnordLessThan,
    FOrdGreaterThan,
    FUnordGreaterThan,
    FOrdLessThanEqual,
    FUnordLessThanEqual,
    FOrdGreaterThanEqual,
    FUnordGreaterThanEqual,
    LogicalEqual,
    LogicalNotEqual,
    LogicalOr,
    LogicalAnd,
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum ConvertOp {
    FToU,
    FToS,
    SToF,
    UToF,
    UConvert,
    SConvert,
    FConvert,
    /// OpFConvert with an `FPRoundingMode` decoration (SPV_KHR_16bit_storage).
    FConvertRounded(Rounding),
}

/// IEEE rounding modes of `FPRoundingMode`.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Rounding {
    /// To nearest, ties to even.
    Rte,
    /// Toward zero.
    Rtz,
    /// Toward positive infinity.
    Rtp,
    /// Toward negative infinity.
    Rtn,
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum AtomicOp {
    Load,
    Store,
    Exchange,
    CompareExchange,
    IIncrement,
    IDecrement,
    IAdd,
    ISub,
    SMin,
    UMin,
    SMax,
    UMax,
    And,
    Or,
    Xor,
    FAdd,
    FMin,
    FMax,
}

/// Group operations of subgroup arithmetic.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum GroupOperation {
    Reduce,
    InclusiveScan,
    ExclusiveScan,
    /// Reduce within clusters of `n` lanes.
    Clustered(u32),
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum SubgroupOp {
    Elect,
    All,
    Any,
    AllEqual,
    Broadcast,
    BroadcastFirst,
    Ballot,
    InverseBallot,
    BallotBitExtract,
    BallotBitCount(GroupOperation),
    BallotFindLsb,
    BallotFindMsb,
    Shuffle,
    ShuffleXor,
    ShuffleUp,
    ShuffleDown,
    /// An arithmetic operation (`IAdd`, `FMul`, `UMin`, `BitwiseAnd`...) over the group.
    Arithmetic(BinaryOp, GroupOperation),
    /// Min/max have no `BinaryOp`: SMin, UMin, FMin, SMax, UMax, FMax.
    MinMax(MinMax, GroupOperation),
    /// `(lane & !3) + index`: lanes `4k..4k+4` are a quad (see [`DerivativeOp`]).
    QuadBroadcast,
    /// 0: horizontal (`lane ^ 1`), 1: vertical (`lane ^ 2`), 2: diagonal (`lane ^ 3`).
    QuadSwap(u32),
}

/// Derivatives of fragment shaders. Lanes `4k..4k+4` of a run are one 2x2 quad, in the
/// order top-left, top-right, bottom-left, bottom-right (so lanes 0..4 and 4..8 of each
/// subgroup are two quads, and the quad operations of [`SubgroupOp`] agree).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum DerivativeOp {
    /// `OpDPdx*`: right minus left.
    Dx,
    /// `OpDPdy*`: bottom minus top.
    Dy,
    /// `OpFwidth*`: `|dx| + |dy|`.
    Fwidth,
}

/// Which pairs of a quad a derivative differences.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum DerivativeControl {
    /// Along the lane's own row (dx) or column (dy).
    Fine,
    /// One value for the whole quad: the top row (dx) or the left column (dy).
    Coarse,
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum MinMax {
    SMin,
    UMin,
    FMin,
    SMax,
    UMax,
    FMax,
}

/// What an image instruction does; the operands live in [`ImageAccess`].
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum ImageOpKind {
    Read,
    Write,
    Fetch,
    /// `OpImageSample*ExplicitLod` (and implicit LOD in compute, which is LOD 0).
    SampleLod,
    /// Depth comparison sample at an explicit LOD.
    SampleDrefLod,
    Gather,
    DrefGather,
    QuerySize,
    QuerySizeLod,
    QueryLevels,
    QuerySamples,
    TexelPointer,
}

#[derive(Clone, Debug)]
pub struct ImageAccess {
    pub kind: ImageOpKind,
    /// The image, sampled image, or (for TexelPointer) image pointer.
    pub image: Value,
    pub coordinate: Option<Value>,
    /// Texel to write, depth reference, or gather component.
    pub extra: Option<Value>,
    pub lod: Option<Value>,
    pub offset: Option<Value>,
    pub sample: Option<Value>,
    /// The image type (dimension, arrayed, format, sampled type).
    pub image_type: ImageType,
}

#[derive(Clone, Debug)]
pub enum Op {
    /// Same words as the operand (OpCopyObject, OpCopyLogical, OpBitcast between types of
    /// the same register shape).
    Copy(Value),
    Unary { op: UnaryOp, a: Value },
    Binary { op: BinaryOp, a: Value, b: Value },
    Select { cond: Value, a: Value, b: Value },
    Convert { op: ConvertOp, a: Value },
    /// OpBitcast between shapes that differ (a u64 from a uvec2, a vec2 from a double...):
    /// the bytes of `a` reinterpreted.
    Bitcast(Value),
    /// The operands' words one after the other.
    Construct(Vec<Value>),
    /// `words` words of `composite` from word `offset`.
    Extract { composite: Value, offset: u32 },
    Insert { composite: Value, object: Value, offset: u32 },
    /// Components of `a` then `b` by index; `u32::MAX` is an undefined component.
    Shuffle { a: Value, b: Value, components: Vec<u32> },
    ExtractDynamic { vector: Value, index: Value },
    InsertDynamic { vector: Value, component: Value, index: Value },
    AccessChain { base: Value, steps: Vec<Step> },
    Load { pointer: Value },
    Store { pointer: Value, value: Value },
    /// Elements of the runtime array at byte `offset` of the buffer `pointer` points into.
    ArrayLength { pointer: Value, offset: u32, stride: u32 },
    Atomic { op: AtomicOp, pointer: Value, value: Option<Value>, comparator: Option<Value> },
    /// Extended instructions of GLSL.std.450, by their number.
    Glsl { op: u32, args: Vec<Value> },
    Dot { a: Value, b: Value },
    VectorTimesScalar { vector: Value, scalar: Value },
    MatrixTimesScalar { matrix: Value, scalar: Value },
    VectorTimesMatrix { vector: Value, matrix: Value },
    MatrixTimesVector { matrix: Value, vector: Value },
    MatrixTimesMatrix { a: Value, b: Value },
    OuterProduct { a: Value, b: Value },
    Transpose(Value),
    /// OpAny (`all` false) and OpAll over a boolean vector.
    AnyAll { all: bool, a: Value },
    /// Pointer comparisons; `stride` is the pointee's size for `Diff`.
    PointerCompare { op: PointerCompare, a: Value, b: Value, stride: u32 },
    /// OpIAddCarry, OpISubBorrow, OpUMulExtended, OpSMulExtended: a struct of two.
    Extended { op: ExtendedOp, a: Value, b: Value },
    /// OpSDot, OpUDot, OpSUDot and their AccSat forms: the exact dot product of two
    /// integer vectors (or, `packed`, of two u32s each holding four 8-bit components,
    /// lowest byte first), its low bits in the result's width, or with `accumulator` added
    /// and saturated to the result's range in the instruction's signedness.
    IntegerDot { signedness: DotSignedness, a: Value, b: Value, accumulator: Option<Value>, packed: bool },
    BitFieldInsert { base: Value, insert: Value, offset: Value, count: Value },
    BitFieldExtract { base: Value, offset: Value, count: Value, signed: bool },
    /// Image instructions (storage reads and writes, fetches, samples, queries).
    Image(Box<ImageAccess>),
    /// A handle value from an image and a sampler (OpSampledImage).
    SampledImage { image: Value, sampler: Value },
    /// The image of a sampled image (OpImage).
    ImageOfSampled(Value),
    Subgroup { op: SubgroupOp, value: Option<Value>, index: Option<Value> },
    /// `debugPrintfEXT` (NonSemantic.DebugPrintf).
    Printf { format: String, args: Vec<Value> },
    /// A derivative of a float scalar or vector over the lane's quad (fragment only).
    Derivative { op: DerivativeOp, control: DerivativeControl, a: Value },
    /// `OpDemoteToHelperInvocation`: the active lanes become helpers (they keep running
    /// for their quad's derivatives; their buffer and image writes are dropped).
    Demote,
    /// `OpIsHelperInvocationEXT`: whether the lane is a helper now.
    IsHelper,
    /// OpControlBarrier / OpMemoryBarrier. Every lane of a workgroup runs in lockstep
    /// within one thread, so the control part is already met; the memory part is a
    /// sequentially consistent fence, which orders this thread's buffer and image accesses
    /// (all atomic) against other workgroups'.
    Barrier,
}

/// How an integer dot product (SPV_KHR_integer_dot_product, core in SPIR-V 1.6) reads
/// its operands' components, and how it saturates its accumulation.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum DotSignedness {
    /// OpSDot: both operands sign-extended; signed saturation.
    Signed,
    /// OpUDot: both zero-extended; unsigned saturation.
    Unsigned,
    /// OpSUDot: the first sign-extended, the second zero-extended; signed saturation.
    Mixed,
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum ExtendedOp {
    IAddCarry,
    ISubBorrow,
    UMulExtended,
    SMulExtended,
}
