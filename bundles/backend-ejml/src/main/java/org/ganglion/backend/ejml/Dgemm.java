package org.ganglion.backend.ejml;

import java.util.Arrays;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ganglion.core.spi.Activation;
import org.ganglion.core.spi.MatmulSpec;

/**
 * float64 products through EJML's {@code CommonOps_DDRM} (cache-aware row-major kernels, one
 * thread). float64 is the gradient-checking and high-accuracy path, not the training hot path, so
 * EJML's speed (≈10 GFLOP/s) is plenty; its transposed variants save us the transposes.
 */
final class Dgemm {
    private Dgemm() {}

    static void gemm(MatmulSpec s, double[] a, double[] b, double[] c, double[] bias, Activation act) {
        int batch = s.batch(), m = s.m(), n = s.n(), k = s.k();
        if (batch == 0 || m == 0 || n == 0) return;
        if (k == 0) {
            Arrays.fill(c, 0, batch * m * n, 0.0);
        } else {
            for (int bt = 0; bt < batch; bt++) {
                DMatrixRMaj ma = matrix(a, s.aOffset() + bt * s.aBatchStride(), s.transA() ? k : m, s.transA() ? m : k);
                DMatrixRMaj mb = matrix(b, s.bOffset() + bt * s.bBatchStride(), s.transB() ? n : k, s.transB() ? k : n);
                boolean direct = batch == 1 && c.length == m * n;
                DMatrixRMaj mc = direct ? DMatrixRMaj.wrap(m, n, c) : new DMatrixRMaj(m, n);
                if (!s.transA() && !s.transB()) CommonOps_DDRM.mult(ma, mb, mc);
                else if (s.transA() && !s.transB()) CommonOps_DDRM.multTransA(ma, mb, mc);
                else if (!s.transA()) CommonOps_DDRM.multTransB(ma, mb, mc);
                else CommonOps_DDRM.multTransAB(ma, mb, mc);
                if (!direct) System.arraycopy(mc.data, 0, c, bt * m * n, m * n);
            }
        }
        if (bias == null && act == Activation.NONE) return;
        for (int r = 0; r < batch * m; r++) {
            for (int j = 0, o = r * n; j < n; j++, o++) {
                double x = bias == null ? c[o] : c[o] + bias[j];
                c[o] = switch (act) {
                    case NONE -> x;
                    case RELU -> Math.max(x, 0.0);
                    case SIGMOID -> sigmoid(x);
                    case TANH -> Math.tanh(x);
                };
            }
        }
    }

    /** 1/(1+e^-x) forming e^-x only for x >= 0, as the reference device does (no overflow). */
    static double sigmoid(double x) {
        if (x >= 0) return 1.0 / (1.0 + Math.exp(-x));
        double e = Math.exp(x);
        return e / (1.0 + e);
    }

    /** The operand as an EJML matrix: the array itself when it is exactly the matrix, else a copy of the slice. */
    private static DMatrixRMaj matrix(double[] data, int offset, int rows, int cols) {
        if (offset < 0 || (long) offset + (long) rows * cols > data.length)
            throw new IndexOutOfBoundsException("matmul operand [" + offset + ", " + ((long) offset + (long) rows * cols)
                    + ") outside its buffer of " + data.length);
        if (offset == 0 && data.length == rows * cols) return DMatrixRMaj.wrap(rows, cols, data);
        DMatrixRMaj mx = new DMatrixRMaj(rows, cols);
        System.arraycopy(data, offset, mx.data, 0, rows * cols);
        return mx;
    }
}
