package org.ganglion.backend.ejml;

import org.ganglion.core.spi.Activation;

/**
 * The fallback micro-kernel for JVMs started without {@code jdk.incubator.vector}: same blocking
 * and packing as the vector kernel, plain float arithmetic (one running sum per C element, in k
 * order). Slow but obviously correct; also the kernel the tests call directly.
 */
final class ScalarSgemm extends Sgemm {
    ScalarSgemm() { super(4, 8); }

    @Override String name() { return "scalar-4x8"; }

    @Override
    void kernel(float[] ap, int apo, float[] bp, int bpo, int kc, float[] c, int co, int ldc, boolean first) {
        for (int r = 0; r < mr; r++) {
            for (int j = 0; j < nr; j++) {
                float sum = first ? 0f : c[co + r * ldc + j];
                for (int p = 0; p < kc; p++) sum += ap[apo + p * mr + r] * bp[bpo + p * nr + j];
                c[co + r * ldc + j] = sum;
            }
        }
    }

    @Override
    void kernelB(float[] ap, int apo, float[] b, int bo, int ldb, int kc, float[] c, int co, int ldc, boolean first) {
        for (int r = 0; r < mr; r++) {
            for (int j = 0; j < nr; j++) {
                float sum = first ? 0f : c[co + r * ldc + j];
                for (int p = 0; p < kc; p++) sum += ap[apo + p * mr + r] * b[bo + p * ldb + j];
                c[co + r * ldc + j] = sum;
            }
        }
    }

    @Override
    void epilogue(float[] c, int co, int ldc, int rows, int cols, float[] bias, int bo, Activation act) {
        for (int r = 0; r < rows; r++) {
            int base = co + r * ldc;
            for (int j = 0; j < cols; j++) {
                float x = bias == null ? c[base + j] : c[base + j] + bias[bo + j];
                c[base + j] = activate(x, act);
            }
        }
    }
}
