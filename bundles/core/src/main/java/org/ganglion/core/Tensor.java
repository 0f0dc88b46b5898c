package org.ganglion.core;

import java.util.Arrays;
import org.ganglion.core.spi.Activation;
import org.ganglion.core.spi.BinaryOp;
import org.ganglion.core.spi.ComputeDevice;
import org.ganglion.core.spi.DeviceBuffer;
import org.ganglion.core.spi.RandomDistribution;
import org.ganglion.core.spi.ReduceOp;
import org.ganglion.core.spi.Strided;
import org.ganglion.core.spi.UnaryOp;

/**
 * An n-dimensional array on a compute device. Immutable: every operation returns a new tensor.
 * Views ({@link #reshape}, {@link #transpose}, {@link #permute}, {@link #slice}, {@link #expand},
 * {@link #squeeze}, {@link #unsqueeze}) share storage without copying where the layout allows.
 *
 * <p>Operations run on the {@link DeviceRegistry#active() active device} of the global registry;
 * an input that lives on another device is moved there first (counted in
 * {@link DeviceRegistry#crossDeviceCopies()}). Binary operations broadcast like NumPy and promote
 * element types (bool &lt; int32 &lt; int64 &lt; float32 &lt; float64); mismatched shapes raise a
 * {@link ShapeMismatchException} naming the op and the shapes.
 *
 * <p><b>Memory.</b> Device memory is freed when {@link #close()} is called on any view of it, or
 * otherwise by a {@link java.lang.ref.Cleaner} once no tensor refers to it. Using a tensor whose
 * storage was closed raises {@link IllegalStateException}.
 *
 * <p>Thread-safe: tensors are immutable values and devices are thread-safe.
 */
public final class Tensor implements AutoCloseable {
    final Storage storage;
    final DType dtype;
    final int[] shape;
    final int[] strides;
    final int offset;

    Tensor(Storage storage, DType dtype, int[] shape, int[] strides, int offset) {
        this.storage = storage;
        this.dtype = dtype;
        this.shape = shape;
        this.strides = strides;
        this.offset = offset;
    }

    static DeviceRegistry registry() { return DeviceRegistry.global(); }

    /** A new, uninitialised contiguous tensor on {@code device}. */
    static Tensor empty(ComputeDevice device, DType dtype, int... shape) {
        int n = Shape.numel(shape);
        if (!device.supports(dtype)) throw new DTypeMismatchException("device " + device.id() + " does not support " + dtype);
        DeviceBuffer b = device.allocate(dtype, n);
        return new Tensor(new Storage(registry(), b), dtype, shape.clone(), Strided.rowMajorStrides(shape), 0);
    }

    // ---- creation ------------------------------------------------------------------------

    /**
     * A tensor holding a copy of a host array ({@code float[]}, {@code double[]}, {@code int[]},
     * {@code long[]}, {@code boolean[]}); without a shape it is 1-D (use {@link #scalar} for rank 0).
     */
    public static Tensor fromArray(Object hostArray, int... shape) {
        DType dt = DType.ofHostArray(hostArray);
        int len = DType.hostLength(hostArray);
        int[] s = shape.length == 0 ? new int[] {len} : shape;
        if (Shape.numel(s) != len)
            throw new ShapeMismatchException("fromArray: " + len + " values do not fill shape " + Arrays.toString(s));
        return registry().step(() -> {
            Tensor t = empty(registry().active(), dt, s);
            t.storage.cell.buffer().device().upload(t.storage.cell.buffer(), copyOf(hostArray));
            return t;
        });
    }

    private static Object copyOf(Object a) {
        Object c = java.lang.reflect.Array.newInstance(a.getClass().getComponentType(), DType.hostLength(a));
        System.arraycopy(a, 0, c, 0, DType.hostLength(a));
        return c;
    }

    public static Tensor of(float[] data, int... shape) { return fromArray(data, shape); }

    public static Tensor of(double[] data, int... shape) { return fromArray(data, shape); }

    public static Tensor of(int[] data, int... shape) { return fromArray(data, shape); }

    public static Tensor of(long[] data, int... shape) { return fromArray(data, shape); }

    public static Tensor of(boolean[] data, int... shape) { return fromArray(data, shape); }

