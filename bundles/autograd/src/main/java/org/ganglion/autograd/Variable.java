package org.ganglion.autograd;

import java.util.Arrays;
import java.util.Objects;
import org.ganglion.core.DType;
import org.ganglion.core.ShapeMismatchException;
import org.ganglion.core.Tensor;
import org.ganglion.core.spi.Activation;

/**
 * A tensor that takes part in differentiation. Operations on variables mirror {@link Tensor}'s
 * (broadcasting, NumPy matmul, views, indexing) and, when an input {@link #requiresGrad()}, record
 * how to propagate gradients back; {@link #backward()} then accumulates d(this)/d(leaf) into every
 * leaf parameter's {@link #grad()}.
 *
 * <ul>
 *   <li><b>Leaves</b> are made by {@link #param} (require a gradient) or {@link #of} (constants).
 *       Results of operations are non-leaves; they keep a gradient only after {@link #retainGrad()}.</li>
 *   <li><b>Accumulation.</b> Gradients add up over backward calls ({@code grad = grad + g}) until
 *       {@link #zeroGrad()}.</li>
 *   <li><b>Graph lifetime.</b> A backward frees the graph it walked unless {@code retainGraph} is
 *       true; a second backward through a freed graph throws {@link IllegalStateException}.</li>
 *   <li>Only floating variables can require gradients; integer and bool results are constants.</li>
 * </ul>
 * Not thread-safe: build and differentiate a graph on one thread (values are immutable tensors and
 * may be shared freely).
 */
public final class Variable {
    private Tensor value;
    private final boolean requiresGrad;
    /** The op that produced this variable; null for leaves and constants. */
    final Node node;
    private Tensor grad;
    private boolean retainGrad;
    private int version;

    private Variable(Tensor value, boolean requiresGrad) {
        this.value = Objects.requireNonNull(value, "value");
        this.requiresGrad = requiresGrad;
        this.node = null;
    }

    /** A non-leaf produced by the op of {@code node}. */
    Variable(Tensor value, Node node) {
        this.value = value;
        this.requiresGrad = true;
        this.node = node;
    }

    /** A constant: never requires a gradient. Any dtype. */
    public static Variable of(Tensor value) { return new Variable(value, false); }

    /** A leaf that requires a gradient (a parameter or an input to differentiate with respect to). */
    public static Variable param(Tensor value) {
        if (!Objects.requireNonNull(value, "value").dtype().isFloating())
            throw new IllegalArgumentException("only floating tensors can require gradients, got " + value.dtype()
                    + " (convert with to(DType.FLOAT32) first, or use Variable.of for a constant)");
        return new Variable(value, true);
    }

    /**
     * A user-defined differentiable operation: {@code value} was computed from the inputs' values and
     * {@code vjp} gives its backward. The result requires a gradient when an input does.
     */
    public static Variable custom(String name, Tensor value, Vjp vjp, Variable... inputs) {
        Objects.requireNonNull(vjp, "vjp");
        return Engine.record(name, value, (g, needs, out) -> vjp.apply(g, needs), inputs.clone());
    }

    // ---- state ---------------------------------------------------------------------------

    public Tensor value() { return value; }

    public boolean requiresGrad() { return requiresGrad; }

    /** True for variables not produced by a recorded operation (parameters and constants). */
    public boolean isLeaf() { return node == null; }

    /** The accumulated gradient, or null: none yet, a constant, or a non-leaf without {@link #retainGrad()}. */
    public Tensor grad() { return grad; }

    /** Forgets the accumulated gradient (grad() becomes null). */
    public void zeroGrad() { grad = null; }

    /** Makes this non-leaf keep its gradient in {@link #grad()} during backward; returns this. */
    public Variable retainGrad() {
        if (requiresGrad && node != null) retainGrad = true;
        return this;
    }

    boolean retainsGrad() { return retainGrad; }

    int version() { return version; }

    void accumulateGrad(Tensor g) { grad = grad == null ? g : grad.add(g); }

    /** The same value as a constant, cut off from the graph. */
    public Variable detach() { return of(value); }

