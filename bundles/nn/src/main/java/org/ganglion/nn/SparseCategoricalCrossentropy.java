package org.ganglion.nn;

import java.util.Arrays;
import org.ganglion.autograd.Variable;
import org.ganglion.core.DType;
import org.ganglion.core.Tensor;

/**
 * Sparse categorical cross-entropy {@code -log p[label]} (Keras
 * {@code sparse_categorical_crossentropy}): predictions {@code [batch, ..., classes]}, integer
 * labels {@code [batch, ...]} (or {@code [batch, ..., 1]}, the shape Keras datasets often use; no
 * other shape is accepted). Labels may be integer or integral floating values in
 * {@code [0, classes)}; others raise {@link IllegalArgumentException}. Equal to
 * {@link CategoricalCrossentropy} with the one-hot target of the label.
 *
 * <p>Probabilities (default) are normalized and clipped as in {@link CategoricalCrossentropy};
 * with {@code fromLogits} the log-softmax is used. For a PyTorch-style fused loss from logits
 * with the class axis at 1 see {@link CrossEntropy}.
 */
public final class SparseCategoricalCrossentropy extends BaseLoss {
    private final boolean fromLogits;

    public SparseCategoricalCrossentropy() { this(false, Reduction.MEAN); }

    public SparseCategoricalCrossentropy(boolean fromLogits) { this(fromLogits, Reduction.MEAN); }

    public SparseCategoricalCrossentropy(boolean fromLogits, Reduction reduction) {
        super("sparse_categorical_crossentropy", reduction);
        this.fromLogits = fromLogits;
    }

    public boolean fromLogits() { return fromLogits; }

    @Override
    protected void checkShapes(int[] prediction, int[] target) {
        if (!isLabelShape(prediction, target)) throw mismatch(prediction, target);
    }

    /** Labels {@code [...]} or {@code [..., 1]} for predictions {@code [..., classes]}. */
    static boolean isLabelShape(int[] prediction, int[] target) {
        if (prediction.length == 0) return false;
        int[] lead = Arrays.copyOf(prediction, prediction.length - 1);
        if (Arrays.equals(lead, target)) return true;
        int[] withOne = Arrays.copyOf(lead, prediction.length);
        withOne[prediction.length - 1] = 1;
        return Arrays.equals(withOne, target);
    }

    @Override
    public Variable perSample(Variable prediction, Tensor target) {
        Tensor labels = labels(name(), target, prediction.shape(-1));
        Tensor index = labels.rank() == prediction.rank() - 1 ? labels.unsqueeze(-1) : labels;
        Variable logp = CategoricalCrossentropy.logProbabilities(prediction, fromLogits);
        return meanOverExamples(logp.gather(-1, index).squeeze(-1).neg());
    }

    /** The labels as int64 (same shape), after checking they are integral and in {@code [0, classes)}. */
    static Tensor labels(String loss, Tensor t, int classes) {
        if (!t.dtype().isInteger()) {
            Tensor nonIntegral = t.to(DType.FLOAT64).floor().ne(t.to(DType.FLOAT64));
            if (t.dtype() == DType.BOOL || nonIntegral.to(DType.INT64).sum().item() > 0)
                throw new IllegalArgumentException(loss + ": labels must be integers (class indices), got " + t.dtype() + " values");
        }
        Tensor idx = t.to(DType.INT64);
        if (idx.lt(0).or(idx.ge(classes)).to(DType.INT64).sum().item() > 0)
            throw new IllegalArgumentException(loss + ": labels must be in [0, " + classes + "); got min " + (long) idx.min().item()
                    + ", max " + (long) idx.max().item());
        return idx;
    }
}
