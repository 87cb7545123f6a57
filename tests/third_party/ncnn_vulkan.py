"""Small networks through ncnn's Python API, on the Vulkan device and on the CPU.

Run by tests/tests/third_party_ncnn.rs inside the venv it builds (ncnn and numpy from
PyPI). Each network is written here as an ncnn .param text with random weights in a .bin
file, loaded twice: once with opt.use_vulkan_compute = True (the device under test runs
every layer as ncnn's own GLSL compute shaders, compiled by the glslang inside the
wheel), once on ncnn's CPU code in fp32, which is the reference. Every output element
must agree within the tolerance of its precision mode (below).

A Vulkan path that silently falls back to the CPU fails: ncnn keeps
net.opt.use_vulkan_compute on after load_param only when it found a valid device (else it
turns it off, src/net.cpp "fallback to cpu"), every layer it made must be its Vulkan
variant (support_vulkan), and the device must be the one named by --device.

Usage: python ncnn_vulkan.py --device NAME [--workdir DIR]
Prints one line per network and precision mode, then "ncnn_vulkan: N checks passed".
Exits 1 at the first failed check.
"""

import argparse
import os
import sys
import tempfile
import zlib

import numpy as np

import ncnn

# Precision modes of the Vulkan run, with their tolerances (|device - cpu| <= atol +
# rtol * |cpu| for every element). "fp32": every fp16/bf16 option off, so the shaders
# compute in fp32 like the CPU reference; what differs is summation order and the
# accuracy Vulkan allows exp, tanh and division (a few ULP). Measured on softvk and
# lavapipe: at most 1.2e-7; the bound is 1e-5. "fp16": ncnn's defaults, fp16 storage,
# packing and arithmetic (the device must support them: softvk and lavapipe both do), so
# activations are rounded to fp16 (11-bit significand, 4.9e-4 relative) between layers.
# Measured: at most 3.9e-4; the bound is 5e-3. Outputs are of order 0.1-1 (softmax,
# sigmoid), so a wrong shader shows as an error far above either bound.
MODES = {
    "fp32": dict(atol=1e-5, rtol=1e-5, fp16=False),
    "fp16": dict(atol=5e-3, rtol=5e-3, fp16=True),
}


class NetSpec:
    """An ncnn network written as .param text and .bin weights.

    .param format: a magic line, "layer_count blob_count", then one line per layer:
    type, name, bottom count, top count, bottom names, top names, id=value params
    (array params as -23300-id=count,v1,v2...). .bin: each layer's weights in the order
    its load_model reads them; a weight read with type 0 starts with a 4-byte tag, 0 for
    raw float32; type 1 is raw float32 without a tag.
    """

    def __init__(self, name, input_shape):
        self.name = name
        self.input_shape = input_shape  # (c, h, w), (h, w) or (w,)
        self.layers = []
        self.blobs = set()
        self.weights = bytearray()
        self.rng = np.random.default_rng(zlib.crc32(name.encode()))
        dims = len(input_shape)
        shape_params = {1: "0=%d", 2: "0=%d 1=%d", 3: "0=%d 1=%d 2=%d"}[dims]
        whc = tuple(reversed(input_shape))
        self.layer("Input", "data", [], ["data"], shape_params % whc)

    def layer(self, kind, name, bottoms, tops, params="", weights=()):
        self.layers.append("%-22s %-10s %d %d %s %s" % (kind, name, len(bottoms), len(tops), " ".join(bottoms + tops), params))
        self.blobs.update(tops)
        for tagged, count, scale, offset in weights:
            values = (self.rng.standard_normal(count) * scale + offset).astype("<f4")
            if tagged:
                self.weights += b"\0\0\0\0"
            self.weights += values.tobytes()
        return tops[0] if tops else None

    def param_text(self):
        return "7767517\n%d %d\n%s\n" % (len(self.layers), len(self.blobs), "\n".join(self.layers))


