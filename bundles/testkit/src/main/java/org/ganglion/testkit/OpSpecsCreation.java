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

import java.util.ArrayList;
import java.util.List;
import org.ganglion.core.DType;
import org.ganglion.core.DTypeMismatchException;
import org.ganglion.core.RandomKey;
import org.ganglion.core.ShapeMismatchException;
import org.ganglion.core.Tensor;

/**
 * Creation (fromArray/of, scalar, full, zeros, ones, arange, eye) and the counter-based random
 * draws (rand, randn, bernoulli, randint). With a fixed {@link RandomKey} a draw must give the same
 * values on every device: uniform draws, bernoulli and randint are compared exactly. randn alone
 * is allowed 1e-6 (float32) because Box-Muller goes through log, sqrt and cos, whose last ulp may
 * differ between math libraries; the Philox bits under it are checked exactly by
 * {@code DeviceConformance}'s random-bits tests.
 */
final class OpSpecsCreation {
    private OpSpecsCreation() {}

    private static int[] shape(int... s) { return s; }

    private static DType dt(Args a) { return a.get("dtype", DType.class); }

    private static RandomKey key(Args a) {
        RandomKey k = RandomKey.of(a.integer("seed"));
        return a.has("fold") ? k.fold(a.integer("fold")) : k;
    }

    static List<OpSpec> all() {
        List<OpSpec> ops = new ArrayList<>();
        ops.add(OpSpec.builder("fromArray", "creation").forward((in, a) -> in[0])
                .sample(f32(2, 3)).sample(f64(4)).sample(ints(INT32, 3, 1)).sample(ints(INT64, 2)).sample(bools(2, 2)).sample(f32(0, 4))
                .errorCall("values do not fill the shape", ShapeMismatchException.class, "fromArray: 3 values do not fill shape [2, 2]",
                        (in, a) -> Tensor.of(new float[] {1, 2, 3}, 2, 2))
                .errorCall("not an array", IllegalArgumentException.class, "not a host array", (in, a) -> Tensor.fromArray("text"))
                .covers("of")
                .build());
        ops.add(OpSpec.builder("full", "creation").forward((in, a) -> Tensor.full(a.real("value"), dt(a), a.ints("shape")))
                .sample(Sample.of().args("value", 1.5, "dtype", FLOAT32, "shape", shape(2, 3)))
                .sample(Sample.of().args("value", -7.9, "dtype", INT32, "shape", shape(4)).named("i32 truncates"))
                .sample(Sample.of().args("value", 3.0, "dtype", BOOL, "shape", shape(2)))
                .sample(Sample.of().args("value", Double.NaN, "dtype", FLOAT64, "shape", shape()))
                .sample(Sample.of().args("value", 1e300, "dtype", FLOAT32, "shape", shape(2)).named("f32 overflow to inf"))
                .sample(Sample.of().args("value", 2.0, "dtype", INT64, "shape", shape(0, 3)))
                .covers("scalar")
                .build());
        ops.add(OpSpec.builder("zeros", "creation")
                .forward((in, a) -> a.has("dtype") ? Tensor.zeros(dt(a), a.ints("shape")) : Tensor.zeros(a.ints("shape")))
                .sample(Sample.of().args("shape", shape(2, 3))).sample(Sample.of().args("dtype", INT64, "shape", shape(3)))
                .sample(Sample.of().args("dtype", BOOL, "shape", shape(1, 2))).build());
        ops.add(OpSpec.builder("ones", "creation")
                .forward((in, a) -> a.has("dtype") ? Tensor.ones(dt(a), a.ints("shape")) : Tensor.ones(a.ints("shape")))
                .sample(Sample.of().args("shape", shape(2, 3))).sample(Sample.of().args("dtype", FLOAT64, "shape", shape()))
                .sample(Sample.of().args("dtype", INT32, "shape", shape(0))).build());
        ops.add(OpSpec.builder("scalar", "creation")
                .forward((in, a) -> a.has("dtype") ? Tensor.scalar(a.real("value"), dt(a)) : Tensor.scalar(a.real("value")))
                .sample(Sample.of().args("value", 0.1)).sample(Sample.of().args("value", -3.0, "dtype", INT64)).build());
        ops.add(OpSpec.builder("arange", "creation")
                .forward((in, a) -> a.has("n") ? Tensor.arange(a.integer("n"))
                        : Tensor.arange(a.real("start"), a.real("end"), a.real("step"), dt(a)))
                .sample(Sample.of().args("n", 7))
                .sample(Sample.of().args("start", 0.0, "end", 1.0, "step", 0.25, "dtype", FLOAT32))
                .sample(Sample.of().args("start", 5.0, "end", 0.0, "step", -1.5, "dtype", FLOAT64).named("negative step"))
                .sample(Sample.of().args("start", -3.0, "end", 3.0, "step", 2.0, "dtype", INT32))
                .sample(Sample.of().args("start", 2.0, "end", 1.0, "step", 1.0, "dtype", INT64).named("empty"))
                .errorCall("zero step", IllegalArgumentException.class, "arange: need finite bounds and a non-zero step",
                        (in, a) -> Tensor.arange(0, 1, 0, FLOAT32))
                .build());
        ops.add(OpSpec.builder("eye", "creation").forward((in, a) -> Tensor.eye(a.integer("n"), dt(a)))
                .sample(Sample.of().args("n", 3, "dtype", FLOAT32)).sample(Sample.of().args("n", 1, "dtype", INT32))
                .sample(Sample.of().args("n", 0, "dtype", FLOAT64)).build());
        ops.addAll(random());
        return ops;
    }

