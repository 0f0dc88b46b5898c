package org.ganglion.optim.internal;

import java.util.Map;
import org.ganglion.core.Tensor;

/**
 * AdaDelta (Zeiler 2012, "ADADELTA: An Adaptive Learning Rate Method", Algorithm 1):
 * <pre>
 * E[g²] ← ρ·E[g²] + (1-ρ)·g²      Δ = √(E[Δ²] + ε) / √(E[g²] + ε) · g      E[Δ²] ← ρ·E[Δ²] + (1-ρ)·Δ²
 * update = Δ
 * </pre>
 * The paper applies {@code -Δ} with no learning rate; Keras and PyTorch multiply by a learning
 * rate (Keras 0.001, PyTorch 1.0) but accumulate the unscaled Δ, and so does this: a learning
 * rate of 1 is the paper's method. State: {@code adadelta.grad_sq.*}, {@code adadelta.delta_sq.*}.
 */
public final class ScaleByAdadelta extends SlotTransform {
    private final double rho;
    private final double eps;

    public ScaleByAdadelta(double rho, double eps) {
        super("adadelta", false, "grad_sq", "delta_sq");
        Checks.beta("rho", rho);
        Checks.positive("epsilon", eps);
        this.rho = rho;
        this.eps = eps;
    }

    @Override
    protected Tensor[] apply(Tensor g, Tensor[] s, Tensor param, long t, Map<String, Double> scalars) {
        Tensor gradSq = s[0].mul(rho).add(g.square().mul(1 - rho));
        Tensor delta = s[1].add(eps).sqrt().div(gradSq.add(eps).sqrt()).mul(g);
        Tensor deltaSq = s[1].mul(rho).add(delta.square().mul(1 - rho));
        return new Tensor[] {delta, gradSq, deltaSq};
    }

    @Override
    public String toString() { return "scaleByAdadelta(" + rho + ", " + eps + ")"; }
}