def conv_net():
    """Convolutions, depthwise convolution, batch norm, pooling, a fully connected layer:
    the shape of an image classifier, with fused activations."""
    n = NetSpec("conv", (3, 20, 20))
    # Convolution 3->8, 3x3, pad 1, bias, fused ReLU (9=1).
    n.layer("Convolution", "conv1", ["data"], ["c1"], "0=8 1=3 4=1 5=1 6=216 9=1",
            [(True, 216, 0.3, 0), (False, 8, 0.1, 0)])
    # Depthwise 3x3 over 8 channels, fused leaky ReLU with slope 0.1 (9=2, 10=[0.1]).
    n.layer("ConvolutionDepthWise", "dw1", ["c1"], ["d1"], "0=8 1=3 4=1 5=1 6=72 7=8 9=2 -23310=1,0.1",
            [(True, 72, 0.3, 0), (False, 8, 0.1, 0)])
    # BatchNorm: slope, mean, variance (positive), bias.
    n.layer("BatchNorm", "bn1", ["d1"], ["b1"], "0=8 1=0.00001",
            [(False, 8, 0.2, 1.0), (False, 8, 0.2, 0), (False, 8, 0.1, 1.0), (False, 8, 0.1, 0)])
    n.layer("Pooling", "pool1", ["b1"], ["p1"], "0=0 1=2 2=2")  # max 2x2 stride 2 -> 10x10
    # Strided 3x3 convolution 8->16 with fused clip to [-1, 2] (9=3).
    n.layer("Convolution", "conv2", ["p1"], ["c2"], "0=16 1=3 3=2 4=1 5=1 6=1152 9=3 -23310=2,-1.0,2.0",
            [(True, 1152, 0.2, 0), (False, 16, 0.1, 0)])
    n.layer("Pooling", "pool2", ["c2"], ["p2"], "0=1 1=3 2=1 3=1 6=1")  # average 3x3, pad 1
    n.layer("Convolution", "conv3", ["p2"], ["c3"], "0=12 1=1 5=1 6=192", [(True, 192, 0.3, 0), (False, 12, 0.1, 0)])
    n.layer("Sigmoid", "sig", ["c3"], ["s3"])
    n.layer("Pooling", "gap", ["s3"], ["g"], "0=1 4=1")  # global average -> 12
    n.layer("InnerProduct", "fc", ["g"], ["f"], "0=10 1=1 2=120", [(True, 120, 1.0, 0), (False, 10, 0.3, 0)])
    n.layer("Softmax", "prob", ["f"], ["prob"], "0=0 1=1")
    return n


def branch_net():
    """A graph with branches: split, element-wise ops, binary ops with broadcasting,
    concat, deconvolution and resize."""
    n = NetSpec("branch", (4, 12, 12))
    n.layer("Split", "split1", ["data"], ["a", "b", "c"])
    n.layer("ReLU", "leaky", ["a"], ["ra"], "0=0.2")
    n.layer("TanH", "tanh", ["b"], ["tb"])
    n.layer("Convolution", "conv1", ["c"], ["cc"], "0=4 1=3 4=1 5=1 6=144", [(True, 144, 0.3, 0), (False, 4, 0.1, 0)])
    n.layer("Eltwise", "esum", ["ra", "tb"], ["e"], "0=1 -23301=2,0.5,2.0")  # 0.5*ra + 2*tb
    n.layer("Split", "split2", ["cc"], ["cc1", "cc2", "cc3"])
    n.layer("BinaryOp", "mul", ["e", "cc1"], ["m"], "0=2")
    n.layer("Eltwise", "emax", ["m", "cc2"], ["mx"], "0=2")
    n.layer("Concat", "cat", ["mx", "cc3"], ["cat"], "0=0")  # 8 channels
    n.layer("BinaryOp", "scale", ["cat"], ["sc"], "0=3 1=1 2=4.0")  # divide by the scalar 4
    # Deconvolution 8->6, 4x4 stride 2 pad 1 (12 -> 24), bias.
    n.layer("Deconvolution", "up1", ["sc"], ["u"], "0=6 1=4 3=2 4=1 5=1 6=768", [(True, 768, 0.2, 0), (False, 6, 0.1, 0)])
    n.layer("Interp", "resize", ["u"], ["r"], "0=2 3=16 4=16")  # bilinear to 16x16
    n.layer("HardSwish", "hswish", ["r"], ["h"], "0=0.1666667 1=0.5")
    n.layer("Padding", "pad", ["h"], ["pd"], "0=1 1=2 2=2 3=1 4=0 5=0.25")  # constant 0.25
    n.layer("Softmax", "chsoftmax", ["pd"], ["out"], "0=0 1=1")  # over the 6 channels
    return n


