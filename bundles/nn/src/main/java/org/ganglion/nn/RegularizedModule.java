package org.ganglion.nn;

import org.ganglion.autograd.Variable;

/**
 * A module whose own parameters carry weight penalties (Keras {@code kernel_regularizer} etc.).
 * {@link Regularization#total} walks a module tree and sums these.
 */
public interface RegularizedModule {
    /**
     * The sum of this module's own penalties (not its children's) for the current parameter values,
     * as a differentiable scalar; null when it has none. Frozen parameters contribute a constant.
     */
    Variable regularizationLoss();

    /** Whether {@link #regularizationLoss()} is non-null; override to answer without computing the penalty. */
    default boolean hasRegularization() { return regularizationLoss() != null; }
}
