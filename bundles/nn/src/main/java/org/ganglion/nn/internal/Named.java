package org.ganglion.nn.internal;

import java.util.List;
import java.util.Locale;
import org.ganglion.graph.Config;
import org.ganglion.graph.Loss;

/** The name and aliases every factory here reports, plus option parsing shared by the factories. */
abstract class Named {
    private final String name;
    private final List<String> aliases;

    Named(String name, String... aliases) {
        this.name = name;
        this.aliases = List.of(aliases);
    }

    public String name() { return name; }

    public List<String> aliases() { return aliases; }

    @Override
    public String toString() { return getClass().getSimpleName() + "[" + name + "]"; }

    /** {@code reduction}: mean (Keras {@code sum_over_batch_size}), sum or none; default mean. */
    static Loss.Reduction reduction(Config c) {
        String r = c.getString("reduction", "mean").toLowerCase(Locale.ROOT);
        return switch (r) {
            case "mean", "sum_over_batch_size", "auto" -> Loss.Reduction.MEAN;
            case "sum" -> Loss.Reduction.SUM;
            case "none" -> Loss.Reduction.NONE;
            default -> throw new IllegalArgumentException(c.component() + ": option 'reduction' must be mean, sum or none, got '" + r + "'");
        };
    }
}
