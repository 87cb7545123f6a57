//! A parsed SPIR-V module with the lookups the translator needs: definitions by id,
//! decorations, names, entry points.
//!
//! Parsing is `rspirv`'s (`dr::load_words`); a module that does not parse, or uses a
//! capability, extension or extended instruction set softvk does not implement, is
//! refused here with an error naming it.

use super::capabilities;
use crate::Error;
use rspirv::dr::{self, Instruction, Operand};
use spirv::{Decoration, Op, Word};
use std::collections::HashMap;

/// The extended instruction sets softvk knows.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum ExtSet {
    Glsl450,
    DebugPrintf,
    /// `NonSemantic.*` sets other than DebugPrintf: their instructions have no semantics
    /// and are skipped (debug info, reflection).
    NonSemantic,
}

pub struct EntryPoint {
    pub model: spirv::ExecutionModel,
    pub function: Word,
    pub name: String,
    pub interface: Vec<Word>,
}

pub struct Module {
    pub dr: dr::Module,
    pub version: (u8, u8),
    definitions: HashMap<Word, usize>,
    functions: HashMap<Word, usize>,
    decorations: HashMap<Word, Vec<(Decoration, Vec<Operand>)>>,
    member_decorations: HashMap<(Word, u32), Vec<(Decoration, Vec<Operand>)>>,
    names: HashMap<Word, String>,
    pub ext_sets: HashMap<Word, ExtSet>,
    pub strings: HashMap<Word, String>,
    pub entry_points: Vec<EntryPoint>,
    pub capabilities: Vec<spirv::Capability>,
    /// `OpSpecConstantOp`s by result id, as raw operand words (see `spec_constant_op`).
    spec_ops: HashMap<Word, Vec<u32>>,
}

impl Module {
    /// Parses a module. Malformed input returns an error, never panics.
    pub fn parse(words: &[u32]) -> Result<Module, Error> {
        if words.len() < 5 {
            return Err(Error::Invalid(format!("a SPIR-V module is at least 5 words; this one has {}", words.len())));
        }
        if words[0] != spirv::MAGIC_NUMBER {
            return Err(Error::Invalid(format!("bad SPIR-V magic number {:#010x}", words[0])));
        }
        let version = ((words[1] >> 16) as u8, (words[1] >> 8) as u8);
        if version.0 != 1 || version.1 > 6 {
            return Err(Error::Unsupported(format!("SPIR-V version {}.{} (softvk reads 1.0 to 1.6)", version.0, version.1)));
        }
        // rspirv reads a string operand past the end of its input (a panic) when the
        // instruction's word count runs past the end of the module.
        let mut at = 5;
        while at < words.len() {
            match (words[at] >> 16) as usize {
                0 => return Err(Error::Invalid(format!("word count 0 at word {at}"))),
                n if n > words.len() - at => return Err(Error::Invalid(format!("the instruction at word {at} runs past the end"))),
                n => at += n,
            }
        }
        let (words, spec_ops) = without_debug_only_instructions(words);
        // rspirv reports malformed input as errors; a panic inside it is caught so that
        // no module can take the driver down.
        let parsed = std::panic::catch_unwind(|| rspirv::dr::load_words(&words))
            .map_err(|_| Error::Invalid("the SPIR-V parser failed on this module".into()))?;
        let dr = parsed.map_err(|e| Error::Invalid(format!("malformed SPIR-V: {e}")))?;
        let mut module = Module::index(dr, version)?;
        module.spec_ops = spec_ops;
        Ok(module)
    }

