package org.ganglion.core.host;

import org.ganglion.core.spi.ReduceOp;

/** The reduction loops of {@link HostDevice#reduce}: {@code x[outer, n, inner] -> out[outer, inner]}. */
final class HostReduce {
    private HostReduce() {}

    static void reduce(ReduceOp op, Elements x, int outer, int n, int inner, Elements out) {
        boolean floating = x.dtype().isFloating();
        for (int o = 0; o < outer; o++)
            for (int i = 0; i < inner; i++) {
                int base = o * n * inner + i, at = o * inner + i;
                if (op.isArg()) out.setLong(at, arg(op == ReduceOp.ARGMAX, x, base, n, inner));
                else if (floating) out.setDouble(at, floating(op, x, base, n, inner));
                else out.setLong(at, integral(op, x, base, n, inner));
            }
    }

    /** Each step rounds to the dtype, so a float32 sum is the float sum in index order. */
    private static double floating(ReduceOp op, Elements x, int base, int n, int inner) {
        double acc = switch (op) {
            case SUM -> 0.0;
            case PROD -> 1.0;
            case MAX -> Double.NEGATIVE_INFINITY;
            case MIN -> Double.POSITIVE_INFINITY;
            default -> throw new AssertionError(op);
        };
        for (int j = 0; j < n; j++) {
            double v = x.getDouble(base + j * inner);
            acc = switch (op) {
                case SUM -> x.round(acc + v);
                case PROD -> x.round(acc * v);
                case MAX -> Math.max(acc, v);   // Math.max/min propagate NaN
                default -> Math.min(acc, v);
            };
        }
        return acc;
    }

    /** Wrapping arithmetic in long; narrowing to int32 afterwards gives the int result. */
    private static long integral(ReduceOp op, Elements x, int base, int n, int inner) {
        long acc = switch (op) {
            case SUM -> 0;
            case PROD -> 1;
            case MAX -> x.lowest();
            case MIN -> x.highest();
            default -> throw new AssertionError(op);
        };
        for (int j = 0; j < n; j++) {
            long v = x.getLong(base + j * inner);
            acc = switch (op) {
                case SUM -> acc + v;
                case PROD -> acc * v;
                case MAX -> Math.max(acc, v);
                default -> Math.min(acc, v);
            };
        }
        return acc;
    }

    /** First index of the maximum (minimum); NaN ranks above every number, so ARGMAX finds the first NaN. */
    private static long arg(boolean max, Elements x, int base, int n, int inner) {
        int best = 0;
        for (int j = 1; j < n; j++) {
            int a = base + j * inner, b = base + best * inner;
            boolean better;
            if (x.dtype().isFloating()) {
                double v = x.getDouble(a), w = x.getDouble(b);
                better = max ? (Double.isNaN(v) && !Double.isNaN(w)) || v > w
                             : !Double.isNaN(v) && (Double.isNaN(w) || v < w);
            } else {
                long v = x.getLong(a), w = x.getLong(b);
                better = max ? v > w : v < w;
            }
            if (better) best = j;
        }
        return best;
    }
}
