package org.ganglion.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.ganglion.core.DType;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;

class ToleranceTest {
    @Test
    void nanMeetsOnlyNanAndInfinitiesMustMatch() {
        Tolerance t = Tolerance.TRANSCENDENTAL;
        assertTrue(t.accepts(Double.NaN, Double.NaN));
        assertFalse(t.accepts(1, Double.NaN));
        assertFalse(t.accepts(Double.NaN, 1));
        assertTrue(t.accepts(Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY));
        assertFalse(t.accepts(Double.MAX_VALUE, Double.POSITIVE_INFINITY));
        assertFalse(t.accepts(Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY));
    }

    @Test
    void relativeAndAbsoluteSlackAndFloat64Scaling() {
        Tolerance t = Tolerance.ELEMENTWISE;
        assertTrue(t.accepts(1.0000009, 1));
        assertFalse(t.accepts(1.00001, 1));
        assertTrue(t.accepts(5e-8, 0));
        assertFalse(Tolerance.EXACT.accepts(Math.nextUp(1.0), 1));
        Tolerance f64 = t.forDType(DType.FLOAT64);
        assertEquals(1e-6 / (1 << 29), f64.rtol(), 1e-30);
        assertTrue(t.forDType(DType.INT32).isExact());
        assertEquals(24e-6, Tolerance.accumulation(24).rtol(), 1e-18);
    }

    @Test
    void outcomesCompareDtypeShapeAndValues() {
        Outcome a = new Outcome(DType.FLOAT32, new int[] {2}, new float[] {1, 2}, null);
        a.assertMatches(new Outcome(DType.FLOAT32, new int[] {2}, new float[] {1, 2.000001f}, null), Tolerance.ELEMENTWISE, "close");
        assertThrows(AssertionFailedError.class, () -> a.assertMatches(new Outcome(DType.FLOAT32, new int[] {2}, new float[] {1, 2.001f}, null),
                Tolerance.ELEMENTWISE, "far"));
        assertThrows(AssertionFailedError.class, () -> a.assertMatches(new Outcome(DType.FLOAT64, new int[] {2}, new double[] {1, 2}, null),
                Tolerance.ELEMENTWISE, "dtype"));
        assertThrows(AssertionFailedError.class, () -> a.assertMatches(new Outcome(DType.FLOAT32, new int[] {1, 2}, new float[] {1, 2}, null),
                Tolerance.ELEMENTWISE, "shape"));
        Outcome l = new Outcome(DType.INT64, new int[] {1}, new long[] {Long.MAX_VALUE}, null);
        assertThrows(AssertionFailedError.class, () -> l.assertMatches(new Outcome(DType.INT64, new int[] {1}, new long[] {Long.MAX_VALUE - 1}, null),
                Tolerance.TRANSCENDENTAL, "int64 is exact"));
    }
}