    /** A rank-0 tensor. */
    public static Tensor scalar(double value, DType dtype) { return full(value, dtype); }

    /** A rank-0 float32 tensor. */
    public static Tensor scalar(double value) { return full(value, DType.FLOAT32); }

    public static Tensor full(double value, DType dtype, int... shape) {
        return registry().step(() -> {
            Tensor t = empty(registry().active(), dtype, shape);
            t.device().fill(t.storage.cell.buffer(), value);
            return t;
        });
    }

    public static Tensor zeros(DType dtype, int... shape) { return full(0, dtype, shape); }

    public static Tensor ones(DType dtype, int... shape) { return full(1, dtype, shape); }

    public static Tensor zeros(int... shape) { return zeros(DType.FLOAT32, shape); }

    public static Tensor ones(int... shape) { return ones(DType.FLOAT32, shape); }

    /** {@code start, start+step, ...} below {@code end} (above, for a negative step). */
    public static Tensor arange(double start, double end, double step, DType dtype) {
        if (step == 0 || !Double.isFinite(start) || !Double.isFinite(end))
            throw new IllegalArgumentException("arange: need finite bounds and a non-zero step, got " + start + ", " + end + ", " + step);
        int n = (int) Math.max(0, Math.ceil((end - start) / step));
        double[] v = new double[n];
        for (int i = 0; i < n; i++) v[i] = start + i * step;
        return of(v, n).to(dtype);
    }

    /** {@code 0, 1, ..., n-1} as int64. */
    public static Tensor arange(int n) { return arange(0, n, 1, DType.INT64); }

    /** The {@code n × n} identity. */
    public static Tensor eye(int n, DType dtype) {
        double[] v = new double[n * n];
        for (int i = 0; i < n; i++) v[i * n + i] = 1;
        return of(v, n, n).to(dtype);
    }

    /** Uniform on [0, 1) from the counter-based generator: same key, same numbers on every device. */
    public static Tensor rand(RandomKey key, DType dtype, int... shape) {
        return random(RandomDistribution.UNIFORM, key, dtype, shape);
    }

    /** Standard normal from the counter-based generator. */
    public static Tensor randn(RandomKey key, DType dtype, int... shape) {
        return random(RandomDistribution.NORMAL, key, dtype, shape);
    }

    /** 1 with probability {@code p}, else 0, in {@code dtype}. */
    public static Tensor bernoulli(RandomKey key, double p, DType dtype, int... shape) {
        if (!(p >= 0 && p <= 1)) throw new IllegalArgumentException("bernoulli: p must be in [0, 1], got " + p);
        return rand(key, drawType(), shape).lt(p).to(dtype);
    }

    /** Integers uniform in [low, high), int64. */
    public static Tensor randint(RandomKey key, long low, long high, int... shape) {
        if (high <= low) throw new IllegalArgumentException("randint: need low < high, got [" + low + ", " + high + ")");
        return rand(key, drawType(), shape).mul((double) (high - low)).floor().add((double) low).to(DType.INT64);
    }

    /** Float64 uniforms where the device has them (53 random bits), float32 otherwise. */
    private static DType drawType() {
        return registry().active().supports(DType.FLOAT64) ? DType.FLOAT64 : DType.FLOAT32;
    }

    private static Tensor random(RandomDistribution dist, RandomKey key, DType dtype, int... shape) {
        if (!dtype.isFloating()) throw new DTypeMismatchException("random: need a floating dtype, got " + dtype);
        return registry().step(() -> {
            Tensor t = empty(registry().active(), dtype, shape);
            t.device().random(dist, key.bits(), t.storage.cell.buffer());
            return t;
        });
    }

    // ---- properties ----------------------------------------------------------------------

    public DType dtype() { return dtype; }

    public int[] shape() { return shape.clone(); }

    public int shape(int axis) { return shape[Shape.axis("shape", axis, shape.length)]; }

    public int rank() { return shape.length; }

    public int numel() { return Shape.numel(shape); }

    /** The device holding the storage now. */
    public ComputeDevice device() {
        ComputeDevice d = storage.cell.device();
        if (d == null) throw new IllegalStateException("tensor storage was freed (Tensor.close) and cannot be used");
        return d;
    }

    /** True when the elements are laid out row-major without gaps (views may still start at an offset). */
    public boolean isContiguous() { return new Strided(null, offset, shape, strides).isContiguous(); }

