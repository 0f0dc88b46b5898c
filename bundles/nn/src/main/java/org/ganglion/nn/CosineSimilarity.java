package org.ganglion.nn;

import org.ganglion.autograd.Variable;
import org.ganglion.core.Tensor;

/**
 * Keras' cosine-similarity loss: the <em>negative</em> cosine of the angle between prediction and
 * target along the last axis, {@code -Σ ŷ·y / (‖ŷ‖·‖y‖)}, in [-1, 1]; minimising it aligns the
 * vectors (-1 = same direction). Each vector is divided by {@code sqrt(max(‖v‖², 1e-12))}, so a
 * zero vector gives 0 rather than NaN.
 */
public final class CosineSimilarity extends BaseLoss {
    private static final double MIN_SQUARED_NORM = 1e-12;

    public CosineSimilarity() { this(Reduction.MEAN); }

    public CosineSimilarity(Reduction reduction) { super("cosine_similarity", reduction); }

    @Override
    public Variable perSample(Variable prediction, Tensor target) {
        Variable y = normalize(constant(target, prediction));
        return sumLastAxis(normalize(prediction).mul(y).neg());
    }

    private static Variable normalize(Variable v) {
        return v.div(v.mul(v).sum(true, -1).maximum(MIN_SQUARED_NORM).sqrt());
    }
}
