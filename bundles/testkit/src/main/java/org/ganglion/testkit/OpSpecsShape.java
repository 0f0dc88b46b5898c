package org.ganglion.testkit;

import static org.ganglion.core.DType.BOOL;
import static org.ganglion.core.DType.FLOAT32;
import static org.ganglion.core.DType.FLOAT64;
import static org.ganglion.core.DType.INT32;
import static org.ganglion.core.DType.INT64;
import static org.ganglion.testkit.TensorSource.bools;
import static org.ganglion.testkit.TensorSource.f32;
import static org.ganglion.testkit.TensorSource.f64;
import static org.ganglion.testkit.TensorSource.ints;
import static org.ganglion.testkit.TensorSource.vector;

import java.util.ArrayList;
import java.util.List;
import org.ganglion.core.DType;
import org.ganglion.core.ShapeMismatchException;
import org.ganglion.core.Tensor;

/**
 * Views and data movement: reshape, flatten, transpose, t, permute, slice (with steps and negative
 * indices), expand, squeeze, unsqueeze, contiguous, copy, and {@code to(dtype)} conversions. All
 * exact: a device only moves and converts elements here (its {@code copy} kernel, reached through
 * {@link Tensor#toArray()} for every non-dense view).
 */
final class OpSpecsShape {
    private OpSpecsShape() {}

    private static int[] ax(int... a) { return a; }

