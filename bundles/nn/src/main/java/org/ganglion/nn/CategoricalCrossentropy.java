package org.ganglion.nn;

import org.ganglion.autograd.Functions;
import org.ganglion.autograd.Variable;
import org.ganglion.core.Tensor;

/**
 * Categorical cross-entropy {@code -Σ_c y_c·log p_c} over the last (class) axis, for one-hot or
 * soft targets of the prediction's shape {@code [batch, ..., classes]} (Keras
 * {@code categorical_crossentropy}).
 *
 * <p>On probabilities (default) p is first rescaled to sum to 1 along the class axis and clipped
 * to {@code [1e-7, 1 - 1e-7]}, as Keras. With {@code fromLogits} it is {@code -Σ y·logSoftmax(x)},
 * which never forms log(0). {@code labelSmoothing} s replaces y by {@code y(1 - s) + s/C}.
 */
public final class CategoricalCrossentropy extends BaseLoss {
    private final boolean fromLogits;
    private final double labelSmoothing;

    public CategoricalCrossentropy() { this(false, 0, Reduction.MEAN); }

    public CategoricalCrossentropy(boolean fromLogits) { this(fromLogits, 0, Reduction.MEAN); }

    public CategoricalCrossentropy(boolean fromLogits, double labelSmoothing, Reduction reduction) {
        super("categorical_crossentropy", reduction);
        if (!(labelSmoothing >= 0 && labelSmoothing <= 1))
            throw new IllegalArgumentException("categorical_crossentropy: label_smoothing must be in [0, 1], got " + labelSmoothing);
        this.fromLogits = fromLogits;
        this.labelSmoothing = labelSmoothing;
    }

    @Override
    protected void checkShapes(int[] prediction, int[] target) {
        super.checkShapes(prediction, target);
        if (prediction.length == 0) throw mismatch(prediction, target);
    }

    @Override
    public Variable perSample(Variable prediction, Tensor target) {
        Variable y = constant(target, prediction);
        if (labelSmoothing > 0) y = y.mul(1 - labelSmoothing).add(labelSmoothing / prediction.shape(-1));
        return sumLastAxis(y.mul(logProbabilities(prediction, fromLogits)).neg());
    }

    /** log p along the last axis: logSoftmax of logits, or the log of normalized, clipped probabilities (Keras). */
    static Variable logProbabilities(Variable prediction, boolean fromLogits) {
        if (fromLogits) return Functions.logSoftmax(prediction, -1);
        Variable p = prediction.div(prediction.sum(true, -1));
        return Functions.clamp(p, BinaryCrossentropy.EPSILON, 1 - BinaryCrossentropy.EPSILON).log();
    }
}
