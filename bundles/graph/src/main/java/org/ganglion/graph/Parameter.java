package org.ganglion.graph;

import org.ganglion.autograd.Variable;
import org.ganglion.core.Tensor;

/**
 * A trainable tensor of a module: a leaf {@link Variable} plus a trainable flag. Optimizers update
 * it with {@link #assign}; frozen parameters ({@code trainable == false}) get no updates and no
 * gradients recorded.
 */
public final class Parameter {
    private final Variable variable;
    private boolean trainable = true;

    public Parameter(Tensor initial) { this.variable = Variable.param(initial); }

    /** The variable to use in a forward pass (a constant view of it when frozen, so no gradient is recorded). */
    public Variable variable() { return trainable ? variable : Variable.of(variable.value()); }

    public Tensor value() { return variable.value(); }

    /** The accumulated gradient, or null. */
    public Tensor grad() { return variable.grad(); }

    public void zeroGrad() { variable.zeroGrad(); }

    /** Replaces the value (same shape and dtype), keeping the gradient. */
    public void assign(Tensor value) { variable.assign(value); }

    public boolean trainable() { return trainable; }

    public void setTrainable(boolean trainable) { this.trainable = trainable; }

    public int[] shape() { return variable.shape(); }

    public int numel() { return variable.numel(); }

    @Override
    public String toString() { return "Parameter" + java.util.Arrays.toString(shape()) + (trainable ? "" : " (frozen)"); }
}
