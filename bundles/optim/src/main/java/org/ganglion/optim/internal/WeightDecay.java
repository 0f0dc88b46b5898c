package org.ganglion.optim.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Predicate;
import org.ganglion.core.Tensor;

/**
 * Adds {@code λ·θ} to the incoming updates, for the parameters {@code appliesTo} accepts. Where it
 * sits in a chain decides what it means:
 * <ul>
 *   <li>before the adaptive scaling: coupled weight decay, the gradient of {@code λ/2·‖θ‖²}
 *       (PyTorch's {@code weight_decay} on SGD and Adam) — {@code addL2};</li>
 *   <li>after it, just before the learning rate: decoupled weight decay (Loshchilov &amp; Hutter
 *       2019, "Decoupled Weight Decay Regularization"), {@code θ ← θ - lr·(u + λ·θ)}, as AdamW and
 *       Keras's {@code weight_decay} — {@code addDecayedWeights}.</li>
 * </ul>
 */
public final class WeightDecay extends Stateless {
    private final String label;
    private final double lambda;
    private final Predicate<String> appliesTo;

    public WeightDecay(String label, double lambda, Predicate<String> appliesTo) {
        Checks.nonNegative("weight_decay", lambda);
        this.label = label;
        this.lambda = lambda;
        this.appliesTo = java.util.Objects.requireNonNull(appliesTo, "appliesTo");
    }

    @Override
    protected Map<String, Tensor> transform(Map<String, Tensor> grads, Map<String, Tensor> params) {
        Map<String, Tensor> out = new LinkedHashMap<>();
        grads.forEach((k, g) -> {
            if (lambda == 0 || !appliesTo.test(k)) {
                out.put(k, g);
                return;
            }
            Tensor p = params.get(k);
            if (p == null) throw new IllegalArgumentException(label + ": needs the value of parameter '" + k + "' (pass params to update)");
            out.put(k, g.add(p.to(g.dtype()).mul(lambda)));
        });
        return out;
    }

    @Override
    public String toString() { return label + "(" + lambda + ")"; }
}