    static List<OpSpec> all() {
        List<OpSpec> ops = new ArrayList<>();
        ops.add(OpSpec.builder("reshape", "shape").forward((in, a) -> in[0].reshape(a.ints("shape")))
                .grad((v, a) -> v[0].reshape(a.ints("shape")))
                .sample(Sample.of(f32(2, 3, 4)).args("shape", ax(6, 4)).named("view [2,3,4] to [6,4]"))
                .sample(Sample.of(f32(2, 3, 4)).args("shape", ax(4, -1, 2)).named("inferred -1"))
                .sample(Sample.of(f32(4, 3).transposed()).args("shape", ax(12)).named("transposed needs a copy"))
                .sample(Sample.of(f64(6, 4).sliced(0, 0, 6, 2)).args("shape", ax(2, 6)).named("strided slice"))
                .sample(Sample.of(f32(1)).args("shape", ax()).named("to rank 0"))
                .sample(Sample.of(f32(0, 3)).args("shape", ax(3, 0)).named("empty").noGrad())
                .sample(Sample.of(ints(INT64, 2, 3)).args("shape", ax(3, 2)))
                .sample(Sample.of(bools(2, 2)).args("shape", ax(4)))
                .error("wrong element count", ShapeMismatchException.class, "reshape: 6 elements do not fit", Args.of("shape", ax(4)), f32(2, 3))
                .error("two -1", ShapeMismatchException.class, "reshape: only one dimension may be -1", Args.of("shape", ax(-1, -1)), f32(2, 3))
                .build());
        ops.add(OpSpec.builder("flatten", "shape").forward((in, a) -> in[0].flatten()).grad((v, a) -> v[0].flatten())
                .sample(f32(2, 3, 4)).sample(f32(3, 4).transposed()).sample(f64()).build());
        ops.add(OpSpec.builder("transpose", "shape").forward((in, a) -> in[0].transpose(a.integer("a0"), a.integer("a1")))
                .grad((v, a) -> v[0].transpose(a.integer("a0"), a.integer("a1")))
                .sample(Sample.of(f32(2, 3, 4)).args("a0", 0, "a1", 2))
                .sample(Sample.of(f64(2, 3, 4)).args("a0", -1, "a1", -2))
                .sample(Sample.of(ints(INT32, 3, 4)).args("a0", 1, "a1", 1))
                .error("axis out of range", ShapeMismatchException.class, "transpose: axis 3 is out of range", Args.of("a0", 0, "a1", 3), f32(2, 3))
                .build());
        ops.add(OpSpec.builder("t", "shape").forward((in, a) -> in[0].t()).grad((v, a) -> v[0].t())
                .sample(f32(3, 4)).sample(f64(4, 3).transposed()).sample(f32(0, 2))
                .error("3-D input", ShapeMismatchException.class, "t: needs a 2-D tensor", f32(2, 3, 4))
                .build());
        ops.add(OpSpec.builder("permute", "shape").forward((in, a) -> in[0].permute(a.ints("order")))
                .grad((v, a) -> v[0].permute(a.ints("order")))
                .sample(Sample.of(f32(2, 3, 4)).args("order", ax(2, 0, 1)))
                .sample(Sample.of(f64(2, 4, 3).transposed()).args("order", ax(1, 2, 0)).named("of a transposed view"))
                .sample(Sample.of(f32(2, 1, 3, 2)).args("order", ax(-1, 0, 2, 1)).named("negative axis"))
                .error("repeated axis", ShapeMismatchException.class, "permute: axis 0 repeated", Args.of("order", ax(0, 0, 1)), f32(2, 3, 4))
                .error("too few axes", ShapeMismatchException.class, "permute: order", Args.of("order", ax(1, 0)), f32(2, 3, 4))
                .build());
        ops.add(slice());
        ops.add(OpSpec.builder("expand", "shape").forward((in, a) -> in[0].expand(a.ints("shape")))
                .grad((v, a) -> v[0].expand(a.ints("shape")))
                .sample(Sample.of(f32(3, 1)).args("shape", ax(2, 3, 4)))
                .sample(Sample.of(f64(3)).args("shape", ax(2, 3)))
                .sample(Sample.of(f32()).args("shape", ax(2, 2)).named("rank 0"))
                .sample(Sample.of(f32(1, 4).transposed()).args("shape", ax(4, 3)).named("transposed"))
                .sample(Sample.of(ints(INT64, 1, 2)).args("shape", ax(3, 2)))
                .sample(Sample.of(f32(1, 2)).args("shape", ax(0, 2)).named("to empty").noGrad())
                .error("non-1 dimension", ShapeMismatchException.class, "expand: dimension 1 of size 2 cannot become 4", Args.of("shape", ax(3, 4)), f32(3, 2))
                .error("fewer dimensions", ShapeMismatchException.class, "expand: target has fewer dimensions", Args.of("shape", ax(3)), f32(2, 3))
                .build());
        ops.add(OpSpec.builder("squeeze", "shape")
                .forward((in, a) -> a.has("axis") ? in[0].squeeze(a.integer("axis")) : in[0].squeeze())
                .grad((v, a) -> a.has("axis") ? v[0].squeeze(a.integer("axis")) : v[0].squeeze())
                .sample(f32(1, 3, 1, 2))
                .sample(Sample.of(f32(1, 3, 1, 2)).args("axis", 2))
                .sample(Sample.of(f64(3, 1).transposed()).args("axis", -2).named("transposed, negative axis"))
                .sample(f32(1, 1).labelled("all size-1 to rank 0"))
                .error("size is not 1", ShapeMismatchException.class, "squeeze: dimension 1 has size 3", Args.of("axis", 1), f32(1, 3))
                .build());
        ops.add(OpSpec.builder("unsqueeze", "shape").forward((in, a) -> in[0].unsqueeze(a.integer("axis")))
                .grad((v, a) -> v[0].unsqueeze(a.integer("axis")))
                .sample(Sample.of(f32(2, 3)).args("axis", 0))
                .sample(Sample.of(f32(2, 3)).args("axis", -1))
                .sample(Sample.of(f64(3, 2).transposed()).args("axis", 1).named("transposed, middle"))
                .sample(Sample.of(f32()).args("axis", 0).named("rank 0"))
                .error("axis out of range", ShapeMismatchException.class, "unsqueeze: axis 4 is out of range", Args.of("axis", 4), f32(2, 3))
                .build());
        ops.add(OpSpec.builder("contiguous", "shape").forward((in, a) -> in[0].contiguous())
                .sample(f32(3, 4).transposed()).sample(f64(6, 4).sliced(1, 1, 4, 2)).sample(ints(INT32, 2, 2)).sample(f32(0, 3)).build());
        ops.add(OpSpec.builder("copy", "shape").forward((in, a) -> in[0].copy())
                .sample(f32(3, 4)).sample(f32(3, 4).transposed()).sample(bools(5)).sample(ints(INT64, 3, 1).view(".expand(3,2)", t -> t.expand(3, 2)))
                .build());
        ops.add(conversions());
        return ops;
    }

