package org.ganglion.nn;

import java.util.Arrays;
import java.util.Map;
import org.ganglion.autograd.Variable;
import org.ganglion.core.ShapeMismatchException;
import org.ganglion.graph.Config;
import org.ganglion.graph.Module;

/**
 * Keras {@code InputLayer} (registered as {@code input}): declares the shape of one example (no
 * batch axis), e.g. {@code new InputLayer(28, 28)}; a size of -1 accepts any length on that axis. It is the identity on
 * batches of that shape and fails fast, naming both shapes, on anything else. A model builder
 * reads {@link #shape()} to build the layers after it before any data arrives. (The symbolic input
 * of a functional model is graph's {@code org.ganglion.graph.Input}; this is the layer form that can
 * stand first in a {@code Sequential} or a model spec.)
 */
public class InputLayer extends Module {
    private final int[] shape;

    public InputLayer(int... shape) {
        if (Arrays.stream(shape).anyMatch(d -> d < -1 || d == 0))
            throw new IllegalArgumentException("input: sizes must be positive or -1, got " + Arrays.toString(shape));
        this.shape = shape.clone();
    }

    /** Option {@code shape} (a list; Keras' {@code batch_shape} is not supported: the batch is always free). */
    public static InputLayer fromConfig(Config c) {
        int[] s = c.getInts("shape", 0, null);
        if (s == null) throw new IllegalArgumentException(c.component() + ": missing required option 'shape'");
        return new InputLayer(s);
    }

    /** The declared example shape (no batch axis). */
    public int[] shape() { return shape.clone(); }

    /** The declared shape, so that a {@code Sequential} starting with this layer builds eagerly. */
    @Override
    public int[] declaredInputShape() { return shape.clone(); }

    @Override
    protected int[] doBuild(int[] inputShape) {
        check(inputShape);
        return inputShape;
    }

    @Override
    public Variable forward(Variable x) {
        check(Arrays.copyOfRange(x.shape(), 1, Math.max(1, x.rank())));
        return x;
    }

    private void check(int[] example) {
        boolean ok = example.length == shape.length;
        for (int i = 0; ok && i < shape.length; i++) ok = shape[i] == -1 || shape[i] == example[i];
        if (!ok) throw ShapeMismatchException.of(describe(), "expected examples of shape " + Arrays.toString(shape)
                + ", got " + Arrays.toString(example), shape, example);
    }

    @Override
    public String typeName() { return "input"; }

    @Override
    public Map<String, Object> config() { return Map.of("shape", Arrays.stream(shape).boxed().toList()); }
}
