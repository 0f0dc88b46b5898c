package org.ganglion.autograd;

import java.util.Arrays;
import java.util.stream.IntStream;
import org.ganglion.core.DType;
import org.ganglion.core.Shape;
import org.ganglion.core.Tensor;
import org.ganglion.core.spi.Activation;

/**
 * Every differentiable primitive: its forward (one {@link Tensor} operation) and its one VJP rule.
 * Rules are written with {@link Variable} operations; the engine runs them under {@link NoGrad},
 * so they record nothing today but could build a graph for higher-order gradients tomorrow.
 * In a rule, {@code g} is the gradient of the output, {@code n[i]} says whether input {@code i}
 * needs one, and {@code out} is the output variable. Binary rules return gradients shaped like the
 * broadcast output; {@link #sumTo} reduces them to each operand's shape.
 */
final class Primitives {
    private Primitives() {}

    // ---- elementwise binary --------------------------------------------------------------

    /** The gradient for one operand of a binary op, before un-broadcasting. */
    private interface BinaryRule { Variable apply(Variable g, Variable a, Variable b, Variable out); }

    private static Variable binary(String op, Tensor value, Variable a, Variable b, BinaryRule ra, BinaryRule rb) {
        int[] sa = a.shape(), sb = b.shape();
        return Engine.record(op, value, (g, n, out) -> new Variable[] {
                n[0] ? sumTo(ra.apply(g, a, b, out), sa) : null,
                n[1] ? sumTo(rb.apply(g, a, b, out), sb) : null}, a, b);
    }

    static Variable add(Variable a, Variable b) {
        return binary("add", a.value().add(b.value()), a, b, (g, x, y, o) -> g, (g, x, y, o) -> g);
    }

    static Variable sub(Variable a, Variable b) {
        return binary("sub", a.value().sub(b.value()), a, b, (g, x, y, o) -> g, (g, x, y, o) -> g.neg());
    }

    static Variable mul(Variable a, Variable b) {
        return binary("mul", a.value().mul(b.value()), a, b, (g, x, y, o) -> g.mul(y), (g, x, y, o) -> g.mul(x));
    }

    /** d(a/b)/db = -a/b² = -out/b. */
    static Variable div(Variable a, Variable b) {
        return binary("div", a.value().div(b.value()), a, b, (g, x, y, o) -> g.div(y), (g, x, y, o) -> g.mul(o).div(y).neg());
    }

    /**
     * d(x^y)/dx = y·x^(y-1), taken as 0 where y == 0 (so 0^0 gives no NaN); d(x^y)/dy = x^y·ln x,
     * taken as 0 where x == 0 and y >= 0 (PyTorch's convention). The logarithm reads a safe
     * substitute there, so not even a second derivative sees the NaN. The exponent's rule runs
     * only when the exponent requires a gradient.
     */
    static Variable pow(Variable a, Variable b) {
        return binary("pow", a.value().pow(b.value()), a, b,
                (g, x, y, o) -> Variable.where(y.value().eq(0), zero(g), g.mul(y).mul(x.pow(y.sub(1)))),
                (g, x, y, o) -> {
                    Tensor flat = x.value().eq(0).and(y.value().ge(0));
                    Variable logx = Variable.where(flat, Variable.of(Tensor.scalar(1, x.dtype())), x).log();
                    return Variable.where(flat, zero(g), g.mul(o).mul(logx));
                });
    }

    static Variable maximum(Variable a, Variable b) {
        return extremum("maximum", a.value().maximum(b.value()), a, b, true);
    }

    static Variable minimum(Variable a, Variable b) {
        return extremum("minimum", a.value().minimum(b.value()), a, b, false);
    }

    /** The winner takes the gradient; ties split it 1/2 : 1/2 (as PyTorch). */
    private static Variable extremum(String op, Tensor value, Variable a, Variable b, boolean max) {
        return binary(op, value, a, b, (g, x, y, o) -> g.mul(Variable.of(share(x, y, max))),
                (g, x, y, o) -> g.mul(Variable.of(share(x, y, max).neg().add(1))));
    }

