package org.ganglion.nn;

import org.ganglion.autograd.Functions;
import org.ganglion.autograd.Variable;
import org.ganglion.core.Tensor;

/**
 * Binary cross-entropy (log loss) {@code -[y·log p + (1 - y)·log(1 - p)]} for targets in [0, 1]
 * and predictions of the same shape, averaged per example (Keras {@code binary_crossentropy}).
 *
 * <ul>
 *   <li>On probabilities (default): p is clipped to {@code [ε, 1 - ε]}, ε = 1e-7 as Keras, so
 *       {@code p = 0} or 1 gives a large finite loss rather than infinity (and no gradient where
 *       clipped).</li>
 *   <li>With {@code fromLogits} the prediction is a logit x and the loss is computed in the stable
 *       form {@code max(x, 0) - x·y + log(1 + e^{-|x|})}; its gradient is exactly {@code σ(x) - y},
 *       also at {@code x = 0} (the max and |x| branches are chosen consistently there).</li>
 *   <li>{@code labelSmoothing} s replaces y by {@code y(1 - s) + s/2} (Keras).</li>
 * </ul>
 */
public final class BinaryCrossentropy extends BaseLoss {
    /** Keras' backend epsilon. */
    public static final double EPSILON = 1e-7;

    private final boolean fromLogits;
    private final double labelSmoothing;

    public BinaryCrossentropy() { this(false, 0, Reduction.MEAN); }

    public BinaryCrossentropy(boolean fromLogits) { this(fromLogits, 0, Reduction.MEAN); }

    public BinaryCrossentropy(boolean fromLogits, double labelSmoothing, Reduction reduction) {
        super("binary_crossentropy", reduction);
        if (!(labelSmoothing >= 0 && labelSmoothing <= 1))
            throw new IllegalArgumentException("binary_crossentropy: label_smoothing must be in [0, 1], got " + labelSmoothing);
        this.fromLogits = fromLogits;
        this.labelSmoothing = labelSmoothing;
    }

    public boolean fromLogits() { return fromLogits; }

    @Override
    public Variable perSample(Variable prediction, Tensor target) {
        Variable y = constant(target, prediction);
        if (labelSmoothing > 0) y = y.mul(1 - labelSmoothing).add(0.5 * labelSmoothing);
        return meanOverExamples(elementwise(prediction, y, fromLogits));
    }

    /** The elementwise loss (no averaging); shared with {@link FocalLoss} and {@link WeightedCrossentropy}. */
    static Variable elementwise(Variable prediction, Variable y, boolean fromLogits) {
        if (fromLogits) {
            Tensor pos = prediction.value().gt(0);
            Variable zero = scalar(0, prediction);
            Variable max0 = Variable.where(pos, prediction, zero);           // max(x, 0)
            Variable negAbs = Variable.where(pos, prediction.neg(), prediction); // -|x|
            return max0.sub(prediction.mul(y)).add(negAbs.exp().log1p());
        }
        Variable p = Functions.clamp(prediction, EPSILON, 1 - EPSILON);
        Variable oneMinusY = y.neg().add(1);
        return y.mul(p.log()).add(oneMinusY.mul(p.neg().add(1).log())).neg();
    }
}
