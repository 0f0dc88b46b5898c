package org.ganglion.nn;

import org.ganglion.autograd.Variable;
import org.ganglion.graph.Regularizer;

/**
 * The elastic-net weight penalty {@code l1·Σ|w| + l2·Σw²} (Keras' {@code L1L2}; no factor ½ on the
 * L2 term, so {@code l2(0.01)} adds {@code 0.01·Σw²} and its gradient {@code 0.02·w}). L1 alone
 * ({@code l2 = 0}) drives weights towards exact zeros (sparsity); L2 alone shrinks them without
 * zeroing. The penalty is a scalar in the weight's dtype.
 */
public record L1L2(double l1, double l2) implements Regularizer {
    public L1L2 {
        if (!(l1 >= 0) || !(l2 >= 0)) throw new IllegalArgumentException("l1_l2: factors must be >= 0, got l1=" + l1 + ", l2=" + l2);
    }

    @Override
    public Variable penalty(Variable w) {
        Variable p = null;
        if (l1 > 0) p = w.abs().sum().mul(l1);
        if (l2 > 0) {
            Variable q = w.mul(w).sum().mul(l2);
            p = p == null ? q : p.add(q);
        }
        return p != null ? p : w.sum().mul(0.0);
    }
}
