package org.ganglion.optim.internal;

import java.util.Map;
import org.ganglion.core.Fused;
import org.ganglion.core.Tensor;
import org.ganglion.core.spi.AdamUpdate;
import org.ganglion.optim.EpsilonPlacement;

/**
 * Adam (Kingma &amp; Ba 2015, "Adam: A Method for Stochastic Optimization", Algorithm 1) and its
 * AMSGrad variant (Reddi, Kale &amp; Kumar 2018, "On the Convergence of Adam and Beyond"):
 * <pre>
 * m ← β1·m + (1-β1)·g          v ← β2·v + (1-β2)·g²          (AMSGrad: v_max ← max(v_max, v), used for v)
 * m̂ = m/(1-β1ᵗ)    v̂ = v/(1-β2ᵗ)    update = m̂ / (√v̂ + ε)    (other ε placements: {@link EpsilonPlacement})
 * </pre>
 * AMSGrad keeps the maximum of the raw second moment and bias-corrects it afterwards, as PyTorch
 * and Keras do (optax takes the maximum of the corrected moment). State: {@code adam.count},
 * {@code adam.m.*}, {@code adam.v.*} and, for AMSGrad, {@code adam.v_max.*}.
 */
public final class ScaleByAdam extends SlotTransform {
    private final double b1;
    private final double b2;
    private final double eps;
    private final EpsilonPlacement placement;
    private final boolean amsgrad;

    public ScaleByAdam(double b1, double b2, double eps, EpsilonPlacement placement, boolean amsgrad) {
        super("adam", true, amsgrad ? new String[] {"m", "v", "v_max"} : new String[] {"m", "v"});
        Checks.beta("beta_1", b1);
        Checks.beta("beta_2", b2);
        Checks.nonNegative("epsilon", eps);
        this.b1 = b1;
        this.b2 = b2;
        this.eps = eps;
        this.placement = java.util.Objects.requireNonNull(placement, "placement");
        this.amsgrad = amsgrad;
    }

    @Override
    protected Tensor[] apply(Tensor g, Tensor[] s, Tensor param, long t, Map<String, Double> scalars) {
        if (!amsgrad) { // one fused pass where the device offers it, bit-identical to the composite
            double bc1 = 1 - Math.pow(b1, t), bc2 = 1 - Math.pow(b2, t);
            return switch (placement) {
                case OUTSIDE_SQRT -> Fused.adam(AdamUpdate.Form.OUTSIDE_SQRT, g, s[0], s[1], b1, b2, eps, bc1, bc2);
                case INSIDE_SQRT -> Fused.adam(AdamUpdate.Form.INSIDE_SQRT, g, s[0], s[1], b1, b2, eps, bc1, bc2);
                case UNCORRECTED -> Fused.adam(AdamUpdate.Form.UNCORRECTED, g, s[0], s[1], b1, b2, eps, Math.sqrt(bc2) / bc1, 1);
            };
        }
        Tensor m = s[0].mul(b1).add(g.mul(1 - b1));
        Tensor v = s[1].mul(b2).add(g.square().mul(1 - b2));
        Tensor vMax = amsgrad ? s[2].maximum(v) : null;
        Tensor update = adaptive(m, amsgrad ? vMax : v, t, b1, b2, eps, placement);
        return amsgrad ? new Tensor[] {update, m, v, vMax} : new Tensor[] {update, m, v};
    }

    /** {@code m̂ / (√v̂ + ε)} with the bias corrections of step {@code t} and ε where {@code placement} says. */
    static Tensor adaptive(Tensor m, Tensor v, long t, double b1, double b2, double eps, EpsilonPlacement placement) {
        double bc1 = 1 - Math.pow(b1, t);
        double bc2 = 1 - Math.pow(b2, t);
        return switch (placement) {
            case OUTSIDE_SQRT -> m.div(bc1).div(v.div(bc2).sqrt().add(eps));
            case INSIDE_SQRT -> m.div(bc1).div(v.div(bc2).add(eps).sqrt());
            case UNCORRECTED -> m.mul(Math.sqrt(bc2) / bc1).div(v.sqrt().add(eps));
        };
    }

    @Override
    public String toString() {
        return (amsgrad ? "scaleByAmsgrad(" : "scaleByAdam(") + b1 + ", " + b2 + ", " + eps + ", " + placement.configName() + ")";
    }
}
