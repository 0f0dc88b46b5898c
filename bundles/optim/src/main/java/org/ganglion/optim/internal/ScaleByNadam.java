package org.ganglion.optim.internal;

import java.util.Map;
import org.ganglion.core.Tensor;

/**
 * Nadam, Adam with Nesterov momentum (Dozat 2016, "Incorporating Nesterov Momentum into Adam"),
 * with the paper's momentum schedule {@code μ_t = β1·(1 - ½·0.96^(ψ·t))}, ψ = 0.004 by default,
 * exactly as PyTorch's {@code NAdam}:
 * <pre>
 * m ← β1·m + (1-β1)·g      v ← β2·v + (1-β2)·g²      Π_t = μ_1·…·μ_t
 * m̂ = μ_{t+1}·m/(1-Π_t·μ_{t+1}) + (1-μ_t)·g/(1-Π_t)      v̂ = v/(1-β2ᵗ)      update = m̂ / (√v̂ + ε)
 * </pre>
 * Keras 3 evaluates {@code 0.96^t} (ψ = 1) — set {@code momentumDecay} to 1 to reproduce it. The
 * product Π is state: {@code nadam.mu_product} (float64), with {@code nadam.count}, {@code nadam.m.*},
 * {@code nadam.v.*}.
 */
public final class ScaleByNadam extends SlotTransform {
    private static final String PRODUCT = "mu_product";
    private final double b1;
    private final double b2;
    private final double eps;
    private final double momentumDecay;

    public ScaleByNadam(double b1, double b2, double eps, double momentumDecay) {
        super("nadam", true, "m", "v");
        Checks.beta("beta_1", b1);
        Checks.beta("beta_2", b2);
        Checks.nonNegative("epsilon", eps);
        Checks.nonNegative("momentum_decay", momentumDecay);
        this.b1 = b1;
        this.b2 = b2;
        this.eps = eps;
        this.momentumDecay = momentumDecay;
    }

    /** μ_t of the momentum schedule. */
    double mu(long t) { return b1 * (1 - 0.5 * Math.pow(0.96, t * momentumDecay)); }

    @Override
    protected Map<String, Double> initialScalars() { return Map.of(PRODUCT, 1.0); }

    @Override
    protected Map<String, Double> advanceScalars(long t, Map<String, Double> previous) {
        return Map.of(PRODUCT, previous.get(PRODUCT) * mu(t));
    }

    @Override
    protected Tensor[] apply(Tensor g, Tensor[] s, Tensor param, long t, Map<String, Double> scalars) {
        double muT = mu(t);
        double muNext = mu(t + 1);
        double product = scalars.get(PRODUCT);
        Tensor m = s[0].mul(b1).add(g.mul(1 - b1));
        Tensor v = s[1].mul(b2).add(g.square().mul(1 - b2));
        Tensor mHat = m.mul(muNext / (1 - product * muNext)).add(g.mul((1 - muT) / (1 - product)));
        Tensor update = mHat.div(v.div(1 - Math.pow(b2, t)).sqrt().add(eps));
        return new Tensor[] {update, m, v};
    }

    @Override
    public String toString() { return "scaleByNadam(" + b1 + ", " + b2 + ", " + eps + ", " + momentumDecay + ")"; }
}
