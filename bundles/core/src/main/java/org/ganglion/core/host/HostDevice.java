package org.ganglion.core.host;

import java.util.Arrays;
import java.util.Objects;
import java.util.function.DoubleBinaryOperator;
import java.util.function.DoubleUnaryOperator;
import java.util.function.LongBinaryOperator;
import java.util.function.LongUnaryOperator;
import org.ganglion.core.DType;
import org.ganglion.core.DTypeMismatchException;
import org.ganglion.core.ShapeMismatchException;
import org.ganglion.core.spi.BinaryOp;
import org.ganglion.core.spi.ComputeDevice;
import org.ganglion.core.spi.DeviceBuffer;
import org.ganglion.core.spi.DeviceKind;
import org.ganglion.core.spi.MatmulSpec;
import org.ganglion.core.spi.Philox;
import org.ganglion.core.spi.RandomDistribution;
import org.ganglion.core.spi.ReduceOp;
import org.ganglion.core.spi.Strided;
import org.ganglion.core.spi.UnaryOp;

/**
 * A device whose buffers are {@link HostBuffer}s, with every kernel written as a plain,
 * single-threaded loop that is easy to check by reading. It is the reference semantics: faster
 * host devices extend it and override the kernels they accelerate, falling back to these for the
 * general cases.
 *
 * <p>Semantics beyond the SPI's javadoc:
 * <ul>
 *   <li>float32 arithmetic is IEEE float arithmetic: each operation is done in double on the exact
 *       float values and rounded to float once; transcendental functions are {@link Math}'s double
 *       versions rounded to float.</li>
 *   <li>Floating SUM and PROD, and matmul, accumulate in the buffer's own dtype, strictly in index
 *       order (so results are bit-reproducible); integer arithmetic wraps on overflow.</li>
 *   <li>BOOL operands: binary ADD and MAX are "or", MUL and MIN are "and"; SUM reduces to "any",
 *       PROD to "all"; other arithmetic on BOOL is a {@link DTypeMismatchException}.</li>
 *   <li>Integer POW with a negative exponent truncates toward zero like DIV (0 unless the base is
 *       ±1; base 0 throws {@link ArithmeticException}).</li>
 *   <li>ARGMAX and ARGMIN order values with NaN above +inf and pick the first index on ties, so
 *       ARGMAX returns the first NaN and ARGMIN a NaN only when all values are NaN.</li>
 *   <li>Index kernels check every index before writing anything.</li>
 * </ul>
 * Buffers of other devices, and HostBuffers allocated by another HostDevice instance, are refused
 * with an {@link IllegalArgumentException}; so are dtypes a kernel does not accept
 * ({@link DTypeMismatchException}) and buffer sizes that do not fit ({@link ShapeMismatchException}).
 */
public abstract class HostDevice implements ComputeDevice {
    private final String id;
    private final DeviceKind kind;
    private final int ranking;

    protected HostDevice(String id, DeviceKind kind, int ranking) {
        this.id = Objects.requireNonNull(id, "id");
        this.kind = Objects.requireNonNull(kind, "kind");
        this.ranking = ranking;
    }

    @Override public String id() { return id; }

    @Override public DeviceKind kind() { return kind; }

    @Override public int ranking() { return ranking; }

    @Override public String toString() { return getClass().getSimpleName() + "[" + id + "]"; }

    /** The buffer as a HostBuffer of this device, or an IllegalArgumentException naming both devices. */
    protected final HostBuffer host(DeviceBuffer buffer) {
        Objects.requireNonNull(buffer, "buffer");
        if (buffer instanceof HostBuffer hb && hb.device() == this) return hb;
        ComputeDevice owner = buffer.device();
        throw new IllegalArgumentException("buffer of device " + (owner == null ? "null" : owner.id())
                + " passed to device " + id);
    }

    /** The error function to about 1e-15 absolute, as the ERF kernel computes it. */
    protected static double erf(double x) { return HostMath.erf(x); }

    /** The logistic function without overflow, as the SIGMOID kernel computes it. */
    protected static double sigmoid(double x) { return HostMath.sigmoid(x); }

    // ---- buffers -------------------------------------------------------------------------

    @Override
    public DeviceBuffer allocate(DType dtype, int size) {
        Objects.requireNonNull(dtype, "dtype");
        if (size < 0) throw new IllegalArgumentException("negative buffer size " + size);
        return new HostBuffer(this, dtype, dtype.newHostArray(size));
    }

    /** Nothing to release: the garbage collector reclaims the array. */
    @Override
    public void free(DeviceBuffer buffer) { host(buffer); }

