package org.ganglion.nn;

import java.util.Arrays;
import java.util.Locale;
import org.ganglion.core.DType;
import org.ganglion.core.Tensor;
import org.ganglion.graph.Metric;

/**
 * Streaming accuracy: the fraction of examples classified correctly since the last {@link #reset}
 * (0 before any update). Modes, with their Keras names:
 * <ul>
 *   <li>{@code binary_accuracy}: one score per example, class 1 when the score is &gt; threshold
 *       (0.5; use 0 for logits), compared with 0/1 targets;</li>
 *   <li>{@code categorical_accuracy}: argmax of {@code [..., C]} predictions against argmax of
 *       one-hot targets of the same shape;</li>
 *   <li>{@code sparse_categorical_accuracy}: argmax against integer labels {@code [...]} or {@code [..., 1]};</li>
 *   <li>{@code top_k_accuracy}: the label (or the one-hot target's argmax) is among the k highest
 *       scores (k = 5); classes tied with the k-th score count as inside, as TensorFlow's
 *       {@code in_top_k};</li>
 *   <li>{@code accuracy}: picks one of the first three from the shapes of the first update, as Keras
 *       does for {@code metrics=["accuracy"]}: a prediction with one score per example is binary;
 *       a target of lower rank, or with a last axis of 1, is sparse; otherwise categorical.</li>
 * </ul>
 * Shapes that fit none of these raise a {@code ShapeMismatchException} naming the metric.
 * Not thread-safe.
 */
public final class Accuracy implements Metric {
    public enum Mode {
        AUTO, BINARY, CATEGORICAL, SPARSE_CATEGORICAL, TOP_K;

        String metricName() {
            return switch (this) {
                case AUTO -> "accuracy";
                case TOP_K -> "top_k_accuracy";
                default -> name().toLowerCase(Locale.ROOT) + "_accuracy";
            };
        }
    }

    private final Mode mode;
    private final double threshold;
    private final int k;
    private Mode resolved;
    private long correct, total;

    private Accuracy(Mode mode, double threshold, int k) {
        if (k < 1) throw new IllegalArgumentException("top_k_accuracy: k must be >= 1, got " + k);
        this.mode = mode;
        this.threshold = threshold;
        this.k = k;
        this.resolved = mode == Mode.AUTO ? null : mode;
    }

    /** Keras {@code "accuracy"}: the mode follows from the shapes. */
    public static Accuracy auto() { return new Accuracy(Mode.AUTO, 0.5, 5); }

    public static Accuracy binary() { return binary(0.5); }

    public static Accuracy binary(double threshold) { return new Accuracy(Mode.BINARY, threshold, 5); }

    public static Accuracy categorical() { return new Accuracy(Mode.CATEGORICAL, 0.5, 5); }

    public static Accuracy sparseCategorical() { return new Accuracy(Mode.SPARSE_CATEGORICAL, 0.5, 5); }

    public static Accuracy topK(int k) { return new Accuracy(Mode.TOP_K, 0.5, k); }

    @Override
    public String name() { return mode.metricName(); }

    /** The mode in use: the configured one, or for {@code accuracy} the one chosen at the first update (null before). */
    public Mode resolvedMode() { return resolved; }

    @Override
    public void update(Tensor prediction, Tensor target) {
        int[] p = prediction.shape(), t = target.shape();
        if (resolved == null) resolved = choose(p, t);
        long[] hits = switch (resolved) {
            case BINARY -> {
                if (!Labels.isBinary(p)) throw Labels.mismatch(name(), p, t);
                yield countEqual(Labels.predicted(prediction, threshold), Labels.actual(name(), prediction, target));
            }
            case CATEGORICAL -> {
                if (Labels.isBinary(p) || !Arrays.equals(p, t)) throw Labels.mismatch(name(), p, t);
                yield countEqual(Labels.predicted(prediction, threshold), Labels.actual(name(), prediction, target));
            }
            case SPARSE_CATEGORICAL -> {
                if (!SparseCategoricalCrossentropy.isLabelShape(p, t)) throw Labels.mismatch(name(), p, t);
                yield countEqual(Labels.predicted(prediction, threshold), Labels.actual(name(), prediction, target));
            }
            case TOP_K -> topK(prediction, target);
            case AUTO -> throw new IllegalStateException();
        };
        correct += hits[0];
        total += hits[1];
    }

    private static Mode choose(int[] p, int[] t) {
        if (Labels.isBinary(p)) return Mode.BINARY;
        if (t.length < p.length || (t.length > 0 && t[t.length - 1] == 1)) return Mode.SPARSE_CATEGORICAL;
        return Mode.CATEGORICAL;
    }

    private static long[] countEqual(long[] a, long[] b) {
        long c = 0;
        for (int i = 0; i < a.length; i++) if (a[i] == b[i]) c++;
        return new long[] {c, a.length};
    }

    /** Counted on the device: an example is a hit when fewer than k scores exceed its label's score. */
    private long[] topK(Tensor prediction, Tensor target) {
        int[] p = prediction.shape();
        if (Labels.isBinary(p)) throw Labels.mismatch(name(), p, target.shape());
        long[] labels = Labels.actual(name(), prediction, target);
        int classes = p[p.length - 1];
        Tensor scores = prediction.reshape(-1, classes);
        Tensor label = Tensor.of(labels, labels.length, 1);
        Tensor labelScore = scores.gather(1, label);
        Tensor above = scores.gt(labelScore).to(DType.INT64).sum(1);
        long hits = (long) above.lt(k).to(DType.INT64).sum().item();
        return new long[] {hits, labels.length};
    }

    /** Correct / seen since the last reset; 0 when nothing was seen. */
    @Override
    public double result() { return total == 0 ? 0 : (double) correct / total; }

    public long count() { return total; }

    @Override
    public void reset() {
        correct = 0;
        total = 0;
        if (mode == Mode.AUTO) resolved = null;
    }
}
