package org.ganglion.nn;

import java.util.Arrays;
import org.ganglion.core.DType;
import org.ganglion.core.Tensor;
import org.ganglion.graph.Metric;

/**
 * Exact area under the ROC curve, computed from every score seen since {@link #reset} (no
 * thresholds are binned, unlike Keras' {@code AUC(num_thresholds=200)}; the scores are kept on the
 * host).
 *
 * <p><b>Binary</b>: scores {@code [N]} or {@code [N, 1]} (probabilities or logits: only the order
 * matters) with 0/1 targets. The scores are sorted in decreasing order and each group of tied
 * scores becomes one ROC point, so the trapezoid rule gives ties half credit; the result equals the
 * Mann–Whitney statistic {@code P(score⁺ > score⁻) + ½·P(score⁺ = score⁻)} and scikit-learn's
 * {@code roc_auc_score}.
 *
 * <p><b>Multi-class</b>: scores {@code [N, C]} with labels or one-hot targets: the one-vs-rest
 * macro average, i.e. the mean over classes of the binary AUC of column c against
 * {@code label == c}. Classes without both positive and negative examples have no AUC and are
 * left out of the mean (scikit-learn raises an error instead). NaN when no AUC is defined.
 * Not thread-safe.
 */
public final class RocAuc implements Metric {
    private double[] scores = new double[0];
    private long[] labels = new long[0];
    private int size, classes = -1;

    @Override
    public String name() { return "roc_auc"; }

    @Override
    public void update(Tensor prediction, Tensor target) {
        int[] p = prediction.shape();
        int c = Labels.isBinary(p) ? 1 : p[p.length - 1];
        if (classes >= 0 && c != classes)
            throw Labels.mismatch(name() + " (earlier batches had " + (classes == 1 ? "binary scores" : classes + " classes") + ")", p, target.shape());
        long[] y = Labels.actual(name(), prediction, target);
        double[] s = prediction.to(DType.FLOAT64).reshape(-1).toDoubleArray();
        classes = c;
        ensure(size + y.length);
        System.arraycopy(s, 0, scores, size * c, s.length);
        System.arraycopy(y, 0, labels, size, y.length);
        size += y.length;
    }

    private void ensure(int n) {
        int c = Math.max(classes, 1);
        if (labels.length >= n) return;
        int cap = Math.max(n, labels.length * 2);
        labels = Arrays.copyOf(labels, cap);
        scores = Arrays.copyOf(scores, cap * c);
    }

    @Override
    public double result() {
        if (size == 0) return Double.NaN;
        if (classes == 1) {
            boolean[] positive = new boolean[size];
            for (int i = 0; i < size; i++) positive[i] = labels[i] == 1;
            return binaryAuc(Arrays.copyOf(scores, size), positive);
        }
        double sum = 0;
        int defined = 0;
        for (int c = 0; c < classes; c++) {
            double[] col = new double[size];
            boolean[] positive = new boolean[size];
            for (int i = 0; i < size; i++) {
                col[i] = scores[i * classes + c];
                positive[i] = labels[i] == c;
            }
            double auc = binaryAuc(col, positive);
            if (!Double.isNaN(auc)) {
                sum += auc;
                defined++;
            }
        }
        return defined == 0 ? Double.NaN : sum / defined;
    }

    /** Trapezoid area under (FPR, TPR) with one point per group of tied scores; NaN without both classes. */
    static double binaryAuc(double[] score, boolean[] positive) {
        int n = score.length;
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) order[i] = i;
        Arrays.sort(order, (a, b) -> Double.compare(score[b], score[a]));
        long pos = 0, neg = 0;
        for (boolean b : positive) if (b) pos++; else neg++;
        if (pos == 0 || neg == 0) return Double.NaN;
        double area = 0;
        long tp = 0, fp = 0;
        for (int i = 0; i < n; ) {
            long tpBefore = tp, fpBefore = fp;
            int j = i;
            while (j < n && Double.compare(score[order[j]], score[order[i]]) == 0) {
                if (positive[order[j]]) tp++; else fp++;
                j++;
            }
            area += (fp - fpBefore) * (tp + tpBefore) / 2.0;
            i = j;
        }
        return area / ((double) pos * neg);
    }

    @Override
    public void reset() {
        scores = new double[0];
        labels = new long[0];
        size = 0;
        classes = -1;
    }
}