    /** 1 where {@code a} wins, 1/2 on a tie, 0 where {@code b} wins. */
    private static Tensor share(Variable a, Variable b, boolean max) {
        Tensor x = a.value(), y = b.value();
        DType dt = DType.promote(DType.promote(x.dtype(), y.dtype()), DType.FLOAT32);
        return (max ? x.gt(y) : x.lt(y)).to(dt).add(x.eq(y).to(dt).mul(0.5));
    }

    /** The gradient goes to the branch that was chosen. */
    static Variable where(Tensor cond, Variable a, Variable b) {
        int[] sa = a.shape(), sb = b.shape();
        return Engine.record("where", Tensor.where(cond, a.value(), b.value()), (g, n, out) -> new Variable[] {
                n[0] ? sumTo(Variable.where(cond, g, zero(g)), sa) : null,
                n[1] ? sumTo(Variable.where(cond, zero(g), g), sb) : null}, a, b);
    }

    // ---- elementwise unary ---------------------------------------------------------------

    private interface UnaryRule { Variable apply(Variable g, Variable x, Variable out); }

    private static Variable unary(String op, Tensor value, Variable x, UnaryRule r) {
        return Engine.record(op, value, (g, n, out) -> one(r.apply(g, x, out)), x);
    }

    static Variable neg(Variable x) { return unary("neg", x.value().neg(), x, (g, in, o) -> g.neg()); }

    static Variable exp(Variable x) { return unary("exp", x.value().exp(), x, (g, in, o) -> g.mul(o)); }

    static Variable expm1(Variable x) { return unary("expm1", x.value().expm1(), x, (g, in, o) -> g.mul(o.add(1))); }

    static Variable log(Variable x) { return unary("log", x.value().log(), x, (g, in, o) -> g.div(in)); }

    static Variable log1p(Variable x) { return unary("log1p", x.value().log1p(), x, (g, in, o) -> g.div(in.add(1))); }

    static Variable sqrt(Variable x) { return unary("sqrt", x.value().sqrt(), x, (g, in, o) -> g.div(o.mul(2))); }

    static Variable reciprocal(Variable x) {
        return unary("reciprocal", x.value().reciprocal(), x, (g, in, o) -> g.mul(o.mul(o)).neg());
    }

    static Variable sin(Variable x) { return unary("sin", x.value().sin(), x, (g, in, o) -> g.mul(in.cos())); }

    static Variable cos(Variable x) { return unary("cos", x.value().cos(), x, (g, in, o) -> g.mul(in.sin()).neg()); }

    static Variable tanh(Variable x) { return unary("tanh", x.value().tanh(), x, (g, in, o) -> g.mul(o.mul(o).neg().add(1))); }

    static Variable sigmoid(Variable x) {
        return unary("sigmoid", x.value().sigmoid(), x, (g, in, o) -> g.mul(o.mul(o.neg().add(1))));
    }

    private static final double TWO_OVER_SQRT_PI = 2 / Math.sqrt(Math.PI);

    static Variable erf(Variable x) {
        return unary("erf", x.value().erf(), x, (g, in, o) -> g.mul(in.mul(in).neg().exp().mul(TWO_OVER_SQRT_PI)));
    }

    /** sign(x) is piecewise constant, so it enters the rule as a constant (0 at 0). */
    static Variable abs(Variable x) {
        return unary("abs", x.value().abs(), x, (g, in, o) -> g.mul(Variable.of(in.value().sign())));
    }

    // ---- reductions and products ---------------------------------------------------------

    /** Each input element receives the gradient of the sum it went into. */
    static Variable sum(Variable x, boolean keepDims, int... axes) {
        Tensor value = x.value().sum(keepDims, axes.clone());
        int[] in = x.shape(), keep = keepShape(in, axes);
        return Engine.record("sum", value, (g, n, out) -> one(g.reshape(keep).expand(in)), x);
    }

    /** The gradient goes to the extreme elements, split evenly among ties (PyTorch amax/amin). */
    static Variable maxOrMin(Variable x, boolean max, boolean keepDims, int... axes) {
        int[] ax = axes.clone();
        Tensor value = max ? x.value().max(keepDims, ax) : x.value().min(keepDims, ax);
        int[] keep = keepShape(x.shape(), ax);
        return Engine.record(max ? "max" : "min", value, (g, n, out) -> {
            Tensor hit = x.value().eq(out.value().reshape(keep)).to(g.dtype());
            return one(g.reshape(keep).mul(Variable.of(hit.div(hit.sum(true, ax)))));
        }, x);
    }

