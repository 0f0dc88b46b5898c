package org.ganglion.testkit;

import static org.ganglion.core.DType.FLOAT32;
import static org.ganglion.core.DType.FLOAT64;
import static org.ganglion.core.DType.INT32;
import static org.ganglion.core.DType.INT64;
import static org.ganglion.testkit.TensorSource.bools;
import static org.ganglion.testkit.TensorSource.ints;
import static org.ganglion.testkit.TensorSource.uniform;
import static org.ganglion.testkit.TensorSource.vector;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.ganglion.autograd.Variable;
import org.ganglion.core.DTypeMismatchException;
import org.ganglion.core.Tensor;

/**
 * Unary elementwise ops: every {@link org.ganglion.core.spi.UnaryOp}, plus relu, clamp and square.
 * Each gets the same float samples over its smooth domain (float32, float64, transposed, strided,
 * size-1 dims, rank 0, empty) and a vector of IEEE edge values (NaN, ±inf, ±0, overflow).
 */
final class OpSpecsUnary {
    private OpSpecsUnary() {}

    private static final double INF = Double.POSITIVE_INFINITY, NAN = Double.NaN;

    static List<OpSpec> all() {
        List<OpSpec> ops = new ArrayList<>();
        ops.add(unary("neg", Tensor::neg, Variable::neg, Tolerance.EXACT, -2, 2, true, -0.0, INF, NAN, 3));
        ops.add(unary("abs", Tensor::abs, Variable::abs, Tolerance.EXACT, -2, 2, true, -0.0, -3, -INF, NAN));
        ops.add(unary("sign", Tensor::sign, null, Tolerance.EXACT, -2, 2, true, -2, -0.0, 0, 3, NAN, -INF));
        ops.add(unary("exp", Tensor::exp, Variable::exp, Tolerance.TRANSCENDENTAL, -2, 2, false, -INF, 0, 100, -200, NAN, INF));
        ops.add(unary("expm1", Tensor::expm1, Variable::expm1, Tolerance.TRANSCENDENTAL, -2, 2, false, 1e-10, -1e-10, 0, -INF, 50));
        ops.add(unary("log", Tensor::log, Variable::log, Tolerance.TRANSCENDENTAL, 0.5, 2.5, false, 0, -1, INF, 1e-30, 1));
        ops.add(unary("log1p", Tensor::log1p, Variable::log1p, Tolerance.TRANSCENDENTAL, -0.5, 2, false, -1, 1e-10, -2, INF));
        ops.add(unary("sqrt", Tensor::sqrt, Variable::sqrt, Tolerance.ELEMENTWISE, 0.5, 2.5, false, 0, -0.0, -1, INF, 1e-30));
        ops.add(unary("reciprocal", Tensor::reciprocal, Variable::reciprocal, Tolerance.ELEMENTWISE, 0.5, 2.5, false, 0, -0.0, INF, -3));
        ops.add(unary("sin", Tensor::sin, Variable::sin, Tolerance.TRANSCENDENTAL, -2, 2, false, 0, Math.PI, -100, INF));
        ops.add(unary("cos", Tensor::cos, Variable::cos, Tolerance.TRANSCENDENTAL, -2, 2, false, 0, Math.PI, -100, INF));
        ops.add(unary("tanh", Tensor::tanh, Variable::tanh, Tolerance.TRANSCENDENTAL, -2, 2, false, -20, 20, 0, INF, -INF, NAN));
        ops.add(unary("sigmoid", Tensor::sigmoid, Variable::sigmoid, Tolerance.TRANSCENDENTAL, -2, 2, false, -1000, 1000, 0, -INF, INF, NAN));
        ops.add(unary("erf", Tensor::erf, Variable::erf, Tolerance.TRANSCENDENTAL, -2, 2, false, -6, 6, 0, 1e-8, 3.5, -1.9, INF, -INF));
        ops.add(unary("floor", Tensor::floor, null, Tolerance.EXACT, -3, 3, false, -2.5, -0.5, 0.5, -0.0, 1e7 + 0.5, INF, NAN));
        ops.add(unary("ceil", Tensor::ceil, null, Tolerance.EXACT, -3, 3, false, -2.5, -0.5, 0.5, -0.0, 1e7 + 0.5, INF, NAN));
        ops.add(unary("round", Tensor::round, null, Tolerance.EXACT, -3, 3, false, -2.5, -1.5, -0.5, 0.5, 1.5, 2.5, 3.49, NAN));
        ops.add(unary("relu", Tensor::relu, Variable::relu, Tolerance.EXACT, -2, 2, true, -0.0, -INF, INF, NAN));
        ops.add(unary("square", Tensor::square, Variable::square, Tolerance.ELEMENTWISE, -2, 2, true, 1e20, -INF, NAN));
        ops.add(clamp());
        ops.add(not());
        ops.add(isNan());
        return ops;
    }

    private static Sample edgeSample(String name, org.ganglion.core.DType dtype, double... edges) {
        Sample s = Sample.of(vector(dtype, edges).labelled((dtype == FLOAT32 ? "f32" : "f64") + " edge values")).noGrad();
        return s;
    }