def matrix_net():
    """Two-dimensional blobs: layer norm, unary ops, permute, reshape, softmax by row,
    then a fully connected layer on the flattened result."""
    n = NetSpec("matrix", (8, 32))  # h=8 rows of w=32
    n.layer("LayerNorm", "ln", ["data"], ["ln"], "0=32 1=0.00001 2=1", [(False, 32, 0.2, 1.0), (False, 32, 0.1, 0)])
    n.layer("UnaryOp", "abs", ["ln"], ["ab"], "0=0")
    n.layer("UnaryOp", "sqrt", ["ab"], ["sq"], "0=5")
    n.layer("Permute", "t", ["sq"], ["t"], "0=1")  # 32 rows of 8
    n.layer("Softmax", "rowsoftmax", ["t"], ["sm"], "0=1 1=1")
    n.layer("Reshape", "flat", ["sm"], ["fl"], "0=256")
    n.layer("InnerProduct", "fc1", ["fl"], ["f1"], "0=24 1=1 2=6144 9=1", [(True, 6144, 0.3, 0), (False, 24, 0.1, 0)])
    n.layer("InnerProduct", "fc2", ["f1"], ["f2"], "0=5 1=1 2=120", [(True, 120, 0.3, 0), (False, 5, 0.1, 0)])
    n.layer("Sigmoid", "out", ["f2"], ["out"])
    return n


NETS = [conv_net, branch_net, matrix_net]


def fail(message):
    print("ncnn_vulkan: FAIL: " + message, flush=True)
    sys.exit(1)


def set_precision(opt, fp16):
    for option in ("use_fp16_packed", "use_fp16_storage", "use_fp16_arithmetic"):
        setattr(opt, option, fp16)
    opt.use_bf16_storage = False
    opt.use_bf16_packed = False
    # int8 options only matter for int8 models; these are fp32 models.


def load(spec, files, vulkan, fp16):
    net = ncnn.Net()
    net.opt.use_vulkan_compute = vulkan
    net.opt.num_threads = 2
    set_precision(net.opt, fp16)
    if vulkan:
        net.set_vulkan_device(0)
    if net.load_param(files[0]) != 0:
        fail("%s: load_param failed" % spec.name)
    if net.load_model(files[1]) != 0:
        fail("%s: load_model failed" % spec.name)
    return net


def check_vulkan_path(spec, net, fp16):
    if not net.opt.use_vulkan_compute:
        fail("%s: ncnn turned use_vulkan_compute off after load_param (no valid Vulkan device: CPU fallback)" % spec.name)
    cpu_layers = [layer.name for layer in net.layers() if not layer.support_vulkan]
    if cpu_layers:
        fail("%s: layers %s run on the CPU in the Vulkan net" % (spec.name, cpu_layers))
    if net.vulkan_device() is None:
        fail("%s: the Vulkan net has no device" % spec.name)
    # load_param turns off each fp16 option the device lacks; then "fp16" would be fp32.
    kept = [o for o in ("use_fp16_packed", "use_fp16_storage", "use_fp16_arithmetic") if getattr(net.opt, o)]
    if fp16 and len(kept) != 3:
        fail("%s: the device lacks fp16 support that ncnn uses (kept only %s)" % (spec.name, kept))


