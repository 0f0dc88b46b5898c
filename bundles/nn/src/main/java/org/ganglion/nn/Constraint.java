package org.ganglion.nn;

import org.ganglion.core.Tensor;

/**
 * A projection applied to a weight after each optimizer step (Keras {@code kernel_constraint}),
 * e.g. {@link MaxNorm}. Returns the projected value with the same shape and dtype; it is applied
 * outside autograd and must not depend on gradients.
 */
@FunctionalInterface
public interface Constraint {
    Tensor apply(Tensor weight);
}
