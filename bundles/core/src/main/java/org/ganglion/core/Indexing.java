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