    /**
     * Replaces a leaf's value (an optimizer step), keeping its gradient. Shape and dtype must match.
     * Backward through an op recorded before the assignment fails rather than use the new value.
     */
    public void assign(Tensor newValue) {
        if (node != null) throw new IllegalStateException("assign: only leaves can be assigned; this is the result of '" + node.op + "'");
        if (!Arrays.equals(newValue.shape(), value.shape()) || newValue.dtype() != value.dtype())
            throw ShapeMismatchException.of("assign", "new value must have the same shape and dtype (" + value.dtype() + ", got "
                    + newValue.dtype() + ")", value.shape(), newValue.shape());
        value = newValue;
        version++;
    }

    public int[] shape() { return value.shape(); }

    public int shape(int axis) { return value.shape(axis); }

    public int rank() { return value.rank(); }

    public int numel() { return value.numel(); }

    public DType dtype() { return value.dtype(); }

    /** The value of a one-element variable. */
    public double item() { return value.item(); }

    @Override
    public String toString() {
        String kind = node != null ? "grad_fn=" + node.op : requiresGrad ? "param" : "const";
        return "Variable(" + kind + ", " + value + ")";
    }

    // ---- backward ------------------------------------------------------------------------

    /** Backward from a one-element output with seed 1; frees the graph. */
    public void backward() {
        if (numel() != 1)
            throw ShapeMismatchException.of("backward", "an implicit seed of 1 needs a one-element output; pass a seed", shape());
        backward(Tensor.ones(dtype(), shape()), false);
    }

    /** Backward with an explicit seed (d loss / d this) shaped like this value; frees the graph. */
    public void backward(Tensor seed) { backward(seed, false); }

    /** Backward with an explicit seed; with {@code retainGraph} the graph can be walked again. */
    public void backward(Tensor seed, boolean retainGraph) {
        if (!Arrays.equals(seed.shape(), shape()))
            throw ShapeMismatchException.of("backward", "the seed must have the output's shape", seed.shape(), shape());
        if (!seed.dtype().isFloating()) throw new IllegalArgumentException("backward: the seed must be floating, got " + seed.dtype());
        Engine.backward(this, seed.to(dtype()), retainGraph);
    }

    // ---- elementwise (primitives; gradients in Primitives) -------------------------------

    public Variable add(Variable o) { return Primitives.add(this, o); }

    public Variable sub(Variable o) { return Primitives.sub(this, o); }

    public Variable mul(Variable o) { return Primitives.mul(this, o); }

    public Variable div(Variable o) { return Primitives.div(this, o); }

    public Variable pow(Variable exponent) { return Primitives.pow(this, exponent); }

    /** Elementwise maximum; on ties each operand gets half the gradient. */
    public Variable maximum(Variable o) { return Primitives.maximum(this, o); }

    /** Elementwise minimum; on ties each operand gets half the gradient. */
    public Variable minimum(Variable o) { return Primitives.minimum(this, o); }

    public Variable add(double v) { return add(scalarLike(v)); }

    public Variable sub(double v) { return sub(scalarLike(v)); }

    public Variable mul(double v) { return mul(scalarLike(v)); }

    public Variable div(double v) { return div(scalarLike(v)); }

    public Variable pow(double v) { return pow(scalarLike(v)); }

    public Variable maximum(double v) { return maximum(scalarLike(v)); }

    public Variable minimum(double v) { return minimum(scalarLike(v)); }

    /** {@code cond ? a : b} with broadcasting; cond is a bool tensor. */
    public static Variable where(Tensor cond, Variable a, Variable b) { return Primitives.where(cond, a, b); }

    public Variable neg() { return Primitives.neg(this); }

    public Variable exp() { return Primitives.exp(this); }

    public Variable expm1() { return Primitives.expm1(this); }

    public Variable log() { return Primitives.log(this); }

    public Variable log1p() { return Primitives.log1p(this); }

    public Variable sqrt() { return Primitives.sqrt(this); }

    public Variable reciprocal() { return Primitives.reciprocal(this); }

    public Variable sin() { return Primitives.sin(this); }

    public Variable cos() { return Primitives.cos(this); }

    public Variable tanh() { return Primitives.tanh(this); }

