package org.ganglion.graph;

import org.ganglion.autograd.Variable;
import org.ganglion.core.Tensor;

/**
 * A loss: a differentiable scalar (or per-sample values with reduction {@code none}) comparing a
 * prediction with a target. Implementations check shapes and never broadcast prediction and target
 * silently: a mismatch is a {@link org.ganglion.core.ShapeMismatchException} naming the loss.
 */
@org.osgi.annotation.versioning.ConsumerType
public interface Loss {
    /** How per-element losses are combined. */
    enum Reduction { MEAN, SUM, NONE }

    String name();

    Variable apply(Variable prediction, Tensor target);

    /**
     * One loss value per sample (shape {@code [batch]}), before reduction; what class and sample
     * weights multiply. Losses without a per-sample form throw {@link UnsupportedOperationException}.
     */
    default Variable perSample(Variable prediction, Tensor target) {
        throw new UnsupportedOperationException(name() + " has no per-sample form, which class weights need");
    }
}
