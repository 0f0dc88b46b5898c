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
import static org.ganglion.testkit.TensorSource.vector;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.BinaryOperator;
import org.ganglion.autograd.Variable;
import org.ganglion.core.DTypeMismatchException;
import org.ganglion.core.ShapeMismatchException;
import org.ganglion.core.Tensor;

/**
 * Binary elementwise ops: arithmetic (with their {@code double} overloads), comparisons, logical
 * and/or, and {@code where}. Samples cover NumPy broadcasting ([3,1]+[1,4], [2,3]+[3], rank 0),
 * type promotion, non-contiguous operands, empty tensors, integers and IEEE edge values.
 */
final class OpSpecsBinary {
    private OpSpecsBinary() {}

    private static final double INF = Double.POSITIVE_INFINITY, NAN = Double.NaN;

    /** A domain for one operand: values in {@code [lo, hi)}. */
    private record Domain(double lo, double hi) {
        TensorSource of(org.ganglion.core.DType t, int... shape) { return uniform(t, lo, hi, shape); }
    }

    private static final Domain ANY = new Domain(-2, 2), POSITIVE = new Domain(0.5, 2.5);

    static List<OpSpec> all() {
        List<OpSpec> ops = new ArrayList<>();
        ops.add(arithmetic("add", "add", Tensor::add, Tensor::add, Variable::add, Tolerance.ELEMENTWISE, ANY, ANY)
                .sample(Sample.of(vector(FLOAT32, INF, -INF, NAN, 1, 3e38), vector(FLOAT32, -INF, -INF, 1, NAN, 3e38)).noGrad())
                .sample(Sample.of(bools(2, 2), f32(2, 2)).named("bool+f32 promotes").noGrad())
                .build());
        ops.add(arithmetic("sub", "sub", Tensor::sub, Tensor::sub, Variable::sub, Tolerance.ELEMENTWISE, ANY, ANY)
                .sample(Sample.of(vector(FLOAT64, INF, 1, NAN), vector(FLOAT64, INF, -INF, 0)).noGrad())
                .build());
        ops.add(arithmetic("mul", "mul", Tensor::mul, Tensor::mul, Variable::mul, Tolerance.ELEMENTWISE, ANY, ANY)
                .sample(Sample.of(vector(FLOAT32, INF, 0, NAN, 1e30, -0.0), vector(FLOAT32, 0, -INF, 2, 1e30, 5)).noGrad())
                .sample(Sample.of(vector(INT32, Integer.MAX_VALUE, -7), vector(INT32, 2, 3)).named("i32 wraps"))
                .build());
        ops.add(arithmetic("div", "div", Tensor::div, Tensor::div, Variable::div, Tolerance.ELEMENTWISE, ANY, POSITIVE)
                .sample(Sample.of(vector(FLOAT32, 1, -1, 0, INF), vector(FLOAT32, 0, 0, 0, INF)).named("f32 by zero").noGrad())
                .sample(Sample.of(vector(INT32, 7, -7, 7, -7, 0), vector(INT32, 2, 2, -2, -2, 3)).named("i32 truncates toward zero"))
                .sample(Sample.of(ints(INT32, 2, 3), vector(INT32, 2)).named("i32 by scalar vector"))
                .error("integer division by zero", ArithmeticException.class, "division by zero", vector(INT64, 1, 2), vector(INT64, 1, 0))
                .build());
        ops.add(arithmetic("pow", "pow", Tensor::pow, Tensor::pow, Variable::pow, Tolerance.TRANSCENDENTAL, POSITIVE, ANY)
                .sample(Sample.of(vector(FLOAT64, 0, -8, NAN, 2, -2, 0), vector(FLOAT64, -1, 1.0 / 3, 0, 0.5, 3, 0)).named("f64 edges").noGrad())
                .sample(Sample.of(vector(INT64, 2, -3, 5, 1, -1, 7), vector(INT64, 10, 3, 0, -4, -3, -1)).named("i64 incl. negative exponents"))
                .build());
        ops.add(arithmetic("maximum", "maximum", Tensor::maximum, Tensor::maximum, Variable::maximum, Tolerance.EXACT, ANY, ANY)
                .sample(Sample.of(vector(FLOAT32, NAN, 1, -0.0, -INF), vector(FLOAT32, 1, NAN, 0.0, -INF)).named("f32 NaN propagates").noGrad())
                .build());
        ops.add(arithmetic("minimum", "minimum", Tensor::minimum, Tensor::minimum, Variable::minimum, Tolerance.EXACT, ANY, ANY)
                .sample(Sample.of(vector(FLOAT64, NAN, 1, INF), vector(FLOAT64, 1, NAN, INF)).named("f64 NaN propagates").noGrad())
                .build());
        ops.add(arithmetic("mod", "mod", Tensor::mod, null, null, Tolerance.ELEMENTWISE, new Domain(-5, 5), POSITIVE)
                .sample(Sample.of(vector(FLOAT32, 5, -5, 5, -5, 4, -0.0), vector(FLOAT32, 3, 3, -3, -3, 2, 2)).named("f32 floor-mod signs"))
                .sample(Sample.of(vector(FLOAT64, 1, INF, 3), vector(FLOAT64, 0, 2, INF)).named("f64 zero and inf divisors"))
                .sample(Sample.of(vector(INT32, 7, -7, 7, -7, 6), vector(INT32, 3, 3, -3, -3, 3)).named("i32 floor-mod signs"))
                .build());
        for (String c : List.of("eq", "ne", "lt", "le", "gt", "ge")) ops.add(comparison(c));
        ops.add(logical("and", Tensor::and));
        ops.add(logical("or", Tensor::or));
        ops.add(where());
        return ops;
    }

