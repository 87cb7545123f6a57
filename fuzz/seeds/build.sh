#!/usr/bin/env bash
# Regenerates the fuzz corpus's seeds: copies every compiled test shader, assembles the
# hand-written edge cases here (NAME.spvasm, spirv-as, not validated: many are invalid on
# purpose), and writes the byte-level edge cases (headers, truncations) from saxpy.spv.
# Run after adding a seed; commit the corpus. Needs spirv-as (Debian's spirv-tools) and
# python3.
set -euo pipefail
cd "$(dirname "$0")"
out=../corpus/front_end
mkdir -p "$out"
for spv in ../../tests/shaders/*.spv; do cp "$spv" "$out/test_$(basename "$spv")"; done
for spv in ../../shader/tests/shaders/*.spv; do cp "$spv" "$out/shader_$(basename "$spv")"; done
for src in *.spvasm; do
    spirv-as --target-env spv1.3 "$src" -o "$out/edge_${src%.spvasm}.spv"
done
python3 - "$out" ../../shader/tests/shaders/saxpy.spv <<'PY'
import struct, sys
out, saxpy = sys.argv[1], open(sys.argv[2], "rb").read()
words = list(struct.unpack(f"<{len(saxpy) // 4}I", saxpy))
def write(name, ws, tail=b""):
    open(f"{out}/raw_{name}.spv", "wb").write(struct.pack(f"<{len(ws)}I", *ws) + tail)
MAGIC = 0x07230203
write("empty", [])
write("three_bytes", [], b"\x03\x02\x23")
write("header_only", [MAGIC, 0x00010000, 0, 1, 0])
write("header_short", [MAGIC, 0x00010000, 0, 1])
write("bad_magic", [0xdeadbeef] + words[1:])
write("big_endian", [struct.unpack(">I", struct.pack("<I", w))[0] for w in words])
write("version_1_7", [MAGIC, 0x00010700] + words[2:])
write("version_2_0", [MAGIC, 0x00020000] + words[2:])
write("bound_zero", words[:3] + [0] + words[4:])
write("bound_max", words[:3] + [0xffffffff] + words[4:])
write("schema_nonzero", words[:4] + [0xffffffff] + words[5:])
# Truncated: mid-instruction, and at a byte that is not a word boundary.
write("truncated_mid", words[: len(words) // 2 + 1])
write("truncated_bytes", [], saxpy[: len(saxpy) // 3 * 2 + 1])
# The first instruction's word count zero, then past the end of the module.
first = words[5]
write("word_count_zero", words[:5] + [first & 0xffff] + words[6:])
write("word_count_past_end", words[:5] + [(0xffff << 16) | (first & 0xffff)] + words[6:])
write("unknown_opcode", words[:5] + [(1 << 16) | 0xfff0] + words[5:])
PY
echo "seeds: $(ls "$out" | wc -l) files, $(du -sh "$out" | cut -f1)"
