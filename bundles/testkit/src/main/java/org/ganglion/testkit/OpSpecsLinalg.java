package org.ganglion.testkit;

import static org.ganglion.core.DType.INT32;
import static org.ganglion.testkit.TensorSource.f32;
import static org.ganglion.testkit.TensorSource.f64;
import static org.ganglion.testkit.TensorSource.ints;

import java.util.ArrayList;
import java.util.List;
import org.ganglion.autograd.Variable;
import org.ganglion.core.DTypeMismatchException;
import org.ganglion.core.ShapeMismatchException;
import org.ganglion.core.Tensor;
import org.ganglion.core.spi.Activation;

/**
 * Matrix products: {@code matmul} with NumPy semantics (2-D, 1-D on either side, batched, broadcast
 * batch, transposed and strided views, stride-0 expanded batches, k = 0 and m = 0), and
 * {@code linear} both as the device may fuse it ({@link Tensor#linear}) and as its composite
 * definition ({@link Tensor#linearComposite}), for every {@link Activation}. Tolerance:
 * {@link Tolerance#accumulation} over the inner length k, for sigmoid/tanh epilogues at least
 * {@link Tolerance#TRANSCENDENTAL}.
 */
final class OpSpecsLinalg {
    private OpSpecsLinalg() {}

    static List<OpSpec> all() {
        List<OpSpec> ops = new ArrayList<>();
        ops.add(matmul());
        ops.add(linear("linear"));
        ops.add(linear("linearComposite"));
        return ops;
    }

    private static Sample mm(String name, TensorSource a, TensorSource b, int k) {
        return Sample.of(a, b).named(name).tolerance(Tolerance.accumulation(k));
    }

    private static OpSpec matmul() {
        return OpSpec.builder("matmul", "linalg").tolerance(Tolerance.accumulation(8))
                .forward((in, a) -> in[0].matmul(in[1]))
                .grad((v, a) -> v[0].matmul(v[1]))
                .sample(mm("f32 [3,4]x[4,5]", f32(3, 4), f32(4, 5), 4))
                .sample(mm("f64 [3,4]x[4,5]", f64(3, 4), f64(4, 5), 4))
                .sample(mm("f32 [16,24]x[24,8]", f32(16, 24), f32(24, 8), 24).noGrad())
                .sample(mm("1-D x 1-D", f32(4), f32(4), 4))
                .sample(mm("1-D x 2-D", f32(4), f32(4, 5), 4))
                .sample(mm("2-D x 1-D", f32(3, 4), f32(4), 4))
                .sample(mm("1-D x batched", f64(4), f64(2, 4, 3), 4))
                .sample(mm("batched [2,3,4]x[2,4,5]", f32(2, 3, 4), f32(2, 4, 5), 4))
                .sample(mm("broadcast batch [2,1,3,4]x[3,4,5]", f32(2, 1, 3, 4), f32(3, 4, 5), 4))
                .sample(mm("batched x 2-D", f32(2, 3, 4), f32(4, 5), 4))
                .sample(mm("A.T x B.T", f32(4, 3).transposed(), f32(5, 4).transposed(), 4))
                .sample(mm("batched A.T", f32(2, 4, 3).transposed(), f32(2, 4, 5), 4))
                .sample(mm("batched B.T", f64(2, 3, 4), f64(2, 5, 4).transposed(), 4))
                .sample(mm("strided slice operand", f32(3, 8).sliced(1, 0, 8, 2), f32(4, 5), 4))
                .sample(mm("expanded batch (stride 0)", f32(3, 4).view(".expand(2,3,4)", t -> t.expand(2, 3, 4)), f32(2, 4, 5), 4))
                .sample(mm("size-1 dims [1,4]x[4,1]", f32(1, 4), f32(4, 1), 4))
                .sample(mm("k = 0 gives zeros", f32(3, 0), f32(0, 4), 1).noGrad())
                .sample(mm("m = 0", f32(0, 4), f32(4, 5), 4).noGrad())
                .sample(mm("f32 x f64 promotes", f32(3, 4), f64(4, 2), 4).noGrad())
                .error("inner dimensions differ", ShapeMismatchException.class, "matmul: inner dimensions differ", f32(3, 4), f32(5, 6))
                .error("batch dims differ", ShapeMismatchException.class, "matmul: shapes cannot be broadcast", f32(2, 3, 4), f32(3, 4, 5))
                .error("rank 0 operand", ShapeMismatchException.class, "matmul: operands must have at least one dimension", f32(), f32(3))
                .error("int operands", DTypeMismatchException.class, "matmul: needs floating tensors", ints(INT32, 2, 2), ints(INT32, 2, 2))
                .build();
    }

    private static Tensor call(String name, Tensor[] in, Activation act) {
        Tensor bias = in.length > 2 ? in[2] : null;
        return name.equals("linear") ? Tensor.linear(in[0], in[1], bias, act) : Tensor.linearComposite(in[0], in[1], bias, act);
    }

    private static OpSpec linear(String name) {
        OpSpec.Builder b = OpSpec.builder(name, "linalg")
                .tolerance(Tolerance.accumulation(8).max(Tolerance.TRANSCENDENTAL))
                .forward((in, a) -> call(name, in, a.get("act", Activation.class)))
                .grad((v, a) -> Variable.linear(v[0], v[1], v.length > 2 ? v[2] : null, a.get("act", Activation.class)));
        for (Activation act : Activation.values()) {
            b.sample(Sample.of(f32(3, 4), f32(4, 5), f32(5)).args("act", act));
            b.sample(Sample.of(f64(2, 6), f64(6, 3), f64(3)).args("act", act));
            b.sample(Sample.of(f32(4, 3).transposed(), f32(5, 4).transposed(), f32(5)).args("act", act).named("x.T w.T " + act));
        }
        b.sample(Sample.of(f32(3, 4), f32(4, 5)).args("act", Activation.RELU).named("no bias RELU"));
        b.sample(Sample.of(f32(1, 7), f32(7, 1), f32(1)).args("act", Activation.TANH).named("m = n = 1"));
        b.sample(Sample.of(f32(3, 8).sliced(1, 0, 8, 2), f32(4, 2), f32(2)).args("act", Activation.SIGMOID).named("strided x"));
        b.sample(Sample.of(f32(3, 4), f64(4, 2), f32(2)).args("act", Activation.NONE).named("f32 x f64 promotes").noGrad());
        Args none = Args.of("act", Activation.NONE);
        b.error("inner dimensions differ", ShapeMismatchException.class, "linear: need x [m, k], w [k, n], bias [n]", none, f32(3, 4), f32(5, 6), f32(6));
        b.error("bias length", ShapeMismatchException.class, "linear: need x [m, k], w [k, n], bias [n]", none, f32(3, 4), f32(4, 5), f32(4));
        b.error("batched x", ShapeMismatchException.class, "linear:", none, f32(2, 3, 4), f32(4, 5), f32(5));
        b.error("int operands", DTypeMismatchException.class, "linear: needs floating tensors", none, ints(INT32, 3, 4), ints(INT32, 4, 5));
        return b.build();
    }
}
