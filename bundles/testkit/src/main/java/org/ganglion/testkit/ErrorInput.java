package org.ganglion.testkit;

import java.util.List;
import org.ganglion.core.Tensor;

/**
 * An input that must fail: calling the op (or {@code call}, when the failure is in an overload or
 * argument the forward does not take) raises {@code type} with a message containing {@code fragment}.
 * Shape errors are {@link org.ganglion.core.ShapeMismatchException}s naming the op, dtype errors
 * {@link org.ganglion.core.DTypeMismatchException}s, index errors {@link IndexOutOfBoundsException}s
 * naming the index (raised by the device kernel itself).
 */
public record ErrorInput(String name, List<TensorSource> inputs, Args args, TensorOp call,
                         Class<? extends Throwable> type, String fragment) {
    public ErrorInput {
        inputs = List.copyOf(inputs);
    }

    public Tensor[] create() {
        Tensor[] t = new Tensor[inputs.size()];
        for (int i = 0; i < t.length; i++) t[i] = inputs.get(i).create();
        return t;
    }

    @Override
    public String toString() { return name; }
}
