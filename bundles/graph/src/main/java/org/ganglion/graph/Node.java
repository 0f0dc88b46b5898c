package org.ganglion.graph;

import java.util.Arrays;
import java.util.List;

/**
 * A symbolic tensor of a functional model: the output of a module applied to other nodes, or an
 * {@link Input}. It has a shape (without the batch dimension) but no values; {@link Model#of}
 * turns a graph of nodes into a model. Immutable, so a graph of nodes cannot contain a cycle.
 *
 * <pre>{@code
 * Input in = Input.of(784);
 * Node h = dense1.apply(in);
 * Node out = Merge.add(dense2.apply(h), h);
 * Model m = Model.of(in, out);
 * }</pre>
 */
public class Node {
    private final Module module;
    private final List<Node> inputs;
    private final int[] shape;

    Node(Module module, List<Node> inputs, int[] shape) {
        this.module = module;
        this.inputs = inputs;
        this.shape = shape.clone();
    }

    /** Shape of one sample (no batch dimension). */
    public int[] shape() { return shape.clone(); }

    /** The module that computes this node; null for an {@link Input}. */
    public Module module() { return module; }

    /** The nodes this one is computed from; empty for an {@link Input}. */
    public List<Node> inputs() { return inputs; }

    @Override
    public String toString() {
        return "Node(" + (module == null ? "input" : module.describe()) + ", " + Arrays.toString(shape) + ")";
    }
}
