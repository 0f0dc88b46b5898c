package org.ganglion.testkit;

import java.lang.reflect.Array;
import java.util.Arrays;
import java.util.Locale;
import org.ganglion.core.DType;
import org.ganglion.core.Tensor;
import org.ganglion.core.spi.ComputeDevice;
import org.opentest4j.AssertionFailedError;

/**
 * A result brought back to the host: dtype, shape, elements (a host array of the dtype) and the
 * device its storage lived on. {@link #assertMatches} is the one comparison every check uses.
 */
record Outcome(DType dtype, int[] shape, Object values, ComputeDevice device) {
    /** Downloads {@code t} (on its device, through {@link Tensor#toArray()}). */
    static Outcome of(Tensor t) {
        return new Outcome(t.dtype(), t.shape(), t.toArray(), t.device());
    }

    int size() { return Array.getLength(values); }

    double get(int i) {
        return switch (dtype) {
            case FLOAT32 -> ((float[]) values)[i];
            case FLOAT64 -> ((double[]) values)[i];
            case INT32 -> ((int[]) values)[i];
            case INT64 -> ((long[]) values)[i];
            case BOOL -> ((boolean[]) values)[i] ? 1 : 0;
        };
    }

    /**
     * Fails unless this (the device's) outcome has the expected dtype and shape and every element is
     * within {@code floatTolerance} (scaled by {@link Tolerance#forDType}; exact for integer and bool).
     * The message names the first few differing elements.
     */
    void assertMatches(Outcome expected, Tolerance floatTolerance, String what) {
        if (dtype != expected.dtype)
            throw new AssertionFailedError(what + ": dtype " + dtype + ", reference " + expected.dtype, expected.dtype, dtype);
        if (!Arrays.equals(shape, expected.shape))
            throw new AssertionFailedError(what + ": shape " + Arrays.toString(shape) + ", reference " + Arrays.toString(expected.shape),
                    Arrays.toString(expected.shape), Arrays.toString(shape));
        Tolerance tol = floatTolerance.forDType(dtype);
        if (dtype == DType.INT64) { // doubles cannot hold every long
            long[] a = (long[]) values, e = (long[]) expected.values;
            if (!Arrays.equals(a, e)) throw new AssertionFailedError(what + ": int64 values differ", Arrays.toString(e), Arrays.toString(a));
            return;
        }
        StringBuilder sb = new StringBuilder();
        int bad = 0;
        for (int i = 0; i < size(); i++) {
            double a = get(i), e = expected.get(i);
            if (tol.accepts(a, e)) continue;
            if (bad++ < 5) sb.append(String.format(Locale.ROOT, "%n  [%d] device %.9g, reference %.9g (diff %.3g)", i, a, e, Math.abs(a - e)));
        }
        if (bad > 0)
            throw new AssertionFailedError(String.format(Locale.ROOT, "%s: %d of %d elements differ beyond rtol %.3g, atol %.3g (%s):%s",
                    what, bad, size(), tol.rtol(), tol.atol(), dtype, sb));
    }
}