    /**
     * The shared samples and errors of an arithmetic op. {@code coreName} is the name core's
     * messages use for it (maximum/minimum are the MAX/MIN primitives).
     */
    private static OpSpec.Builder arithmetic(String name, String coreName, BinaryOperator<Tensor> f, BiFunction<Tensor, Double, Tensor> scalar,
                                             BinaryOperator<Variable> g, Tolerance tol, Domain x, Domain y) {
        OpSpec.Builder b = OpSpec.builder(name, "binary").tolerance(tol)
                .forward((in, a) -> a.has("scalar") ? scalar.apply(in[0], a.real("scalar")) : f.apply(in[0], in[1]))
                .sample(Sample.of(x.of(FLOAT32, 2, 3), y.of(FLOAT32, 2, 3)))
                .sample(Sample.of(x.of(FLOAT32, 3, 1), y.of(FLOAT32, 1, 4)).named("f32 [3,1] with [1,4]"))
                .sample(Sample.of(x.of(FLOAT32, 2, 3), y.of(FLOAT32, 3)).named("f32 [2,3] with [3]"))
                .sample(Sample.of(x.of(FLOAT64, 2, 3), y.of(FLOAT64, 2, 1)))
                .sample(Sample.of(x.of(FLOAT32, 2, 3), y.of(FLOAT64, 3)).named("f32 with f64 promotes").noGrad())
                .sample(Sample.of(x.of(FLOAT32, 4, 3).transposed(), y.of(FLOAT32, 3, 8).sliced(1, 0, 8, 2)).named("transposed with strided slice"))
                .sample(Sample.of(x.of(FLOAT32, 1, 1), y.of(FLOAT32, 2, 1, 3)).named("f32 [1,1] with [2,1,3]"))
                .sample(Sample.of(x.of(FLOAT32), y.of(FLOAT32, 2, 2)).named("rank 0 with [2,2]"))
                .sample(Sample.of(x.of(FLOAT32, 0, 3), y.of(FLOAT32, 3)).named("empty [0,3] with [3]").noGrad())
                .sample(Sample.of(ints(INT32, 2, 3), f32(3)).named("i32 with f32 promotes").noGrad())
                .error("[2,3] with [4]", ShapeMismatchException.class, coreName + ": shapes cannot be broadcast together", f32(2, 3), f32(4))
                .error("bool with bool", DTypeMismatchException.class, coreName + ": not defined for bool", bools(3), bools(3));
        if (g != null) b.grad((v, a) -> a.has("scalar") ? g.apply(v[0], Variable.of(Tensor.scalar(a.real("scalar"), v[0].dtype()))) : g.apply(v[0], v[1]));
        if (scalar != null) {
            b.sample(Sample.of(x.of(FLOAT32, 2, 3)).args("scalar", 1.5).named("f32 with double 1.5"));
            b.sample(Sample.of(x.of(FLOAT64, 3)).args("scalar", 0.75).named("f64 with double 0.75"));
            b.sample(Sample.of(ints(INT32, 4)).args("scalar", 2.0).named("i32 with double 2 stays i32"));
            b.covers(name + "(double)");
        }
        boolean nonNegativeY = y == POSITIVE || name.equals("pow");
        TensorSource iy32 = nonNegativeY ? uniform(INT32, 1, 4, 2, 3) : ints(INT32, 2, 3);
        TensorSource iy64 = nonNegativeY ? uniform(INT64, 1, 4, 1, 2) : ints(INT64, 1, 2);
        return b.sample(Sample.of(ints(INT32, 2, 3), iy32))
                .sample(Sample.of(ints(INT64, 3, 1), iy64).named("i64 [3,1] with [1,2]"))
                .sample(Sample.of(ints(INT32, 3), nonNegativeY ? uniform(INT64, 1, 4, 3) : ints(INT64, 3)).named("i32 with i64 promotes"));
    }

