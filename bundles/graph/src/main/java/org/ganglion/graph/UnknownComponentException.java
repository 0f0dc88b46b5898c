package org.ganglion.graph;

import java.util.Collection;
import org.ganglion.core.GanglionException;

/** A model spec or a call named a layer, loss, optimizer … that no registered plugin provides. */
public class UnknownComponentException extends GanglionException {
    private static final long serialVersionUID = 1L;
    private final String kind;
    private final String name;

    public UnknownComponentException(String kind, String name, Collection<String> registered) {
        super("unknown " + kind + " '" + name + "'; registered " + (kind.endsWith("s") ? kind + "es" : kind + "s") + ": " + (registered.isEmpty() ? "none" : String.join(", ", registered))
                + ". Install a bundle that provides it (a " + kind.substring(0, 1).toUpperCase(java.util.Locale.ROOT) + kind.substring(1)
                + "Factory service with ganglion.name=" + name + ").");
        this.kind = kind;
        this.name = name;
    }

    /** {@code layer}, {@code loss}, {@code optimizer}, … */
    public String kind() { return kind; }

    public String name() { return name; }
}
