package org.ganglion.nn;

import org.ganglion.autograd.Variable;
import org.ganglion.core.Tensor;

/**
 * Binary focal loss (Lin et al. 2017, "Focal Loss for Dense Object Detection"):
 * {@code FL = α_t·(1 - p_t)^γ·BCE(y, p)} with {@code p_t = y·p + (1 - y)·(1 - p)}. The factor
 * {@code (1 - p_t)^γ} down-weights well-classified examples so training focuses on hard ones;
 * γ = 0 gives plain binary cross-entropy. α (optional, the paper uses 0.25) balances the classes:
 * {@code α_t = y·α + (1 - y)·(1 - α)}; without it α_t = 1 (Keras' {@code BinaryFocalCrossentropy}
 * with {@code apply_class_balancing=False}). Targets in [0, 1] with the prediction's shape
 * (one-hot targets make it the per-class multi-label form the paper uses); predictions are
 * probabilities or, with {@code fromLogits}, logits. Averaged per example.
 */
public final class FocalLoss extends BaseLoss {
    private final double gamma;
    private final Double alpha;
    private final boolean fromLogits;

    public FocalLoss() { this(2.0, null, false, Reduction.MEAN); }

    /** @param alpha the positive-class weight in [0, 1], or null for none */
    public FocalLoss(double gamma, Double alpha, boolean fromLogits, Reduction reduction) {
        super("focal", reduction);
        if (!(gamma >= 0)) throw new IllegalArgumentException("focal: gamma must be >= 0, got " + gamma);
        if (alpha != null && !(alpha >= 0 && alpha <= 1)) throw new IllegalArgumentException("focal: alpha must be in [0, 1], got " + alpha);
        this.gamma = gamma;
        this.alpha = alpha;
        this.fromLogits = fromLogits;
    }

    public double gamma() { return gamma; }

    public Double alpha() { return alpha; }

    @Override
    public Variable perSample(Variable prediction, Tensor target) {
        Variable y = constant(target, prediction);
        Variable bce = BinaryCrossentropy.elementwise(prediction, y, fromLogits);
        Variable p = fromLogits ? prediction.sigmoid() : prediction;
        Variable notY = y.neg().add(1);
        Variable pt = y.mul(p).add(notY.mul(p.neg().add(1)));
        Variable l = gamma == 0 ? bce : pt.neg().add(1).pow(gamma).mul(bce);
        if (alpha != null) l = l.mul(y.mul(alpha).add(notY.mul(1 - alpha)));
        return meanOverExamples(l);
    }
}