    @Override
    public void upload(DeviceBuffer dst, Object hostArray) {
        HostBuffer d = host(dst);
        DType type = DType.ofHostArray(hostArray);
        if (type != d.dtype())
            throw new IllegalArgumentException("cannot upload a " + type + " array into a " + d.dtype() + " buffer");
        int length = DType.hostLength(hostArray);
        if (length != d.size())
            throw new IllegalArgumentException("cannot upload " + length + " elements into a buffer of " + d.size());
        System.arraycopy(hostArray, 0, d.array(), 0, length);
    }

    @Override
    public Object download(DeviceBuffer src) {
        HostBuffer s = host(src);
        Object copy = s.dtype().newHostArray(s.size());
        System.arraycopy(s.array(), 0, copy, 0, s.size());
        return copy;
    }

    // ---- data movement -------------------------------------------------------------------

    @Override
    public void fill(DeviceBuffer dst, double value) {
        HostBuffer d = host(dst);
        switch (d.dtype()) {
            case FLOAT32 -> Arrays.fill(d.f32(), (float) value);
            case FLOAT64 -> Arrays.fill(d.f64(), value);
            case INT32 -> Arrays.fill(d.i32(), (int) value);
            case INT64 -> Arrays.fill(d.i64(), (long) value);
            case BOOL -> Arrays.fill(d.bool(), value != 0);
        }
    }

    @Override
    public void copy(Strided src, Strided dst) {
        Elements s = Elements.of(host(src.buffer())), d = Elements.of(host(dst.buffer()));
        Odometer it = new Odometer("copy", src, dst);
        for (int e = 0; e < it.count(); e++, it.advance())
            Elements.move(s, it.offset(0), d, it.offset(1));
    }

    // ---- elementwise ---------------------------------------------------------------------

    @Override
    public void unary(UnaryOp op, Strided x, DeviceBuffer out) {
        Elements in = Elements.of(host(x.buffer())), o = Elements.of(host(out));
        DType type = in.dtype();
        Odometer it = new Odometer("unary " + op, x);
        checkSize("unary " + op, out, it.count(), x.shape());
        if (op == UnaryOp.NOT || op == UnaryOp.IS_NAN) {
            if (op == UnaryOp.NOT && type != DType.BOOL) throw new DTypeMismatchException("unary NOT does not accept " + type);
            requireDType("unary " + op, "out", o, DType.BOOL);
            for (int e = 0; e < it.count(); e++, it.advance()) {
                int i = it.offset(0);
                boolean r = op == UnaryOp.NOT ? in.getLong(i) == 0 : type.isFloating() && Double.isNaN(in.getDouble(i));
                o.setLong(e, r ? 1 : 0);
            }
            return;
        }
        requireDType("unary " + op, "out", o, type);
        if (type.isFloating()) {
            DoubleUnaryOperator f = HostMath.floating(op);
            for (int e = 0; e < it.count(); e++, it.advance()) o.setDouble(e, f.applyAsDouble(in.getDouble(it.offset(0))));
        } else {
            if (type == DType.BOOL) throw new DTypeMismatchException("unary " + op + " does not accept BOOL");
            LongUnaryOperator f = HostMath.integral(op, type);
            for (int e = 0; e < it.count(); e++, it.advance()) o.setLong(e, f.applyAsLong(in.getLong(it.offset(0))));
        }
    }

    @Override
    public void binary(BinaryOp op, Strided a, Strided b, DeviceBuffer out) {
        String name = "binary " + op;
        Elements x = Elements.of(host(a.buffer())), y = Elements.of(host(b.buffer())), o = Elements.of(host(out));
        DType type = x.dtype();
        requireDType(name, "b", y, type);
        requireDType(name, "out", o, op.producesBool() ? DType.BOOL : type);
        Odometer it = new Odometer(name, a, b);
        checkSize(name, out, it.count(), a.shape());
        int n = it.count();
        if (op.producesBool() && type.isFloating()) {
            HostMath.DoublePredicate2 p = HostMath.floatingPredicate(op);
            for (int e = 0; e < n; e++, it.advance())
                o.setLong(e, p.test(x.getDouble(it.offset(0)), y.getDouble(it.offset(1))) ? 1 : 0);
        } else if (op.producesBool()) {
            HostMath.LongPredicate2 p = HostMath.integralPredicate(op);
            for (int e = 0; e < n; e++, it.advance())
                o.setLong(e, p.test(x.getLong(it.offset(0)), y.getLong(it.offset(1))) ? 1 : 0);
        } else if (type.isFloating()) {
            DoubleBinaryOperator f = HostMath.floating(op);
            for (int e = 0; e < n; e++, it.advance())
                o.setDouble(e, f.applyAsDouble(x.getDouble(it.offset(0)), y.getDouble(it.offset(1))));
        } else {
            LongBinaryOperator f = HostMath.integral(op, type);
            for (int e = 0; e < n; e++, it.advance())
                o.setLong(e, f.applyAsLong(x.getLong(it.offset(0)), y.getLong(it.offset(1))));
        }
    }