    private static OpSpec slice() {
        return OpSpec.builder("slice", "shape")
                .forward((in, a) -> in[0].slice(a.integer("axis"), a.integer("start"), a.integer("end"), a.integer("step")))
                .grad((v, a) -> v[0].slice(a.integer("axis"), a.integer("start"), a.integer("end"), a.integer("step")))
                .sample(Sample.of(f32(6, 4)).args("axis", 0, "start", 1, "end", 6, "step", 2))
                .sample(Sample.of(f32(6, 4)).args("axis", 1, "start", -3, "end", -1, "step", 1).named("negative indices"))
                .sample(Sample.of(f64(5, 7)).args("axis", -1, "start", 0, "end", 100, "step", 3).named("end past the size"))
                .sample(Sample.of(f32(6, 4).transposed()).args("axis", 1, "start", 1, "end", 5, "step", 2).named("of a transposed view"))
                .sample(Sample.of(f32(6, 4)).args("axis", 0, "start", 3, "end", 1, "step", 1).named("empty (end before start)").noGrad())
                .sample(Sample.of(ints(INT32, 9)).args("axis", 0, "start", 2, "end", 9, "step", 4))
                .error("zero step", IllegalArgumentException.class, "slice: step must be positive",
                        Args.of("axis", 0, "start", 0, "end", 2, "step", 0), f32(4))
                .error("axis out of range", ShapeMismatchException.class, "slice: axis 2 is out of range",
                        Args.of("axis", 2, "start", 0, "end", 2, "step", 1), f32(4, 4))
                .build();
    }

    private static OpSpec conversions() {
        OpSpec.Builder b = OpSpec.builder("to", "conversion").forward((in, a) -> in[0].to(a.get("dtype", DType.class)))
                .grad((v, a) -> v[0].to(a.get("dtype", DType.class)));
        TensorSource truncation = vector(FLOAT32, -2.7, -0.5, -0.0, 0.5, 2.7, 1e6 + 0.5);
        TensorSource special = vector(FLOAT64, Double.NaN, 0, -0.0, 1e-300, 1e300, 0.1);
        // float64 targets are the identity-like conversions the gradient check can differentiate
        b.sample(Sample.of(f32(2, 3)).args("dtype", FLOAT64))
                .sample(Sample.of(f32(3, 4).transposed()).args("dtype", FLOAT64).named("transposed f32 to f64"))
                .sample(Sample.of(f64(2, 3)).args("dtype", FLOAT32).noGrad())
                .sample(Sample.of(special).args("dtype", FLOAT32).named("f64 edge values to f32 (rounding, overflow to inf)").noGrad())
                .sample(Sample.of(truncation).args("dtype", INT32).named("f32 to i32 truncates toward zero").noGrad())
                .sample(Sample.of(truncation).args("dtype", INT64).noGrad())
                .sample(Sample.of(truncation).args("dtype", BOOL).named("f32 to bool is != 0").noGrad())
                .sample(Sample.of(special).args("dtype", BOOL).named("f64 NaN to bool is true").noGrad())
                .sample(Sample.of(ints(INT64, 2, 3)).args("dtype", FLOAT32))
                .sample(Sample.of(ints(INT32, 2, 3).transposed()).args("dtype", INT64))
                .sample(Sample.of(vector(INT64, 3, -4, 1L << 40)).args("dtype", FLOAT64).named("i64 to f64"))
                .sample(Sample.of(bools(4)).args("dtype", INT32))
                .sample(Sample.of(bools(2, 2).transposed()).args("dtype", FLOAT64))
                .sample(Sample.of(ints(INT32, 4)).args("dtype", BOOL))
                .sample(Sample.of(f32(2, 2)).args("dtype", FLOAT32).named("same dtype is the identity").noGrad())
                .sample(Sample.of(f32(0, 2)).args("dtype", INT32).named("empty").noGrad());
        return b.covers("toArray", "toFloatArray", "toDoubleArray", "toIntArray", "toLongArray", "toBooleanArray").build();
    }
}
