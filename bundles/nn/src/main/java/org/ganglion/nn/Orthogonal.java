package org.ganglion.nn;

import java.util.Arrays;
import org.ganglion.core.DType;
import org.ganglion.core.RandomKey;
import org.ganglion.core.ShapeMismatchException;
import org.ganglion.core.Tensor;
import org.ganglion.graph.Initializer;

/**
 * Random orthogonal weights (Saxe et al. 2014, "Exact solutions to the nonlinear dynamics of
 * learning in deep linear neural networks"), as Keras' {@code Orthogonal}: the parameter is viewed
 * as a matrix of {@code rows = prod(shape[:-1])} by {@code cols = shape[-1]}; a standard normal
 * matrix of {@code max(rows, cols) × min(rows, cols)} is QR-factorised, Q's columns are multiplied
 * by the signs of R's diagonal (which makes Q Haar-distributed), Q is transposed when
 * {@code rows < cols}, and the result is scaled by {@code gain}. So {@code WᵀW = gain²·I} when
 * rows ≥ cols and {@code WWᵀ = gain²·I} otherwise.
 *
 * <p>The QR runs on the host in float64 with Householder reflections (EJML is not a dependency of
 * this bundle); the normal draws come from the device's counter-based generator, so the result
 * depends only on the key.
 */
public record Orthogonal(double gain) implements Initializer {
    @Override
    public Tensor initialize(int[] shape, DType dtype, RandomKey key) {
        if (shape.length < 2)
            throw ShapeMismatchException.of("orthogonal", "needs a parameter of rank 2 or more", shape);
        int cols = shape[shape.length - 1], rows = Math.toIntExact(Arrays.stream(shape, 0, shape.length - 1).asLongStream()
                .reduce(1, Math::multiplyExact));
        int m = Math.max(rows, cols), n = Math.min(rows, cols);
        double[] a = Tensor.randn(key, dtype, m, n).toDoubleArray();
        double[] q = orthonormalColumns(a, m, n);
        double[] w = new double[rows * cols];
        for (int i = 0; i < m; i++)
            for (int j = 0; j < n; j++) {
                double v = gain * q[i * n + j];
                if (rows >= cols) w[i * cols + j] = v; // W = Q [m = rows, n = cols]
                else w[j * cols + i] = v;              // W = Qᵀ [n = rows, m = cols]
            }
        Object host = dtype == DType.FLOAT64 ? w : toFloats(w);
        return Tensor.fromArray(host, shape);
    }

    /**
     * Q·diag(sign(diag R)) for the thin QR of the row-major {@code m × n} matrix {@code a} (m ≥ n),
     * as a row-major {@code m × n} array. Householder: {@code H_k = I - 2vvᵀ/vᵀv} zeroes column k
     * below the diagonal; Q is {@code H_0 ⋯ H_{n-1}} applied to the first n columns of I.
     */
    static double[] orthonormalColumns(double[] a, int m, int n) {
        double[][] v = new double[n][];
        double[] rDiag = new double[n];
        for (int k = 0; k < n; k++) {
            double norm = 0;
            for (int i = k; i < m; i++) norm += a[i * n + k] * a[i * n + k];
            norm = Math.sqrt(norm);
            double alpha = a[k * n + k] > 0 ? -norm : norm; // the sign that avoids cancellation in v[0]
            double[] vk = new double[m - k];
            for (int i = k; i < m; i++) vk[i - k] = a[i * n + k];
            vk[0] -= alpha;
            double vv = dot(vk, vk);
            rDiag[k] = alpha;
            if (vv == 0) continue; // column already reduced: H_k = I
            v[k] = vk;
            for (int j = k; j < n; j++) {
                double s = 0;
                for (int i = k; i < m; i++) s += vk[i - k] * a[i * n + j];
                s = 2 * s / vv;
                for (int i = k; i < m; i++) a[i * n + j] -= s * vk[i - k];
            }
        }
        double[] q = new double[m * n];
        for (int j = 0; j < n; j++) q[j * n + j] = 1;
        for (int k = n - 1; k >= 0; k--) {
            if (v[k] == null) continue;
            double vv = dot(v[k], v[k]);
            for (int j = 0; j < n; j++) {
                double s = 0;
                for (int i = k; i < m; i++) s += v[k][i - k] * q[i * n + j];
                s = 2 * s / vv;
                for (int i = k; i < m; i++) q[i * n + j] -= s * v[k][i - k];
            }
        }
        for (int j = 0; j < n; j++) {
            double sign = Math.signum(rDiag[j]);
            for (int i = 0; i < m; i++) q[i * n + j] *= sign;
        }
        return q;
    }

    private static double dot(double[] x, double[] y) {
        double s = 0;
        for (int i = 0; i < x.length; i++) s += x[i] * y[i];
        return s;
    }

    private static float[] toFloats(double[] d) {
        float[] f = new float[d.length];
        for (int i = 0; i < d.length; i++) f[i] = (float) d[i];
        return f;
    }
}
