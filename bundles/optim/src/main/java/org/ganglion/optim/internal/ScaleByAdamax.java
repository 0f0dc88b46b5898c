package org.ganglion.optim.internal;

import java.util.Map;
import org.ganglion.core.Tensor;

/**
 * Adamax, Adam with the infinity norm (Kingma &amp; Ba 2015, §7.1, Algorithm 2), with Keras's ε:
 * <pre>
 * m ← β1·m + (1-β1)·g      u ← max(β2·u, |g|)      update = m / ((1-β1ᵗ)·(u + ε))
 * </pre>
 * The paper has no ε; PyTorch puts it inside the maximum ({@code max(β2·u, |g| + ε)}). State:
 * {@code adamax.count}, {@code adamax.m.*}, {@code adamax.u.*}.
 */
public final class ScaleByAdamax extends SlotTransform {
    private final double b1;
    private final double b2;
    private final double eps;

    public ScaleByAdamax(double b1, double b2, double eps) {
        super("adamax", true, "m", "u");
        Checks.beta("beta_1", b1);
        Checks.beta("beta_2", b2);
        Checks.nonNegative("epsilon", eps);
        this.b1 = b1;
        this.b2 = b2;
        this.eps = eps;
    }

    @Override
    protected Tensor[] apply(Tensor g, Tensor[] s, Tensor param, long t, Map<String, Double> scalars) {
        Tensor m = s[0].mul(b1).add(g.mul(1 - b1));
        Tensor u = s[1].mul(b2).maximum(g.abs());
        Tensor update = m.div(1 - Math.pow(b1, t)).div(u.add(eps));
        return new Tensor[] {update, m, u};
    }

    @Override
    public String toString() { return "scaleByAdamax(" + b1 + ", " + b2 + ", " + eps + ")"; }
}
