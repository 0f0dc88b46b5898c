package org.ganglion.nn;

import java.util.Locale;
import org.ganglion.core.Tensor;
import org.ganglion.graph.Metric;

/**
 * Streaming precision, recall and F1 from a {@link ConfusionMatrix}. Per class c:
 * {@code precision = TP/(TP+FP)}, {@code recall = TP/(TP+FN)}, {@code F1 = 2PR/(P+R)}, each 0 when its
 * denominator is 0 (scikit-learn's {@code zero_division=0}). Averages ({@code average} option):
 * <ul>
 *   <li>{@code binary}: the value for the positive class ({@code pos_label}, default 1);</li>
 *   <li>{@code micro}: from the summed TP, FP, FN over classes (equals accuracy for single-label data);</li>
 *   <li>{@code macro}: the unweighted mean of the per-class values (classes never seen, neither
 *       predicted nor true, are skipped, as scikit-learn does for the labels it finds);</li>
 *   <li>{@code weighted}: the mean weighted by each class's true count;</li>
 *   <li>{@code auto} (default): binary for one-score-per-example predictions, else macro.</li>
 * </ul>
 * {@link #perClass()} gives every class's value; a {@code class_id} makes {@link #result()} that
 * class's value (Keras' {@code class_id}). Not thread-safe.
 */
public final class ClassificationMetric implements Metric {
    public enum Kind { PRECISION, RECALL, F1 }

    public enum Average { AUTO, BINARY, MICRO, MACRO, WEIGHTED;
        public static Average parse(String s) {
            for (Average a : values()) if (a.name().equalsIgnoreCase(s)) return a;
            throw new IllegalArgumentException("average must be auto, binary, micro, macro or weighted, got '" + s + "'");
        }
    }

    private final Kind kind;
    private final Average average;
    private final int positiveLabel, classId;
    private final ConfusionMatrix matrix;
    private boolean binaryShaped;

    /** @param classId a class whose value {@link #result()} returns, or -1 for the {@code average} */
    public ClassificationMetric(Kind kind, Average average, int positiveLabel, int classId, int numClasses, double threshold) {
        this.kind = kind;
        this.average = average;
        this.positiveLabel = positiveLabel;
        this.classId = classId;
        this.matrix = new ConfusionMatrix(numClasses, threshold);
    }

    public static ClassificationMetric precision() { return new ClassificationMetric(Kind.PRECISION, Average.AUTO, 1, -1, 0, 0.5); }

    public static ClassificationMetric recall() { return new ClassificationMetric(Kind.RECALL, Average.AUTO, 1, -1, 0, 0.5); }

    public static ClassificationMetric f1(Average average) { return new ClassificationMetric(Kind.F1, average, 1, -1, 0, 0.5); }

    @Override
    public String name() { return kind.name().toLowerCase(Locale.ROOT); }

    @Override
    public void update(Tensor prediction, Tensor target) {
        binaryShaped = Labels.isBinary(prediction.shape());
        matrix.update(prediction, target);
    }

    /** The confusion matrix behind the values. */
    public long[][] confusionMatrix() { return matrix.matrix(); }

    /** The value of every class 0 … n-1. */
    public double[] perClass() {
        long[][] m = matrix.matrix();
        double[] v = new double[m.length];
        for (int c = 0; c < m.length; c++) v[c] = value(tp(m, c), fp(m, c), fn(m, c));
        return v;
    }

    @Override
    public double result() {
        long[][] m = matrix.matrix();
        if (classId >= 0) return classId < m.length ? value(tp(m, classId), fp(m, classId), fn(m, classId)) : 0;
        Average a = average == Average.AUTO ? (binaryShaped ? Average.BINARY : Average.MACRO) : average;
        switch (a) {
            case BINARY:
                return positiveLabel < m.length ? value(tp(m, positiveLabel), fp(m, positiveLabel), fn(m, positiveLabel)) : 0;
            case MICRO: {
                long tp = 0, fp = 0, fn = 0;
                for (int c = 0; c < m.length; c++) { tp += tp(m, c); fp += fp(m, c); fn += fn(m, c); }
                return value(tp, fp, fn);
            }
            default: {
                double sum = 0, weights = 0;
                for (int c = 0; c < m.length; c++) {
                    long support = tp(m, c) + fn(m, c);
                    if (support + fp(m, c) == 0) continue; // class absent from targets and predictions
                    double w = a == Average.WEIGHTED ? support : 1;
                    sum += w * value(tp(m, c), fp(m, c), fn(m, c));
                    weights += w;
                }
                return weights == 0 ? 0 : sum / weights;
            }
        }
    }

    private double value(long tp, long fp, long fn) {
        double p = tp + fp == 0 ? 0 : (double) tp / (tp + fp);
        double r = tp + fn == 0 ? 0 : (double) tp / (tp + fn);
        return switch (kind) {
            case PRECISION -> p;
            case RECALL -> r;
            case F1 -> 2 * tp + fp + fn == 0 ? 0 : 2.0 * tp / (2 * tp + fp + fn); // = 2PR/(P+R), without 0/0
        };
    }

    private static long tp(long[][] m, int c) { return m[c][c]; }

    private static long fp(long[][] m, int c) {
        long s = 0;
        for (int a = 0; a < m.length; a++) if (a != c) s += m[a][c];
        return s;
    }

    private static long fn(long[][] m, int c) {
        long s = 0;
        for (int p = 0; p < m.length; p++) if (p != c) s += m[c][p];
        return s;
    }

    @Override
    public void reset() { matrix.reset(); }
}
