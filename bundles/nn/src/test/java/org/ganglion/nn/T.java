package org.ganglion.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.ganglion.core.DType;
import org.ganglion.core.RandomKey;
import org.ganglion.core.Tensor;

/** Test inputs and comparisons. */
final class T {
    private T() {}

    static Tensor d(double... v) { return Tensor.of(v, v.length); }

    static Tensor d(int[] shape, double... v) { return Tensor.of(v, shape); }

    static Tensor labels(long... v) { return Tensor.of(v, v.length); }

    static Tensor randn(long seed, int... shape) { return Tensor.randn(RandomKey.of(seed), DType.FLOAT64, shape); }

    static Tensor uniform(long seed, double lo, double hi, int... shape) {
        return Tensor.rand(RandomKey.of(seed), DType.FLOAT64, shape).mul(hi - lo).add(lo);
    }

    static void close(double[] expected, Tensor actual, double tol) {
        double[] a = actual.toDoubleArray();
        assertEquals(expected.length, a.length, "element count");
        for (int i = 0; i < a.length; i++) assertEquals(expected[i], a[i], tol, "element " + i);
    }

    static double mean(double[] v) {
        double s = 0;
        for (double x : v) s += x;
        return s / v.length;
    }

    static double variance(double[] v) {
        double m = mean(v), s = 0;
        for (double x : v) s += (x - m) * (x - m);
        return s / v.length;
    }
}
