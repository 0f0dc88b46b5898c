package org.ganglion.nn;

import org.ganglion.core.Tensor;

/**
 * Max-norm constraint (Srivastava et al. 2014, used with dropout), as Keras' {@code MaxNorm}: the
 * L2 norm of each slice along {@code axis} is limited to {@code maxValue}:
 * {@code w · clip(‖w‖, 0, maxValue) / (1e-7 + ‖w‖)}. For a Dense kernel {@code [in, out]} the
 * default {@code axis = 0} bounds each unit's incoming weight vector. Defaults: maxValue 2, axis 0.
 */
public record MaxNorm(double maxValue, int axis) implements Constraint {
    private static final double EPSILON = 1e-7;

    public MaxNorm {
        if (!(maxValue > 0)) throw new IllegalArgumentException("max_norm: max_value must be positive, got " + maxValue);
    }

    public MaxNorm(double maxValue) { this(maxValue, 0); }

    @Override
    public Tensor apply(Tensor w) {
        Tensor norms = w.square().sum(true, axis).sqrt();
        return w.mul(norms.clamp(0, maxValue).div(norms.add(EPSILON)));
    }
}