    /**
     * dA = G·Bᵀ and dB = Aᵀ·G on the operands promoted to at least 2-D (a 1-D A is a row, a 1-D B a
     * column), then summed over broadcast batch dimensions and reshaped back.
     */
    static Variable matmul(Variable a, Variable b) {
        return Engine.record("matmul", a.value().matmul(b.value()), (g, n, out) -> {
            Variable a2 = a.rank() == 1 ? a.unsqueeze(0) : a, b2 = b.rank() == 1 ? b.unsqueeze(1) : b, g2 = g;
            if (b.rank() == 1) g2 = g2.unsqueeze(g2.rank());
            if (a.rank() == 1) g2 = g2.unsqueeze(g2.rank() - 1);
            return new Variable[] {
                    n[0] ? sumTo(g2.matmul(b2.transpose(-1, -2)), a2.shape()).reshape(a.shape()) : null,
                    n[1] ? sumTo(a2.transpose(-1, -2).matmul(g2), b2.shape()).reshape(b.shape()) : null};
        }, a, b);
    }

    /** Forward through {@link Tensor#linear} (fused where possible); backward is the composite's. */
    static Variable linear(Variable x, Variable w, Variable b, Activation act) {
        Tensor value = Tensor.linear(x.value(), w.value(), b == null ? null : b.value(), act);
        Node.Rule rule = (g, n, out) -> {
            Variable dz = switch (act) {
                case NONE -> g;
                case RELU -> g.mul(Variable.of(out.value().gt(0).to(g.dtype())));
                case SIGMOID -> g.mul(out.mul(out.neg().add(1)));
                case TANH -> g.mul(out.mul(out).neg().add(1));
            };
            Variable[] r = new Variable[n.length];
            if (n[0]) r[0] = dz.matmul(w.t());
            if (n[1]) r[1] = x.t().matmul(dz);
            if (b != null && n[2]) r[2] = dz.sum(0);
            return r;
        };
        return b == null ? Engine.record("linear", value, rule, x, w) : Engine.record("linear", value, rule, x, w, b);
    }

    // ---- views and conversion ------------------------------------------------------------

    static Variable reshape(Variable x, int... shape) {
        int[] in = x.shape();
        return Engine.record("reshape", x.value().reshape(shape), (g, n, o) -> one(g.reshape(in)), x);
    }

    static Variable transpose(Variable x, int a0, int a1) {
        return Engine.record("transpose", x.value().transpose(a0, a1), (g, n, o) -> one(g.transpose(a0, a1)), x);
    }

    static Variable permute(Variable x, int... order) {
        Tensor value = x.value().permute(order);
        int[] inverse = new int[order.length];
        for (int i = 0; i < order.length; i++) inverse[Shape.axis("permute", order[i], order.length)] = i;
        return Engine.record("permute", value, (g, n, o) -> one(g.permute(inverse)), x);
    }

    /** The gradient is scattered into zeros: padding for unit steps, indexAdd otherwise. */
    static Variable slice(Variable x, int axis, int start, int end, int step) {
        Tensor value = x.value().slice(axis, start, end, step);
        int[] in = x.shape();
        int ax = Shape.axis("slice", axis, in.length), size = in[ax];
        int s = Math.max(0, Math.min(size, start < 0 ? start + size : start)), len = value.shape(ax);
        return Engine.record("slice", value, (g, n, o) -> one(step == 1 || len == 0
                ? g.pad(along(in.length, ax, s), along(in.length, ax, size - s - len), 0)
                : Variable.of(Tensor.zeros(g.dtype(), in)).indexAdd(ax, Tensor.arange(s, s + (double) len * step, step, DType.INT64), g)), x);
    }

    static Variable expand(Variable x, int... shape) {
        int[] in = x.shape();
        return Engine.record("expand", x.value().expand(shape), (g, n, o) -> one(sumTo(g, in)), x);
    }

    /** {@code axis == null} squeezes every size-1 dimension. */
    static Variable squeeze(Variable x, Integer axis) {
        int[] in = x.shape();
        Tensor value = axis == null ? x.value().squeeze() : x.value().squeeze(axis);
        return Engine.record("squeeze", value, (g, n, o) -> one(g.reshape(in)), x);
    }

