package org.ganglion.nn;

import java.util.Arrays;
import java.util.Locale;
import org.ganglion.core.ShapeMismatchException;
import org.ganglion.core.Tensor;
import org.ganglion.graph.Metric;

/**
 * Streaming regression metrics over predictions and targets of equal shape {@code [N, ...]}:
 * <ul>
 *   <li>{@code mse}: mean of {@code (ŷ - y)²} over every element seen;</li>
 *   <li>{@code mae}: mean of {@code |ŷ - y|};</li>
 *   <li>{@code r2}: the coefficient of determination {@code 1 - SS_res/SS_tot} per output (the last
 *       axis; a rank-1 prediction is one output), averaged uniformly over outputs as scikit-learn's
 *       {@code r2_score} and Keras' {@code R2Score}. A constant target (SS_tot = 0) scores 1 when
 *       predicted exactly and 0 otherwise (scikit-learn's {@code force_finite}).</li>
 * </ul>
 * Batches are combined exactly (Chan et al.'s pairwise update of the mean and the sum of squared
 * deviations), so streaming gives the same value as one pass over all data. Not thread-safe.
 */
public final class RegressionMetric implements Metric {
    public enum Kind { MSE, MAE, R2 }

    private final Kind kind;
    private double errorSum;
    private long elements;
    // per output column, for R²
    private long n;
    private double[] mean, m2, ssRes;

    public RegressionMetric(Kind kind) { this.kind = kind; }

    @Override
    public String name() { return kind.name().toLowerCase(Locale.ROOT); }

    @Override
    public void update(Tensor prediction, Tensor target) {
        int[] p = prediction.shape(), t = target.shape();
        if (!Arrays.equals(p, t))
            throw new ShapeMismatchException(name() + ": prediction " + Arrays.toString(p) + " and target " + Arrays.toString(t) + " differ");
        double[] yp = prediction.toDoubleArray(), y = target.toDoubleArray();
        for (int i = 0; i < y.length; i++) {
            double e = yp[i] - y[i];
            errorSum += kind == Kind.MAE ? Math.abs(e) : e * e;
        }
        elements += y.length;
        if (kind == Kind.R2) updateR2(yp, y, p.length <= 1 ? 1 : p[p.length - 1]);
    }

    private void updateR2(double[] yp, double[] y, int outputs) {
        if (mean == null) {
            mean = new double[outputs];
            m2 = new double[outputs];
            ssRes = new double[outputs];
        } else if (mean.length != outputs) {
            throw new ShapeMismatchException("r2: earlier batches had " + mean.length + " outputs, this one " + outputs);
        }
        int rows = y.length / Math.max(outputs, 1);
        for (int c = 0; c < outputs; c++) {
            double bMean = 0;
            for (int r = 0; r < rows; r++) bMean += y[r * outputs + c];
            bMean /= rows;
            double bM2 = 0;
            for (int r = 0; r < rows; r++) {
                double d = y[r * outputs + c] - bMean, e = yp[r * outputs + c] - y[r * outputs + c];
                bM2 += d * d;
                ssRes[c] += e * e;
            }
            double delta = bMean - mean[c];
            long total = n + rows;
            mean[c] += delta * rows / total;
            m2[c] += bM2 + delta * delta * n * rows / total;
        }
        n += rows;
    }

    @Override
    public double result() {
        if (kind != Kind.R2) return elements == 0 ? 0 : errorSum / elements;
        if (mean == null || n == 0) return Double.NaN;
        double sum = 0;
        for (int c = 0; c < mean.length; c++) sum += m2[c] == 0 ? (ssRes[c] == 0 ? 1 : 0) : 1 - ssRes[c] / m2[c];
        return sum / mean.length;
    }

    @Override
    public void reset() {
        errorSum = 0;
        elements = 0;
        n = 0;
        mean = m2 = ssRes = null;
    }
}