    fn index(dr: dr::Module, version: (u8, u8)) -> Result<Module, Error> {
        let mut module = Module {
            version,
            definitions: HashMap::new(),
            functions: HashMap::new(),
            decorations: HashMap::new(),
            member_decorations: HashMap::new(),
            names: HashMap::new(),
            ext_sets: HashMap::new(),
            strings: HashMap::new(),
            entry_points: Vec::new(),
            capabilities: Vec::new(),
            spec_ops: HashMap::new(),
            dr,
        };
        for inst in &module.dr.capabilities {
            let Some(Operand::Capability(cap)) = inst.operands.first() else {
                return Err(Error::Invalid("OpCapability without a capability".into()));
            };
            if !capabilities::supported(*cap) {
                return Err(Error::Unsupported(format!("capability {cap:?}")));
            }
            module.capabilities.push(*cap);
        }
        for inst in &module.dr.extensions {
            let name = string_operand(inst, 0)?;
            if !capabilities::extension_supported(&name) {
                return Err(Error::Unsupported(format!("SPIR-V extension {name}")));
            }
        }
        for inst in &module.dr.ext_inst_imports {
            let id = result_id(inst)?;
            let name = string_operand(inst, 0)?;
            let set = match name.as_str() {
                "GLSL.std.450" => ExtSet::Glsl450,
                "NonSemantic.DebugPrintf" => ExtSet::DebugPrintf,
                n if n.starts_with("NonSemantic.") => ExtSet::NonSemantic,
                other => return Err(Error::Unsupported(format!("extended instruction set {other}"))),
            };
            module.ext_sets.insert(id, set);
        }
        for inst in &module.dr.debug_string_source {
            if inst.class.opcode == Op::String {
                module.strings.insert(result_id(inst)?, string_operand(inst, 0)?);
            }
        }
        for inst in &module.dr.debug_names {
            if inst.class.opcode == Op::Name {
                if let (Some(Operand::IdRef(id)), Ok(name)) = (inst.operands.first(), string_operand(inst, 1)) {
                    module.names.insert(*id, name);
                }
            }
        }
        module.index_decorations()?;
        for (i, inst) in module.dr.types_global_values.iter().enumerate() {
            if let Some(id) = inst.result_id {
                module.definitions.insert(id, i);
            }
        }
        for (i, function) in module.dr.functions.iter().enumerate() {
            let def = function.def.as_ref().ok_or_else(|| Error::Invalid("function without OpFunction".into()))?;
            module.functions.insert(result_id(def)?, i);
        }
        for inst in &module.dr.entry_points {
            let (Some(Operand::ExecutionModel(model)), Some(Operand::IdRef(function))) =
                (inst.operands.first(), inst.operands.get(1))
            else {
                return Err(Error::Invalid("malformed OpEntryPoint".into()));
            };
            let name = string_operand(inst, 2)?;
            let interface = inst.operands[3..]
                .iter()
                .filter_map(|o| if let Operand::IdRef(id) = o { Some(*id) } else { None })
                .collect();
            module.entry_points.push(EntryPoint { model: *model, function: *function, name, interface });
        }
        Ok(module)
    }

    fn index_decorations(&mut self) -> Result<(), Error> {
        let mut groups: HashMap<Word, Vec<(Decoration, Vec<Operand>)>> = HashMap::new();
        let annotations = std::mem::take(&mut self.dr.annotations);
        for inst in &annotations {
            match inst.class.opcode {
                Op::Decorate | Op::DecorateId | Op::DecorateString => {
                    let (Some(Operand::IdRef(target)), Some(Operand::Decoration(d))) =
                        (inst.operands.first(), inst.operands.get(1))
                    else {
                        return Err(Error::Invalid("malformed OpDecorate".into()));
                    };
                    let entry = (*d, inst.operands[2..].to_vec());
                    self.decorations.entry(*target).or_default().push(entry.clone());
                    groups.entry(*target).or_default().push(entry);
                }
                Op::MemberDecorate | Op::MemberDecorateString => {
                    let (Some(Operand::IdRef(target)), Some(Operand::LiteralBit32(member)), Some(Operand::Decoration(d))) =
                        (inst.operands.first(), inst.operands.get(1), inst.operands.get(2))
                    else {
                        return Err(Error::Invalid("malformed OpMemberDecorate".into()));
                    };
                    let operands = inst.operands[3..].to_vec();
                    self.member_decorations.entry((*target, *member)).or_default().push((*d, operands));
                }
                _ => {}
            }
        }
        // Deprecated decoration groups: copy a group's decorations to its targets.
        for inst in &annotations {
            match inst.class.opcode {
                Op::GroupDecorate => {
                    let Some(Operand::IdRef(group)) = inst.operands.first() else { continue };
                    let list = groups.get(group).cloned().unwrap_or_default();
                    for target in inst.operands[1..].iter().filter_map(id_of) {
                        self.decorations.entry(target).or_default().extend(list.iter().cloned());
                    }
                }
                Op::GroupMemberDecorate => {
                    let Some(Operand::IdRef(group)) = inst.operands.first() else { continue };
                    let list = groups.get(group).cloned().unwrap_or_default();
                    for pair in inst.operands[1..].chunks(2) {
                        if let [Operand::IdRef(target), Operand::LiteralBit32(member)] = pair {
                            self.member_decorations.entry((*target, *member)).or_default().extend(list.iter().cloned());
                        }
                    }
                }
                _ => {}
            }
        }
        self.dr.annotations = annotations;
        Ok(())
    }

    /// The module as SPIR-V assembly text (for `SOFTVK_DUMP_SHADERS`).
    pub fn disassemble(&self) -> String {
        use rspirv::binary::Disassemble;
        self.dr.disassemble()
    }

    /// The raw operand words (inner opcode, operands) of the `OpSpecConstantOp` defining
    /// `id`. The parser sees such an instruction as an `OpUndef` of the same type and id.
    pub fn spec_constant_op(&self, id: Word) -> Option<&[u32]> {
        self.spec_ops.get(&id).map(|v| v.as_slice())
    }

    /// The module-scope instruction (type, constant, global variable) defining `id`.
    pub fn definition(&self, id: Word) -> Option<&Instruction> {
        self.definitions.get(&id).map(|&i| &self.dr.types_global_values[i])
    }

