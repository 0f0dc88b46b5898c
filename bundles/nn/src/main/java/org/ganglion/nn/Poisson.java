package org.ganglion.nn;

import org.ganglion.autograd.Variable;
import org.ganglion.core.Tensor;

/**
 * Poisson negative log-likelihood for count targets, Keras form
 * {@code ŷ - y·log(ŷ + ε)} with ε = 1e-7 (the constant {@code log(y!)} is dropped). Predictions are
 * rates (positive, e.g. after an exponential or softplus output); same shape as the targets;
 * averaged per example.
 */
public final class Poisson extends BaseLoss {
    public Poisson() { this(Reduction.MEAN); }

    public Poisson(Reduction reduction) { super("poisson", reduction); }

    @Override
    public Variable perSample(Variable prediction, Tensor target) {
        Variable y = constant(target, prediction);
        return meanOverExamples(prediction.sub(y.mul(prediction.add(BinaryCrossentropy.EPSILON).log())));
    }
}
