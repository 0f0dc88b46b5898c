package org.ganglion.graph;

import org.ganglion.core.DType;
import org.ganglion.core.RandomKey;
import org.ganglion.core.Tensor;

/**
 * Creates the initial value of a parameter. Fans follow Keras/PyTorch: for a 2-D kernel
 * {@code [in, out]} fanIn = in, fanOut = out; for convolution kernels {@code [out, in, k...]} the
 * receptive field multiplies both (see {@link #fans}).
 */
@org.osgi.annotation.versioning.ConsumerType
public interface Initializer {
    Tensor initialize(int[] shape, DType dtype, RandomKey key);

    /** {@code {fanIn, fanOut}} for a parameter shape. */
    static int[] fans(int[] shape) {
        if (shape.length == 0) return new int[] {1, 1};
        if (shape.length == 1) return new int[] {shape[0], shape[0]};
        if (shape.length == 2) return new int[] {shape[0], shape[1]};
        int receptive = 1;
        for (int i = 2; i < shape.length; i++) receptive *= shape[i];
        return new int[] {shape[1] * receptive, shape[0] * receptive};
    }
}