    @Override
    public void where(Strided cond, Strided a, Strided b, DeviceBuffer out) {
        Elements c = Elements.of(host(cond.buffer())), x = Elements.of(host(a.buffer())),
                y = Elements.of(host(b.buffer())), o = Elements.of(host(out));
        requireDType("where", "cond", c, DType.BOOL);
        requireDType("where", "b", y, x.dtype());
        requireDType("where", "out", o, x.dtype());
        Odometer it = new Odometer("where", cond, a, b);
        checkSize("where", out, it.count(), cond.shape());
        for (int e = 0; e < it.count(); e++, it.advance()) {
            if (c.getLong(it.offset(0)) != 0) Elements.move(x, it.offset(1), o, e);
            else Elements.move(y, it.offset(2), o, e);
        }
    }

    // ---- reductions and products ---------------------------------------------------------

    @Override
    public void reduce(ReduceOp op, DeviceBuffer x, int outer, int n, int inner, DeviceBuffer out) {
        String name = "reduce " + op;
        Elements in = Elements.of(host(x)), o = Elements.of(host(out));
        requireDType(name, "out", o, op.isArg() ? DType.INT64 : in.dtype());
        checkSize(name, x, (long) outer * n * inner, outer, n, inner);
        checkSize(name, out, (long) outer * inner, outer, inner);
        if (op.isArg() && n == 0) throw new IllegalArgumentException(op + " of zero elements (reducing an empty axis)");
        HostReduce.reduce(op, in, outer, n, inner, o);
    }

    /** Accumulates in the dtype (float32 in float), over p = 0..k-1 in order, without fused multiply-add. */
    @Override
    public void matmul(MatmulSpec spec, DeviceBuffer a, DeviceBuffer b, DeviceBuffer out) {
        HostBuffer ha = host(a), hb = host(b), ho = host(out);
        DType type = ha.dtype();
        if (!type.isFloating() || hb.dtype() != type || ho.dtype() != type)
            throw new DTypeMismatchException("matmul needs one floating dtype, got " + type + ", " + hb.dtype() + " -> " + ho.dtype());
        int m = spec.m(), n = spec.n(), k = spec.k();
        checkSize("matmul", out, (long) spec.batch() * m * n, spec.batch(), m, n);
        if (type == DType.FLOAT32) {
            float[] x = ha.f32(), y = hb.f32(), o = ho.f32();
            for (int bt = 0; bt < spec.batch(); bt++)
                for (int i = 0; i < m; i++)
                    for (int j = 0; j < n; j++) {
                        float acc = 0f;
                        for (int p = 0; p < k; p++) acc += x[spec.aIndex(bt, i, p)] * y[spec.bIndex(bt, p, j)];
                        o[(bt * m + i) * n + j] = acc;
                    }
        } else {
            double[] x = ha.f64(), y = hb.f64(), o = ho.f64();
            for (int bt = 0; bt < spec.batch(); bt++)
                for (int i = 0; i < m; i++)
                    for (int j = 0; j < n; j++) {
                        double acc = 0.0;
                        for (int p = 0; p < k; p++) acc += x[spec.aIndex(bt, i, p)] * y[spec.bIndex(bt, p, j)];
                        o[(bt * m + i) * n + j] = acc;
                    }
        }
    }

    // ---- indexing ------------------------------------------------------------------------

    @Override
    public void gather(DeviceBuffer x, DeviceBuffer index, int outer, int n, int m, int inner, DeviceBuffer out) {
        Elements src = Elements.of(host(x)), idx = indices("gather", index, n), o = Elements.of(host(out));
        requireDType("gather", "out", o, src.dtype());
        checkSize("gather", x, (long) outer * n * inner, outer, n, inner);
        checkSize("gather", index, (long) outer * m * inner, outer, m, inner);
        checkSize("gather", out, (long) outer * m * inner, outer, m, inner);
        for (int oi = 0; oi < outer; oi++)
            for (int j = 0; j < m; j++)
                for (int i = 0; i < inner; i++) {
                    int at = (oi * m + j) * inner + i;
                    Elements.move(src, (oi * n + (int) idx.getLong(at)) * inner + i, o, at);
                }
    }

