package org.ganglion.testkit;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.function.UnaryOperator;
import org.ganglion.core.DType;
import org.ganglion.core.Shape;
import org.ganglion.core.Tensor;

/**
 * A recipe for one input tensor of a sample: fixed host values (drawn once, when the table is built,
 * from a seeded generator), a dtype, a shape, and optional view steps ({@code .t()}, a strided
 * slice …) applied on the device. {@link #create()} uploads the values to the active device, so the
 * device under test and the reference device see bit-identical inputs. Immutable.
 */
public final class TensorSource {
    private static final SplittableRandom RANDOM = new SplittableRandom(0x6A4C1105L);

    private final String label;
    private final DType dtype;
    private final int[] shape;
    private final double[] values;
    private final UnaryOperator<Tensor> view;

    private TensorSource(String label, DType dtype, int[] shape, double[] values, UnaryOperator<Tensor> view) {
        this.label = label;
        this.dtype = dtype;
        this.shape = shape;
        this.values = values;
        this.view = view;
    }

    private static synchronized double[] draw(int n, double lo, double hi, boolean integral) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) v[i] = integral ? RANDOM.nextLong((long) lo, (long) hi) : RANDOM.nextDouble(lo, hi);
        return v;
    }

    private static String abbrev(DType t) {
        return switch (t) {
            case FLOAT32 -> "f32";
            case FLOAT64 -> "f64";
            case INT32 -> "i32";
            case INT64 -> "i64";
            case BOOL -> "bool";
        };
    }

    private static String describe(DType t, int[] shape) { return abbrev(t) + Arrays.toString(shape).replace(" ", ""); }

    // ---- factories -----------------------------------------------------------------------

    /** Uniform values in {@code [lo, hi)}; integers for integer dtypes, {@code != 0} for bool. */
    public static TensorSource uniform(DType dtype, double lo, double hi, int... shape) {
        boolean integral = !dtype.isFloating();
        return new TensorSource(describe(dtype, shape), dtype, shape.clone(), draw(Shape.numel(shape), lo, hi, integral), null);
    }

    /** Float values in [-2, 2). */
    public static TensorSource floats(DType dtype, int... shape) { return uniform(dtype, -2, 2, shape); }

    public static TensorSource f32(int... shape) { return floats(DType.FLOAT32, shape); }

    public static TensorSource f64(int... shape) { return floats(DType.FLOAT64, shape); }

    /** Values in [0.5, 2.5): the domain of log, sqrt, reciprocal, pow bases. */
    public static TensorSource positive(DType dtype, int... shape) { return uniform(dtype, 0.5, 2.5, shape); }

    /** Integers in [-5, 6). */
    public static TensorSource ints(DType dtype, int... shape) { return uniform(dtype, -5, 6, shape); }

    public static TensorSource bools(int... shape) { return uniform(DType.BOOL, 0, 2, shape); }

    /** Explicit values (NaN and infinities allowed), row-major. */
    public static TensorSource values(DType dtype, int[] shape, double... values) {
        if (Shape.numel(shape) != values.length)
            throw new IllegalArgumentException(values.length + " values for shape " + Arrays.toString(shape));
        return new TensorSource(describe(dtype, shape) + Arrays.toString(values).replace(" ", ""), dtype, shape.clone(), values.clone(), null);
    }

    /** A 1-D tensor of explicit values. */
    public static TensorSource vector(DType dtype, double... values) { return values(dtype, new int[] {values.length}, values); }

    /** A rank-0 tensor. */
    public static TensorSource scalar(DType dtype, double value) { return values(dtype, new int[0], value); }

    // ---- derived sources -----------------------------------------------------------------

    /** The same recipe with another label (shown in test names). */
    public TensorSource labelled(String newLabel) { return new TensorSource(newLabel, dtype, shape, values, view); }

    /** A view step applied after upload, e.g. {@code view(".t()", Tensor::t)}; the label gets {@code suffix}. */
    public TensorSource view(String suffix, UnaryOperator<Tensor> step) {
        UnaryOperator<Tensor> prev = view;
        UnaryOperator<Tensor> next = prev == null ? step : t -> step.apply(prev.apply(t));
        return new TensorSource(label + suffix, dtype, shape, values, next);
    }

    /** The transpose of the last two dimensions (non-contiguous). */
    public TensorSource transposed() {
        return view(".T", t -> t.transpose(t.rank() - 2, t.rank() - 1));
    }

    /** A strided slice (non-contiguous, non-zero offset). */
    public TensorSource sliced(int axis, int start, int end, int step) {
        return view(".slice(" + axis + "," + start + ":" + end + ":" + step + ")", t -> t.slice(axis, start, end, step));
    }

    /** The same values in another dtype (rounded, truncated toward zero, or {@code != 0}). */
    public TensorSource as(DType other) {
        if (other == dtype) return this;
        return new TensorSource(label.replaceFirst("^" + abbrev(dtype), abbrev(other)), other, shape, values, view);
    }

    /** The values rounded down to integers (still in this dtype): makes ties likely, for comparisons. */
    public TensorSource rounded() {
        double[] r = new double[values.length];
        for (int i = 0; i < r.length; i++) r[i] = Math.floor(values[i]);
        return new TensorSource(label + ".floor", dtype, shape, r, view);
    }

    public DType dtype() { return dtype; }

    /** The uploaded shape (before view steps). */
    public int[] baseShape() { return shape.clone(); }

    /** A fresh tensor on the active device; close it when done. */
    public Tensor create() {
        Tensor t = shape.length == 0 ? Tensor.scalar(values[0], dtype) : Tensor.fromArray(hostArray(), shape);
        return view == null ? t : view.apply(t);
    }

    private Object hostArray() {
        int n = values.length;
        return switch (dtype) {
            case FLOAT32 -> { float[] a = new float[n]; for (int i = 0; i < n; i++) a[i] = (float) values[i]; yield a; }
            case FLOAT64 -> values.clone();
            case INT32 -> { int[] a = new int[n]; for (int i = 0; i < n; i++) a[i] = (int) values[i]; yield a; }
            case INT64 -> { long[] a = new long[n]; for (int i = 0; i < n; i++) a[i] = (long) values[i]; yield a; }
            case BOOL -> { boolean[] a = new boolean[n]; for (int i = 0; i < n; i++) a[i] = values[i] != 0; yield a; }
        };
    }

    @Override
    public String toString() { return label; }
}