def run(net, data):
    # clone(): a Mat made from a numpy array borrows its memory, and a first layer that
    # works in place (LayerNorm) crashes ncnn's CPU path on such a Mat.
    with net.create_extractor() as ex:
        if ex.input("data", ncnn.Mat(data).clone()) != 0:
            fail("extractor input failed")
        ret, out = ex.extract(net.output_names()[0])
        if ret != 0:
            fail("extract returned %d" % ret)
        return np.array(out).copy()


def compare(what, got, want, atol, rtol):
    if got.shape != want.shape:
        fail("%s: output shape %s, the CPU gives %s" % (what, got.shape, want.shape))
    if not np.all(np.isfinite(got)):
        fail("%s: non-finite outputs on the device" % what)
    err = np.abs(got - want)
    bound = atol + rtol * np.abs(want)
    worst = int(np.argmax(err - bound))
    if err.flat[worst] > bound.flat[worst]:
        index = np.unravel_index(worst, got.shape)
        fail("%s: element %s is %r on the device, %r on the CPU (tolerance %g + %g*|cpu|); %d of %d elements out"
             % (what, index, float(got.flat[worst]), float(want.flat[worst]), atol, rtol,
                int(np.count_nonzero(err > bound)), err.size))
    # A constant output would hide a device that computes nothing but the right constant:
    # the reference must vary well beyond the tolerance (the outputs are of order 0.1-1).
    if np.ptp(want) < 0.1:
        fail("%s: the CPU output hardly varies (range %g): the check would prove nothing" % (what, float(np.ptp(want))))
    return float(err.max())


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--device", required=True, help="deviceName the Vulkan device must report")
    parser.add_argument("--workdir", default=None)
    args = parser.parse_args()

    count = ncnn.get_gpu_count()
    if count != 1:
        fail("ncnn sees %d Vulkan devices; the loader was pointed at one driver" % count)
    name = ncnn.get_gpu_info(0).device_name()
    if name != args.device:
        fail("ncnn's Vulkan device is %r, expected %r" % (name, args.device))
    print("ncnn_vulkan: ncnn %s, Vulkan device 0: %s" % (ncnn.__version__, name), flush=True)

    checks = 0
    workdir = tempfile.mkdtemp(prefix="ncnn-vulkan-", dir=args.workdir)
    for make in NETS:
        spec = make()
        files = (os.path.join(workdir, spec.name + ".param"), os.path.join(workdir, spec.name + ".bin"))
        with open(files[0], "w") as f:
            f.write(spec.param_text())
        with open(files[1], "wb") as f:
            f.write(spec.weights)
        data = np.random.default_rng(zlib.crc32(spec.name.encode()) + 1).standard_normal(spec.input_shape).astype(np.float32)
        cpu = load(spec, files, vulkan=False, fp16=False)
        want = run(cpu, data)
        for mode, tol in MODES.items():
            gpu = load(spec, files, vulkan=True, fp16=tol["fp16"])
            check_vulkan_path(spec, gpu, tol["fp16"])
            got = run(gpu, data)
            what = "%s/%s" % (spec.name, mode)
            err = compare(what, got, want, tol["atol"], tol["rtol"])
            # Two runs of the same net on the device give the same bits.
            again = run(gpu, data)
            if not np.array_equal(got, again):
                fail("%s: a second run on the device gave different outputs" % what)
            print("ncnn_vulkan: %-14s %2d layers, output %-12s max |device - cpu| = %.2e"
                  % (what, len(gpu.layers()), str(got.shape), err), flush=True)
            checks += 1
            gpu.clear()
        cpu.clear()
    print("ncnn_vulkan: %d checks passed" % checks, flush=True)
    ncnn.destroy_gpu_instance()


if __name__ == "__main__":
    main()