    @Override
    public void scatterAdd(DeviceBuffer src, DeviceBuffer index, int outer, int n, int m, int inner, DeviceBuffer out) {
        Elements s = Elements.of(host(src)), idx = indices("scatterAdd", index, n), o = Elements.of(host(out));
        requireDType("scatterAdd", "out", o, s.dtype());
        checkSize("scatterAdd", src, (long) outer * m * inner, outer, m, inner);
        checkSize("scatterAdd", index, (long) outer * m * inner, outer, m, inner);
        checkSize("scatterAdd", out, (long) outer * n * inner, outer, n, inner);
        for (int oi = 0; oi < outer; oi++)
            for (int j = 0; j < m; j++)
                for (int i = 0; i < inner; i++) {
                    int at = (oi * m + j) * inner + i;
                    Elements.add(s, at, o, (oi * n + (int) idx.getLong(at)) * inner + i);
                }
    }

    @Override
    public void indexSelect(DeviceBuffer x, DeviceBuffer index, int outer, int n, int count, int inner, DeviceBuffer out) {
        Elements src = Elements.of(host(x)), idx = indices("indexSelect", index, n), o = Elements.of(host(out));
        requireDType("indexSelect", "out", o, src.dtype());
        checkSize("indexSelect", x, (long) outer * n * inner, outer, n, inner);
        checkSize("indexSelect", index, count, count);
        checkSize("indexSelect", out, (long) outer * count * inner, outer, count, inner);
        for (int oi = 0; oi < outer; oi++)
            for (int j = 0; j < count; j++)
                for (int i = 0; i < inner; i++)
                    Elements.move(src, (oi * n + (int) idx.getLong(j)) * inner + i, o, (oi * count + j) * inner + i);
    }

    @Override
    public void indexAdd(DeviceBuffer src, DeviceBuffer index, int outer, int n, int count, int inner, DeviceBuffer out) {
        Elements s = Elements.of(host(src)), idx = indices("indexAdd", index, n), o = Elements.of(host(out));
        requireDType("indexAdd", "out", o, s.dtype());
        checkSize("indexAdd", src, (long) outer * count * inner, outer, count, inner);
        checkSize("indexAdd", index, count, count);
        checkSize("indexAdd", out, (long) outer * n * inner, outer, n, inner);
        for (int oi = 0; oi < outer; oi++)
            for (int j = 0; j < count; j++)
                for (int i = 0; i < inner; i++)
                    Elements.add(s, (oi * count + j) * inner + i, o, (oi * n + (int) idx.getLong(j)) * inner + i);
    }

    /** An INT32 or INT64 index buffer whose every value lies in {@code [0, bound)}. */
    private Elements indices(String op, DeviceBuffer index, int bound) {
        Elements idx = Elements.of(host(index));
        if (!idx.dtype().isInteger())
            throw new DTypeMismatchException(op + ": index buffer must be INT32 or INT64, not " + idx.dtype());
        for (int i = 0; i < index.size(); i++) {
            long v = idx.getLong(i);
            if (v < 0 || v >= bound)
                throw new IndexOutOfBoundsException(op + ": index " + v + " out of range [0, " + bound + ")");
        }
        return idx;
    }

    // ---- random --------------------------------------------------------------------------

    @Override
    public void random(RandomDistribution dist, long key, DeviceBuffer out) {
        HostBuffer o = host(out);
        int[] w = new int[4];
        switch (o.dtype()) {
            case FLOAT32 -> {
                float[] a = o.f32();
                for (int i = 0; i < a.length; i++) {
                    Philox.element(key, i, w);
                    a[i] = dist == RandomDistribution.UNIFORM ? Philox.uniformFloat(w[0]) : (float) Philox.normal(w[0], w[1], w[2], w[3]);
                }
            }
            case FLOAT64 -> {
                double[] a = o.f64();
                for (int i = 0; i < a.length; i++) {
                    Philox.element(key, i, w);
                    a[i] = dist == RandomDistribution.UNIFORM ? Philox.uniformDouble(w[0], w[1]) : Philox.normal(w[0], w[1], w[2], w[3]);
                }
            }
            default -> throw new DTypeMismatchException("random " + dist + " needs a floating buffer, not " + o.dtype());
        }
    }

    // ---- checks --------------------------------------------------------------------------

    private static void requireDType(String op, String what, Elements e, DType expected) {
        if (e.dtype() != expected)
            throw new DTypeMismatchException(op + ": " + what + " is " + e.dtype() + ", expected " + expected);
    }

    private static void checkSize(String op, DeviceBuffer buffer, long expected, int... shape) {
        if (buffer.size() != expected)
            throw ShapeMismatchException.of(op, "buffer of " + buffer.size() + " elements where " + expected + " are needed", shape);
    }
}
