package com.example.ganglion.plugin;

import org.ganglion.autograd.Functions;
import org.ganglion.autograd.Variable;
import org.ganglion.graph.Module;

/**
 * Mish activation (Misra 2019): {@code x * tanh(softplus(x))}, element-wise, no parameters. Built
 * from {@link Variable} operations, so autograd differentiates it and it runs on any device.
 */
public final class Mish extends Module {
    /** The registered component name, used in model specs. */
    public static final String TYPE = "mish";

    @Override
    public Variable forward(Variable x) {
        return x.mul(Functions.softplus(x).tanh());
    }

    /** Makes {@code ModelSpec.of(model)} (and so {@code Models.save}) able to describe this layer. */
    @Override
    public String typeName() { return TYPE; }
}