    public Variable sigmoid() { return Primitives.sigmoid(this); }

    public Variable erf() { return Primitives.erf(this); }

    /** |x|; gradient sign(x), 0 at 0. */
    public Variable abs() { return Primitives.abs(this); }

    // ---- reductions and products ---------------------------------------------------------

    /** Sum over {@code axes} (all when none are given). */
    public Variable sum(boolean keepDims, int... axes) { return Primitives.sum(this, keepDims, axes); }

    public Variable sum(int... axes) { return sum(false, axes); }

    /** Maximum over {@code axes} (all when none); the gradient is split evenly among tied maxima. */
    public Variable max(boolean keepDims, int... axes) { return Primitives.maxOrMin(this, true, keepDims, axes); }

    public Variable max(int... axes) { return max(false, axes); }

    /** Minimum over {@code axes} (all when none); the gradient is split evenly among tied minima. */
    public Variable min(boolean keepDims, int... axes) { return Primitives.maxOrMin(this, false, keepDims, axes); }

    public Variable min(int... axes) { return min(false, axes); }

    /** Matrix product with NumPy semantics (1-D operands, batches, broadcast batch dimensions). */
    public Variable matmul(Variable o) { return Primitives.matmul(this, o); }

    /** {@code act(x · w + b)} for x [m, k], w [k, n], b [n] or null; fused on devices that have it. */
    public static Variable linear(Variable x, Variable w, Variable b, Activation act) { return Primitives.linear(x, w, b, act); }

    // ---- views and conversion ------------------------------------------------------------

    public Variable reshape(int... shape) { return Primitives.reshape(this, shape); }

    public Variable flatten() { return reshape(-1); }

    public Variable transpose(int axis0, int axis1) { return Primitives.transpose(this, axis0, axis1); }

    /** Matrix transpose of a 2-D variable. */
    public Variable t() {
        if (rank() != 2) throw ShapeMismatchException.of("t", "needs a 2-D variable", shape());
        return transpose(0, 1);
    }

    public Variable permute(int... order) { return Primitives.permute(this, order); }

    public Variable slice(int axis, int start, int end, int step) { return Primitives.slice(this, axis, start, end, step); }

    public Variable slice(int axis, int start, int end) { return slice(axis, start, end, 1); }

    public Variable expand(int... shape) { return Primitives.expand(this, shape); }

    public Variable squeeze() { return Primitives.squeeze(this, null); }

    public Variable squeeze(int axis) { return Primitives.squeeze(this, axis); }

    public Variable unsqueeze(int axis) { return Primitives.unsqueeze(this, axis); }

    /** This value as {@code dtype}; differentiable between floating types, a constant otherwise. */
    public Variable to(DType dtype) { return Primitives.to(this, dtype); }

    // ---- indexing ------------------------------------------------------------------------

    public static Variable concat(int axis, Variable... parts) { return Primitives.concat(axis, parts); }

    public Variable pad(int[] before, int[] after, double value) { return Primitives.pad(this, before, after, value); }

    public Variable gather(int axis, Tensor index) { return Primitives.gather(this, axis, index); }

    public Variable scatterAdd(int axis, Tensor index, Variable src) { return Primitives.scatterAdd(this, axis, index, src); }

    public Variable indexSelect(int axis, Tensor index) { return Primitives.indexSelect(this, axis, index); }

    public Variable indexAdd(int axis, Tensor index, Variable src) { return Primitives.indexAdd(this, axis, index, src); }

    // ---- common composites (see Functions for the rest) ----------------------------------

    public Variable square() { return Functions.square(this); }

    public Variable relu() { return Functions.relu(this); }

    public Variable mean(boolean keepDims, int... axes) { return Functions.mean(this, keepDims, axes); }

    public Variable mean(int... axes) { return mean(false, axes); }

    /** A rank-0 constant holding {@code v} in this variable's dtype when it can (as {@link Tensor#add(double)}). */
    private Variable scalarLike(double v) {
        DType dt = dtype();
        if (!dt.isFloating() && (dt == DType.BOOL || v != Math.rint(v))) dt = DType.FLOAT32;
        return of(Tensor.scalar(v, dt));
    }
}
