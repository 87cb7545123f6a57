//! Vertex and fragment shaders through the front end and the interpreter, without
//! Vulkan: the shaders in `tests/shaders` (`*.vert`, `*.frag` compiled by `glslc`,
//! `*.spvasm` assembled, `refused/` for modules that must fail; `build.sh` rebuilds
//! them) run over lanes whose inputs are written here, and their outputs are checked
//! against values computed here by hand.

use shader::front::interface::link;
use shader::front::{compile, Module, Specialization};
use shader::interp::{Bound, Executable, FragmentOutcome, Machine, Mask, Resources};
use shader::ir::{Builtin, Interpolation, Program, Sampling, Scalar, Stage, StageVariable};
use shader::memory::SharedMemory;
use shader::Error;

fn load_spirv(name: &str) -> Vec<u32> {
    let path = format!("{}/tests/shaders/{name}.spv", env!("CARGO_MANIFEST_DIR"));
    let bytes = std::fs::read(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    bytes.chunks_exact(4).map(|c| u32::from_le_bytes([c[0], c[1], c[2], c[3]])).collect()
}

fn try_program(name: &str, stage: Stage) -> Result<Program, Error> {
    let module = Module::parse(&load_spirv(name))?;
    let mut program = compile(&module, "main", stage, &Specialization::default())?;
    shader::passes::run(&mut program);
    Ok(program)
}

fn program(name: &str, stage: Stage) -> Program {
    try_program(name, stage).unwrap_or_else(|e| panic!("{name}: {e}"))
}

fn input(p: &Program, location: u32, component: u32) -> &StageVariable {
    p.inputs
        .iter()
        .find(|v| v.location == location && v.component == component)
        .unwrap_or_else(|| panic!("no input at location {location} component {component}: {:?}", p.inputs))
}

fn output(p: &Program, location: u32, index: u32) -> &StageVariable {
    p.outputs
        .iter()
        .find(|v| v.location == location && v.index == index && v.component == 0)
        .unwrap_or_else(|| panic!("no output at location {location}: {:?}", p.outputs))
}

fn f(words: &[u32]) -> Vec<f32> {
    words.iter().map(|&w| f32::from_bits(w)).collect()
}

fn bits(values: &[f32]) -> Vec<u32> {
    values.iter().map(|v| v.to_bits()).collect()
}

fn mask_of(lanes: &[usize]) -> Mask {
    let mut m = Mask::EMPTY;
    for &l in lanes {
        m.set(l, true);
    }
    m
}

/// Resources with storage buffer binding `i` = `buffers[i]` (set 0).
fn resources<'a>(exe: &Executable, views: &[SharedMemory]) -> Resources<'a> {
    let bindings = exe.program.bindings.iter().map(|b| Bound::Buffers(vec![views[b.binding as usize]])).collect();
    Resources { bindings, ..Default::default() }
}

/// Writes a fragment's FragCoord: quads side by side, lane `4q + j` at pixel
/// `(2q + (j & 1), j >> 1)`, z = `lane / 16`.
fn write_frag_coords(machine: &mut Machine, lanes: usize) {
    for lane in 0..lanes {
        let (x, y) = pixel(lane);
        machine.write_builtin(Builtin::FragCoord, lane, &bits(&[x as f32 + 0.5, y as f32 + 0.5, lane as f32 / 16.0, 1.0]));
    }
}

fn pixel(lane: usize) -> (u32, u32) {
    let (q, j) = (lane / 4, lane % 4);
    (2 * q as u32 + (j & 1) as u32, (j >> 1) as u32)
}

// ---- vertex shaders -------------------------------------------------------------------

#[test]
fn vertex_shader_computes_position_and_varyings_from_attributes_and_draw_indices() {
    let p = program("varyings.vert", Stage::Vertex);
    // The interface, by location.
    let a_position = input(&p, 0, 0).clone();
    let a_colour = input(&p, 1, 0).clone();
    let a_ids = input(&p, 2, 0).clone();
    let a_flags = input(&p, 3, 0).clone();
    assert_eq!((a_position.scalar, a_position.components), (Scalar::F32, 3));
    assert_eq!((a_ids.scalar, a_ids.components), (Scalar::I32, 2));
    assert_eq!((a_flags.scalar, a_flags.components), (Scalar::U32, 1));
    let locations: Vec<(u32, u32, u32)> = {
        let mut v: Vec<_> = p.outputs.iter().map(|o| (o.location, o.component, o.components)).collect();
        v.sort();
        v
    };
    assert_eq!(locations, vec![(0, 0, 4), (1, 0, 2), (1, 2, 1), (2, 0, 2), (3, 0, 1), (4, 0, 2), (5, 0, 2), (6, 0, 1), (7, 0, 1), (8, 0, 1)]);
    // gl_PerVertex: its members are built-in outputs.
    assert!(p.builtin_output(Builtin::Position).is_some() && p.builtin_output(Builtin::PointSize).is_some());
    for b in [Builtin::VertexIndex, Builtin::InstanceIndex] {
        assert!(p.builtin_input(b).is_some(), "{b:?}");
    }

    let exe = Executable::new(p).unwrap();
    let mut machine = Machine::new(&exe);
    let n = 10;
    let instance = 2u32;
    machine.begin_run();
    for lane in 0..n {
        let i = lane as f32;
        machine.write_input(&a_position, lane, &bits(&[i, 2.0 * i, 0.25 * i]));
        machine.write_input(&a_colour, lane, &bits(&[1.0, i, 2.0, 4.0]));
        machine.write_input(&a_ids, lane, &[lane as u32, (-(lane as i32)) as u32]);
        machine.write_input(&a_flags, lane, &[7]);
        machine.write_builtin(Builtin::VertexIndex, lane, &[100 + lane as u32]);
        machine.write_builtin(Builtin::InstanceIndex, lane, &[instance]);
    }
    machine.run_vertices(&Resources::default(), n).unwrap();
    let out = |location, component, lane| {
        let o = exe.program.outputs.iter().find(|o| o.location == location && o.component == component).unwrap();
        machine.read_output(o, lane)
    };
    for lane in 0..n {
        let i = lane as f32;
        let s = 100.0 + i;
        let position = f(&machine.read_builtin_output(Builtin::Position, lane).unwrap());
        assert_eq!(position, vec![i * 2.0 + instance as f32, 4.0 * i, 0.25 * i, 1.0], "lane {lane}");
        assert_eq!(f(&machine.read_builtin_output(Builtin::PointSize, lane).unwrap()), vec![3.0]);
        assert_eq!(f(&out(0, 0, lane)), vec![0.5, i * 0.5, 1.0, 2.0]);
        assert_eq!(f(&out(1, 0, lane)), vec![s, s + 0.5]);
        assert_eq!(f(&out(1, 2, lane)), vec![0.25 * i]);
        assert_eq!(out(2, 0, lane), vec![lane as u32 + instance, (instance as i32 - lane as i32) as u32]);
        assert_eq!(out(3, 0, lane), vec![(100 + lane as u32) * 10 + 7]);
        assert_eq!(f(&out(4, 0, lane)), vec![1.0, s]);
        assert_eq!(f(&out(5, 0, lane)), vec![-s, 1.0]);
        for k in 0..3 {
            assert_eq!(f(&out(6 + k, 0, lane)), vec![s * k as f32]);
        }
    }
}

#[test]
fn position_and_clip_distance_variables_outside_a_block_and_a_dvec4_attribute() {
    let p = program("position_variable.vert", Stage::Vertex);
    let attr: Vec<_> = p.inputs.iter().filter(|v| v.scalar == Scalar::Float { bits: 64 }).cloned().collect();
    // A dvec4 takes locations 0 and 1, two doubles each.
    assert_eq!(attr.iter().map(|v| (v.location, v.components, v.words())).collect::<Vec<_>>(), vec![(0, 2, 4), (1, 2, 4)]);
    assert_eq!(attr[1].offset, attr[0].offset + 4);
    let after = input(&p, 2, 0).clone();
    let clip = p.builtin_output(Builtin::ClipDistance).unwrap();
    assert_eq!(p.types.words(clip.ty), 2);
    let exe = Executable::new(p.clone()).unwrap();
    let mut machine = Machine::new(&exe);
    machine.begin_run();
    let doubles = |v: [f64; 2]| -> Vec<u32> { v.iter().flat_map(|d| [d.to_bits() as u32, (d.to_bits() >> 32) as u32]).collect() };
    for lane in 0..3 {
        machine.write_input(&attr[0], lane, &doubles([1.0, 2.0]));
        machine.write_input(&attr[1], lane, &doubles([3.0, lane as f64]));
        machine.write_input(&after, lane, &bits(&[0.5]));
    }
    machine.run_vertices(&Resources::default(), 3).unwrap();
    for lane in 0..3 {
        assert_eq!(f(&machine.read_builtin_output(Builtin::Position, lane).unwrap()), vec![0.5, 1.0, 1.5, lane as f32 * 0.5]);
        assert_eq!(f(&machine.read_builtin_output(Builtin::ClipDistance, lane).unwrap()), vec![0.0, 0.5]);
    }
}

// ---- fragment shaders -----------------------------------------------------------------

#[test]
fn fragment_shader_reads_varyings_frag_coord_and_front_facing_and_writes_two_colours_and_depth() {
    let p = program("colours.frag", Stage::Fragment);
    assert!(p.fragment.depth_replacing);
    let v_colour = input(&p, 0, 0).clone();
    let v_uv = input(&p, 1, 0).clone();
    let v_ids = input(&p, 2, 0).clone();
    assert_eq!(v_ids.interpolation, Interpolation::Flat);
    assert_eq!(v_colour.interpolation, Interpolation::Smooth);
    let o_colour = output(&p, 0, 0).clone();
    let o_ids = output(&p, 1, 0).clone();
    assert_eq!((o_ids.scalar, o_ids.components), (Scalar::U32, 2));
    let exe = Executable::new(p).unwrap();
    let mut machine = Machine::new(&exe);
    let quads = 3;
    machine.begin_run();
    write_frag_coords(&mut machine, quads * 4);
    for lane in 0..quads * 4 {
        let i = lane as f32;
        machine.write_input(&v_colour, lane, &bits(&[i, 1.0, 2.0, 3.0]));
        machine.write_input(&v_uv, lane, &bits(&[0.25, -i]));
        machine.write_input(&v_ids, lane, &[lane as u32, 5]);
        machine.write_builtin(Builtin::FrontFacing, lane, &[(lane % 2 == 0) as u32]);
    }
    let outcome = machine.run_fragments(&Resources::default(), quads, &Mask::EMPTY).unwrap();
    assert_eq!(outcome.lanes, 12);
    assert!(outcome.discarded.is_empty());
    assert_eq!(outcome.written, Mask::first(12));
    let depth = outcome.frag_depth.as_ref().unwrap();
    for (lane, &depth) in depth.iter().enumerate() {
        let (x, y) = pixel(lane);
        let (fx, fy) = (x as f32 + 0.5, y as f32 + 0.5);
        let i = lane as f32;
        assert_eq!(f(&machine.read_output(&o_colour, lane)), vec![i + fx, 1.0 + fy, 2.25, 3.0 - i], "lane {lane}");
        let facing = if lane % 2 == 0 { 100 } else { 200 };
        assert_eq!(machine.read_output(&o_ids, lane), vec![lane as u32 + facing, 5 + x]);
        assert_eq!(depth, lane as f32 / 16.0 * 0.5);
    }
}

/// Runs `discard.frag`/`demote.frag` style shaders: `v_value` per lane, FragCoord, a
/// buffer of hits by FragCoord.x; returns the outcome, the buffer and the machine's
/// colour outputs.
fn run_with_hits(name: &str, values: &[i32], helpers: &Mask, extra: impl Fn(&mut Machine, &Program, usize)) -> (FragmentOutcome, Vec<u32>, Vec<Vec<f32>>) {
    let p = program(name, Stage::Fragment);
    let v_value = input(&p, 0, 0).clone();
    let o_colour = output(&p, 0, 0).clone();
    let exe = Executable::new(p).unwrap();
    let mut hits = vec![0u32; 16];
    let views = [SharedMemory::of_words(&mut hits)];
    let res = resources(&exe, &views);
    let mut machine = Machine::new(&exe);
    machine.begin_run();
    for (lane, &v) in values.iter().enumerate() {
        // FragCoord.x = lane: the hits buffer has one word per lane.
        machine.write_builtin(Builtin::FragCoord, lane, &bits(&[lane as f32 + 0.5, 0.5, 0.0, 1.0]));
        machine.write_input(&v_value, lane, &[v as u32]);
        extra(&mut machine, &exe.program, lane);
    }
    let outcome = machine.run_fragments(&res, values.len() / 4, helpers).unwrap();
    let colours = (0..values.len()).map(|lane| f(&machine.read_output(&o_colour, lane))).collect();
    drop(res);
    (outcome, hits, colours)
}

#[test]
fn discard_in_a_divergent_loop_reports_the_discarded_lanes_and_drops_their_writes() {
    // Odd values of 3 and more discard at the second iteration; the rest count.
    let values = [0, 1, 2, 3, 4, 5, 6, 7];
    let (outcome, hits, colours) = run_with_hits("discard.frag", &values, &Mask::EMPTY, |_, _, _| {});
    assert_eq!(outcome.discarded, mask_of(&[3, 5, 7]));
    assert_eq!(outcome.killed, mask_of(&[3, 5, 7]));
    assert_eq!(outcome.written, mask_of(&[0, 1, 2, 4, 6]));
    for (lane, &v) in values.iter().enumerate() {
        let kept = !outcome.discarded.get(lane);
        assert_eq!(hits[lane], kept as u32, "lane {lane}");
        if kept {
            assert_eq!(colours[lane], vec![v as f32; 4], "lane {lane}");
        }
    }
}

#[test]
fn terminate_invocation_in_a_called_function_stops_only_its_lanes() {
    let p = program("terminate.frag", Stage::Fragment);
    assert!(p.uses.discard);
    let v_value = input(&p, 0, 0).clone();
    let o_value = output(&p, 0, 0).clone();
    let exe = Executable::new(p).unwrap();
    let mut machine = Machine::new(&exe);
    machine.begin_run();
    let values = [0, 1, 2, 3, 4, 0, 2, 9];
    for (lane, &v) in values.iter().enumerate() {
        machine.write_input(&v_value, lane, &[v as u32]);
    }
    let outcome = machine.run_fragments(&Resources::default(), 2, &Mask::EMPTY).unwrap();
    assert_eq!(outcome.discarded, mask_of(&[3, 4, 7]));
    for (lane, &v) in values.iter().enumerate() {
        if !outcome.discarded.get(lane) {
            let expected = if v == 0 { -1 } else { v * 2 };
            assert_eq!(machine.read_output(&o_value, lane), vec![expected as u32], "lane {lane}");
        }
    }
}

#[test]
fn demoted_and_helper_lanes_run_for_derivatives_but_write_no_buffers() {
    // Lanes 1 and 6 demote; lane 3 is a helper from the start (an uncovered pixel).
    let values = [0, -1, 0, 0, 0, 0, -5, 0];
    let helpers = mask_of(&[3]);
    let x_of = |lane: usize| (lane * lane) as f32;
    let (outcome, hits, colours) = run_with_hits("demote.frag", &values, &helpers, |m, p, lane| {
        let v_x = p.inputs.iter().find(|v| v.location == 1).unwrap().clone();
        m.write_input(&v_x, lane, &bits(&[x_of(lane)]));
    });
    assert_eq!(outcome.demoted, mask_of(&[1, 6]));
    assert_eq!(outcome.discarded, mask_of(&[1, 6]));
    assert_eq!(outcome.helpers, helpers);
    assert_eq!(outcome.written, mask_of(&[0, 2, 4, 5, 7]));
    for lane in 0..8 {
        let helper = [1, 3, 6].contains(&lane);
        // Helpers' stores are dropped: their hits stay 0.
        assert_eq!(hits[lane], if helper { 0 } else { 1 }, "lane {lane}");
        assert_eq!(colours[lane][0], helper as u32 as f32, "helperInvocationEXT() in lane {lane}");
        // Fine dx in the lane's row, the demoted and helper lanes' values included.
        let row = lane & !1;
        assert_eq!(colours[lane][1], x_of(row + 1) - x_of(row), "dFdxFine in lane {lane}");
    }
}

#[test]
fn derivatives_fine_and_coarse_match_hand_computed_differences_over_quads() {
    let p = program("derivatives.frag", Stage::Fragment);
    assert!(p.uses.derivatives);
    let v_pixel = input(&p, 0, 0).clone();
    let outs: Vec<StageVariable> = (0..7).map(|l| output(&p, l, 0).clone()).collect();
    let exe = Executable::new(p).unwrap();
    let mut machine = Machine::new(&exe);
    machine.begin_run();
    // Quads at pixels (x0, y0) = (2q, 2q + 1), lanes TL, TR, BL, BR.
    let quads = 4;
    let origin = |q: usize| (2 * q as i32, 2 * q as i32 + 1);
    for lane in 0..quads * 4 {
        let (x0, y0) = origin(lane / 4);
        let (x, y) = (x0 + (lane & 1) as i32, y0 + ((lane >> 1) & 1) as i32);
        machine.write_input(&v_pixel, lane, &bits(&[x as f32, y as f32]));
    }
    machine.run_fragments(&Resources::default(), quads, &Mask::EMPTY).unwrap();
    for lane in 0..quads * 4 {
        let (x0, y0) = origin(lane / 4);
        let (x, y) = (x0 + (lane & 1) as i32, y0 + ((lane >> 1) & 1) as i32);
        // v = x^2 + 3y + xy: across a row (x -> x + 1 at this y) the difference is
        // 2x0 + 1 + y; down a column (y -> y + 1 at this x) it is 3 + x.
        let dx_fine = (2 * x0 + 1 + y) as f32;
        let dy_fine = (3 + x) as f32;
        let dx_coarse = (2 * x0 + 1 + y0) as f32;
        let dy_coarse = (3 + x0) as f32;
        let got = |i: usize| f(&machine.read_output(&outs[i], lane));
        assert_eq!(got(0), vec![dx_fine], "dFdxFine lane {lane}");
        assert_eq!(got(1), vec![dy_fine], "dFdyFine lane {lane}");
        assert_eq!(got(2), vec![dx_fine.abs() + dy_fine.abs()], "fwidthFine lane {lane}");
        assert_eq!(got(3), vec![dx_coarse], "dFdxCoarse lane {lane}");
        assert_eq!(got(4), vec![dy_coarse], "dFdyCoarse lane {lane}");
        assert_eq!(got(5), vec![dx_coarse.abs() + dy_coarse.abs()], "fwidthCoarse lane {lane}");
        assert_eq!(got(6), vec![dx_fine, dy_fine, dx_fine.abs() + dy_fine.abs()], "plain forms (fine) lane {lane}");
    }
}

#[test]
fn quad_operations_agree_with_the_quad_layout_of_derivatives() {
    let p = program("quad.frag", Stage::Fragment);
    let v_value = input(&p, 0, 0).clone();
    let (o_quad, o_derivatives) = (output(&p, 0, 0).clone(), output(&p, 1, 0).clone());
    let exe = Executable::new(p).unwrap();
    let mut machine = Machine::new(&exe);
    machine.begin_run();
    let value = |lane: usize| (lane * lane + 1) as f32;
    for lane in 0..16 {
        machine.write_input(&v_value, lane, &bits(&[value(lane)]));
    }
    // A helper lane still takes part in its quad.
    machine.run_fragments(&Resources::default(), 4, &mask_of(&[5])).unwrap();
    for lane in 0..16 {
        let quad = f(&machine.read_output(&o_quad, lane));
        let d = f(&machine.read_output(&o_derivatives, lane));
        assert_eq!(quad, vec![value(lane ^ 1), value(lane ^ 2), value(lane ^ 3), value((lane & !3) + 2)], "lane {lane}");
        let sign = |bit: usize| if lane & bit == 0 { 1.0 } else { -1.0 };
        assert_eq!(d[0], sign(1) * (quad[0] - value(lane)), "dx is the horizontal neighbour's difference");
        assert_eq!(d[1], sign(2) * (quad[1] - value(lane)), "dy is the vertical neighbour's difference");
    }
}

// ---- the interface --------------------------------------------------------------------

#[test]
fn locations_of_structs_matrices_arrays_doubles_and_shared_components() {
    let p = program("locations.frag", Stage::Fragment);
    let mut table: Vec<(u32, u32, Scalar, u32, Interpolation, Sampling)> =
        p.inputs.iter().map(|v| (v.location, v.component, v.scalar, v.components, v.interpolation, v.sampling)).collect();
    table.sort_by_key(|t| (t.0, t.1));
    use Interpolation::*;
    use Sampling::*;
    let f64_ = Scalar::Float { bits: 64 };
    assert_eq!(
        table,
        vec![
            (0, 0, Scalar::F32, 3, Smooth, Center), // Light.direction
            (1, 0, Scalar::F32, 1, Smooth, Center), // Light.intensity
            (2, 0, Scalar::F32, 2, Smooth, Center), // Light.uv[0]
            (3, 0, Scalar::F32, 2, Smooth, Center), // Light.uv[1]
            (4, 0, Scalar::F32, 3, Smooth, Center), // mat3 columns
            (5, 0, Scalar::F32, 3, Smooth, Center),
            (6, 0, Scalar::F32, 3, Smooth, Center),
            (7, 0, f64_, 2, Flat, Center), // dvec3: xy
            (8, 0, f64_, 1, Flat, Center), // dvec3: z
            (9, 0, Scalar::F32, 1, NoPerspective, Center),
            (9, 1, Scalar::F32, 2, Smooth, Centroid),
            (10, 0, Scalar::I32, 1, Flat, Center),   // Block.id
            (12, 0, Scalar::F32, 4, Smooth, Sample), // Block.late, its own Location
        ]
    );
    // A variable's locations are consecutive words of private memory.
    let at = |l: u32| input(&p, l, 0).offset;
    assert_eq!([at(1) - at(0), at(2) - at(0), at(3) - at(0)], [3, 4, 6]);
    assert_eq!([at(5) - at(4), at(6) - at(4)], [3, 6]);
    assert_eq!(at(8) - at(7), 4);
    assert!(p.fragment.sample_shading, "a Sample input makes shading per sample");
    // Dual-source outputs: location 0, indices 0 and 1.
    assert_eq!(output(&p, 0, 0).components, 4);
    assert_eq!(output(&p, 0, 1).components, 4);
    assert_ne!(output(&p, 0, 0).offset, output(&p, 0, 1).offset);
}

#[test]
fn vertex_outputs_feed_matching_fragment_inputs() {
    let vertex = program("varyings.vert", Stage::Vertex);
    let fragment = program("colours.frag", Stage::Fragment);
    let varyings = link(&vertex, &fragment).unwrap();
    assert_eq!(varyings.len(), 3);
    for v in &varyings {
        let out = vertex.outputs.iter().find(|o| o.location == v.input.location && o.component == v.input.component).unwrap();
        assert_eq!(v.output_offset, out.offset, "location {}", v.input.location);
    }
}

#[test]
fn mismatched_interfaces_name_each_problem() {
    let vertex = program("varyings.vert", Stage::Vertex);
    let fragment = program("mismatch.frag", Stage::Fragment);
    let Err(Error::Invalid(message)) = link(&vertex, &fragment) else { panic!("a mismatch must be an error") };
    assert!(message.contains("location 9") && message.contains("no vertex output"), "{message}");
    assert!(message.contains("location 2") && message.contains("signed: true"), "{message}");
    assert!(!message.contains("location 0"), "{message}");
}

// ---- refused modules ------------------------------------------------------------------

#[test]
fn unsupported_or_invalid_graphics_modules_fail_with_clear_errors() {
    let cases: [(&str, Stage, &str); 9] = [
        ("pixel_center_integer", Stage::Fragment, "PixelCenterInteger"),
        ("origin_lower_left", Stage::Fragment, "OriginLowerLeft"),
        ("no_origin", Stage::Fragment, "OriginUpperLeft"),
        ("kill_in_vertex", Stage::Vertex, "OpKill"),
        ("derivative_in_compute", Stage::Compute, "OpDPdx"),
        ("input_without_location", Stage::Fragment, "Location"),
        ("integer_input_not_flat", Stage::Fragment, "Flat"),
        ("position_in_fragment", Stage::Fragment, "Position"),
        ("overlapping_outputs", Stage::Vertex, "overlap"),
    ];
    for (name, stage, needle) in cases {
        match try_program(&format!("refused/{name}"), stage) {
            Ok(_) => panic!("{name} compiled"),
            Err(e) => assert!(e.to_string().contains(needle), "{name}: {e}"),
        }
    }
}

#[test]
fn a_fragment_program_is_not_a_vertex_program() {
    let e = try_program("colours.frag", Stage::Vertex).err().unwrap();
    assert!(e.to_string().contains("no Vertex entry point"), "{e}");
}
