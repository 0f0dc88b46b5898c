package org.ganglion.core;

import java.util.Arrays;
import org.ganglion.core.spi.Activation;
import org.ganglion.core.spi.ComputeDevice;
import org.ganglion.core.spi.GemmEpilogue;
import org.ganglion.core.spi.MatmulSpec;

/**
 * Matrix products. A transposed view is passed to the device as a transposed operand rather than
 * copied; other non-dense layouts are copied once.
 */
final class Products {
    private Products() {}

    /** An operand as the device sees it: a buffer, whether it is stored transposed, offset and batch stride. */
    private record Operand(Tensor base, boolean trans, int offset, int batchStride) {}

    static Tensor matmul(Tensor a, Tensor b) {
        if (a.rank() == 0 || b.rank() == 0) throw ShapeMismatchException.of("matmul", "operands must have at least one dimension", a.shape, b.shape);
        checkFloat("matmul", a, b);
        DType dt = DType.promote(a.dtype, b.dtype);
        Tensor x = a.rank() == 1 ? a.unsqueeze(0) : a, y = b.rank() == 1 ? b.unsqueeze(1) : b;
        x = x.to(dt);
        y = y.to(dt);
        int m = x.shape[x.rank() - 2], k = x.shape[x.rank() - 1], k2 = y.shape[y.rank() - 2], n = y.shape[y.rank() - 1];
        if (k != k2) throw ShapeMismatchException.of("matmul", "inner dimensions differ (" + k + " vs " + k2 + ")", a.shape, b.shape);
        int[] batch = Shape.broadcast("matmul", Arrays.copyOf(x.shape, x.rank() - 2), Arrays.copyOf(y.shape, y.rank() - 2));
        int batchN = Shape.numel(batch);
        Operand oa = operand(x, batch, m, k), ob = operand(y, batch, k, n);
        int[] outShape = Arrays.copyOf(batch, batch.length + 2);
        outShape[batch.length] = m;
        outShape[batch.length + 1] = n;
        MatmulSpec spec = new MatmulSpec(batchN, m, n, k, oa.trans, oa.offset, oa.batchStride, ob.trans, ob.offset, ob.batchStride);
        Tensor out = Tensor.registry().step(() -> {
            ComputeDevice d = Tensor.registry().active();
            Tensor o = Tensor.empty(d, dt, outShape);
            d.matmul(spec, oa.base.bufferOn(d), ob.base.bufferOn(d), o.bufferOn(d));
            return o;
        });
        if (a.rank() == 1) out = out.squeeze(out.rank() - 2);
        if (b.rank() == 1) out = out.squeeze(out.rank() - 1);
        return out;
    }

    /** Describes {@code t} (shape {@code [..., rows, cols]}) broadcast over {@code batch}, copying only when no strides fit. */
    private static Operand operand(Tensor t, int[] batch, int rows, int cols) {
        int r = t.rank();
        int rs = t.strides[r - 2], cs = t.strides[r - 1];
        boolean plain = (cols == 1 || cs == 1) && (rows == 1 || rs == cols);
        boolean trans = !plain && (rows == 1 || rs == 1) && (cols == 1 || cs == rows);
        int[] tb = Arrays.copyOf(t.shape, r - 2);
        boolean broadcastOne = Shape.numel(tb) == 1;
        if ((plain || trans) && broadcastOne) return new Operand(t, trans, t.offset, 0);
        if ((plain || trans) && Arrays.equals(tb, batch) && uniformBatch(t, rows * cols)) return new Operand(t, trans, t.offset, rows * cols);
        int[] full = Arrays.copyOf(batch, batch.length + 2);
        full[batch.length] = rows;
        full[batch.length + 1] = cols;
        Tensor dense = t.expand(full).copy();
        return new Operand(dense, false, 0, broadcastOne ? 0 : rows * cols);
    }

    private static boolean uniformBatch(Tensor t, int matrix) {
        int expected = matrix;
        for (int i = t.rank() - 3; i >= 0; i--) {
            if (t.shape[i] != 1 && t.strides[i] != expected) return false;
            expected *= t.shape[i];
        }
        return true;
    }

    static Tensor linear(Tensor x, Tensor w, Tensor bias, Activation act, boolean allowFused) {
        if (x.rank() != 2 || w.rank() != 2 || (bias != null && bias.rank() != 1)
                || x.shape[1] != w.shape[0] || (bias != null && bias.shape[0] != w.shape[1]))
            throw ShapeMismatchException.of("linear", "need x [m, k], w [k, n], bias [n]",
                    x.shape, w.shape, bias == null ? new int[0] : bias.shape);
        checkFloat("linear", x, w);
        boolean sameType = x.dtype == w.dtype && (bias == null || bias.dtype == x.dtype);
        if (!allowFused || !sameType || Tensor.registry().active().capability(GemmEpilogue.class).isEmpty())
            return linearComposite(x, w, bias, act);
        Operand oa = operand(x, new int[0], x.shape[0], x.shape[1]), ob = operand(w, new int[0], w.shape[0], w.shape[1]);
        Tensor b = bias == null ? null : bias.dense();
        int m = x.shape[0], n = w.shape[1], k = x.shape[1];
        MatmulSpec spec = new MatmulSpec(1, m, n, k, oa.trans, oa.offset, 0, ob.trans, ob.offset, 0);
        return Tensor.registry().step(() -> {
            ComputeDevice d = Tensor.registry().active();
            // the device may have changed since the check above; a device without the kernel runs the composite
            GemmEpilogue g = d.capability(GemmEpilogue.class).orElse(null);
            if (g == null) return linearComposite(x, w, bias, act);
            Tensor o = Tensor.empty(d, x.dtype, m, n);
            g.gemm(spec, oa.base.bufferOn(d), ob.base.bufferOn(d), b == null ? null : b.bufferOn(d), act, o.bufferOn(d));
            return o;
        });
    }

    private static Tensor linearComposite(Tensor x, Tensor w, Tensor bias, Activation act) {
        Tensor y = x.matmul(w);
        if (bias != null) y = y.add(bias);
        return activate(y, act);
    }

    /** The composite definition of each epilogue activation. */
    static Tensor activate(Tensor y, Activation act) {
        return switch (act) {
            case NONE -> y;
            case RELU -> y.relu();
            case SIGMOID -> y.sigmoid();
            case TANH -> y.tanh();
        };
    }

    private static void checkFloat(String op, Tensor a, Tensor b) {
        if (!a.dtype.isFloating() || !b.dtype.isFloating())
            throw new DTypeMismatchException(op + ": needs floating tensors, got " + a.dtype + " and " + b.dtype);
    }
}
