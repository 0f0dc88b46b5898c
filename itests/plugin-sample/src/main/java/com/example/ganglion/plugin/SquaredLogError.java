package com.example.ganglion.plugin;

import java.util.Arrays;
import org.ganglion.autograd.Variable;
import org.ganglion.core.ShapeMismatchException;
import org.ganglion.core.Tensor;
import org.ganglion.graph.Loss;

/**
 * Mean squared logarithmic error: {@code mean((log1p(pred) - log1p(target))^2)} over every element.
 * Prediction and target must have the same shape (no broadcasting); a mismatch is a
 * {@link ShapeMismatchException} naming the loss. As in Keras's {@code msle}, predictions are
 * clipped below at 0 (log1p is undefined below -1); for non-negative predictions the formula is exact.
 */
public final class SquaredLogError implements Loss {
    public static final String NAME = "squared_log_error";

    @Override
    public String name() { return NAME; }

    @Override
    public Variable apply(Variable prediction, Tensor target) {
        return elementwise(prediction, target).mean();
    }

    /** Mean over every axis but the first: one value per sample. */
    @Override
    public Variable perSample(Variable prediction, Tensor target) {
        Variable e = elementwise(prediction, target);
        if (e.rank() <= 1) return e;
        int[] axes = new int[e.rank() - 1];
        for (int i = 0; i < axes.length; i++) axes[i] = i + 1;
        return e.mean(axes);
    }

    private Variable elementwise(Variable prediction, Tensor target) {
        if (!Arrays.equals(prediction.shape(), target.shape()))
            throw ShapeMismatchException.of(NAME, "prediction and target must have the same shape", prediction.shape(), target.shape());
        // where(pred < 0, 0, pred), not maximum(pred, 0): full gradient at exactly 0
        Tensor negative = prediction.value().lt(0);
        Variable clipped = Variable.where(negative, Variable.of(Tensor.zeros(prediction.dtype(), prediction.shape())), prediction);
        Variable logPred = clipped.log1p();
        Tensor logTarget = target.to(prediction.dtype()).log1p();
        return logPred.sub(Variable.of(logTarget)).square();
    }
}
