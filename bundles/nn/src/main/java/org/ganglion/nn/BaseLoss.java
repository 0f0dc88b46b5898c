package org.ganglion.nn;

import java.util.Arrays;
import java.util.Objects;
import java.util.stream.IntStream;
import org.ganglion.autograd.Variable;
import org.ganglion.core.DTypeMismatchException;
import org.ganglion.core.ShapeMismatchException;
import org.ganglion.core.Tensor;
import org.ganglion.graph.Loss;

/**
 * Common frame of the built-in losses: shape checks, per-sample values, reduction.
 *
 * <p><b>Per-sample values</b> (Keras semantics): {@link #perSample} gives one loss per example,
 * shape {@code [batch]} (rank-0 for rank-0 inputs). Elementwise losses (MSE, MAE, Huber, BCE …)
 * average their elements over every non-batch axis; distribution losses (cross-entropies, KL,
 * cosine) sum over the class axis and average over any remaining ones. A rank-1 prediction
 * {@code [batch]} has one element per example.
 *
 * <p><b>Reduction</b> ({@link Loss.Reduction}): {@code MEAN} averages the per-sample values (for
 * elementwise losses this is the mean over all elements, as PyTorch), {@code SUM} adds them (Keras;
 * PyTorch's {@code sum} adds elements instead, which differs by the number of elements per example),
 * {@code NONE} returns them.
 *
 * <p><b>Shapes</b> are never broadcast: unless a loss documents another pairing (integer labels),
 * prediction and target must have equal shapes, else a {@link ShapeMismatchException} such as
 * {@code mean_squared_error: prediction [32, 1] and target [32] differ}. Targets are constants,
 * converted to the prediction's dtype; predictions must be floating.
 */
public abstract class BaseLoss implements Loss {
    private final String name;
    private final Reduction reduction;

    protected BaseLoss(String name, Reduction reduction) {
        this.name = Objects.requireNonNull(name, "name");
        this.reduction = Objects.requireNonNull(reduction, "reduction");
    }

    @Override
    public String name() { return name; }

    public Reduction reduction() { return reduction; }

    @Override
    public final Variable apply(Variable prediction, Tensor target) {
        Objects.requireNonNull(prediction, "prediction");
        Objects.requireNonNull(target, "target");
        if (!prediction.dtype().isFloating())
            throw new DTypeMismatchException(name + ": prediction must be floating, got " + prediction.dtype());
        checkShapes(prediction.shape(), target.shape());
        return reduce(perSample(prediction, target));
    }

    /** Per-example losses, shape {@code [batch]}; called after {@link #checkShapes} passed. */
    public abstract Variable perSample(Variable prediction, Tensor target);

    /** Default: equal shapes. Losses with label targets override this. */
    protected void checkShapes(int[] prediction, int[] target) {
        if (!Arrays.equals(prediction, target)) throw mismatch(prediction, target);
    }

    protected final ShapeMismatchException mismatch(int[] prediction, int[] target) {
        return new ShapeMismatchException(name + ": prediction " + Arrays.toString(prediction) + " and target "
                + Arrays.toString(target) + " differ");
    }

    protected final Variable reduce(Variable perSample) {
        return switch (reduction) {
            case MEAN -> perSample.mean();
            case SUM -> perSample.sum();
            case NONE -> perSample;
        };
    }

    /** The target as a constant of the prediction's dtype. */
    protected static Variable constant(Tensor target, Variable like) { return Variable.of(target.to(like.dtype())); }

    /** Mean over every axis but the batch axis (identity for rank &lt;= 1). */
    protected static Variable meanOverExamples(Variable elementwise) {
        if (elementwise.rank() <= 1) return elementwise;
        return elementwise.mean(IntStream.range(1, elementwise.rank()).toArray());
    }

    /** Sum over the last axis, then the mean over the remaining non-batch axes. */
    protected static Variable sumLastAxis(Variable elementwise) {
        return meanOverExamples(elementwise.sum(-1));
    }

    /** A rank-0 constant in {@code like}'s dtype. */
    protected static Variable scalar(double v, Variable like) { return Variable.of(Tensor.scalar(v, like.dtype())); }

    @Override
    public String toString() { return name + "(reduction=" + reduction + ")"; }
}
