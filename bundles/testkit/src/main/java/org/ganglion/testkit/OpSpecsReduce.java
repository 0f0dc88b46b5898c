package org.ganglion.testkit;

import static org.ganglion.core.DType.FLOAT32;
import static org.ganglion.core.DType.FLOAT64;
import static org.ganglion.core.DType.INT32;
import static org.ganglion.core.DType.INT64;
import static org.ganglion.testkit.TensorSource.bools;
import static org.ganglion.testkit.TensorSource.f32;
import static org.ganglion.testkit.TensorSource.f64;
import static org.ganglion.testkit.TensorSource.ints;
import static org.ganglion.testkit.TensorSource.uniform;
import static org.ganglion.testkit.TensorSource.values;
import static org.ganglion.testkit.TensorSource.vector;

import java.util.ArrayList;
import java.util.List;
import org.ganglion.autograd.Variable;
import org.ganglion.core.DTypeMismatchException;
import org.ganglion.core.ShapeMismatchException;
import org.ganglion.core.Tensor;

/**
 * Reductions (sum, prod, max, min, mean over any set of axes, with and without keepDims) and
 * argmax/argmin. Samples reduce all axes, one axis, a negative axis, non-adjacent axes, a
 * non-contiguous input, an empty axis (giving each reduction's identity), integers, and NaN/inf.
 * Sums, products and means get {@link Tolerance#accumulation} over the longest reduction (24 terms);
 * max, min and the arg reductions are exact.
 */
final class OpSpecsReduce {
    private OpSpecsReduce() {}

    private static final double INF = Double.POSITIVE_INFINITY, NAN = Double.NaN;

    /** A reduction as the table calls it. */
    private interface Reduce { Tensor apply(Tensor x, boolean keepDims, int[] axes); }

    private interface ReduceVar { Variable apply(Variable x, boolean keepDims, int[] axes); }

    static List<OpSpec> all() {
        List<OpSpec> ops = new ArrayList<>();
        Tolerance acc = Tolerance.accumulation(24);
        ops.add(reduce("sum", Tensor::sum, Variable::sum, acc, true)
                .sample(Sample.of(ints(INT32, 2, 3)).args("axes", ax(1), "keepDims", false))
                .sample(Sample.of(ints(INT64, 3, 4)).args("axes", ax(), "keepDims", true))
                .build());
        ops.add(reduce("prod", Tensor::prod, null, acc, true)
                .sample(Sample.of(ints(INT32, 2, 3)).args("axes", ax(0), "keepDims", false))
                .build());
        ops.add(reduce("max", Tensor::max, Variable::max, Tolerance.EXACT, true)
                .sample(Sample.of(ints(INT32, 3, 4)).args("axes", ax(1), "keepDims", false).named("i32 with ties"))
                .sample(Sample.of(values(INT32, new int[] {0, 2})).args("axes", ax(0), "keepDims", false).named("i32 empty axis gives MIN_VALUE"))
                .sample(Sample.of(vector(FLOAT32, -INF, -INF)).args("axes", ax(), "keepDims", false).named("all -inf").noGrad())
                .build());
        ops.add(reduce("min", Tensor::min, Variable::min, Tolerance.EXACT, true)
                .sample(Sample.of(ints(INT64, 3, 4)).args("axes", ax(0), "keepDims", true).named("i64 with ties"))
                .build());
        ops.add(reduce("mean", Tensor::mean, Variable::mean, acc, false)
                .error("int input", DTypeMismatchException.class, "mean: needs a floating tensor", Args.of("axes", ax(), "keepDims", false), ints(INT32, 3))
                .build());
        ops.add(arg("argmax", Tensor::argmax));
        ops.add(arg("argmin", Tensor::argmin));
        return ops;
    }

    private static int[] ax(int... a) { return a; }

    private static Sample s(TensorSource x, boolean keepDims, int... axes) {
        return Sample.of(x).args("axes", axes, "keepDims", keepDims);
    }