    /** The float samples of a unary op over {@code [lo, hi)}. */
    static List<Sample> floatSamples(double lo, double hi) {
        return List.of(
                Sample.of(uniform(FLOAT32, lo, hi, 2, 3)),
                Sample.of(uniform(FLOAT64, lo, hi, 2, 3)),
                Sample.of(uniform(FLOAT32, lo, hi, 4, 3).transposed()),
                Sample.of(uniform(FLOAT64, lo, hi, 6, 4).sliced(0, 1, 6, 2)),
                Sample.of(uniform(FLOAT32, lo, hi, 1, 5, 1)),
                Sample.of(uniform(FLOAT32, lo, hi)).named("f32 rank 0"),
                Sample.of(uniform(FLOAT32, lo, hi, 0, 3)).noGrad());
    }

    /**
     * autograd's Functions.relu is where(x &gt; 0, x, 0): it maps NaN to 0 (Tensor.relu and PyTorch keep
     * NaN) and keeps bool inputs bool (Tensor.relu promotes them to float32).
     */
    static final String RELU_ISSUE = "Variable.relu rejects bool inputs (they cannot be differentiated); Tensor.relu promotes them to float32";

    private static OpSpec unary(String name, UnaryOperator<Tensor> f, UnaryOperator<Variable> g, Tolerance tol,
                                double lo, double hi, boolean acceptsInts, double... edges) {
        OpSpec.Builder b = OpSpec.builder(name, "unary").forward((in, a) -> f.apply(in[0])).tolerance(tol)
                .samples(floatSamples(lo, hi))
                .sample(edgeSample(name, FLOAT32, edges))
                .sample(edgeSample(name, FLOAT64, edges));
        if (g != null) b.grad((v, a) -> g.apply(v[0]));
        if (acceptsInts) {
            b.sample(ints(INT32, 2, 3)).sample(ints(INT64, 3, 2).transposed());
            b.sample(Sample.of(vector(INT32, Integer.MIN_VALUE, Integer.MAX_VALUE, 0, -1)).named("i32 extremes (wrapping)"));
        } else {
            b.error("int32 input", DTypeMismatchException.class, name + ": needs a floating tensor", ints(INT32, 3));
        }
        switch (name) {
            // relu is maximum(0.0): a bool tensor promotes against the float32 zero, as in NumPy
            case "relu" -> b.sample(Sample.of(bools(2, 2)).named("bool promotes to f32").knownIssue(Sample.Check.VARIANT, RELU_ISSUE));
            case "square" -> b.error("bool input", DTypeMismatchException.class, "mul: not defined for bool", bools(3));
            default -> b.error("bool input", DTypeMismatchException.class, name + ": not defined for bool", bools(3));
        }
        return b.build();
    }

    private static OpSpec clamp() {
        return OpSpec.builder("clamp", "unary").forward((in, a) -> in[0].clamp(a.real("min"), a.real("max")))
                .grad((v, a) -> v[0].maximum(a.real("min")).minimum(a.real("max")))
                .tolerance(Tolerance.EXACT)
                .samples(floatSamples(-2, 2).stream().map(s -> s.args("min", -1.0, "max", 1.0)).toList())
                .sample(Sample.of(vector(FLOAT32, -3, -0.5, 0.5, 3, Double.NaN, INF)).args("min", -1.0, "max", 1.0).noGrad())
                .sample(Sample.of(ints(INT32, 2, 4)).args("min", -2.0, "max", 3.0))
                .sample(Sample.of(ints(INT64, 2, 4)).args("min", 0.5, "max", 3.5).named("i64 with fractional bounds (promotes)"))
                .sample(Sample.of(uniform(FLOAT32, -2, 2, 3)).args("min", 1.0, "max", -1.0).named("min > max gives max").noGrad())
                .covers("maximum(double)", "minimum(double)")
                .build();
    }

    private static OpSpec not() {
        return OpSpec.builder("not", "unary").forward((in, a) -> in[0].not())
                .sample(bools(2, 3)).sample(bools(4, 3).transposed()).sample(bools(0, 2))
                .error("float input", DTypeMismatchException.class, "not: needs a bool tensor", uniform(FLOAT32, -1, 1, 3))
                .error("int input", DTypeMismatchException.class, "not: needs a bool tensor", ints(INT64, 3))
                .build();
    }

    private static OpSpec isNan() {
        return OpSpec.builder("isNan", "unary").forward((in, a) -> in[0].isNan())
                .sample(vector(FLOAT32, NAN, 1, INF, -INF, -0.0))
                .sample(vector(FLOAT64, 0, NAN, -NAN, 1e308))
                .sample(uniform(FLOAT32, -1, 1, 3, 2).transposed())
                .sample(ints(INT32, 4)).sample(ints(INT64, 2, 2)).sample(bools(3))
                .sample(uniform(FLOAT64, -1, 1, 0))
                .covers("unary")
                .build();
    }
}
