package org.ganglion.nn;

import java.util.ArrayList;
import java.util.List;
import org.ganglion.autograd.Variable;
import org.ganglion.core.Tensor;
import org.ganglion.graph.Module;

/**
 * Collects weight penalties for the trainer: each training step computes
 * {@code loss + Regularization.total(model)} and differentiates that (Keras adds
 * {@code model.losses} the same way). Only modules implementing {@link RegularizedModule}
 * contribute; the walk covers the whole tree in {@link Module#children()} order.
 */
public final class Regularization {
    private Regularization() {}

    /** The penalties of every module in the tree, in tree order (empty when there are none). */
    public static List<Variable> penalties(Module root) {
        List<Variable> out = new ArrayList<>();
        collect(root, out);
        return out;
    }

    /** The sum of {@link #penalties}; a float32 constant 0 when the tree has none, so it can always be added to a loss. */
    public static Variable total(Module root) {
        Variable sum = null;
        for (Variable p : penalties(root)) sum = sum == null ? p : sum.add(p);
        return sum != null ? sum : Variable.of(Tensor.scalar(0));
    }

    /** True when some module of the tree has a penalty (a trainer may skip {@link #total} otherwise); computes none. */
    public static boolean hasPenalties(Module root) {
        if (root instanceof RegularizedModule r && r.hasRegularization()) return true;
        for (Module c : root.children().values()) if (hasPenalties(c)) return true;
        return false;
    }

    private static void collect(Module m, List<Variable> out) {
        if (m instanceof RegularizedModule r) {
            Variable p = r.regularizationLoss();
            if (p != null) out.add(p);
        }
        for (Module c : m.children().values()) collect(c, out);
    }
}
