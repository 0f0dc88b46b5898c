package org.ganglion.testkit;

import org.ganglion.autograd.Variable;

/**
 * The same operation over autograd variables, for the gradient check. Floating inputs arrive as
 * parameters, integer and bool inputs (indices, conditions) as constants whose {@link Variable#value()}
 * the function reads.
 */
@FunctionalInterface
public interface VariableOp {
    Variable apply(Variable[] inputs, Args args);
}
