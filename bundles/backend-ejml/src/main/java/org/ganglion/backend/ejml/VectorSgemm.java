package org.ganglion.backend.ejml;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;
import org.ganglion.core.spi.Activation;

/**
 * The Vector API micro-kernel: a 4-row × 4-vector register block (16 accumulators; 64 columns with
 * 512-bit vectors), one FMA per accumulator per k, A values broadcast from the packed panel. Only
 * loaded after checking that {@code jdk.incubator.vector} is in the boot layer.
 */
final class VectorSgemm extends Sgemm {
    static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    static final int L = S.length();
    private static final int MR = 4, NR = 4 * L;

    VectorSgemm() { super(MR, NR); }

    @Override String name() { return "vector-" + MR + "x" + NR; }

    // Written out (no loops over r or v) so that C2 keeps the 16 accumulators in registers. Addresses
    // are recomputed from co and ldc at the loads and stores instead of being held in locals across
    // the k loop: with four extra live row pointers C2 ran ~20% slower (measured: 166 vs 201 GFLOP/s).
    @Override
    void kernel(float[] ap, int apo, float[] bp, int bpo, int kc, float[] c, int co, int ldc, boolean first) {
        FloatVector c00, c01, c02, c03, c10, c11, c12, c13, c20, c21, c22, c23, c30, c31, c32, c33;
        if (first) {
            c00 = c01 = c02 = c03 = c10 = c11 = c12 = c13 = c20 = c21 = c22 = c23 = c30 = c31 = c32 = c33 = FloatVector.zero(S);
        } else {
            c00 = FloatVector.fromArray(S, c, co + 0 * ldc + 0 * L);
            c01 = FloatVector.fromArray(S, c, co + 0 * ldc + 1 * L);
            c02 = FloatVector.fromArray(S, c, co + 0 * ldc + 2 * L);
            c03 = FloatVector.fromArray(S, c, co + 0 * ldc + 3 * L);
            c10 = FloatVector.fromArray(S, c, co + 1 * ldc + 0 * L);
            c11 = FloatVector.fromArray(S, c, co + 1 * ldc + 1 * L);
            c12 = FloatVector.fromArray(S, c, co + 1 * ldc + 2 * L);
            c13 = FloatVector.fromArray(S, c, co + 1 * ldc + 3 * L);
            c20 = FloatVector.fromArray(S, c, co + 2 * ldc + 0 * L);
            c21 = FloatVector.fromArray(S, c, co + 2 * ldc + 1 * L);
            c22 = FloatVector.fromArray(S, c, co + 2 * ldc + 2 * L);
            c23 = FloatVector.fromArray(S, c, co + 2 * ldc + 3 * L);
            c30 = FloatVector.fromArray(S, c, co + 3 * ldc + 0 * L);
            c31 = FloatVector.fromArray(S, c, co + 3 * ldc + 1 * L);
            c32 = FloatVector.fromArray(S, c, co + 3 * ldc + 2 * L);
            c33 = FloatVector.fromArray(S, c, co + 3 * ldc + 3 * L);
        }
        for (int p = 0, ao = apo, bo = bpo; p < kc; p++, ao += MR, bo += NR) {
            FloatVector b0 = FloatVector.fromArray(S, bp, bo + 0 * L);
            FloatVector b1 = FloatVector.fromArray(S, bp, bo + 1 * L);
            FloatVector b2 = FloatVector.fromArray(S, bp, bo + 2 * L);
            FloatVector b3 = FloatVector.fromArray(S, bp, bo + 3 * L);
            FloatVector x = FloatVector.broadcast(S, ap[ao + 0]);
            c00 = x.fma(b0, c00); c01 = x.fma(b1, c01); c02 = x.fma(b2, c02); c03 = x.fma(b3, c03);
            x = FloatVector.broadcast(S, ap[ao + 1]);
            c10 = x.fma(b0, c10); c11 = x.fma(b1, c11); c12 = x.fma(b2, c12); c13 = x.fma(b3, c13);
            x = FloatVector.broadcast(S, ap[ao + 2]);
            c20 = x.fma(b0, c20); c21 = x.fma(b1, c21); c22 = x.fma(b2, c22); c23 = x.fma(b3, c23);
            x = FloatVector.broadcast(S, ap[ao + 3]);
            c30 = x.fma(b0, c30); c31 = x.fma(b1, c31); c32 = x.fma(b2, c32); c33 = x.fma(b3, c33);
        }
        c00.intoArray(c, co + 0 * ldc + 0 * L); c01.intoArray(c, co + 0 * ldc + 1 * L); c02.intoArray(c, co + 0 * ldc + 2 * L); c03.intoArray(c, co + 0 * ldc + 3 * L);
        c10.intoArray(c, co + 1 * ldc + 0 * L); c11.intoArray(c, co + 1 * ldc + 1 * L); c12.intoArray(c, co + 1 * ldc + 2 * L); c13.intoArray(c, co + 1 * ldc + 3 * L);
        c20.intoArray(c, co + 2 * ldc + 0 * L); c21.intoArray(c, co + 2 * ldc + 1 * L); c22.intoArray(c, co + 2 * ldc + 2 * L); c23.intoArray(c, co + 2 * ldc + 3 * L);
        c30.intoArray(c, co + 3 * ldc + 0 * L); c31.intoArray(c, co + 3 * ldc + 1 * L); c32.intoArray(c, co + 3 * ldc + 2 * L); c33.intoArray(c, co + 3 * ldc + 3 * L);
    }

