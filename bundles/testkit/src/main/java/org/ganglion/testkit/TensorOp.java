package org.ganglion.testkit;

import org.ganglion.core.Tensor;

/** An operation over tensors as the table calls it: the sample's input tensors and its arguments. */
@FunctionalInterface
public interface TensorOp {
    Tensor apply(Tensor[] inputs, Args args);
}
