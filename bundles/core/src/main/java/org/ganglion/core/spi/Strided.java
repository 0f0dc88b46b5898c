package org.ganglion.core.spi;

import java.util.Arrays;

/**
 * A strided window onto a buffer: element {@code (i0, i1, ...)} lives at
 * {@code offset + i0*strides[0] + i1*strides[1] + ...}. A stride of 0 repeats an element, which is
 * how broadcasting reaches the kernels. Kernels must not modify the arrays.
 */
public record Strided(DeviceBuffer buffer, int offset, int[] shape, int[] strides) {
    public Strided {
        if (shape.length != strides.length)
            throw new IllegalArgumentException("shape " + Arrays.toString(shape) + " and strides "
                    + Arrays.toString(strides) + " differ in rank");
    }

    /** The whole buffer as a contiguous row-major array of the given shape. */
    public static Strided contiguous(DeviceBuffer buffer, int... shape) {
        return new Strided(buffer, 0, shape, rowMajorStrides(shape));
    }

    public int rank() { return shape.length; }

    public int elementCount() {
        int n = 1;
        for (int d : shape) n *= d;
        return n;
    }

    /** True when the elements are the buffer's elements {@code offset .. offset+count} in row-major order. */
    public boolean isContiguous() {
        int expected = 1;
        for (int i = shape.length - 1; i >= 0; i--) {
            if (shape[i] != 1 && strides[i] != expected) return false;
            expected *= shape[i];
        }
        return true;
    }

    public static int[] rowMajorStrides(int[] shape) {
        int[] s = new int[shape.length];
        int acc = 1;
        for (int i = shape.length - 1; i >= 0; i--) {
            s[i] = acc;
            acc *= shape[i];
        }
        return s;
    }

    @Override
    public String toString() {
        return "Strided" + Arrays.toString(shape) + "/" + Arrays.toString(strides) + "@" + offset;
    }
}