    /** Frees the device memory now; this tensor and every view sharing its storage become unusable. */
    @Override
    public void close() { storage.cell.release(); }

    /** This tensor's window onto its buffer on {@code device} (moving the storage there first). */
    Strided on(ComputeDevice device) {
        return new Strided(storage.bufferOn(device), offset, shape, strides);
    }

    /** The whole buffer on {@code device}; only for dense tensors (see {@link #dense()}). */
    DeviceBuffer bufferOn(ComputeDevice device) { return storage.bufferOn(device); }

    // ---- conversion to Java --------------------------------------------------------------

    /** The elements in row-major order as a host array of this dtype. */
    public Object toArray() {
        return registry().step(() -> {
            Tensor d = dense();
            ComputeDevice dev = d.device();
            return dev.download(d.storage.cell.buffer());
        });
    }

    public float[] toFloatArray() { return (float[]) to(DType.FLOAT32).toArray(); }

    public double[] toDoubleArray() { return (double[]) to(DType.FLOAT64).toArray(); }

    public int[] toIntArray() { return (int[]) to(DType.INT32).toArray(); }

    public long[] toLongArray() { return (long[]) to(DType.INT64).toArray(); }

    public boolean[] toBooleanArray() { return (boolean[]) to(DType.BOOL).toArray(); }

    /** The value of a one-element tensor. */
    public double item() {
        if (numel() != 1) throw new ShapeMismatchException("item: needs exactly one element; shape " + Arrays.toString(shape));
        return toDoubleArray()[0];
    }

    @Override
    public String toString() { return TensorFormat.format(this); }

    // ---- views ---------------------------------------------------------------------------

    /** Same elements, new shape (one dimension may be -1). A view when the layout allows, else a copy. */
    public Tensor reshape(int... newShape) { return Views.reshape(this, newShape); }

    /** Flattens to one dimension. */
    public Tensor flatten() { return reshape(-1); }

    /** Swaps two axes (a view). */
    public Tensor transpose(int axis0, int axis1) { return Views.transpose(this, axis0, axis1); }

    /** Matrix transpose of a 2-D tensor (a view). */
    public Tensor t() {
        if (rank() != 2) throw new ShapeMismatchException("t: needs a 2-D tensor; shape " + Arrays.toString(shape));
        return transpose(0, 1);
    }

    /** Reorders the axes (a view). */
    public Tensor permute(int... order) { return Views.permute(this, order); }

    /** Elements {@code start, start+step, ...} below {@code end} along {@code axis} (a view); negative indices count from the end. */
    public Tensor slice(int axis, int start, int end, int step) { return Views.slice(this, axis, start, end, step); }

    public Tensor slice(int axis, int start, int end) { return slice(axis, start, end, 1); }

    /** Broadcasts size-1 dimensions to {@code newShape} (a view with stride 0). */
    public Tensor expand(int... newShape) { return Views.expand(this, newShape); }

    /** Drops every size-1 dimension. */
    public Tensor squeeze() { return Views.squeeze(this); }

    /** Drops dimension {@code axis}, which must have size 1. */
    public Tensor squeeze(int axis) { return Views.squeeze(this, axis); }

    /** Inserts a size-1 dimension at {@code axis}. */
    public Tensor unsqueeze(int axis) { return Views.unsqueeze(this, axis); }

    /** A contiguous tensor with these elements: this one when it already is, else a copy. */
    public Tensor contiguous() { return isContiguous() ? this : copy(); }

    /** A dense tensor: contiguous, starting at element 0 and covering its whole buffer. */
    Tensor dense() {
        return isContiguous() && offset == 0 && storage.cell.buffer().size() == numel() ? this : copy();
    }

    /** A fresh contiguous copy. */
    public Tensor copy() { return to(dtype, true); }

    /** These elements as {@code target}; returns this tensor when the type already matches. */
    public Tensor to(DType target) { return to(target, false); }

    private Tensor to(DType target, boolean forceCopy) {
        if (target == dtype && !forceCopy) return this;
        return registry().step(() -> {
            ComputeDevice d = registry().active();
            Tensor out = empty(d, target, shape);
            d.copy(on(d), out.on(d));
            return out;
        });
    }

