package org.ganglion.graph;

import java.util.List;

/**
 * An input of a functional {@link Model} (or the declared input of a {@link Sequential}): the
 * shape of one sample, without the batch dimension, and an optional name. Unnamed inputs are
 * called {@code input_1}, {@code input_2}, … by the model that uses them.
 */
public final class Input extends Node {
    private final String name;

    private Input(String name, int[] shape) {
        super(null, List.of(), shape);
        this.name = name;
    }

    public static Input of(int... shape) { return of(null, shape); }

    /** A named input; the name must be an identifier (letters, digits, _) and unique in its model. */
    public static Input of(String name, int... shape) {
        if (name != null && !Module.NAME.matcher(name).matches())
            throw new IllegalArgumentException("Input: invalid name '" + name + "' (letters, digits and _; no dots)");
        for (int d : shape)
            if (d < 0) throw new IllegalArgumentException("Input: negative dimension in shape " + java.util.Arrays.toString(shape));
        return new Input(name, shape);
    }

    /** The name given by the user, or null. */
    public String name() { return name; }

    @Override
    public String toString() { return "Input(" + (name == null ? "" : name + ", ") + java.util.Arrays.toString(shape()) + ")"; }
}
