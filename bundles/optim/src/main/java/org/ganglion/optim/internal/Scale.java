package org.ganglion.optim.internal;

import java.util.Map;
import org.ganglion.core.Tensor;

/** Multiplies every update by a constant. */
public final class Scale extends Stateless {
    private final double factor;

    public Scale(double factor) {
        if (!Double.isFinite(factor)) throw new IllegalArgumentException("scale: factor must be finite, got " + factor);
        this.factor = factor;
    }

    @Override
    protected Map<String, Tensor> transform(Map<String, Tensor> grads, Map<String, Tensor> params) {
        return each(grads, g -> g.mul(factor));
    }

    @Override
    public String toString() { return "scale(" + factor + ")"; }
}
