package org.ganglion.optim.internal;

import java.util.Map;
import org.ganglion.core.Tensor;
import org.ganglion.optim.EpsilonPlacement;

/**
 * RMSprop (Tieleman &amp; Hinton 2012, COURSERA "Neural Networks for Machine Learning", lecture 6.5)
 * and its centered form (Graves 2013, "Generating Sequences With Recurrent Neural Networks"):
 * <pre>
 * v ← ρ·v + (1-ρ)·g²                         (centered: mg ← ρ·mg + (1-ρ)·g,  v' = v - mg²)
 * update = g / √(v' + ε)   (inside, Keras)   or   g / (√v' + ε)   (outside, PyTorch)
 * </pre>
 * Momentum is a {@link Trace} after this transformation (PyTorch's form). State:
 * {@code rms.v.*} and, centered, {@code rms.mg.*}.
 */
public final class ScaleByRms extends SlotTransform {
    private final double rho;
    private final double eps;
    private final EpsilonPlacement placement;
    private final boolean centered;

    public ScaleByRms(double rho, double eps, EpsilonPlacement placement, boolean centered) {
        super("rms", false, centered ? new String[] {"v", "mg"} : new String[] {"v"});
        Checks.beta("rho", rho);
        Checks.nonNegative("epsilon", eps);
        this.rho = rho;
        this.eps = eps;
        this.placement = java.util.Objects.requireNonNull(placement, "placement");
        this.centered = centered;
    }

    @Override
    protected Tensor[] apply(Tensor g, Tensor[] s, Tensor param, long t, Map<String, Double> scalars) {
        Tensor v = s[0].mul(rho).add(g.square().mul(1 - rho));
        Tensor mg = centered ? s[1].mul(rho).add(g.mul(1 - rho)) : null;
        Tensor variance = centered ? v.sub(mg.square()) : v;
        Tensor update = g.div(placement == EpsilonPlacement.INSIDE_SQRT ? variance.add(eps).sqrt() : variance.sqrt().add(eps));
        return centered ? new Tensor[] {update, v, mg} : new Tensor[] {update, v};
    }

    @Override
    public String toString() { return "scaleByRms(" + rho + ", " + eps + ", " + placement.configName() + (centered ? ", centered)" : ")"); }
}
