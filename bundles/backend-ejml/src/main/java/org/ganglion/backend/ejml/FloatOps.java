package org.ganglion.backend.ejml;

import java.util.EnumSet;
import java.util.Set;
import org.ganglion.core.spi.Activation;
import org.ganglion.core.spi.BinaryOp;
import org.ganglion.core.spi.UnaryOp;

/**
 * Elementwise and reduction kernels on contiguous float ranges: the hot cases of the CPU device.
 * This class is the scalar version (plain loops, used when the Vector API is absent); the vector
 * version overrides the loops. Threading is the caller's business: every method works on one range.
 *
 * <p>Exact operations (+ − × ÷, max, min, neg, abs, sqrt, reciprocal) give the same bits as any
 * IEEE implementation; transcendental ones are within a few ulps of {@code (float) Math.f(x)}.
 */
class FloatOps {
    static final Set<BinaryOp> BINARY = EnumSet.of(BinaryOp.ADD, BinaryOp.SUB, BinaryOp.MUL, BinaryOp.DIV, BinaryOp.MAX, BinaryOp.MIN);
    static final Set<UnaryOp> UNARY = EnumSet.of(UnaryOp.NEG, UnaryOp.ABS, UnaryOp.SQRT, UnaryOp.RECIPROCAL,
            UnaryOp.EXP, UnaryOp.LOG, UnaryOp.TANH, UnaryOp.SIGMOID);

    String name() { return "scalar"; }

    static float apply(BinaryOp op, float x, float y) {
        return switch (op) {
            case ADD -> x + y;
            case SUB -> x - y;
            case MUL -> x * y;
            case DIV -> x / y;
            case MAX -> Math.max(x, y);
            case MIN -> Math.min(x, y);
            default -> throw new IllegalArgumentException("no fast path for " + op);
        };
    }

    static float apply(UnaryOp op, float x) {
        return switch (op) {
            case NEG -> -x;
            case ABS -> Math.abs(x);
            case SQRT -> (float) Math.sqrt(x);
            case RECIPROCAL -> 1f / x;
            case EXP -> (float) Math.exp(x);
            case LOG -> (float) Math.log(x);
            case TANH -> (float) StrictMath.tanh(x);
            case SIGMOID -> Sgemm.activate(x, Activation.SIGMOID);
            default -> throw new IllegalArgumentException("no fast path for " + op);
        };
    }

    /** {@code out[oo+i] = a[ao+i] op b[bo+i]}, i &lt; len. */
    void binary(BinaryOp op, float[] a, int ao, float[] b, int bo, float[] out, int oo, int len) {
        for (int i = 0; i < len; i++) out[oo + i] = apply(op, a[ao + i], b[bo + i]);
    }

    /** {@code out = a op s} or, with {@code scalarLeft}, {@code out = s op a}. */
    void binaryScalar(BinaryOp op, float[] a, int ao, float s, boolean scalarLeft, float[] out, int oo, int len) {
        if (scalarLeft) for (int i = 0; i < len; i++) out[oo + i] = apply(op, s, a[ao + i]);
        else for (int i = 0; i < len; i++) out[oo + i] = apply(op, a[ao + i], s);
    }

    /** {@code out[oo+i] = op(x[xo+i])}. */
    void unary(UnaryOp op, float[] x, int xo, float[] out, int oo, int len) {
        for (int i = 0; i < len; i++) out[oo + i] = apply(op, x[xo + i]);
    }

    /** Sum of {@code x[off .. off+n)} in a fixed order (n &gt; 0). */
    float sum(float[] x, int off, int n) {
        float s = 0f;
        for (int i = 0; i < n; i++) s += x[off + i];
        return s;
    }

    /** Maximum of {@code x[off .. off+n)} with {@link Math#max} semantics (NaN wins; n &gt; 0). */
    float max(float[] x, int off, int n) {
        float m = Float.NEGATIVE_INFINITY;
        for (int i = 0; i < n; i++) m = Math.max(m, x[off + i]);
        return m;
    }

    /**
     * Column reduction of a row-major {@code [n, inner]} block at {@code xo}, columns
     * {@code [i0, i0+width)}: {@code out[oo+i] = x[0][i] ∘ x[1][i] ∘ ...} starting from 0 (SUM) or
     * −∞ (MAX), rows in order — the same order as a sequential loop, hence the same bits.
     */
    void columns(boolean isSum, float[] x, int xo, int n, int inner, int i0, int width, float[] out, int oo) {
        java.util.Arrays.fill(out, oo, oo + width, isSum ? 0f : Float.NEGATIVE_INFINITY);
        for (int j = 0; j < n; j++) {
            int row = xo + j * inner + i0;
            if (isSum) for (int i = 0; i < width; i++) out[oo + i] += x[row + i];
            else for (int i = 0; i < width; i++) out[oo + i] = Math.max(out[oo + i], x[row + i]);
        }
    }
}
