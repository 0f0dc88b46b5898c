package org.ganglion.core;

import java.util.Arrays;
import org.ganglion.core.spi.ComputeDevice;
import org.ganglion.core.spi.Strided;

/** Gather/scatter along an axis, index selection, concatenation and padding. */
final class Indexing {
    private Indexing() {}

    private static void checkIndex(String op, Tensor index) {
        if (!index.dtype.isInteger()) throw new DTypeMismatchException(op + ": index must be int32 or int64, got " + index.dtype);
    }

    static Tensor gather(Tensor x, int axis, Tensor index) {
        checkIndex("gather", index);
        int a = Shape.axis("gather", axis, x.rank());
        checkSameExceptAxis("gather", x, index, a);
        int outer = Reductions.prod(x.shape, 0, a), inner = Reductions.prod(x.shape, a + 1, x.rank());
        Tensor xs = x.dense(), is = index.dense();
        return Tensor.registry().step(() -> {
            ComputeDevice d = Tensor.registry().active();
            Tensor out = Tensor.empty(d, x.dtype, index.shape);
            d.gather(xs.bufferOn(d), is.bufferOn(d), outer, x.shape[a], index.shape[a], inner, out.bufferOn(d));
            return out;
        });
    }

    static Tensor scatterAdd(Tensor x, int axis, Tensor index, Tensor src) {
        checkIndex("scatterAdd", index);
        int a = Shape.axis("scatterAdd", axis, x.rank());
        checkSameExceptAxis("scatterAdd", x, index, a);
        if (!Arrays.equals(index.shape, src.shape))
            throw ShapeMismatchException.of("scatterAdd", "index and src must have the same shape", x.shape, index.shape, src.shape);
        int outer = Reductions.prod(x.shape, 0, a), inner = Reductions.prod(x.shape, a + 1, x.rank());
        Tensor is = index.dense(), ss = src.to(x.dtype).dense();
        return Tensor.registry().step(() -> {
            ComputeDevice d = Tensor.registry().active();
            Tensor out = x.copy();
            d.scatterAdd(ss.bufferOn(d), is.bufferOn(d), outer, x.shape[a], index.shape[a], inner, out.bufferOn(d));
            return out;
        });
    }

    static Tensor indexSelect(Tensor x, int axis, Tensor index) {
        checkIndex("indexSelect", index);
        if (index.rank() != 1) throw ShapeMismatchException.of("indexSelect", "index must be 1-D", x.shape, index.shape);
        int a = Shape.axis("indexSelect", axis, x.rank());
        int outer = Reductions.prod(x.shape, 0, a), inner = Reductions.prod(x.shape, a + 1, x.rank());
        int[] outShape = x.shape.clone();
        outShape[a] = index.shape[0];
        if (a == 0 && x.isContiguous() && !isWholeBuffer(x)) return selectRows(x, index, inner, outShape);
        return indexSelectDense(x, a, index, outer, inner, outShape);
    }

    private static boolean isWholeBuffer(Tensor x) {
        return x.offset == 0 && x.storage.cell.buffer().size() == x.numel();
    }

    /**
     * Rows of a contiguous window of a larger buffer (a mini-batch of a dataset slice): selects from
     * the whole buffer with the indices shifted by the window's first row, instead of copying the
     * window. Indices are checked against the window on the host.
     */
    private static Tensor selectRows(Tensor x, Tensor index, int inner, int[] outShape) {
        int size = x.storage.cell.buffer().size();
        if (inner == 0 || x.offset % inner != 0 || size % inner != 0) return indexSelectDense(x, 0, index, 1, inner, outShape);
        long[] idx = index.toLongArray();
        int n = x.shape[0], first = x.offset / inner;
        long[] shifted = new long[idx.length];
        for (int i = 0; i < idx.length; i++) {
            if (idx[i] < 0 || idx[i] >= n) throw new IndexOutOfBoundsException("indexSelect: index " + idx[i] + " out of range [0, " + n + ")");
            shifted[i] = idx[i] + first;
        }
        Tensor is = Tensor.of(shifted);
        Tensor whole = new Tensor(x.storage, x.dtype, new int[] {size / inner, inner}, new int[] {inner, 1}, 0);
        return Tensor.registry().step(() -> {
            ComputeDevice d = Tensor.registry().active();
            Tensor out = Tensor.empty(d, x.dtype, outShape);
            d.indexSelect(whole.bufferOn(d), is.bufferOn(d), 1, size / inner, idx.length, inner, out.bufferOn(d));
            return out;
        });
    }

