package org.ganglion.backend.ejml;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;
import org.ganglion.core.spi.BinaryOp;
import org.ganglion.core.spi.UnaryOp;

/**
 * {@link FloatOps} with Vector API loops. One loop per operator, because the Vector API is only
 * compiled to SIMD instructions when the operator is a constant at the call site; scalar tails
 * use the inherited scalar definitions. Float sums never use {@code reduceLanes}: its order may
 * differ between interpreted and compiled code, and sums must give the same bits on every call.
 */
final class VectorFloatOps extends FloatOps {
    private static final VectorSpecies<Float> S = VectorSgemm.S;
    private static final int L = S.length();

    @Override String name() { return "vector-" + L; }

    @Override
    void binary(BinaryOp op, float[] a, int ao, float[] b, int bo, float[] out, int oo, int len) {
        int i = 0, u = len - L;
        switch (op) {
            case ADD -> { for (; i <= u; i += L) v(a, ao + i).add(v(b, bo + i)).intoArray(out, oo + i); }
            case SUB -> { for (; i <= u; i += L) v(a, ao + i).sub(v(b, bo + i)).intoArray(out, oo + i); }
            case MUL -> { for (; i <= u; i += L) v(a, ao + i).mul(v(b, bo + i)).intoArray(out, oo + i); }
            case DIV -> { for (; i <= u; i += L) v(a, ao + i).div(v(b, bo + i)).intoArray(out, oo + i); }
            case MAX -> { for (; i <= u; i += L) v(a, ao + i).max(v(b, bo + i)).intoArray(out, oo + i); }
            case MIN -> { for (; i <= u; i += L) v(a, ao + i).min(v(b, bo + i)).intoArray(out, oo + i); }
            default -> throw new IllegalArgumentException("no fast path for " + op);
        }
        for (; i < len; i++) out[oo + i] = apply(op, a[ao + i], b[bo + i]);
    }

    @Override
    void binaryScalar(BinaryOp op, float[] a, int ao, float s, boolean scalarLeft, float[] out, int oo, int len) {
        int i = 0, u = len - L;
        FloatVector sv = FloatVector.broadcast(S, s);
        // ADD, MUL, MAX, MIN are commutative bit for bit (Math.max/min included), so only SUB and DIV care about the side
        switch (op) {
            case ADD -> { for (; i <= u; i += L) v(a, ao + i).add(sv).intoArray(out, oo + i); }
            case MUL -> { for (; i <= u; i += L) v(a, ao + i).mul(sv).intoArray(out, oo + i); }
            case MAX -> { for (; i <= u; i += L) v(a, ao + i).max(sv).intoArray(out, oo + i); }
            case MIN -> { for (; i <= u; i += L) v(a, ao + i).min(sv).intoArray(out, oo + i); }
            case SUB -> {
                if (scalarLeft) for (; i <= u; i += L) sv.sub(v(a, ao + i)).intoArray(out, oo + i);
                else for (; i <= u; i += L) v(a, ao + i).sub(sv).intoArray(out, oo + i);
            }
            case DIV -> {
                if (scalarLeft) for (; i <= u; i += L) sv.div(v(a, ao + i)).intoArray(out, oo + i);
                else for (; i <= u; i += L) v(a, ao + i).div(sv).intoArray(out, oo + i);
            }
            default -> throw new IllegalArgumentException("no fast path for " + op);
        }
        if (scalarLeft) for (; i < len; i++) out[oo + i] = apply(op, s, a[ao + i]);
        else for (; i < len; i++) out[oo + i] = apply(op, a[ao + i], s);
    }

    @Override
    void unary(UnaryOp op, float[] x, int xo, float[] out, int oo, int len) {
        int i = 0, u = len - L;
        switch (op) {
            case NEG -> { for (; i <= u; i += L) v(x, xo + i).neg().intoArray(out, oo + i); }
            case ABS -> { for (; i <= u; i += L) v(x, xo + i).abs().intoArray(out, oo + i); }
            case SQRT -> { for (; i <= u; i += L) v(x, xo + i).sqrt().intoArray(out, oo + i); }
            case RECIPROCAL -> {
                FloatVector one = FloatVector.broadcast(S, 1f);
                for (; i <= u; i += L) one.div(v(x, xo + i)).intoArray(out, oo + i);
            }
            // EXP, LOG, TANH, SIGMOID stay scalar: the Vector API's lanewise transcendentals give other
            // bits compiled (SVML) than interpreted, which would make training differ from run to run.
            case EXP, LOG, TANH, SIGMOID -> { }
            default -> throw new IllegalArgumentException("no fast path for " + op);
        }
        for (; i < len; i++) out[oo + i] = apply(op, x[xo + i]);
    }

    @Override
    float sum(float[] x, int off, int n) {
        // four independent accumulators hide the add latency; lanes are then added in a fixed order
        FloatVector s0 = FloatVector.zero(S), s1 = s0, s2 = s0, s3 = s0;
        int i = 0;
        for (; i <= n - 4 * L; i += 4 * L) {
            s0 = s0.add(v(x, off + i)); s1 = s1.add(v(x, off + i + L));
            s2 = s2.add(v(x, off + i + 2 * L)); s3 = s3.add(v(x, off + i + 3 * L));
        }
        for (; i <= n - L; i += L) s0 = s0.add(v(x, off + i));
        float[] lanes = new float[L];
        s0.add(s1).add(s2.add(s3)).intoArray(lanes, 0);
        float s = 0f;
        for (float f : lanes) s += f;
        for (; i < n; i++) s += x[off + i];
        return s;
    }

    @Override
    float max(float[] x, int off, int n) {
        FloatVector m0 = FloatVector.broadcast(S, Float.NEGATIVE_INFINITY), m1 = m0;
        int i = 0;
        for (; i <= n - 2 * L; i += 2 * L) { m0 = m0.max(v(x, off + i)); m1 = m1.max(v(x, off + i + L)); }
        for (; i <= n - L; i += L) m0 = m0.max(v(x, off + i));
        float[] lanes = new float[L];
        m0.max(m1).intoArray(lanes, 0);
        float m = Float.NEGATIVE_INFINITY;
        for (float f : lanes) m = Math.max(m, f);
        for (; i < n; i++) m = Math.max(m, x[off + i]);
        return m;
    }

    @Override
    void columns(boolean isSum, float[] x, int xo, int n, int inner, int i0, int width, float[] out, int oo) {
        java.util.Arrays.fill(out, oo, oo + width, isSum ? 0f : Float.NEGATIVE_INFINITY);
        for (int j = 0; j < n; j++) {
            int row = xo + j * inner + i0, i = 0, u = width - L;
            if (isSum) {
                for (; i <= u; i += L) v(out, oo + i).add(v(x, row + i)).intoArray(out, oo + i);
                for (; i < width; i++) out[oo + i] += x[row + i];
            } else {
                for (; i <= u; i += L) v(out, oo + i).max(v(x, row + i)).intoArray(out, oo + i);
                for (; i < width; i++) out[oo + i] = Math.max(out[oo + i], x[row + i]);
            }
        }
    }

    private static FloatVector v(float[] a, int i) { return FloatVector.fromArray(S, a, i); }
}