    /** {@link #kernel} reading B in place (row stride {@code ldb}) instead of from a packed panel. */
    @Override
    void kernelB(float[] ap, int apo, float[] bp, int bpo, int ldb, int kc, float[] c, int co, int ldc, boolean first) {
        FloatVector c00, c01, c02, c03, c10, c11, c12, c13, c20, c21, c22, c23, c30, c31, c32, c33;
        if (first) {
            c00 = c01 = c02 = c03 = c10 = c11 = c12 = c13 = c20 = c21 = c22 = c23 = c30 = c31 = c32 = c33 = FloatVector.zero(S);
        } else {
            c00 = FloatVector.fromArray(S, c, co + 0 * ldc + 0 * L);
            c01 = FloatVector.fromArray(S, c, co + 0 * ldc + 1 * L);
            c02 = FloatVector.fromArray(S, c, co + 0 * ldc + 2 * L);
            c03 = FloatVector.fromArray(S, c, co + 0 * ldc + 3 * L);
            c10 = FloatVector.fromArray(S, c, co + 1 * ldc + 0 * L);
            c11 = FloatVector.fromArray(S, c, co + 1 * ldc + 1 * L);
            c12 = FloatVector.fromArray(S, c, co + 1 * ldc + 2 * L);
            c13 = FloatVector.fromArray(S, c, co + 1 * ldc + 3 * L);
            c20 = FloatVector.fromArray(S, c, co + 2 * ldc + 0 * L);
            c21 = FloatVector.fromArray(S, c, co + 2 * ldc + 1 * L);
            c22 = FloatVector.fromArray(S, c, co + 2 * ldc + 2 * L);
            c23 = FloatVector.fromArray(S, c, co + 2 * ldc + 3 * L);
            c30 = FloatVector.fromArray(S, c, co + 3 * ldc + 0 * L);
            c31 = FloatVector.fromArray(S, c, co + 3 * ldc + 1 * L);
            c32 = FloatVector.fromArray(S, c, co + 3 * ldc + 2 * L);
            c33 = FloatVector.fromArray(S, c, co + 3 * ldc + 3 * L);
        }
        for (int p = 0, ao = apo, bo = bpo; p < kc; p++, ao += MR, bo += ldb) {
            FloatVector b0 = FloatVector.fromArray(S, bp, bo + 0 * L);
            FloatVector b1 = FloatVector.fromArray(S, bp, bo + 1 * L);
            FloatVector b2 = FloatVector.fromArray(S, bp, bo + 2 * L);
            FloatVector b3 = FloatVector.fromArray(S, bp, bo + 3 * L);
            FloatVector x = FloatVector.broadcast(S, ap[ao + 0]);
            c00 = x.fma(b0, c00); c01 = x.fma(b1, c01); c02 = x.fma(b2, c02); c03 = x.fma(b3, c03);
            x = FloatVector.broadcast(S, ap[ao + 1]);
            c10 = x.fma(b0, c10); c11 = x.fma(b1, c11); c12 = x.fma(b2, c12); c13 = x.fma(b3, c13);
            x = FloatVector.broadcast(S, ap[ao + 2]);
            c20 = x.fma(b0, c20); c21 = x.fma(b1, c21); c22 = x.fma(b2, c22); c23 = x.fma(b3, c23);
            x = FloatVector.broadcast(S, ap[ao + 3]);
            c30 = x.fma(b0, c30); c31 = x.fma(b1, c31); c32 = x.fma(b2, c32); c33 = x.fma(b3, c33);
        }
        c00.intoArray(c, co + 0 * ldc + 0 * L); c01.intoArray(c, co + 0 * ldc + 1 * L); c02.intoArray(c, co + 0 * ldc + 2 * L); c03.intoArray(c, co + 0 * ldc + 3 * L);
        c10.intoArray(c, co + 1 * ldc + 0 * L); c11.intoArray(c, co + 1 * ldc + 1 * L); c12.intoArray(c, co + 1 * ldc + 2 * L); c13.intoArray(c, co + 1 * ldc + 3 * L);
        c20.intoArray(c, co + 2 * ldc + 0 * L); c21.intoArray(c, co + 2 * ldc + 1 * L); c22.intoArray(c, co + 2 * ldc + 2 * L); c23.intoArray(c, co + 2 * ldc + 3 * L);
        c30.intoArray(c, co + 3 * ldc + 0 * L); c31.intoArray(c, co + 3 * ldc + 1 * L); c32.intoArray(c, co + 3 * ldc + 2 * L); c33.intoArray(c, co + 3 * ldc + 3 * L);
    }

    @Override
    void epilogue(float[] c, int co, int ldc, int rows, int cols, float[] bias, int bo, Activation act) {
        epilogueV(c, co, ldc, rows, cols, bias, bo, act);
    }

    static void epilogueV(float[] c, int co, int ldc, int rows, int cols, float[] bias, int bo, Activation act) {
        // transcendental activations stay scalar, for bits that do not depend on JIT state
        boolean vectorAct = act == Activation.NONE || act == Activation.RELU;
        for (int r = 0; r < rows; r++) {
            int base = co + r * ldc, j = 0;
            for (; vectorAct && j <= cols - L; j += L) {
                FloatVector v = FloatVector.fromArray(S, c, base + j);
                if (bias != null) v = v.add(FloatVector.fromArray(S, bias, bo + j));
                (act == Activation.RELU ? v.max(0f) : v).intoArray(c, base + j);
            }
            for (; j < cols; j++) {
                float x = bias == null ? c[base + j] : c[base + j] + bias[bo + j];
                c[base + j] = activate(x, act);
            }
        }
    }
}
