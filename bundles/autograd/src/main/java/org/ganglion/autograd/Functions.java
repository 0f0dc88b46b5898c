package org.ganglion.autograd;

import java.util.Arrays;
import java.util.stream.IntStream;
import org.ganglion.core.DTypeMismatchException;
import org.ganglion.core.Shape;
import org.ganglion.core.Tensor;

/**
 * Composite operations: each is written once in terms of {@link Variable} primitives and gets its
 * gradient from them; none has a VJP rule of its own. Axis arguments follow {@link Tensor}: negative
 * axes count from the end, and no axes means all axes.
 *
 * <p>Numerical stability: {@link #softmax}, {@link #logSoftmax} and {@link #logSumExp} subtract the
 * detached maximum (a constant shift, so gradients are unchanged), which keeps logits of ±1e4
 * finite. A maximum of ±inf is replaced by 0, so entries of -inf (masks) get exactly zero gradient
 * without NaN. A row that is entirely -inf gives logSumExp -inf with a zero gradient, and softmax
 * and logSoftmax NaN (as PyTorch: the forward value itself is 0/0).
 */
public final class Functions {
    private Functions() {}

    public static Variable square(Variable x) { return x.mul(x); }

    /** {@code max(x, 0)}; gradient 0 at 0 (as PyTorch). */
    public static Variable relu(Variable x) { return Variable.where(x.value().le(0), zero(x), x); } // NaN stays NaN, as Tensor.relu

    /** Limits to {@code [min, max]}; the gradient is 1 inside the interval and on its ends, 0 outside (as PyTorch). */
    public static Variable clamp(Variable x, double min, double max) {
        if (min > max) throw new IllegalArgumentException("clamp: min " + min + " > max " + max);
        Tensor v = x.value();
        return Variable.where(v.lt(min).or(v.gt(max)), Variable.of(v.clamp(min, max)), x);
    }

    public static Variable mean(Variable x, boolean keepDims, int... axes) {
        requireFloating("mean", x);
        return x.sum(keepDims, axes).div(count(x, axes));
    }

    public static Variable mean(Variable x) { return mean(x, false); }

    /** Variance over {@code axes}; {@code unbiased} divides by n-1 (Bessel), else by n. */
    public static Variable variance(Variable x, boolean unbiased, boolean keepDims, int... axes) {
        requireFloating("variance", x);
        Variable d = x.sub(mean(x, true, axes));
        long n = count(x, axes);
        return d.mul(d).sum(keepDims, axes).div(unbiased ? n - 1 : n);
    }

    /** Standard deviation: the square root of {@link #variance}. */
    public static Variable std(Variable x, boolean unbiased, boolean keepDims, int... axes) {
        return variance(x, unbiased, keepDims, axes).sqrt();
    }

    /** The L2 norm of all elements. */
    public static Variable norm(Variable x) { return norm(x, 2, false); }

    /**
     * The Lp norm over {@code axes}: {@code (sum |x|^p)^(1/p)}; p = 2 as {@code sqrt(sum x²)},
     * p = 1 as {@code sum |x|}, p = +inf as {@code max |x|}.
     */
    public static Variable norm(Variable x, double p, boolean keepDims, int... axes) {
        requireFloating("norm", x);
        if (!(p > 0)) throw new IllegalArgumentException("norm: p must be positive, got " + p);
        if (p == 2) return x.mul(x).sum(keepDims, axes).sqrt();
        if (p == 1) return x.abs().sum(keepDims, axes);
        if (p == Double.POSITIVE_INFINITY) return x.abs().max(keepDims, axes);
        return x.abs().pow(p).sum(keepDims, axes).pow(1 / p);
    }

    /** {@code exp(x) / sum(exp(x))} along {@code axis}. */
    public static Variable softmax(Variable x, int axis) {
        requireFloating("softmax", x);
        Variable e = x.sub(shift(x, axis)).exp();
        return e.div(e.sum(true, axis));
    }

    /** {@code x - logSumExp(x)} along {@code axis}, without forming {@code log(softmax)}. */
    public static Variable logSoftmax(Variable x, int axis) {
        requireFloating("logSoftmax", x);
        Variable z = x.sub(shift(x, axis));
        return z.sub(z.exp().sum(true, axis).log());
    }

    /**
     * {@code log(sum(exp(x)))} over {@code axes} (all when none). A slice that is entirely -inf gives
     * -inf with a zero gradient (PyTorch gives NaN there): its log reads a safe substitute.
     */
    public static Variable logSumExp(Variable x, boolean keepDims, int... axes) {
        requireFloating("logSumExp", x);
        Variable m = shift(x, axes);
        Variable s = x.sub(m).exp().sum(true, axes);
        Tensor empty = s.value().eq(0);
        Variable safeLog = Variable.where(empty, Variable.of(Tensor.scalar(1, x.dtype())), s).log();
        Variable r = Variable.where(empty, Variable.of(Tensor.scalar(Double.NEGATIVE_INFINITY, x.dtype())), safeLog).add(m);
        return keepDims ? r : r.reshape(dropAxes(x.shape(), axes));
    }

    /** Gaussian error linear unit, exact form: {@code x/2 · (1 + erf(x/√2))}. */
    public static Variable gelu(Variable x) {
        return x.mul(x.div(Math.sqrt(2)).erf().add(1)).mul(0.5);
    }

    /** {@code log(1 + e^x)}, returning x itself above 20 (as PyTorch); never overflows. */
    public static Variable softplus(Variable x) {
        Tensor big = x.value().gt(20);
        Variable safe = Variable.where(big, zero(x), x); // keeps exp() of the unused branch finite
        return Variable.where(big, x, safe.exp().log1p());
    }

    /** {@code log(sigmoid(x)) = -softplus(-x)}, stable for large |x|. */
    public static Variable logSigmoid(Variable x) { return softplus(x.neg()).neg(); }

    // ---- helpers -------------------------------------------------------------------------

    /** The detached maximum over {@code axes} (kept dimensions), with ±inf replaced by 0. */
    private static Variable shift(Variable x, int... axes) {
        Tensor m = x.value().max(true, axes);
        return Variable.of(Tensor.where(m.abs().eq(Double.POSITIVE_INFINITY), Tensor.zeros(m.dtype(), m.shape()), m));
    }

    /** How many elements each output of a reduction over {@code axes} (all when none) combines. */
    private static long count(Variable x, int[] axes) {
        int[] s = x.shape();
        long n = 1;
        if (axes.length == 0) for (int d : s) n *= d;
        for (int a : axes) n *= s[Shape.axis("reduce", a, s.length)];
        return n;
    }

    private static int[] dropAxes(int[] shape, int[] axes) {
        boolean[] drop = new boolean[shape.length];
        if (axes.length == 0) Arrays.fill(drop, true);
        for (int a : axes) drop[Shape.axis("logSumExp", a, shape.length)] = true;
        return IntStream.range(0, shape.length).filter(i -> !drop[i]).map(i -> shape[i]).toArray();
    }

    private static Variable zero(Variable like) { return Variable.of(Tensor.scalar(0, like.dtype())); }

    private static void requireFloating(String op, Variable x) {
        if (!x.dtype().isFloating())
            throw new DTypeMismatchException(op + ": needs a floating variable, got " + x.dtype() + " (convert with to(DType.FLOAT32))");
    }
}