    private static OpSpec.Builder reduce(String name, Reduce f, ReduceVar g, Tolerance tol, boolean acceptsInts) {
        OpSpec.Builder b = OpSpec.builder(name, "reduce").tolerance(tol)
                .forward((in, a) -> f.apply(in[0], a.bool("keepDims"), a.ints("axes")))
                .sample(s(f32(2, 3, 4), false))
                .sample(s(f32(2, 3, 4), true, 1))
                .sample(s(f32(2, 3, 4), false, -1))
                .sample(s(f32(2, 3, 4), true, 0, 2).named("non-adjacent axes [0,2] keepDims"))
                .sample(s(f32(2, 3, 4), false, 2, 0).named("axes [2,0] in any order"))
                .sample(s(f64(3, 5), false, 0))
                .sample(s(f32(4, 3).transposed(), false, 1).named("transposed input"))
                .sample(s(f64(6, 4).sliced(0, 1, 6, 2), false, 0, 1).named("strided slice, all axes"))
                .sample(s(f32(1, 5, 1), true, 1).named("size-1 dims"))
                .sample(s(f32(), false).named("rank 0"))
                .sample(s(f32(0, 3), false, 0).named("empty axis gives the identity").noGrad())
                .sample(s(f32(0, 3), true, 1).named("empty outer").noGrad())
                .sample(s(vector(FLOAT32, 1, NAN, 2), false).named("NaN propagates").noGrad())
                .sample(s(vector(FLOAT64, INF, 1, -2), false).named("inf").noGrad())
                .error("axis out of range", ShapeMismatchException.class, name + ": axis 2 is out of range",
                        Args.of("axes", ax(2), "keepDims", false), f32(2, 3))
                .error("axis given twice", ShapeMismatchException.class, name + ": axis -1 given twice",
                        Args.of("axes", ax(1, -1), "keepDims", false), f32(2, 3));
        if (g != null) b.grad((v, a) -> g.apply(v[0], a.bool("keepDims"), a.ints("axes")));
        if (acceptsInts)
            b.error("bool input", DTypeMismatchException.class, name + ": not defined for bool", Args.of("axes", ax(), "keepDims", false), bools(3));
        if (name.equals("sum") || name.equals("mean")) b.covers(name + "(int...)");
        if (name.equals("max") || name.equals("min")) b.covers(name + "(int...)");
        return b;
    }

    private interface Arg { Tensor apply(Tensor x, int axis, boolean keepDims); }

    private static OpSpec arg(String name, Arg f) {
        return OpSpec.builder(name, "reduce")
                .forward((in, a) -> f.apply(in[0], a.integer("axis"), a.bool("keepDims")))
                .sample(Sample.of(f32(3, 4)).args("axis", 1, "keepDims", false))
                .sample(Sample.of(f32(3, 4)).args("axis", 0, "keepDims", true))
                .sample(Sample.of(f64(2, 3, 4)).args("axis", -1, "keepDims", false))
                .sample(Sample.of(f32(5, 3).transposed()).args("axis", 1, "keepDims", false).named("transposed input"))
                .sample(Sample.of(uniform(INT32, 0, 3, 4, 5)).args("axis", 1, "keepDims", false).named("i32 ties pick the first"))
                .sample(Sample.of(ints(INT64, 6)).args("axis", 0, "keepDims", true))
                .sample(Sample.of(values(FLOAT32, new int[] {2, 3}, 1, NAN, 5, NAN, NAN, NAN)).args("axis", 1, "keepDims", false)
                        .named("NaN ranks above everything"))
                .sample(Sample.of(values(FLOAT64, new int[] {0, 3})).args("axis", 1, "keepDims", false).named("empty outer"))
                .error("empty axis", ShapeMismatchException.class, name + ": axis 0 is empty", Args.of("axis", 0, "keepDims", false), f32(0, 3))
                .error("axis out of range", ShapeMismatchException.class, name + ": axis 5 is out of range", Args.of("axis", 5, "keepDims", false), f32(2, 3))
                .error("bool input", DTypeMismatchException.class, name + ": not defined for bool", Args.of("axis", 0, "keepDims", false), bools(3))
                .build();
    }
}
