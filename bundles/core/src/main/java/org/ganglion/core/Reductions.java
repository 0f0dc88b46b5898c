package org.ganglion.core;

import java.util.Arrays;
import org.ganglion.core.spi.ComputeDevice;
import org.ganglion.core.spi.ReduceOp;

/**
 * Reductions over any set of axes, expressed as the device's single primitive: reduce the middle
 * axis of a dense {@code [outer, n, inner]} array. Adjacent reduced axes of a dense tensor need no
 * copy; otherwise the reduced axes are permuted to the end and made contiguous.
 */
final class Reductions {
    private Reductions() {}

    static Tensor reduce(ReduceOp op, Tensor x, boolean keepDims, int... axes) {
        String name = op.name().toLowerCase(java.util.Locale.ROOT);
        if (x.dtype == DType.BOOL) throw new DTypeMismatchException(name + ": not defined for bool tensors (convert first)");
        boolean[] reduced = axisSet(name, x.rank(), axes);
        int[] outShape = outShape(x.shape, reduced, keepDims);
        int first = -1, last = -1, count = 0;
        for (int i = 0; i < reduced.length; i++) if (reduced[i]) { if (first < 0) first = i; last = i; count++; }
        if (count == 0) return x.copy();
        Tensor src = x;
        if (last - first + 1 != count) { // not adjacent: move the reduced axes to the end
            int[] order = new int[x.rank()];
            int k = 0;
            for (int i = 0; i < reduced.length; i++) if (!reduced[i]) order[k++] = i;
            for (int i = 0; i < reduced.length; i++) if (reduced[i]) order[k++] = i;
            src = x.permute(order);
            first = x.rank() - count;
            last = x.rank() - 1;
        }
        int outer = prod(src.shape, 0, first), n = prod(src.shape, first, last + 1), inner = prod(src.shape, last + 1, src.rank());
        return run(op, src.dense(), outer, n, inner, op.isArg() ? DType.INT64 : x.dtype, outShape);
    }

    static Tensor arg(ReduceOp op, Tensor x, int axis, boolean keepDims) {
        String name = op.name().toLowerCase(java.util.Locale.ROOT);
        if (x.dtype == DType.BOOL) throw new DTypeMismatchException(name + ": not defined for bool tensors");
        int a = Shape.axis(name, axis, x.rank());
        if (x.shape[a] == 0) throw ShapeMismatchException.of(name, "axis " + a + " is empty", x.shape);
        return reduce(op, x, keepDims, a);
    }

    static Tensor mean(Tensor x, boolean keepDims, int... axes) {
        if (!x.dtype.isFloating()) throw new DTypeMismatchException("mean: needs a floating tensor, got " + x.dtype);
        boolean[] reduced = axisSet("mean", x.rank(), axes);
        long n = 1;
        for (int i = 0; i < reduced.length; i++) if (reduced[i]) n *= x.shape[i];
        return reduce(ReduceOp.SUM, x, keepDims, axes).div((double) n);
    }

    private static Tensor run(ReduceOp op, Tensor src, int outer, int n, int inner, DType outType, int[] outShape) {
        return Tensor.registry().step(() -> {
            ComputeDevice d = Tensor.registry().active();
            Tensor out = Tensor.empty(d, outType, outShape);
            d.reduce(op, src.bufferOn(d), outer, n, inner, out.bufferOn(d));
            return out;
        });
    }

    /** Which axes are reduced; no axes means all. */
    static boolean[] axisSet(String op, int rank, int[] axes) {
        boolean[] r = new boolean[rank];
        if (axes.length == 0) Arrays.fill(r, true);
        for (int a : axes) {
            int k = Shape.axis(op, a, rank);
            if (r[k] && axes.length > 0) throw new ShapeMismatchException(op + ": axis " + a + " given twice in " + Arrays.toString(axes));
            r[k] = true;
        }
        return r;
    }

    private static int[] outShape(int[] shape, boolean[] reduced, boolean keepDims) {
        int n = 0;
        for (int i = 0; i < shape.length; i++) if (keepDims || !reduced[i]) n++;
        int[] out = new int[n];
        for (int i = 0, j = 0; i < shape.length; i++) {
            if (!reduced[i]) out[j++] = shape[i];
            else if (keepDims) out[j++] = 1;
        }
        return out;
    }

    static int prod(int[] s, int from, int to) {
        int p = 1;
        for (int i = from; i < to; i++) p *= s[i];
        return p;
    }
}
