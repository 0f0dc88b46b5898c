package org.ganglion.testkit;

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
 * Indexing: gather, scatterAdd, indexSelect, indexAdd (int32 and int64 indices, duplicates, empty
 * indices, non-contiguous sources), concat and pad. Index values out of range must raise an
 * {@link IndexOutOfBoundsException} from the device kernel naming the index. Accumulating ops
 * (scatterAdd, indexAdd) may add duplicates in any order: {@link Tolerance#accumulation}(4).
 */
final class OpSpecsIndexing {
    private OpSpecsIndexing() {}

    static List<OpSpec> all() {
        List<OpSpec> ops = new ArrayList<>();
        ops.add(gather());
        ops.add(scatterAdd());
        ops.add(indexSelect());
        ops.add(indexAdd());
        ops.add(concat());
        ops.add(pad());
        return ops;
    }

    /** Index values in {@code [0, bound)}. */
    private static TensorSource idx(org.ganglion.core.DType t, int bound, int... shape) { return uniform(t, 0, bound, shape); }

    private static OpSpec gather() {
        return OpSpec.builder("gather", "indexing").forward((in, a) -> in[0].gather(a.integer("axis"), in[1]))
                .grad((v, a) -> v[0].gather(a.integer("axis"), v[1].value()))
                .sample(Sample.of(f32(3, 4), idx(INT64, 4, 3, 2)).args("axis", 1).withGrad())
                .sample(Sample.of(f32(3, 4), idx(INT32, 3, 5, 4)).args("axis", 0).named("axis 0, i32 index, more rows than x").withGrad())
                .sample(Sample.of(f64(2, 3, 4), idx(INT64, 3, 2, 6, 4)).args("axis", -2).withGrad())
                .sample(Sample.of(f32(4, 3).transposed(), idx(INT64, 4, 3, 2)).args("axis", 1).named("transposed x").withGrad())
                .sample(Sample.of(ints(INT64, 3, 4), idx(INT32, 4, 3, 3)).args("axis", 1).named("int values"))
                .sample(Sample.of(f32(3, 4), values(INT64, new int[] {3, 0})).args("axis", 1).named("empty index"))
                .error("index too large", IndexOutOfBoundsException.class, "index 4", Args.of("axis", 1), f32(2, 4), values(INT64, new int[] {2, 1}, 0, 4))
                .error("negative index", IndexOutOfBoundsException.class, "index -1", Args.of("axis", 0), f32(2, 4), values(INT32, new int[] {1, 4}, 0, 1, -1, 0))
                .error("float index", DTypeMismatchException.class, "gather: index must be int32 or int64", Args.of("axis", 1), f32(2, 4), f32(2, 1))
                .error("index shape", ShapeMismatchException.class, "gather: index must match the input", Args.of("axis", 1), f32(2, 4), idx(INT64, 4, 3, 1))
                .build();
    }

    private static OpSpec scatterAdd() {
        return OpSpec.builder("scatterAdd", "indexing").tolerance(Tolerance.accumulation(4))
                .forward((in, a) -> in[0].scatterAdd(a.integer("axis"), in[1], in[2]))
                .grad((v, a) -> v[0].scatterAdd(a.integer("axis"), v[1].value(), v[2]))
                .sample(Sample.of(f32(3, 5), idx(INT64, 5, 3, 4), f32(3, 4)).args("axis", 1).withGrad())
                .sample(Sample.of(f64(3, 2), idx(INT32, 3, 6, 2), f64(6, 2)).args("axis", 0).named("axis 0, i32 index").withGrad())
                .sample(Sample.of(f32(4), vector(INT64, 1, 1, 1, 3, 1), f32(5)).args("axis", 0).named("duplicates accumulate").withGrad())
                .sample(Sample.of(f32(3, 5).transposed(), idx(INT64, 3, 5, 2), f32(2, 5).transposed()).args("axis", 1).named("transposed").withGrad())
                .sample(Sample.of(ints(INT32, 2, 3), idx(INT64, 3, 2, 2), ints(INT32, 2, 2)).args("axis", 1).named("int values"))
                .sample(Sample.of(ints(INT64, 3), vector(INT64, 0, 2), f32(2)).args("axis", 0).named("f32 src into i64 x converts"))
                .sample(Sample.of(f32(2, 3), values(INT64, new int[] {2, 0}), f32(2, 0)).args("axis", 1).named("empty index"))
                .error("index too large", IndexOutOfBoundsException.class, "index 3", Args.of("axis", 0), f32(3), vector(INT64, 0, 3), f32(2))
                .error("index and src shapes", ShapeMismatchException.class, "scatterAdd: index and src must have the same shape",
                        Args.of("axis", 0), f32(3), vector(INT64, 0, 1), f32(3))
                .error("float index", DTypeMismatchException.class, "scatterAdd: index must be int32 or int64", Args.of("axis", 0), f32(3), f32(2), f32(2))
                .build();
    }

    private static OpSpec indexSelect() {
        return OpSpec.builder("indexSelect", "indexing").forward((in, a) -> in[0].indexSelect(a.integer("axis"), in[1]))
                .grad((v, a) -> v[0].indexSelect(a.integer("axis"), v[1].value()))
                .sample(Sample.of(f32(4, 3), vector(INT64, 3, 0, 3, 1, 2)).args("axis", 0).named("duplicates").withGrad())
                .sample(Sample.of(f64(2, 5), idx(INT32, 5, 3)).args("axis", 1).withGrad())
                .sample(Sample.of(f32(2, 3, 4), idx(INT64, 3, 4)).args("axis", -2).withGrad())
                .sample(Sample.of(f32(3, 4).transposed(), idx(INT64, 4, 2)).args("axis", 0).named("transposed x").withGrad())
                .sample(Sample.of(bools(3, 2), vector(INT32, 2, 2)).args("axis", 0).named("bool values"))
                .sample(Sample.of(f32(3, 2), values(INT64, new int[] {0})).args("axis", 0).named("empty index"))
                .error("index too large", IndexOutOfBoundsException.class, "index 4", Args.of("axis", 0), f32(4, 2), vector(INT64, 0, 4))
                .error("2-D index", ShapeMismatchException.class, "indexSelect: index must be 1-D", Args.of("axis", 0), f32(4, 2), idx(INT64, 4, 1, 2))
                .error("float index", DTypeMismatchException.class, "indexSelect: index must be int32 or int64", Args.of("axis", 0), f32(4, 2), f32(2))
                .build();
    }

    private static OpSpec indexAdd() {
        return OpSpec.builder("indexAdd", "indexing").tolerance(Tolerance.accumulation(4))
                .forward((in, a) -> in[0].indexAdd(a.integer("axis"), in[1], in[2]))
                .grad((v, a) -> v[0].indexAdd(a.integer("axis"), v[1].value(), v[2]))
                .sample(Sample.of(f32(4, 3), vector(INT64, 3, 0, 3, 1, 3), f32(5, 3)).args("axis", 0).named("duplicates").withGrad())
                .sample(Sample.of(f64(2, 5), idx(INT32, 5, 3), f64(2, 3)).args("axis", 1).withGrad())
                .sample(Sample.of(f32(3, 4).transposed(), idx(INT64, 4, 2), f32(2, 3)).args("axis", 0).named("transposed x").withGrad())
                .sample(Sample.of(ints(INT32, 3, 2), vector(INT64, 2, 2), ints(INT32, 2, 2)).args("axis", 0).named("int values"))
                .sample(Sample.of(f32(3, 2), values(INT64, new int[] {0}), f32(0, 2)).args("axis", 0).named("empty index"))
                .error("index too large", IndexOutOfBoundsException.class, "index 4", Args.of("axis", 0), f32(4, 2), vector(INT64, 4), f32(1, 2))
                .error("src shape", ShapeMismatchException.class, "indexAdd: need a 1-D index", Args.of("axis", 0), f32(4, 2), vector(INT64, 0, 1), f32(3, 2))
                .error("float index", DTypeMismatchException.class, "indexAdd: index must be int32 or int64", Args.of("axis", 0), f32(4, 2), f32(1), f32(1, 2))
                .build();
    }

    private static OpSpec concat() {
        return OpSpec.builder("concat", "indexing").forward((in, a) -> Tensor.concat(a.integer("axis"), in))
                .grad((v, a) -> Variable.concat(a.integer("axis"), v))
                .sample(Sample.of(f32(2, 3), f32(1, 3)).args("axis", 0))
                .sample(Sample.of(f64(2, 3), f64(2, 2), f64(2, 1)).args("axis", -1).named("three parts, last axis"))
                .sample(Sample.of(f32(3, 2).transposed(), f32(4, 2).transposed()).args("axis", 1).named("transposed parts"))
                .sample(Sample.of(f32(2, 3), f32(0, 3), f32(1, 3)).args("axis", 0).named("with an empty part").noGrad())
                .sample(Sample.of(f32(3), ints(INT32, 2)).args("axis", 0).named("f32 with i32 promotes"))
                .sample(Sample.of(bools(2), bools(3)).args("axis", 0).named("bool"))
                .sample(Sample.of(ints(INT64, 2, 2)).args("axis", 1).named("one part"))
                .error("shapes differ off the axis", ShapeMismatchException.class, "concat: shapes must match except along axis 0",
                        Args.of("axis", 0), f32(2, 3), f32(2, 4))
                .error("axis out of range", ShapeMismatchException.class, "concat: axis 2 is out of range", Args.of("axis", 2), f32(2, 3), f32(2, 3))
                .errorCall("no parts", IllegalArgumentException.class, "concat: needs at least one tensor", (in, a) -> Tensor.concat(0))
                .build();
    }

    private static int[] ax(int... a) { return a; }

    private static OpSpec pad() {
        return OpSpec.builder("pad", "indexing").forward((in, a) -> in[0].pad(a.ints("before"), a.ints("after"), a.real("value")))
                .grad((v, a) -> v[0].pad(a.ints("before"), a.ints("after"), a.real("value")))
                .sample(Sample.of(f32(2, 3)).args("before", ax(1, 0), "after", ax(0, 2), "value", 0.0))
                .sample(Sample.of(f64(2, 3, 2)).args("before", ax(0, 1, 1), "after", ax(1, 1, 0), "value", -1.5))
                .sample(Sample.of(f32(3, 2).transposed()).args("before", ax(1, 1), "after", ax(1, 1), "value", Double.NEGATIVE_INFINITY)
                        .named("transposed, -inf fill").noGrad())
                .sample(Sample.of(ints(INT32, 2, 2)).args("before", ax(0, 3), "after", ax(2, 0), "value", 7.0))
                .sample(Sample.of(f32(0, 2)).args("before", ax(1, 0), "after", ax(1, 0), "value", 3.0).named("empty input").noGrad())
                .sample(Sample.of(f32()).args("before", ax(), "after", ax(), "value", 0.0).named("rank 0"))
                .sample(Sample.of(f32(3)).args("before", ax(0), "after", ax(0), "value", 0.0).named("nothing to pad"))
                .error("amounts per dimension", ShapeMismatchException.class, "pad: need one before/after amount per dimension",
                        Args.of("before", ax(1), "after", ax(1), "value", 0.0), f32(2, 3))
                .error("negative amount", IllegalArgumentException.class, "pad: amounts must be non-negative",
                        Args.of("before", ax(-1, 0), "after", ax(0, 0), "value", 0.0), f32(2, 3))
                .build();
    }
}
