package org.ganglion.testkit;

import static org.ganglion.core.DType.FLOAT32;
import static org.ganglion.core.DType.FLOAT64;
import static org.ganglion.core.DType.INT32;
import static org.ganglion.testkit.TensorSource.f32;
import static org.ganglion.testkit.TensorSource.f64;
import static org.ganglion.testkit.TensorSource.ints;
import static org.ganglion.testkit.TensorSource.uniform;
import static org.ganglion.testkit.TensorSource.values;

import java.util.ArrayList;
import java.util.List;
import org.ganglion.autograd.Functions;
import org.ganglion.autograd.Variable;
import org.ganglion.core.DTypeMismatchException;
import org.ganglion.core.ShapeMismatchException;

/**
 * Composites written once in autograd ({@link Functions}) on top of the primitives: softmax,
 * logSoftmax, logSumExp, variance, std, norm, gelu, softplus, logSigmoid. Their forward runs
 * through constant variables, so a device is tested on exactly the primitive sequence training
 * uses; the gradient check exercises the chain of VJP rules. Tolerance: transcendental, widened by
 * the reduction length.
 */
final class OpSpecsComposite {
    private OpSpecsComposite() {}

    private static final double INF = Double.POSITIVE_INFINITY;

    private static int[] ax(int... a) { return a; }

    private interface Fn { Variable apply(Variable x, Args a); }

    /** Every argument any composite reads, for the error inputs. */
    private static final Args ALL_ARGS = Args.of("axis", 0, "axes", ax(), "keepDims", false, "unbiased", true, "p", 2.0);

    /** {@code checkedAs}: the name in the composite's dtype check, or null when integer inputs are simply promoted. */
    private static OpSpec.Builder composite(String name, String checkedAs, Fn f) {
        OpSpec.Builder b = OpSpec.builder(name, "composite").tolerance(Tolerance.TRANSCENDENTAL.max(Tolerance.accumulation(12)))
                .forward((in, a) -> f.apply(Variable.of(in[0]), a).value())
                .grad((v, a) -> f.apply(v[0], a));
        if (checkedAs != null)
            b.error("int input", DTypeMismatchException.class, checkedAs + ": needs a floating variable", ALL_ARGS, ints(INT32, 3));
        return b;
    }

    /** Samples along one axis, including logits of ±1e4 and a masked (-inf) entry. */
    private static List<Sample> axisSamples() {
        return List.of(
                Sample.of(f32(3, 5)).args("axis", 1),
                Sample.of(f32(3, 5)).args("axis", 0),
                Sample.of(f64(2, 3, 4)).args("axis", -1),
                Sample.of(f32(5, 3).transposed()).args("axis", 1).named("transposed"),
                Sample.of(f32(1, 6)).args("axis", 1).named("size-1 batch"),
                Sample.of(f32(4, 1)).args("axis", 1).named("size-1 axis"),
                Sample.of(uniform(FLOAT32, -1e4, 1e4, 2, 4)).args("axis", 1).named("logits of 1e4").noGrad(),
                Sample.of(values(FLOAT64, new int[] {2, 3}, 1, -INF, 2, -INF, 0.5, -INF)).args("axis", 1).named("masked -inf entries").noGrad());
    }

    static List<OpSpec> all() {
        List<OpSpec> ops = new ArrayList<>();
        ops.add(composite("softmax", "softmax", (x, a) -> Functions.softmax(x, a.integer("axis"))).samples(axisSamples())
                .error("axis out of range", ShapeMismatchException.class, "axis 2 is out of range", Args.of("axis", 2), f32(2, 3)).build());
        ops.add(composite("logSoftmax", "logSoftmax", (x, a) -> Functions.logSoftmax(x, a.integer("axis"))).samples(axisSamples()).build());
        ops.add(composite("logSumExp", "logSumExp", (x, a) -> Functions.logSumExp(x, a.bool("keepDims"), a.ints("axes")))
                .sample(Sample.of(f32(3, 5)).args("axes", ax(1), "keepDims", false))
                .sample(Sample.of(f64(2, 3, 4)).args("axes", ax(0, 2), "keepDims", true))
                .sample(Sample.of(f32(4, 3)).args("axes", ax(), "keepDims", false).named("all axes"))
                .sample(Sample.of(uniform(FLOAT64, -1e4, 1e4, 2, 3)).args("axes", ax(1), "keepDims", false).named("logits of 1e4").noGrad())
                .sample(Sample.of(values(FLOAT32, new int[] {2, 2}, -INF, -INF, 1, -INF)).args("axes", ax(1), "keepDims", false)
                        .named("all -inf row gives -inf").noGrad())
                .build());
        ops.add(composite("variance", "variance", (x, a) -> Functions.variance(x, a.bool("unbiased"), a.bool("keepDims"), a.ints("axes")))
                .sample(Sample.of(f32(3, 5)).args("unbiased", true, "keepDims", false, "axes", ax(1)))
                .sample(Sample.of(f64(2, 3, 4)).args("unbiased", false, "keepDims", true, "axes", ax(0, 2)))
                .sample(Sample.of(f32(4, 3).transposed()).args("unbiased", false, "keepDims", false, "axes", ax()).named("transposed, all"))
                .sample(Sample.of(f32(1, 4)).args("unbiased", true, "keepDims", false, "axes", ax(0)).named("one element, unbiased is NaN").noGrad())
                .build());
        ops.add(composite("std", "variance", (x, a) -> Functions.std(x, a.bool("unbiased"), a.bool("keepDims"), a.ints("axes")))
                .sample(Sample.of(f32(3, 5)).args("unbiased", true, "keepDims", false, "axes", ax(1)))
                .sample(Sample.of(f64(2, 6)).args("unbiased", false, "keepDims", true, "axes", ax()))
                .build());
        ops.add(composite("norm", "norm", (x, a) -> Functions.norm(x, a.real("p"), a.bool("keepDims"), a.ints("axes")))
                .sample(Sample.of(f32(3, 4)).args("p", 2.0, "keepDims", false, "axes", ax()))
                .sample(Sample.of(f64(3, 4)).args("p", 1.0, "keepDims", true, "axes", ax(1)))
                .sample(Sample.of(f32(3, 4)).args("p", INF, "keepDims", false, "axes", ax(0)))
                .sample(Sample.of(f64(2, 5).transposed()).args("p", 3.0, "keepDims", false, "axes", ax(1)).named("p = 3, transposed"))
                .build());
        ops.add(composite("gelu", null, (x, a) -> Functions.gelu(x)).sample(f32(3, 4)).sample(f64(7))
                .sample(Sample.of(uniform(FLOAT32, -50, 50, 8)).named("wide range")).build());
        ops.add(composite("softplus", null, (x, a) -> Functions.softplus(x)).sample(f32(3, 4)).sample(f64(7))
                .sample(Sample.of(TensorSource.vector(FLOAT64, -100, -25, 19.5, 21, 100, 1e4)).named("both branches").noGrad()).build());
        ops.add(composite("logSigmoid", null, (x, a) -> Functions.logSigmoid(x)).sample(f32(3, 4))
                .sample(Sample.of(TensorSource.vector(FLOAT32, -1000, -30, 0, 30, 1000)).named("large |x|").noGrad()).build());
        return ops;
    }
}