    private static List<OpSpec> random() {
        List<OpSpec> ops = new ArrayList<>();
        for (String name : List.of("rand", "randn")) {
            boolean normal = name.equals("randn");
            ops.add(OpSpec.builder(name, "random").tolerance(normal ? new Tolerance(1e-6, 1e-6) : Tolerance.EXACT)
                    .forward((in, a) -> normal ? Tensor.randn(key(a), dt(a), a.ints("shape")) : Tensor.rand(key(a), dt(a), a.ints("shape")))
                    .sample(Sample.of().args("seed", 0, "dtype", FLOAT32, "shape", shape(1000)))
                    .sample(Sample.of().args("seed", 42, "dtype", FLOAT64, "shape", shape(3, 7)))
                    .sample(Sample.of().args("seed", 42, "fold", 5, "dtype", FLOAT32, "shape", shape(2, 2, 5)))
                    .sample(Sample.of().args("seed", -1, "dtype", FLOAT64, "shape", shape(257)))
                    .sample(Sample.of().args("seed", 7, "dtype", FLOAT32, "shape", shape(0)))
                    .error("int dtype", DTypeMismatchException.class, "random: need a floating dtype",
                            Args.of("seed", 0, "dtype", INT32, "shape", shape(3)))
                    .build());
        }
        ops.add(OpSpec.builder("bernoulli", "random")
                .forward((in, a) -> Tensor.bernoulli(key(a), a.real("p"), dt(a), a.ints("shape")))
                .sample(Sample.of().args("seed", 1, "p", 0.3, "dtype", FLOAT32, "shape", shape(500)))
                .sample(Sample.of().args("seed", 2, "p", 0.5, "dtype", BOOL, "shape", shape(4, 8)))
                .sample(Sample.of().args("seed", 3, "p", 0.0, "dtype", INT64, "shape", shape(16)))
                .sample(Sample.of().args("seed", 3, "p", 1.0, "dtype", FLOAT64, "shape", shape(16)))
                .error("p above 1", IllegalArgumentException.class, "bernoulli: p must be in [0, 1]",
                        Args.of("seed", 0, "p", 1.5, "dtype", FLOAT32, "shape", shape(3)))
                .build());
        ops.add(OpSpec.builder("randint", "random")
                .forward((in, a) -> Tensor.randint(key(a), a.integer("low"), a.integer("high"), a.ints("shape")))
                .sample(Sample.of().args("seed", 4, "low", -3, "high", 7, "shape", shape(300)))
                .sample(Sample.of().args("seed", 5, "low", 0, "high", 2, "shape", shape(8, 8)))
                .sample(Sample.of().args("seed", 6, "low", 1000000, "high", 1000001, "shape", shape(5)).named("one value"))
                .error("empty range", IllegalArgumentException.class, "randint: need low < high",
                        Args.of("seed", 0, "low", 3, "high", 3, "shape", shape(3)))
                .build());
        return ops;
    }
}