    static Variable unsqueeze(Variable x, int axis) {
        int[] in = x.shape();
        return Engine.record("unsqueeze", x.value().unsqueeze(axis), (g, n, o) -> one(g.reshape(in)), x);
    }

    static Variable to(Variable x, DType dtype) {
        DType from = x.dtype();
        if (from == dtype) return x;
        if (!from.isFloating() || !dtype.isFloating()) return Variable.of(x.value().to(dtype));
        return Engine.record("to", x.value().to(dtype), (g, n, o) -> one(g.to(from)), x);
    }

    // ---- indexing ------------------------------------------------------------------------

    static Variable concat(int axis, Variable... parts) {
        Tensor value = Tensor.concat(axis, Arrays.stream(parts).map(Variable::value).toArray(Tensor[]::new));
        int ax = Shape.axis("concat", axis, value.rank());
        int[] sizes = Arrays.stream(parts).mapToInt(p -> p.shape(ax)).toArray();
        return Engine.record("concat", value, (g, n, o) -> {
            Variable[] r = new Variable[sizes.length];
            for (int i = 0, at = 0; i < sizes.length; at += sizes[i], i++) if (n[i]) r[i] = g.slice(ax, at, at + sizes[i]);
            return r;
        }, parts.clone());
    }

    static Variable pad(Variable x, int[] before, int[] after, double fill) {
        Tensor value = x.value().pad(before, after, fill);
        int[] in = x.shape(), b = before.clone();
        return Engine.record("pad", value, (g, n, o) -> {
            Variable r = g;
            for (int i = 0; i < in.length; i++) r = r.slice(i, b[i], b[i] + in[i]);
            return one(r);
        }, x);
    }

    static Variable gather(Variable x, int axis, Tensor index) {
        int[] in = x.shape();
        return Engine.record("gather", x.value().gather(axis, index),
                (g, n, o) -> one(Variable.of(Tensor.zeros(g.dtype(), in)).scatterAdd(axis, index, g)), x);
    }

    static Variable scatterAdd(Variable x, int axis, Tensor index, Variable src) {
        return Engine.record("scatterAdd", x.value().scatterAdd(axis, index, src.value()),
                (g, n, o) -> new Variable[] {g, n[1] ? g.gather(axis, index) : null}, x, src);
    }

    static Variable indexSelect(Variable x, int axis, Tensor index) {
        int[] in = x.shape();
        return Engine.record("indexSelect", x.value().indexSelect(axis, index),
                (g, n, o) -> one(Variable.of(Tensor.zeros(g.dtype(), in)).indexAdd(axis, index, g)), x);
    }

    static Variable indexAdd(Variable x, int axis, Tensor index, Variable src) {
        return Engine.record("indexAdd", x.value().indexAdd(axis, index, src.value()),
                (g, n, o) -> new Variable[] {g, n[1] ? g.indexSelect(axis, index) : null}, x, src);
    }

    // ---- helpers -------------------------------------------------------------------------

    /** Sums a broadcast gradient back to {@code shape}: over leading axes, and over axes where shape has 1. */
    static Variable sumTo(Variable g, int[] shape) {
        int[] gs = g.shape();
        if (Arrays.equals(gs, shape) || gs.length < shape.length) return g; // a wrong shape is reported by the engine
        int lead = gs.length - shape.length;
        int[] axes = IntStream.range(0, gs.length).filter(i -> i < lead || (shape[i - lead] == 1 && gs[i] != 1)).toArray();
        return axes.length == 0 ? g.reshape(shape) : g.sum(true, axes).reshape(shape);
    }

    /** The shape of a reduction over {@code axes} (all when empty) with kept dimensions. */
    static int[] keepShape(int[] in, int[] axes) {
        int[] keep = in.clone();
        if (axes.length == 0) Arrays.fill(keep, 1);
        for (int a : axes) keep[Shape.axis("reduce", a, in.length)] = 1;
        return keep;
    }

    private static int[] along(int rank, int axis, int amount) {
        int[] r = new int[rank];
        r[axis] = amount;
        return r;
    }

    private static Variable zero(Variable like) { return Variable.of(Tensor.scalar(0, like.dtype())); }

    private static Variable[] one(Variable g) { return new Variable[] {g}; }
}
