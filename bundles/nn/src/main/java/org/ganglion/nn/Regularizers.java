package org.ganglion.nn;

import org.ganglion.graph.ComponentRegistry;
import org.ganglion.graph.Config;
import org.ganglion.graph.Regularizer;

/**
 * Weight penalties by Keras name: {@code l1(l1=0.01)}, {@code l2(l2=0.01)}, {@code l1_l2(l1=0, l2=0)}
 * (Keras 3 defaults). Layers add them to {@link Regularization#total}; the trainer adds that to the loss.
 */
public final class Regularizers {
    private Regularizers() {}

    /** {@code factor·Σ|w|}. */
    public static L1L2 l1(double factor) { return new L1L2(factor, 0); }

    /** {@code factor·Σw²}. */
    public static L1L2 l2(double factor) { return new L1L2(0, factor); }

    /** {@code l1·Σ|w| + l2·Σw²} (elastic net). */
    public static L1L2 l1L2(double l1, double l2) { return new L1L2(l1, l2); }

    /** The built-in regularizer {@code name} ({@code l1}, {@code l2}, {@code l1_l2}) with options {@code l1} / {@code l2}. */
    public static Regularizer get(String name, Config c) {
        return switch (name) {
            case "l1" -> l1(c.getDouble("l1", c.getDouble("value", 0.01)));
            case "l2" -> l2(c.getDouble("l2", c.getDouble("value", 0.01)));
            case "l1_l2", "l1l2" -> l1L2(c.getDouble("l1", 0), c.getDouble("l2", 0));
            default -> throw new IllegalArgumentException("unknown regularizer '" + name + "'; built in: l1, l2, l1_l2");
        };
    }

    /** From a spec: a name, a map with {@code name} and options, or a {@link Regularizer}; other names go to the registry. */
    public static Regularizer fromSpec(Object spec) {
        if (spec instanceof Regularizer r) return r;
        String name = Specs.name("regularizer", spec);
        Config c = Specs.config("regularizer", spec);
        return switch (name) {
            case "l1", "l2", "l1_l2", "l1l2" -> get(name, c);
            default -> ComponentRegistry.global().regularizer(name, c);
        };
    }

    /** The spec of a built-in regularizer, or null for others. */
    public static Object toSpec(Regularizer r) {
        if (!(r instanceof L1L2 p)) return null;
        if (p.l2() == 0) return Specs.map("l1", "l1", p.l1());
        if (p.l1() == 0) return Specs.map("l2", "l2", p.l2());
        return Specs.map("l1_l2", "l1", p.l1(), "l2", p.l2());
    }
}