    // ---- elementwise ---------------------------------------------------------------------

    public Tensor add(Tensor o) { return Elementwise.binary(BinaryOp.ADD, this, o); }

    public Tensor sub(Tensor o) { return Elementwise.binary(BinaryOp.SUB, this, o); }

    public Tensor mul(Tensor o) { return Elementwise.binary(BinaryOp.MUL, this, o); }

    public Tensor div(Tensor o) { return Elementwise.binary(BinaryOp.DIV, this, o); }

    public Tensor pow(Tensor o) { return Elementwise.binary(BinaryOp.POW, this, o); }

    public Tensor maximum(Tensor o) { return Elementwise.binary(BinaryOp.MAX, this, o); }

    public Tensor minimum(Tensor o) { return Elementwise.binary(BinaryOp.MIN, this, o); }

    public Tensor mod(Tensor o) { return Elementwise.binary(BinaryOp.MOD, this, o); }

    public Tensor add(double v) { return add(Elementwise.scalarLike(this, v)); }

    public Tensor sub(double v) { return sub(Elementwise.scalarLike(this, v)); }

    public Tensor mul(double v) { return mul(Elementwise.scalarLike(this, v)); }

    public Tensor div(double v) { return div(Elementwise.scalarLike(this, v)); }

    public Tensor pow(double v) { return pow(Elementwise.scalarLike(this, v)); }

    public Tensor maximum(double v) { return maximum(Elementwise.scalarLike(this, v)); }

    public Tensor minimum(double v) { return minimum(Elementwise.scalarLike(this, v)); }

    /** Limits every element to {@code [min, max]}. */
    public Tensor clamp(double min, double max) { return maximum(min).minimum(max); }

    public Tensor eq(Tensor o) { return Elementwise.binary(BinaryOp.EQ, this, o); }

    public Tensor ne(Tensor o) { return Elementwise.binary(BinaryOp.NE, this, o); }

    public Tensor lt(Tensor o) { return Elementwise.binary(BinaryOp.LT, this, o); }

    public Tensor le(Tensor o) { return Elementwise.binary(BinaryOp.LE, this, o); }

    public Tensor gt(Tensor o) { return Elementwise.binary(BinaryOp.GT, this, o); }

    public Tensor ge(Tensor o) { return Elementwise.binary(BinaryOp.GE, this, o); }

    public Tensor eq(double v) { return eq(Elementwise.scalarLike(this, v)); }

    public Tensor ne(double v) { return ne(Elementwise.scalarLike(this, v)); }

    public Tensor lt(double v) { return lt(Elementwise.scalarLike(this, v)); }

    public Tensor le(double v) { return le(Elementwise.scalarLike(this, v)); }

    public Tensor gt(double v) { return gt(Elementwise.scalarLike(this, v)); }

    public Tensor ge(double v) { return ge(Elementwise.scalarLike(this, v)); }

    public Tensor and(Tensor o) { return Elementwise.binary(BinaryOp.AND, this, o); }

    public Tensor or(Tensor o) { return Elementwise.binary(BinaryOp.OR, this, o); }

    /** {@code cond ? a : b}, broadcasting all three. */
    public static Tensor where(Tensor cond, Tensor a, Tensor b) { return Elementwise.where(cond, a, b); }

    public Tensor unary(UnaryOp op) { return Elementwise.unary(op, this); }

    public Tensor neg() { return unary(UnaryOp.NEG); }

    public Tensor abs() { return unary(UnaryOp.ABS); }

    public Tensor sign() { return unary(UnaryOp.SIGN); }

    public Tensor exp() { return unary(UnaryOp.EXP); }

    public Tensor expm1() { return unary(UnaryOp.EXPM1); }

    public Tensor log() { return unary(UnaryOp.LOG); }

    public Tensor log1p() { return unary(UnaryOp.LOG1P); }

    public Tensor sqrt() { return unary(UnaryOp.SQRT); }

    public Tensor reciprocal() { return unary(UnaryOp.RECIPROCAL); }

    public Tensor sin() { return unary(UnaryOp.SIN); }

    public Tensor cos() { return unary(UnaryOp.COS); }

    public Tensor tanh() { return unary(UnaryOp.TANH); }

    public Tensor sigmoid() { return unary(UnaryOp.SIGMOID); }

