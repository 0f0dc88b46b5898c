package org.ganglion.core.host;

import java.util.Arrays;
import org.ganglion.core.ShapeMismatchException;
import org.ganglion.core.spi.Strided;

/**
 * Walks one shape in row-major order and keeps, for each of several strided views of that shape,
 * the buffer offset of the current element. Typical use:
 *
 * <pre>{@code
 * Odometer it = new Odometer("add", a, b);
 * for (int e = 0; e < it.count(); e++, it.advance())
 *     out[e] = x[it.offset(0)] + y[it.offset(1)];
 * }</pre>
 *
 * The constructor checks that every view has the shape of the first and lies inside its buffer, so
 * kernels never index outside an array.
 */
final class Odometer {
    private final int[] shape;
    private final int[][] strides;
    private final int[] index;
    private final int[] offsets;
    private final int count;

    Odometer(String op, Strided... views) {
        shape = views[0].shape();
        strides = new int[views.length][];
        offsets = new int[views.length];
        index = new int[shape.length];
        long n = 1;
        for (int d : shape) {
            if (d < 0) throw ShapeMismatchException.of(op, "negative dimension", shape);
            n *= d;
        }
        if (n > Integer.MAX_VALUE) throw ShapeMismatchException.of(op, "more than 2^31-1 elements", shape);
        count = (int) n;
        for (int v = 0; v < views.length; v++) {
            Strided s = views[v];
            if (!Arrays.equals(s.shape(), shape))
                throw ShapeMismatchException.of(op, "strided views differ in shape", shape, s.shape());
            if (count > 0) checkInside(op, s);
            strides[v] = s.strides();
            offsets[v] = s.offset();
        }
    }

    /** Number of elements of the shape. */
    int count() { return count; }

    /** Buffer offset of the current element in view {@code v}. */
    int offset(int v) { return offsets[v]; }

    /** Moves to the next element in row-major order (after the last one, back to the first). */
    void advance() {
        for (int d = shape.length - 1; d >= 0; d--) {
            index[d]++;
            for (int v = 0; v < offsets.length; v++) offsets[v] += strides[v][d];
            if (index[d] < shape[d]) return;
            for (int v = 0; v < offsets.length; v++) offsets[v] -= strides[v][d] * shape[d];
            index[d] = 0;
        }
    }

    private static void checkInside(String op, Strided s) {
        long lo = s.offset(), hi = s.offset();
        for (int d = 0; d < s.rank(); d++) {
            long reach = (long) s.strides()[d] * (s.shape()[d] - 1);
            if (reach < 0) lo += reach; else hi += reach;
        }
        int size = s.buffer().size();
        if (lo < 0 || hi >= size)
            throw new IndexOutOfBoundsException(op + ": " + s + " reaches elements " + lo + ".." + hi
                    + " outside a buffer of size " + size);
    }
}
