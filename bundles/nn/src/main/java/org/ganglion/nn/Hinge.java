package org.ganglion.nn;

import org.ganglion.autograd.Variable;
import org.ganglion.core.DType;
import org.ganglion.core.Tensor;

/**
 * Hinge loss {@code max(0, 1 - y·ŷ)} (SVM margin loss) and squared hinge {@code max(0, 1 - y·ŷ)²},
 * averaged per example, for raw scores ŷ and targets y in {-1, +1} of the same shape.
 *
 * <p>As Keras, targets that are all 0 or 1 are taken as binary labels and mapped to {-1, +1}
 * ({@code 2y - 1}); any other targets are used as given (so a batch of only +1 labels is the same
 * either way). Zero loss needs a margin: {@code y·ŷ >= 1}.
 */
public final class Hinge extends BaseLoss {
    private final boolean squared;

    public Hinge() { this(false, Reduction.MEAN); }

    public Hinge(boolean squared, Reduction reduction) {
        super(squared ? "squared_hinge" : "hinge", reduction);
        this.squared = squared;
    }

    public boolean squared() { return squared; }

    @Override
    public Variable perSample(Variable prediction, Tensor target) {
        Tensor t = target.to(prediction.dtype());
        boolean binary = t.eq(0).or(t.eq(1)).not().to(DType.INT64).sum().item() == 0;
        if (binary) t = t.mul(2).sub(1);
        Variable margin = Variable.of(t).mul(prediction).neg().add(1).maximum(0);
        return meanOverExamples(squared ? margin.mul(margin) : margin);
    }
}
