package org.ganglion.nn;

import org.ganglion.autograd.Variable;
import org.ganglion.core.Shape;
import org.ganglion.core.ShapeMismatchException;
import org.ganglion.graph.Module;

/**
 * Keras {@code Flatten}: {@code [batch, d1, d2, ...]} to {@code [batch, d1·d2·…]} in row-major
 * order (a {@code [N, 28, 28]} image batch becomes {@code [N, 784]}); {@code [batch]} becomes
 * {@code [batch, 1]}. No parameters.
 */
public class Flatten extends Module {
    @Override
    protected int[] doBuild(int[] inputShape) { return new int[] {Shape.numel(inputShape)}; }

    @Override
    public Variable forward(Variable x) {
        if (x.rank() == 0) throw new ShapeMismatchException(describe() + ": input must have a batch dimension; got a scalar");
        return x.reshape(x.shape(0), -1);
    }

    @Override
    public String typeName() { return "flatten"; }
}
