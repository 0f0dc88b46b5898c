package org.ganglion.optim.internal;

import java.util.Map;
import org.ganglion.core.Tensor;

/**
 * Momentum: a trace of past gradients, slot {@code momentum.v.<parameter>}.
 * <ul>
 *   <li>heavy ball (Polyak 1964; PyTorch and Keras SGD): {@code v ← μ·v + g}, update {@code v};</li>
 *   <li>EMA form: {@code v ← β·v + (1-β)·g}, update {@code v} (the "momentum = moving average"
 *       presentation; with a constant learning rate it is heavy ball with the rate scaled by 1-β);</li>
 *   <li>Nesterov (Sutskever et al. 2013, in the PyTorch/optax form): update {@code g' + μ·v_new},
 *       where {@code g'} is the gradient term of the trace ({@code g}, or {@code (1-β)·g}).</li>
 * </ul>
 * {@code v} starts at zero, so the first heavy-ball update is {@code g} (as in PyTorch) and the
 * first EMA update is {@code (1-β)·g}. Keras keeps {@code -lr·v} instead of {@code v}; with a
 * constant learning rate the parameter trajectories are the same.
 */
public final class Trace extends SlotTransform {
    private final double decay;
    private final boolean nesterov;
    private final boolean ema;

    public Trace(double decay, boolean nesterov, boolean ema) {
        super("momentum", false, "v");
        if (!(decay >= 0 && decay < 1)) throw new IllegalArgumentException("momentum must be in [0, 1), got " + decay);
        this.decay = decay;
        this.nesterov = nesterov;
        this.ema = ema;
    }

    @Override
    protected Tensor[] apply(Tensor g, Tensor[] slots, Tensor param, long t, Map<String, Double> scalars) {
        Tensor gTerm = ema ? g.mul(1 - decay) : g;
        Tensor v = slots[0].mul(decay).add(gTerm);
        Tensor update = nesterov ? gTerm.add(v.mul(decay)) : v;
        return new Tensor[] {update, v};
    }

    @Override
    public String toString() { return (ema ? "emaTrace(" : "trace(") + decay + (nesterov ? ", nesterov)" : ")"); }
}