    public Tensor erf() { return unary(UnaryOp.ERF); }

    public Tensor floor() { return unary(UnaryOp.FLOOR); }

    public Tensor ceil() { return unary(UnaryOp.CEIL); }

    public Tensor round() { return unary(UnaryOp.ROUND); }

    public Tensor not() { return unary(UnaryOp.NOT); }

    public Tensor isNan() { return unary(UnaryOp.IS_NAN); }

    public Tensor square() { return mul(this); }

    /** {@code max(x, 0)}. */
    public Tensor relu() { return maximum(0.0); }

    // ---- reductions ----------------------------------------------------------------------

    /** Sum over {@code axes} (all axes when none are given). */
    public Tensor sum(boolean keepDims, int... axes) { return Reductions.reduce(ReduceOp.SUM, this, keepDims, axes); }

    public Tensor sum(int... axes) { return sum(false, axes); }

    public Tensor prod(boolean keepDims, int... axes) { return Reductions.reduce(ReduceOp.PROD, this, keepDims, axes); }

    public Tensor max(boolean keepDims, int... axes) { return Reductions.reduce(ReduceOp.MAX, this, keepDims, axes); }

    public Tensor max(int... axes) { return max(false, axes); }

    public Tensor min(boolean keepDims, int... axes) { return Reductions.reduce(ReduceOp.MIN, this, keepDims, axes); }

    public Tensor min(int... axes) { return min(false, axes); }

    /** Mean over {@code axes} (all when none); floating tensors only. */
    public Tensor mean(boolean keepDims, int... axes) { return Reductions.mean(this, keepDims, axes); }

    public Tensor mean(int... axes) { return mean(false, axes); }

    /** Index of the largest element along {@code axis} (first on ties), int64. */
    public Tensor argmax(int axis, boolean keepDims) { return Reductions.arg(ReduceOp.ARGMAX, this, axis, keepDims); }

    public Tensor argmin(int axis, boolean keepDims) { return Reductions.arg(ReduceOp.ARGMIN, this, axis, keepDims); }

    // ---- products ------------------------------------------------------------------------

    /** Matrix product with NumPy semantics: 1-D operands, batched operands, broadcast batch dimensions. */
    public Tensor matmul(Tensor o) { return Products.matmul(this, o); }

    /**
     * {@code act(x · w + bias)} for 2-D {@code x [m, k]}, {@code w [k, n]} and {@code bias [n]} (may be null),
     * using the device's fused {@link org.ganglion.core.spi.GemmEpilogue} when it has one.
     */
    public static Tensor linear(Tensor x, Tensor w, Tensor bias, Activation act) { return Products.linear(x, w, bias, act, true); }

    /** The composite definition of {@link #linear}: matmul, add, activation. */
    public static Tensor linearComposite(Tensor x, Tensor w, Tensor bias, Activation act) { return Products.linear(x, w, bias, act, false); }

    // ---- indexing ------------------------------------------------------------------------

    /** {@code out[..., j, ...] = this[..., index[..., j, ...], ...]} along {@code axis} (PyTorch {@code gather}). */
    public Tensor gather(int axis, Tensor index) { return Indexing.gather(this, axis, index); }

    /** A copy of this tensor with {@code src} added at {@code index} along {@code axis} (PyTorch {@code scatter_add}). */
    public Tensor scatterAdd(int axis, Tensor index, Tensor src) { return Indexing.scatterAdd(this, axis, index, src); }

    /** The slices {@code index[0], index[1], ...} along {@code axis}; index is 1-D int32/int64. */
    public Tensor indexSelect(int axis, Tensor index) { return Indexing.indexSelect(this, axis, index); }

    /** A copy of this tensor with slice {@code j} of {@code src} added to slice {@code index[j]} along {@code axis}. */
    public Tensor indexAdd(int axis, Tensor index, Tensor src) { return Indexing.indexAdd(this, axis, index, src); }

    /** Joins tensors of equal shape except along {@code axis}. */
    public static Tensor concat(int axis, Tensor... parts) { return Indexing.concat(axis, parts); }

    /** Pads with {@code value}: {@code before[i]} and {@code after[i]} elements around dimension {@code i}. */
    public Tensor pad(int[] before, int[] after, double value) { return Indexing.pad(this, before, after, value); }
}
