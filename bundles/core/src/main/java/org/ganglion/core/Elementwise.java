package org.ganglion.core;

import org.ganglion.core.spi.BinaryOp;
import org.ganglion.core.spi.ComputeDevice;
import org.ganglion.core.spi.UnaryOp;

/** Elementwise operations: dtype checks and promotion, broadcasting, dispatch to the active device. */
final class Elementwise {
    private Elementwise() {}

    private static boolean acceptsInteger(UnaryOp op) {
        return op == UnaryOp.NEG || op == UnaryOp.ABS || op == UnaryOp.SIGN || op == UnaryOp.IS_NAN;
    }

    static Tensor unary(UnaryOp op, Tensor x) {
        String name = op.name().toLowerCase(java.util.Locale.ROOT);
        if (op == UnaryOp.NOT) {
            if (x.dtype != DType.BOOL) throw new DTypeMismatchException("not: needs a bool tensor, got " + x.dtype);
        } else if (x.dtype == DType.BOOL && op != UnaryOp.IS_NAN) {
            throw new DTypeMismatchException(name + ": not defined for bool tensors");
        } else if (!x.dtype.isFloating() && !acceptsInteger(op)) {
            throw new DTypeMismatchException(name + ": needs a floating tensor, got " + x.dtype + " (convert with to(DType.FLOAT32))");
        }
        DType outType = op == UnaryOp.IS_NAN ? DType.BOOL : x.dtype;
        return Tensor.registry().step(() -> {
            ComputeDevice d = Tensor.registry().active();
            Tensor out = Tensor.empty(d, outType, x.shape);
            d.unary(op, x.on(d), out.bufferOn(d));
            return out;
        });
    }

    static Tensor binary(BinaryOp op, Tensor a, Tensor b) {
        String name = op == BinaryOp.MAX ? "maximum" : op == BinaryOp.MIN ? "minimum" : op.name().toLowerCase(java.util.Locale.ROOT);
        int[] shape = Shape.broadcast(name, a.shape, b.shape);
        DType common = DType.promote(a.dtype, b.dtype);
        if (op.isLogical()) {
            if (a.dtype != DType.BOOL || b.dtype != DType.BOOL)
                throw new DTypeMismatchException(name + ": needs bool tensors, got " + a.dtype + " and " + b.dtype);
        } else if (common == DType.BOOL && !(op == BinaryOp.EQ || op == BinaryOp.NE)) {
            throw new DTypeMismatchException(name + ": not defined for bool tensors (use and/or, or convert)");
        }
        Tensor x = a.to(common).expand(shape), y = b.to(common).expand(shape);
        DType outType = op.producesBool() ? DType.BOOL : common;
        return Tensor.registry().step(() -> {
            ComputeDevice d = Tensor.registry().active();
            Tensor out = Tensor.empty(d, outType, shape);
            d.binary(op, x.on(d), y.on(d), out.bufferOn(d));
            return out;
        });
    }

    static Tensor where(Tensor cond, Tensor a, Tensor b) {
        if (cond.dtype != DType.BOOL) throw new DTypeMismatchException("where: condition must be bool, got " + cond.dtype);
        int[] shape = Shape.broadcast("where", cond.shape, a.shape, b.shape);
        DType common = DType.promote(a.dtype, b.dtype);
        Tensor c = cond.expand(shape), x = a.to(common).expand(shape), y = b.to(common).expand(shape);
        return Tensor.registry().step(() -> {
            ComputeDevice d = Tensor.registry().active();
            Tensor out = Tensor.empty(d, common, shape);
            d.where(c.on(d), x.on(d), y.on(d), out.bufferOn(d));
            return out;
        });
    }

    /** A rank-0 tensor holding {@code v}, typed so that {@code t op v} keeps t's type when v fits it. */
    static Tensor scalarLike(Tensor t, double v) {
        DType dt = t.dtype;
        boolean fits = v == Math.rint(v) && (dt == DType.INT64 ? Math.abs(v) <= 0x1p63 : dt != DType.INT32 || (v >= Integer.MIN_VALUE && v <= Integer.MAX_VALUE));
        if (dt == DType.BOOL || (dt.isInteger() && !fits)) dt = DType.promote(dt, DType.FLOAT32);
        return Tensor.scalar(v, dt);
    }
}