    pub fn function(&self, id: Word) -> Option<&dr::Function> {
        self.functions.get(&id).map(|&i| &self.dr.functions[i])
    }

    pub fn decorations(&self, id: Word) -> &[(Decoration, Vec<Operand>)] {
        self.decorations.get(&id).map_or(&[], |v| v.as_slice())
    }

    pub fn has_decoration(&self, id: Word, decoration: Decoration) -> bool {
        self.decorations(id).iter().any(|(d, _)| *d == decoration)
    }

    /// The first literal operand of decoration `decoration` on `id`.
    pub fn decoration_literal(&self, id: Word, decoration: Decoration) -> Option<u32> {
        literal_of(self.decorations(id), decoration)
    }

    pub fn member_decorations(&self, id: Word, member: u32) -> &[(Decoration, Vec<Operand>)] {
        self.member_decorations.get(&(id, member)).map_or(&[], |v| v.as_slice())
    }

    pub fn member_literal(&self, id: Word, member: u32, decoration: Decoration) -> Option<u32> {
        literal_of(self.member_decorations(id, member), decoration)
    }

    pub fn name(&self, id: Word) -> Option<&str> {
        self.names.get(&id).map(|s| s.as_str())
    }

    /// The execution modes of an entry point function.
    pub fn execution_modes(&self, function: Word) -> impl Iterator<Item = (spirv::ExecutionMode, &[Operand])> {
        self.dr.execution_modes.iter().filter_map(move |inst| {
            match (inst.operands.first(), inst.operands.get(1)) {
                (Some(Operand::IdRef(f)), Some(Operand::ExecutionMode(mode))) if *f == function => {
                    Some((*mode, &inst.operands[2..]))
                }
                _ => None,
            }
        })
    }
}

/// The module without the instructions that carry no semantics and that rspirv's loader
/// cannot take: debug names and sources (whose strings need not be valid UTF-8 in
/// practice) and module-scope `OpExtInst`s (only `NonSemantic.*` sets may appear there).
/// Ids are untouched, so nothing else changes. A malformed word count is left for the
/// parser to report.
fn without_debug_only_instructions(words: &[u32]) -> (Vec<u32>, HashMap<Word, Vec<u32>>) {
    let mut out = Vec::with_capacity(words.len());
    let mut spec_ops = HashMap::new();
    out.extend_from_slice(&words[..5]);
    let mut at = 5;
    let mut in_function = false;
    while at < words.len() {
        let count = (words[at] >> 16) as usize;
        let opcode = words[at] & 0xffff;
        if count == 0 || at + count > words.len() {
            out.extend_from_slice(&words[at..]);
            break;
        }
        let op = spirv::Op::from_u32(opcode);
        match op {
            Some(Op::Function) => in_function = true,
            Some(Op::FunctionEnd) => in_function = false,
            _ => {}
        }
        let drop = match op {
            Some(Op::Name | Op::MemberName | Op::Source | Op::SourceContinued | Op::SourceExtension | Op::ModuleProcessed) => true,
            Some(Op::ExtInst) => !in_function,
            _ => false,
        };
        if op == Some(Op::SpecConstantOp) && count >= 4 {
            // [header, result type, result id, opcode, operands...]: parsed here, an
            // OpUndef of the same type and id for rspirv.
            spec_ops.insert(words[at + 2], words[at + 3..at + count].to_vec());
            out.extend_from_slice(&[(3 << 16) | Op::Undef as u32, words[at + 1], words[at + 2]]);
        } else if !drop {
            out.extend_from_slice(&words[at..at + count]);
        }
        at += count;
    }
    (out, spec_ops)
}

fn literal_of(list: &[(Decoration, Vec<Operand>)], decoration: Decoration) -> Option<u32> {
    list.iter().find(|(d, _)| *d == decoration).and_then(|(_, ops)| match ops.first() {
        Some(Operand::LiteralBit32(v)) => Some(*v),
        Some(Operand::BuiltIn(b)) => Some(*b as u32),
        Some(Operand::FPRoundingMode(m)) => Some(*m as u32),
        _ => None,
    })
}

fn id_of(operand: &Operand) -> Option<Word> {
    if let Operand::IdRef(id) = operand {
        Some(*id)
    } else {
        None
    }
}

pub fn result_id(inst: &Instruction) -> Result<Word, Error> {
    inst.result_id.ok_or_else(|| Error::Invalid(format!("{} without a result id", inst.class.opname)))
}

pub fn string_operand(inst: &Instruction, index: usize) -> Result<String, Error> {
    match inst.operands.get(index) {
        Some(Operand::LiteralString(s)) => Ok(s.clone()),
        _ => Err(Error::Invalid(format!("{}: operand {index} is not a string", inst.class.opname))),
    }
}
