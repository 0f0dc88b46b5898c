package org.ganglion.nn;

import java.util.Arrays;
import org.ganglion.autograd.Variable;
import org.ganglion.core.DType;
import org.ganglion.core.Tensor;

/**
 * PyTorch's {@code CrossEntropyLoss} on raw scores: logits {@code [N, C]} or
 * {@code [N, C, d1, ...]} (classes on axis 1), integer labels {@code [N]} or {@code [N, d1, ...]}
 * in {@code [0, C)}. Per element {@code logsumexp(x) - x[label]}, i.e. softmax and negative
 * log-likelihood fused.
 *
 * <p>Fused: one operation whose forward computes the stable log-softmax once (the maximum is
 * subtracted) and gathers the label's entry, and whose backward is directly
 * {@code g·(softmax(x) - onehot(label))} instead of differentiating through exp, sum and log. It
 * equals the composite {@code -gather(logSoftmax(x))} (tested), which remains its definition.
 * Not supported (PyTorch options): {@code weight} (see {@link WeightedCrossentropy}),
 * {@code ignore_index}, {@code label_smoothing}.
 */
public final class CrossEntropy extends BaseLoss {
    public CrossEntropy() { this(Reduction.MEAN); }

    public CrossEntropy(Reduction reduction) { super("cross_entropy", reduction); }

    @Override
    protected void checkShapes(int[] prediction, int[] target) {
        if (prediction.length < 2) throw mismatch(prediction, target);
        int[] expected = new int[prediction.length - 1];
        expected[0] = prediction[0];
        System.arraycopy(prediction, 2, expected, 1, prediction.length - 2);
        if (!Arrays.equals(expected, target)) throw mismatch(prediction, target);
    }

    @Override
    public Variable perSample(Variable logits, Tensor target) {
        // labels [N, 1, d...] to gather along the class axis
        Tensor index = SparseCategoricalCrossentropy.labels(name(), target, logits.shape(1)).unsqueeze(1);
        return meanOverExamples(fused(logits, index));
    }

    /** {@code logsumexp(x, 1) - x[label]} as one differentiable operation; result {@code [N, d...]}. */
    static Variable fused(Variable logits, Tensor index) {
        Tensor x = logits.value();
        Tensor z = x.sub(x.max(true, 1));               // stable: shift by the (finite) row maximum
        Tensor lse = z.exp().sum(true, 1).log();        // [N, 1, d...]
        Tensor loss = lse.sub(z.gather(1, index)).squeeze(1);
        return Variable.custom("cross_entropy", loss, (g, needs) -> {
            Tensor softmax = z.sub(lse).exp();
            Tensor oneHot = Tensor.zeros(x.dtype(), x.shape()).scatterAdd(1, index, Tensor.ones(x.dtype(), index.shape()));
            return new Variable[] {Variable.of(softmax.sub(oneHot)).mul(g.unsqueeze(1))};
        }, logits);
    }

    /** The composite definition the fused op must equal: {@code -gather(logSoftmax(x, 1), label)}. */
    static Variable composite(Variable logits, Tensor labels) {
        Tensor index = labels.to(DType.INT64).unsqueeze(1);
        return org.ganglion.autograd.Functions.logSoftmax(logits, 1).gather(1, index).squeeze(1).neg();
    }
}
