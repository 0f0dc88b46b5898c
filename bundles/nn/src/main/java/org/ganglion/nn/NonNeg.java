package org.ganglion.nn;

import org.ganglion.core.Tensor;

/** Keras' {@code NonNeg}: negative weights are set to 0. */
public record NonNeg() implements Constraint {
    @Override
    public Tensor apply(Tensor w) { return w.maximum(0.0); }
}
