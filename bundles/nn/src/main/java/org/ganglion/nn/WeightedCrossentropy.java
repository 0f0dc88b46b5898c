package org.ganglion.nn;

import java.util.Arrays;
import org.ganglion.autograd.Variable;
import org.ganglion.core.Tensor;

/**
 * Class-weighted (cost-sensitive) cross-entropy: each class's term is multiplied by its weight, so
 * mistakes on a rare class cost more, e.g. weights {@code {1, 5}} for an imbalanced binary task.
 * The pairing of prediction and target decides the form:
 * <ul>
 *   <li><b>binary</b> (equal shapes with one output per example, {@code [N]} or {@code [N, 1]}):
 *       {@code -[w1·y·log p + w0·(1 - y)·log(1 - p)]}; needs two weights {@code {w0, w1}};</li>
 *   <li><b>categorical</b> (equal shapes {@code [N, ..., C]}, one-hot or soft targets):
 *       {@code -Σ_c w_c·y_c·log p_c}; needs C weights;</li>
 *   <li><b>sparse</b> (labels {@code [N, ...]} or {@code [N, ..., 1]} for predictions
 *       {@code [N, ..., C]}): {@code -w[label]·log p[label]}.</li>
 * </ul>
 * Predictions are probabilities (clipped as in {@link BinaryCrossentropy} /
 * {@link CategoricalCrossentropy}) or, with {@code fromLogits}, logits. The mean reduction divides
 * by the number of examples, which matches Keras' {@code class_weight} in {@code fit} (PyTorch's
 * {@code CrossEntropyLoss(weight=…)} divides by the sum of the weights instead).
 */
public final class WeightedCrossentropy extends BaseLoss {
    private final double[] weights;
    private final boolean fromLogits;

    public WeightedCrossentropy(double[] classWeights) { this(classWeights, false, Reduction.MEAN); }

    public WeightedCrossentropy(double[] classWeights, boolean fromLogits, Reduction reduction) {
        super("weighted_crossentropy", reduction);
        if (classWeights == null || classWeights.length < 2 || Arrays.stream(classWeights).anyMatch(w -> !(w >= 0)))
            throw new IllegalArgumentException("weighted_crossentropy: need at least two class weights, all >= 0; got " + Arrays.toString(classWeights));
        this.weights = classWeights.clone();
        this.fromLogits = fromLogits;
    }

    public double[] classWeights() { return weights.clone(); }

    @Override
    protected void checkShapes(int[] prediction, int[] target) {
        boolean same = Arrays.equals(prediction, target);
        if (!same && !SparseCategoricalCrossentropy.isLabelShape(prediction, target)) throw mismatch(prediction, target);
        int classes = isBinary(prediction, target) ? 2 : prediction[prediction.length - 1];
        if (classes != weights.length)
            throw new IllegalArgumentException(name() + ": " + weights.length + " class weights for " + classes + " classes (prediction "
                    + Arrays.toString(prediction) + ")");
    }

    private static boolean isBinary(int[] prediction, int[] target) {
        return Arrays.equals(prediction, target) && (prediction.length <= 1 || prediction[prediction.length - 1] == 1);
    }

    @Override
    public Variable perSample(Variable prediction, Tensor target) {
        int[] p = prediction.shape();
        if (isBinary(p, target.shape())) {
            Variable y = constant(target, prediction);
            Variable yWeighted = y.mul(weights[1]);
            Variable notYWeighted = y.neg().add(1).mul(weights[0]);
            // w1·y·l1 + w0·(1-y)·l0 with l1 = -log p, l0 = -log(1-p): BCE with y=1 and y=0
            Variable l1 = BinaryCrossentropy.elementwise(prediction, scalar(1, prediction), fromLogits);
            Variable l0 = BinaryCrossentropy.elementwise(prediction, scalar(0, prediction), fromLogits);
            return meanOverExamples(yWeighted.mul(l1).add(notYWeighted.mul(l0)));
        }
        Variable w = Variable.of(Tensor.of(weights, weights.length).to(prediction.dtype()));
        Variable logp = CategoricalCrossentropy.logProbabilities(prediction, fromLogits);
        if (Arrays.equals(p, target.shape()))
            return sumLastAxis(constant(target, prediction).mul(w).mul(logp).neg());
        Tensor labels = SparseCategoricalCrossentropy.labels(name(), target, p[p.length - 1]);
        Tensor index = labels.rank() == p.length - 1 ? labels.unsqueeze(-1) : labels;
        Variable picked = logp.mul(w).gather(-1, index).squeeze(-1);
        return meanOverExamples(picked.neg());
    }
}
