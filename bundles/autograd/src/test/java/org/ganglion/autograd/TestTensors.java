package org.ganglion.autograd;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.ganglion.core.DType;
import org.ganglion.core.RandomKey;
import org.ganglion.core.Tensor;

/** Deterministic float64 test inputs and array comparisons. */
final class TestTensors {
    private TestTensors() {}

    /** Standard normal values from a fixed key. */
    static Tensor randn(long seed, int... shape) { return Tensor.randn(RandomKey.of(seed), DType.FLOAT64, shape); }

    /** Uniform values in [lo, hi) from a fixed key. */
    static Tensor uniform(long seed, double lo, double hi, int... shape) {
        return Tensor.rand(RandomKey.of(seed), DType.FLOAT64, shape).mul(hi - lo).add(lo);
    }

    static Tensor of(double... v) { return Tensor.of(v, v.length); }

    static Tensor longs(int[] shape, long... v) { return Tensor.of(v, shape); }

    static void assertValues(double[] expected, Tensor actual, double tol) {
        double[] a = actual.toDoubleArray();
        assertEquals(expected.length, a.length, "element count");
        for (int i = 0; i < a.length; i++) assertEquals(expected[i], a[i], tol, "element " + i);
    }
}