    private static Tensor indexSelectDense(Tensor x, int a, Tensor index, int outer, int inner, int[] outShape) {
        Tensor xs = x.dense(), is = index.dense();
        return Tensor.registry().step(() -> {
            ComputeDevice d = Tensor.registry().active();
            Tensor out = Tensor.empty(d, x.dtype, outShape);
            d.indexSelect(xs.bufferOn(d), is.bufferOn(d), outer, x.shape[a], index.shape[0], inner, out.bufferOn(d));
            return out;
        });
    }

    static Tensor indexAdd(Tensor x, int axis, Tensor index, Tensor src) {
        checkIndex("indexAdd", index);
        int a = Shape.axis("indexAdd", axis, x.rank());
        int[] expected = x.shape.clone();
        if (index.rank() == 1) expected[a] = index.shape[0];
        if (index.rank() != 1 || !Arrays.equals(expected, src.shape))
            throw ShapeMismatchException.of("indexAdd", "need a 1-D index and src shaped like x with index.size along the axis", x.shape, index.shape, src.shape);
        int outer = Reductions.prod(x.shape, 0, a), inner = Reductions.prod(x.shape, a + 1, x.rank());
        Tensor is = index.dense(), ss = src.to(x.dtype).dense();
        return Tensor.registry().step(() -> {
            ComputeDevice d = Tensor.registry().active();
            Tensor out = x.copy();
            d.indexAdd(ss.bufferOn(d), is.bufferOn(d), outer, x.shape[a], index.shape[0], inner, out.bufferOn(d));
            return out;
        });
    }

    private static void checkSameExceptAxis(String op, Tensor x, Tensor index, int a) {
        boolean ok = index.rank() == x.rank();
        for (int i = 0; ok && i < x.rank(); i++) if (i != a && index.shape[i] != x.shape[i]) ok = false;
        if (!ok) throw ShapeMismatchException.of(op, "index must match the input in every dimension except " + a, x.shape, index.shape);
    }

    static Tensor concat(int axis, Tensor... parts) {
        if (parts.length == 0) throw new IllegalArgumentException("concat: needs at least one tensor");
        Tensor first = parts[0];
        int a = Shape.axis("concat", axis, first.rank());
        int total = 0;
        DType dt = first.dtype;
        for (Tensor p : parts) {
            boolean ok = p.rank() == first.rank();
            for (int i = 0; ok && i < p.rank(); i++) if (i != a && p.shape[i] != first.shape[i]) ok = false;
            if (!ok) throw ShapeMismatchException.of("concat", "shapes must match except along axis " + a,
                    Arrays.stream(parts).map(t -> t.shape).toArray(int[][]::new));
            total += p.shape[a];
            dt = DType.promote(dt, p.dtype);
        }
        int[] outShape = first.shape.clone();
        outShape[a] = total;
        DType outType = dt;
        return Tensor.registry().step(() -> {
            ComputeDevice d = Tensor.registry().active();
            Tensor out = Tensor.empty(d, outType, outShape);
            int at = 0;
            for (Tensor p : parts) {
                Tensor window = out.slice(a, at, at + p.shape[a]);
                d.copy(p.on(d), window.on(d));
                at += p.shape[a];
            }
            return out;
        });
    }

    static Tensor pad(Tensor x, int[] before, int[] after, double value) {
        if (before.length != x.rank() || after.length != x.rank())
            throw ShapeMismatchException.of("pad", "need one before/after amount per dimension", x.shape, before, after);
        int[] outShape = x.shape.clone();
        for (int i = 0; i < outShape.length; i++) {
            if (before[i] < 0 || after[i] < 0) throw new IllegalArgumentException("pad: amounts must be non-negative: " + Arrays.toString(before) + " " + Arrays.toString(after));
            outShape[i] += before[i] + after[i];
        }
        return Tensor.registry().step(() -> {
            ComputeDevice d = Tensor.registry().active();
            Tensor out = Tensor.empty(d, x.dtype, outShape);
            d.fill(out.bufferOn(d), value);
            Tensor window = out;
            for (int i = 0; i < outShape.length; i++) window = window.slice(i, before[i], before[i] + x.shape[i]);
            d.copy(x.on(d), new Strided(out.bufferOn(d), window.offset, window.shape, window.strides));
            return out;
        });
    }
}
