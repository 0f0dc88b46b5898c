package org.ganglion.nn;

import java.util.Arrays;
import org.ganglion.core.DType;
import org.ganglion.core.ShapeMismatchException;
import org.ganglion.core.Tensor;

/**
 * How classification metrics read predictions and targets. A prediction is <em>binary</em> when
 * it has one score per example ({@code [N]} or {@code [..., 1]}): class 1 when the score exceeds
 * the threshold (Keras uses {@code >}). Otherwise it is {@code [..., C]} and the class is the
 * argmax (first on ties). Targets are labels ({@code [...]} or {@code [..., 1]}) or one-hot rows of
 * the prediction's shape (argmax); binary targets are rounded to 0/1.
 */
final class Labels {
    private Labels() {}

    static boolean isBinary(int[] prediction) { return prediction.length <= 1 || prediction[prediction.length - 1] == 1; }

    /** Predicted class per example. */
    static long[] predicted(Tensor prediction, double threshold) {
        if (isBinary(prediction.shape())) return prediction.gt(threshold).to(DType.INT64).reshape(-1).toLongArray();
        return prediction.argmax(-1, false).reshape(-1).toLongArray();
    }

    /** True class per example; checks the target's shape against the prediction's. */
    static long[] actual(String metric, Tensor prediction, Tensor target) {
        int[] p = prediction.shape(), t = target.shape();
        if (isBinary(p)) {
            if (target.numel() != prediction.numel() || !sameExamples(p, t)) throw mismatch(metric, p, t);
            return target.to(DType.FLOAT64).round().to(DType.INT64).reshape(-1).toLongArray();
        }
        if (Arrays.equals(p, t)) return target.argmax(-1, false).reshape(-1).toLongArray();
        if (!SparseCategoricalCrossentropy.isLabelShape(p, t)) throw mismatch(metric, p, t);
        return target.to(DType.INT64).reshape(-1).toLongArray();
    }

    /** Equal shapes up to a trailing axis of size 1 on either side. */
    static boolean sameExamples(int[] a, int[] b) { return Arrays.equals(squeezeLast(a), squeezeLast(b)); }

    private static int[] squeezeLast(int[] s) { return s.length > 0 && s[s.length - 1] == 1 ? Arrays.copyOf(s, s.length - 1) : s; }

    static ShapeMismatchException mismatch(String metric, int[] p, int[] t) {
        return new ShapeMismatchException(metric + ": prediction " + Arrays.toString(p) + " and target " + Arrays.toString(t) + " do not match");
    }
}
