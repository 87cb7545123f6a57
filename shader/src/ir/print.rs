//! A readable listing of a [`Program`]: what `SOFTVK_DUMP_SHADERS` writes and what tests
//! compare. One instruction a line, regions indented, values as `v12`, types by shape.

use super::*;
use std::fmt::Write;

/// The program as text.
pub fn program(p: &Program) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "; {:?} entry {:?}, workgroup {:?}, {} register words, {} private words, {} workgroup words",
        p.stage, p.entry_name, p.workgroup_size, p.register_words, p.private_words, p.workgroup_words
    );
    for b in &p.bindings {
        let _ = writeln!(
            out,
            "; binding set {} binding {}: {:?} x{} at slot {}{}",
            b.set,
            b.binding,
            b.kind,
            b.count,
            b.first_slot,
            if b.written { ", written" } else { "" }
        );
    }
    for input in &p.builtins {
        let _ = writeln!(out, "; builtin {:?} at private word {}", input.builtin, input.offset);
    }
    for (value, words) in &p.constants {
        let _ = writeln!(out, "{value} = const {} {:x?}", type_name(&p.types, p.ty(*value)), words);
    }
    region(p, &p.body, 0, &mut out);
    out
}

/// A short name for a type: `f32`, `vec4<f32>`, `ptr<Buffer, struct{..}>`.
pub fn type_name(types: &TypeTable, id: TypeId) -> String {
    match types.get(id) {
        Type::Void => "void".into(),
        Type::Scalar(s) => scalar_name(*s),
        Type::Vector { scalar, len } => format!("vec{len}<{}>", scalar_name(*scalar)),
        Type::StridedVector { scalar, len, stride } => format!("vec{len}<{}> stride {stride}", scalar_name(*scalar)),
        Type::Matrix { column, columns, .. } => format!("mat{columns}x<{}>", type_name(types, *column)),
        Type::Array { element, len, stride } => {
            format!("[{}; {len}]{}", type_name(types, *element), stride.map(|s| format!(" stride {s}")).unwrap_or_default())
        }
        Type::RuntimeArray { element, .. } => format!("[{}]", type_name(types, *element)),
        Type::Struct { members } => {
            let inner: Vec<String> = members
                .iter()
                .map(|m| match m.offset {
                    Some(o) => format!("{}@{o}", type_name(types, m.ty)),
                    None => type_name(types, m.ty),
                })
                .collect();
            format!("struct{{{}}}", inner.join(", "))
        }
        // A physical pointer's pointee may hold the pointer itself (a linked list node):
        // named, not expanded.
        Type::Pointer { class: StorageClass::PhysicalBuffer, pointee } => format!("ptr<PhysicalBuffer, {pointee:?}>"),
        Type::Pointer { class, pointee } => format!("ptr<{class:?}, {}>", type_name(types, *pointee)),
        Type::Image(image) => format!("image<{:?}{}>", image.dim, if image.storage { ", storage" } else { "" }),
        Type::Sampler => "sampler".into(),
        Type::SampledImage { .. } => "sampled_image".into(),
    }
}

fn scalar_name(s: Scalar) -> String {
    match s {
        Scalar::Bool => "bool".into(),
        Scalar::Int { bits, signed: true } => format!("i{bits}"),
        Scalar::Int { bits, signed: false } => format!("u{bits}"),
        Scalar::Float { bits } => format!("f{bits}"),
    }
}

fn region(p: &Program, r: &Region, depth: usize, out: &mut String) {
    let pad = "  ".repeat(depth);
    for node in &r.nodes {
        match node {
            Node::Inst(inst) => {
                let _ = match inst.result {
                    Some(v) => writeln!(out, "{pad}{v}: {} = {:?}", type_name(&p.types, p.ty(v)), inst.op),
                    None => writeln!(out, "{pad}{:?}", inst.op),
                };
            }
            Node::If { cond, then_region, else_region } => {
                let _ = writeln!(out, "{pad}if {cond} {{");
                region(p, then_region, depth + 1, out);
                let _ = writeln!(out, "{pad}}} else {{");
                region(p, else_region, depth + 1, out);
                let _ = writeln!(out, "{pad}}}");
            }
            Node::Switch { selector, cases, default, bodies, depth: frame, .. } => {
                let _ = writeln!(out, "{pad}switch {selector} (frame {frame}) cases {cases:?} default {default:?} {{");
                for (i, body) in bodies.iter().enumerate() {
                    let _ = writeln!(out, "{pad}case body {i}:");
                    region(p, body, depth + 1, out);
                }
                let _ = writeln!(out, "{pad}}}");
            }
            Node::Loop { body, continuing, depth: frame } => {
                let _ = writeln!(out, "{pad}loop (frame {frame}) {{");
                region(p, body, depth + 1, out);
                let _ = writeln!(out, "{pad}}} continuing {{");
                region(p, continuing, depth + 1, out);
                let _ = writeln!(out, "{pad}}}");
            }
            Node::Call { body, depth: frame } => {
                let _ = writeln!(out, "{pad}call (frame {frame}) {{");
                region(p, body, depth + 1, out);
                let _ = writeln!(out, "{pad}}}");
            }
            Node::Jump(edge) => {
                let _ = writeln!(out, "{pad}jump {}", edge_text(edge));
            }
            Node::Branch { cond, if_true, if_false } => {
                let _ = writeln!(out, "{pad}branch {cond} ? {} : {}", edge_text(if_true), edge_text(if_false));
            }
        }
    }
}

fn edge_text(edge: &Edge) -> String {
    if edge.copies.is_empty() {
        format!("{:?}", edge.target)
    } else {
        let copies: Vec<String> = edge.copies.iter().map(|(d, s)| format!("{d}<-{s}")).collect();
        format!("{:?} [{}]", edge.target, copies.join(" "))
    }
}
