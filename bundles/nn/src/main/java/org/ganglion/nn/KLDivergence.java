package org.ganglion.nn;

import org.ganglion.autograd.Functions;
import org.ganglion.autograd.Variable;
import org.ganglion.core.Tensor;

/**
 * Kullback–Leibler divergence {@code KL(y ‖ p) = Σ y·log(y / p)} over the last axis between a
 * target distribution y and a predicted one p (same shape), Keras form: both are clipped to
 * {@code [1e-7, 1]} first, so zeros in y contribute nothing and zeros in p stay finite.
 */
public final class KLDivergence extends BaseLoss {
    public KLDivergence() { this(Reduction.MEAN); }

    public KLDivergence(Reduction reduction) { super("kl_divergence", reduction); }

    @Override
    public Variable perSample(Variable prediction, Tensor target) {
        Variable y = Variable.of(target.to(prediction.dtype()).clamp(BinaryCrossentropy.EPSILON, 1));
        Variable p = Functions.clamp(prediction, BinaryCrossentropy.EPSILON, 1);
        return sumLastAxis(y.mul(y.log().sub(p.log())));
    }
}
