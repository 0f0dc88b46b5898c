package org.ganglion.nn;

import org.ganglion.autograd.NoGrad;
import org.ganglion.graph.Config;
import org.ganglion.graph.Module;
import org.ganglion.graph.Parameter;

/**
 * Weight constraints by Keras name ({@code max_norm(max_value=2, axis=0)}, {@code non_neg}) and the
 * trainer hook: after every {@code optimizer.step(...)} call {@code Constraints.apply(model)}, which
 * walks the module tree and lets each {@link ConstrainedModule} project its weights.
 */
public final class Constraints {
    private Constraints() {}

    /** Applies every constraint in the tree rooted at {@code root}, outside autograd. */
    @SuppressWarnings("try") // the scope itself is the point; its variable is unused
    public static void apply(Module root) {
        try (NoGrad ng = NoGrad.enter()) {
            walk(root);
        }
    }

    private static void walk(Module m) {
        if (m instanceof ConstrainedModule c) c.applyConstraints();
        for (Module child : m.children().values()) walk(child);
    }

    /** Projects one trainable parameter (helper for {@link ConstrainedModule} implementations); frozen ones are left alone. */
    @SuppressWarnings("try")
    public static void project(Parameter p, Constraint c) {
        if (c == null || !p.trainable()) return;
        try (NoGrad ng = NoGrad.enter()) {
            p.assign(c.apply(p.value()).to(p.value().dtype()));
        }
    }

    public static MaxNorm maxNorm(double maxValue) { return new MaxNorm(maxValue); }

    public static NonNeg nonNeg() { return new NonNeg(); }

    /** From a spec: {@code "max_norm"}, {@code {"name": "max_norm", "max_value": 3, "axis": 0}}, {@code "non_neg"}, or a {@link Constraint}. */
    public static Constraint fromSpec(Object spec) {
        if (spec instanceof Constraint c) return c;
        String name = Specs.name("constraint", spec);
        Config c = Specs.config("constraint", spec);
        return switch (name) {
            case "max_norm" -> new MaxNorm(c.getDouble("max_value", 2.0), c.getInt("axis", 0));
            case "non_neg" -> new NonNeg();
            default -> throw new IllegalArgumentException("unknown constraint '" + name + "'; built in: max_norm, non_neg");
        };
    }

    /** The spec of a built-in constraint, or null for others. */
    public static Object toSpec(Constraint c) {
        if (c instanceof MaxNorm m) return Specs.map("max_norm", "max_value", m.maxValue(), "axis", m.axis());
        if (c instanceof NonNeg) return "non_neg";
        return null;
    }
}
