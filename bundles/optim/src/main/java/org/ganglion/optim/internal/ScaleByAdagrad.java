package org.ganglion.optim.internal;

import java.util.Map;
import org.ganglion.core.Tensor;
import org.ganglion.optim.EpsilonPlacement;

/**
 * AdaGrad (Duchi, Hazan &amp; Singer 2011, "Adaptive Subgradient Methods for Online Learning and
 * Stochastic Optimization"), diagonal form:
 * <pre>
 * s ← s + g²      update = g / √(s + ε)   (inside, Keras)   or   g / (√s + ε)   (outside, PyTorch)
 * </pre>
 * {@code s} starts at {@code initialAccumulator} (Keras 0.1, PyTorch 0). State: {@code adagrad.sum.*}.
 */
public final class ScaleByAdagrad extends SlotTransform {
    private final double initialAccumulator;
    private final double eps;
    private final EpsilonPlacement placement;

    public ScaleByAdagrad(double initialAccumulator, double eps, EpsilonPlacement placement) {
        super("adagrad", false, "sum");
        Checks.nonNegative("initial_accumulator_value", initialAccumulator);
        Checks.nonNegative("epsilon", eps);
        this.initialAccumulator = initialAccumulator;
        this.eps = eps;
        this.placement = java.util.Objects.requireNonNull(placement, "placement");
    }

    @Override
    protected Tensor initialSlot(int slot, Tensor like) { return Tensor.full(initialAccumulator, like.dtype(), like.shape()); }

    @Override
    protected Tensor[] apply(Tensor g, Tensor[] s, Tensor param, long t, Map<String, Double> scalars) {
        Tensor sum = s[0].add(g.square());
        Tensor update = g.div(placement == EpsilonPlacement.INSIDE_SQRT ? sum.add(eps).sqrt() : sum.sqrt().add(eps));
        return new Tensor[] {update, sum};
    }

    @Override
    public String toString() { return "scaleByAdagrad(" + initialAccumulator + ", " + eps + ", " + placement.configName() + ")"; }
}