    private static OpSpec comparison(String name) {
        TensorOp f = switch (name) {
            case "eq" -> (in, a) -> a.has("scalar") ? in[0].eq(a.real("scalar")) : in[0].eq(in[1]);
            case "ne" -> (in, a) -> a.has("scalar") ? in[0].ne(a.real("scalar")) : in[0].ne(in[1]);
            case "lt" -> (in, a) -> a.has("scalar") ? in[0].lt(a.real("scalar")) : in[0].lt(in[1]);
            case "le" -> (in, a) -> a.has("scalar") ? in[0].le(a.real("scalar")) : in[0].le(in[1]);
            case "gt" -> (in, a) -> a.has("scalar") ? in[0].gt(a.real("scalar")) : in[0].gt(in[1]);
            default -> (in, a) -> a.has("scalar") ? in[0].ge(a.real("scalar")) : in[0].ge(in[1]);
        };
        // small integer values in float tensors, so that ties (where eq/le/ge differ from lt/gt) occur
        OpSpec.Builder b = OpSpec.builder(name, "comparison").forward(f)
                .sample(Sample.of(uniform(FLOAT32, 0, 3, 2, 3).rounded(), uniform(FLOAT32, 0, 3, 2, 3).rounded()).named("f32 with ties"))
                .sample(Sample.of(uniform(FLOAT64, 0, 3, 3, 1).rounded(), uniform(FLOAT64, 0, 3, 1, 4).rounded()).named("f64 [3,1] with [1,4]"))
                .sample(Sample.of(vector(FLOAT32, NAN, NAN, 1, INF, -0.0), vector(FLOAT32, NAN, 1, NAN, INF, 0.0)).named("f32 NaN, inf, signed zero"))
                .sample(Sample.of(uniform(INT32, 0, 3, 2, 3), uniform(INT64, 0, 3, 3)).named("i32 with i64"))
                .sample(Sample.of(uniform(INT32, 0, 3, 4), uniform(FLOAT32, 0, 3, 4).rounded()).named("i32 with f32"))
                .sample(Sample.of(f32(4, 3).transposed(), f32(3, 8).sliced(1, 0, 8, 2)).named("transposed with strided slice"))
                .sample(Sample.of(f32(0, 2), f32(2)).named("empty"))
                .sample(Sample.of(uniform(FLOAT32, 0, 3, 2, 3).rounded()).args("scalar", 1.0).named("f32 with double 1"))
                .sample(Sample.of(ints(INT64, 5)).args("scalar", 0.5).named("i64 with double 0.5"))
                .error("[2,3] with [4]", ShapeMismatchException.class, name + ": shapes cannot be broadcast together", f32(2, 3), f32(4))
                .covers(name + "(double)");
        if (name.equals("eq") || name.equals("ne")) b.sample(Sample.of(bools(2, 3), bools(3)).named("bool with bool"));
        else b.error("bool with bool", DTypeMismatchException.class, name + ": not defined for bool", bools(3), bools(3));
        return b.build();
    }

    private static OpSpec logical(String name, BinaryOperator<Tensor> f) {
        return OpSpec.builder(name, "logical").forward((in, a) -> f.apply(in[0], in[1]))
                .sample(bools(2, 3), bools(2, 3))
                .sample(Sample.of(bools(3, 1), bools(1, 4)).named("bool [3,1] with [1,4]"))
                .sample(Sample.of(bools(4, 3).transposed(), bools(4)).named("transposed with [4]"))
                .sample(Sample.of(bools(0, 3), bools(3)).named("empty"))
                .error("f32 operands", DTypeMismatchException.class, name + ": needs bool tensors", f32(3), f32(3))
                .error("int operand", DTypeMismatchException.class, name + ": needs bool tensors", bools(3), ints(INT32, 3))
                .error("[2,3] with [4]", ShapeMismatchException.class, name + ": shapes cannot be broadcast", bools(2, 3), bools(4))
                .build();
    }

    private static OpSpec where() {
        return OpSpec.builder("where", "binary").tolerance(Tolerance.EXACT)
                .forward((in, a) -> Tensor.where(in[0], in[1], in[2]))
                .grad((v, a) -> Variable.where(v[0].value(), v[1], v[2]))
                .sample(Sample.of(bools(2, 3), f32(2, 3), f32(2, 3)).withGrad())
                .sample(Sample.of(bools(3, 1), f32(1, 4), f32()).named("cond [3,1], a [1,4], b rank 0").withGrad())
                .sample(Sample.of(bools(2, 3), f64(3), f64(2, 1)).named("f64 broadcast").withGrad())
                .sample(Sample.of(bools(4, 3).transposed(), f32(4, 3).transposed(), f32(3, 8).sliced(1, 0, 8, 2)).named("non-contiguous").withGrad())
                .sample(Sample.of(bools(2, 2), ints(INT32, 2, 2), f32(2, 2)).named("i32 with f32 promotes"))
                .sample(Sample.of(bools(5), ints(INT64, 5), ints(INT64, 5)).named("i64"))
                .sample(Sample.of(bools(4), bools(4), bools(4)).named("bool values"))
                .sample(Sample.of(bools(0, 3), f32(0, 3), f32(3)).named("empty"))
                .error("f32 condition", DTypeMismatchException.class, "where: condition must be bool", f32(3), f32(3), f32(3))
                .error("[2,3] with [4]", ShapeMismatchException.class, "where: shapes cannot be broadcast", bools(2, 3), f32(2, 3), f32(4))
                .build();
    }
}
