package org.ganglion.nn;

import java.util.Arrays;
import org.ganglion.core.Tensor;
import org.ganglion.graph.Metric;

/**
 * Streaming confusion matrix, {@code matrix()[actual][predicted]} counts (scikit-learn's layout:
 * rows are true classes). Predictions and targets are read as in the accuracy metrics: one score
 * per example is binary with a threshold (0.5), {@code [..., C]} scores take the argmax; targets are
 * labels or one-hot rows. The size is {@code numClasses} when given, else it grows to the largest
 * class seen. {@link #result()} is the accuracy the matrix implies (trace / total), so the metric
 * also fits a scalar history; {@link #matrix()} is the full table. Not thread-safe.
 */
public final class ConfusionMatrix implements Metric {
    private final double threshold;
    private final boolean fixedSize;
    private long[][] counts;

    /** Grows to the classes seen. */
    public ConfusionMatrix() { this(0, 0.5); }

    /** A fixed number of classes (0 = grow as needed); labels outside raise an exception. */
    public ConfusionMatrix(int numClasses, double threshold) {
        if (numClasses < 0) throw new IllegalArgumentException("confusion_matrix: num_classes must be >= 0, got " + numClasses);
        this.fixedSize = numClasses > 0;
        this.threshold = threshold;
        this.counts = new long[numClasses][numClasses];
    }

    @Override
    public String name() { return "confusion_matrix"; }

    @Override
    public void update(Tensor prediction, Tensor target) {
        long[] actual = Labels.actual(name(), prediction, target);
        long[] predicted = Labels.predicted(prediction, threshold);
        add(actual, predicted);
    }

    /** Counts pairs of class indices directly. */
    public void add(long[] actual, long[] predicted) {
        if (actual.length != predicted.length)
            throw new IllegalArgumentException("confusion_matrix: " + actual.length + " labels but " + predicted.length + " predictions");
        long max = -1;
        for (int i = 0; i < actual.length; i++) {
            if (actual[i] < 0 || predicted[i] < 0)
                throw new IllegalArgumentException("confusion_matrix: class indices must be >= 0, got " + Math.min(actual[i], predicted[i]));
            max = Math.max(max, Math.max(actual[i], predicted[i]));
        }
        if (max >= counts.length) {
            if (fixedSize) throw new IllegalArgumentException("confusion_matrix: class " + max + " outside [0, " + counts.length + ")");
            grow((int) max + 1);
        }
        for (int i = 0; i < actual.length; i++) counts[(int) actual[i]][(int) predicted[i]]++;
    }

    private void grow(int n) {
        long[][] c = new long[n][n];
        for (int i = 0; i < counts.length; i++) System.arraycopy(counts[i], 0, c[i], 0, counts.length);
        counts = c;
    }

    /** A copy of the counts, {@code [actual][predicted]}. */
    public long[][] matrix() {
        long[][] m = new long[counts.length][];
        for (int i = 0; i < m.length; i++) m[i] = counts[i].clone();
        return m;
    }

    public int numClasses() { return counts.length; }

    public long total() { return Arrays.stream(counts).flatMapToLong(Arrays::stream).sum(); }

    /** Diagonal / total (accuracy); 0 when empty. */
    @Override
    public double result() {
        long t = total(), d = 0;
        for (int i = 0; i < counts.length; i++) d += counts[i][i];
        return t == 0 ? 0 : (double) d / t;
    }

    @Override
    public void reset() { counts = new long[fixedSize ? counts.length : 0][fixedSize ? counts.length : 0]; }

    @Override
    public String toString() { return "confusion_matrix " + Arrays.deepToString(counts); }
}
