package org.ganglion.backend.ejml;

import org.ganglion.core.DType;
import org.ganglion.core.host.HostBuffer;
import org.ganglion.core.spi.BinaryOp;

/**
 * Plain loops for contiguous dtype conversions and float32 comparisons, the hot cases of masks
 * (ReLU's gradient, accuracy counts) that the reference loops handle element by element through
 * interfaces. Semantics as {@link org.ganglion.core.spi.ComputeDevice#copy} and {@link BinaryOp}.
 */
final class Conversions {
    private Conversions() {}

    /** Converts {@code n} contiguous elements; false when the pair of types has no loop here. */
    static boolean convert(HostBuffer s, int so, HostBuffer d, int dOff, int n) {
        DType from = s.dtype(), to = d.dtype();
        if (to == DType.FLOAT32) {
            float[] o = d.f32();
            switch (from) {
                case BOOL -> { boolean[] x = s.bool(); for (int i = 0; i < n; i++) o[dOff + i] = x[so + i] ? 1f : 0f; }
                case FLOAT64 -> { double[] x = s.f64(); for (int i = 0; i < n; i++) o[dOff + i] = (float) x[so + i]; }
                case INT32 -> { int[] x = s.i32(); for (int i = 0; i < n; i++) o[dOff + i] = x[so + i]; }
                case INT64 -> { long[] x = s.i64(); for (int i = 0; i < n; i++) o[dOff + i] = x[so + i]; }
                default -> { return false; }
            }
            return true;
        }
        if (to == DType.FLOAT64 && from == DType.FLOAT32) {
            float[] x = s.f32();
            double[] o = d.f64();
            for (int i = 0; i < n; i++) o[dOff + i] = x[so + i];
            return true;
        }
        if (to == DType.BOOL && from == DType.FLOAT32) {
            float[] x = s.f32();
            boolean[] o = d.bool();
            for (int i = 0; i < n; i++) o[dOff + i] = x[so + i] != 0;
            return true;
        }
        return false;
    }

    /** {@code out[i] = a[ao+i] op b[bo+i]} (or {@code b[bo]} when {@code scalarB}) for float32 comparisons. */
    static void compare(BinaryOp op, float[] a, int ao, float[] b, int bo, boolean scalarB, boolean[] out, int n) {
        for (int i = 0; i < n; i++) {
            float x = a[ao + i], y = scalarB ? b[bo] : b[bo + i];
            out[i] = switch (op) {
                case EQ -> x == y;
                case NE -> x != y;
                case LT -> x < y;
                case LE -> x <= y;
                case GT -> x > y;
                case GE -> x >= y;
                default -> throw new IllegalArgumentException("not a comparison: " + op);
            };
        }
    }
}
