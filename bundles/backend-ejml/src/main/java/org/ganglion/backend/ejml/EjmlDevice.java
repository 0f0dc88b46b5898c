package org.ganglion.backend.ejml;

import java.util.Optional;
import org.ganglion.core.DType;
import org.ganglion.core.DTypeMismatchException;
import org.ganglion.core.ShapeMismatchException;
import org.ganglion.core.host.HostBuffer;
import org.ganglion.core.host.HostDevice;
import org.ganglion.core.spi.Activation;
import org.ganglion.core.spi.AdamUpdate;
import org.ganglion.core.spi.Axpy;
import org.ganglion.core.spi.BinaryOp;
import org.ganglion.core.spi.ComputeDevice;
import org.ganglion.core.spi.DeviceBuffer;
import org.ganglion.core.spi.DeviceKind;
import org.ganglion.core.spi.GemmEpilogue;
import org.ganglion.core.spi.MatmulSpec;
import org.ganglion.core.spi.ReduceOp;
import org.ganglion.core.spi.Strided;
import org.ganglion.core.spi.UnaryOp;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.propertytypes.ServiceRanking;

/**
 * The CPU device ({@code cpu}, ranking 100): {@link HostDevice}'s buffers and general kernels, with
 * a Vector API fp32 GEMM (plus a fused bias/activation epilogue as the {@link GemmEpilogue}
 * capability), EJML for float64 products, and fast paths for contiguous float32 elementwise work
 * and reductions, split over the device's threads. Everything else is HostDevice's plain loops.
 *
 * <p>Threads: {@code ganglion.cpu.threads} (default: available processors) including the caller;
 * the helpers are daemon threads stopped by {@link #close()} (the component's deactivation).
 * Results never depend on the thread count.
 */
@Component(service = ComputeDevice.class, property = {ComputeDevice.PROP_ID + "=" + EjmlDevice.ID, ComputeDevice.PROP_KIND + "=cpu"})
@ServiceRanking(EjmlDevice.RANKING)
public final class EjmlDevice extends HostDevice implements AutoCloseable {
    public static final String ID = "cpu";
    public static final int RANKING = 100;
    /** Elementwise work below this many elements stays on the caller (a fork/join costs ~10-30 µs). */
    private static final int PARALLEL_MIN_ELEMENTS = Integer.getInteger("ganglion.cpu.elementwise.parmin", 1 << 16);
    /** Long single-row sums are cut into fixed chunks (independent of the thread count: same bits). */
    private static final int SUM_CHUNK = 1 << 15;

    private final Kernels kernels;
    private final Parallel par;
    private final GemmEpilogue fused = (spec, a, b, bias, act, out) -> gemm(spec, a, b, bias, act == null ? Activation.NONE : act, out);
    private final FusedAdam adam = new FusedAdam(this);

    /** Threads from {@code ganglion.cpu.threads}, kernels chosen by {@link Kernels#select()}. */
    public EjmlDevice() {
        this(Integer.getInteger("ganglion.cpu.threads", Runtime.getRuntime().availableProcessors()));
    }

    /** A device using {@code threads} threads (the caller included). */
    public EjmlDevice(int threads) { this(threads, Kernels.select()); }

    EjmlDevice(int threads, Kernels kernels) {
        super(ID, DeviceKind.CPU, RANKING);
        this.kernels = kernels;
        this.par = new Parallel(threads);
    }

    /** Stops the helper threads; later calls still work, on the calling thread only. */
    @Deactivate
    @Override
    public void close() {
        par.close();
        kernels.sgemm().releaseScratch();
    }

    /** Threads a kernel may use, the caller included. */
    public int threads() { return par.threads(); }

    /** The fp32 GEMM micro-kernel in use, e.g. {@code vector-4x64} or {@code scalar-4x8}. */
    public String gemmKernel() { return kernels.sgemm().name(); }

    @Override
    public <T> Optional<T> capability(Class<T> type) {
        if (type == GemmEpilogue.class) return Optional.of(type.cast(fused));
        if (type == AdamUpdate.class || type == Axpy.class) return Optional.of(type.cast(adam));
        return super.capability(type);
    }

    /** This device's view of one of its buffers (for the fused kernels of this package). */
    HostBuffer hostBuffer(DeviceBuffer b) { return host(b); }

    // ---- products ------------------------------------------------------------------------

    @Override
    public void matmul(MatmulSpec spec, DeviceBuffer a, DeviceBuffer b, DeviceBuffer out) {
        gemm(spec, a, b, null, Activation.NONE, out);
    }

    private void gemm(MatmulSpec spec, DeviceBuffer a, DeviceBuffer b, DeviceBuffer bias, Activation act, DeviceBuffer out) {
        HostBuffer ha = host(a), hb = host(b), ho = host(out), hbias = bias == null ? null : host(bias);
        DType t = ha.dtype();
        if (!t.isFloating() || hb.dtype() != t || ho.dtype() != t || ho.size() != (long) spec.batch() * spec.m() * spec.n()) {
            super.matmul(spec, a, b, out);   // throws the canonical dtype / size error
            throw new IllegalStateException("unreachable: invalid matmul accepted");
        }
        if (hbias != null && hbias.dtype() != t)
            throw new DTypeMismatchException("gemm epilogue: bias is " + hbias.dtype() + ", operands are " + t);
        if (hbias != null && hbias.size() != spec.n())
            throw ShapeMismatchException.of("gemm epilogue", "bias of " + hbias.size() + " elements for n = " + spec.n(),
                    new int[] {hbias.size()}, new int[] {spec.batch(), spec.m(), spec.n()});
        if (t == DType.FLOAT32)
            kernels.sgemm().gemm(spec, ha.f32(), hb.f32(), ho.f32(), hbias == null ? null : hbias.f32(), 0, act, par);
        else
            Dgemm.gemm(spec, ha.f64(), hb.f64(), ho.f64(), hbias == null ? null : hbias.f64(), act);
    }

    // ---- data movement -------------------------------------------------------------------

    /**
     * Same-dtype copies between two buffers whose rows are contiguous (dense tensors, slices,
     * row gathers, broadcast rows) are {@link System#arraycopy} per row instead of an element
     * odometer; conversions, transposes and copies within one buffer go to HostDevice.
     */
    /** Whole rows at a time (a mini-batch from a dataset): one {@code System.arraycopy} per selected row. */
    @Override
    public void indexSelect(DeviceBuffer x, DeviceBuffer index, int outer, int n, int count, int inner, DeviceBuffer out) {
        HostBuffer hx = host(x), hi = host(index), ho = host(out);
        if (hx.dtype() != ho.dtype() || !hi.dtype().isInteger() || inner < 16 || hi.size() < count
                || hx.size() < outer * n * inner || ho.size() < outer * count * inner) {
            super.indexSelect(x, index, outer, n, count, inner, out);
            return;
        }
        long[] idx = new long[count];
        for (int j = 0; j < count; j++) {
            idx[j] = hi.dtype() == DType.INT64 ? hi.i64()[j] : hi.i32()[j];
            if (idx[j] < 0 || idx[j] >= n) throw new IndexOutOfBoundsException("indexSelect: index " + idx[j] + " out of range [0, " + n + ")");
        }
        for (int o = 0; o < outer; o++)
            for (int j = 0; j < count; j++)
                System.arraycopy(hx.array(), (int) ((o * (long) n + idx[j]) * inner), ho.array(), (o * count + j) * inner, inner);
    }

    @Override
    public void copy(Strided src, Strided dst) {
        HostBuffer hs = host(src.buffer()), hd = host(dst.buffer());
        int[] shape = src.shape();
        if (hs.dtype() != hd.dtype() && src.isContiguous() && dst.isContiguous() && src.elementCount() > 0
                && inside(src, src.elementCount()) && inside(dst, src.elementCount())
                && Conversions.convert(hs, src.offset(), hd, dst.offset(), src.elementCount()))
            return;
        if (hs != hd && hs.dtype() == hd.dtype() && java.util.Arrays.equals(shape, dst.shape()) && src.elementCount() > 0) {
            int n = src.elementCount();
            if (src.isContiguous() && dst.isContiguous() && inside(src, n) && inside(dst, n)) {
                System.arraycopy(hs.array(), src.offset(), hd.array(), dst.offset(), n);
                return;
            }
            int r = shape.length;
            if (r >= 2 && src.strides()[r - 1] == 1 && dst.strides()[r - 1] == 1 && within(src) && within(dst)) {
                int width = shape[r - 1], rows = n / width;
                int[] idx = new int[r - 1];
                int so = src.offset(), dOff = dst.offset();
                for (int row = 0; row < rows; row++) {
                    System.arraycopy(hs.array(), so, hd.array(), dOff, width);
                    for (int d = r - 2; d >= 0; d--) {   // advance the row odometer over the leading dimensions
                        so += src.strides()[d];
                        dOff += dst.strides()[d];
                        if (++idx[d] < shape[d]) break;
                        so -= shape[d] * src.strides()[d];
                        dOff -= shape[d] * dst.strides()[d];
                        idx[d] = 0;
                    }
                }
                return;
            }
        }
        super.copy(src, dst);
    }

    /** Non-negative strides and every element inside the buffer. */
    private static boolean within(Strided v) {
        long max = v.offset();
        for (int i = 0; i < v.rank(); i++) {
            if (v.strides()[i] < 0) return false;
            max += (long) (v.shape()[i] - 1) * v.strides()[i];
        }
        return v.offset() >= 0 && max < v.buffer().size();
    }

    // ---- elementwise ---------------------------------------------------------------------

    @Override
    public void unary(UnaryOp op, Strided x, DeviceBuffer out) {
        HostBuffer hx = host(x.buffer()), ho = host(out);
        int n = x.elementCount();
        if (FloatOps.UNARY.contains(op) && hx.dtype() == DType.FLOAT32 && ho.dtype() == DType.FLOAT32
                && ho.size() == n && x.isContiguous() && inside(x, n)) {
            float[] xa = hx.f32(), oa = ho.f32();
            int xo = x.offset();
            FloatOps ops = kernels.ops();
            split(n, (lo, hi) -> ops.unary(op, xa, xo + lo, oa, lo, hi - lo));
            return;
        }
        super.unary(op, x, out);
    }

    @Override
    public void binary(BinaryOp op, Strided a, Strided b, DeviceBuffer out) {
        HostBuffer ha = host(a.buffer()), hb = host(b.buffer()), ho = host(out);
        int n = a.elementCount();
        if (op.isComparison() && ha.dtype() == DType.FLOAT32 && hb.dtype() == DType.FLOAT32 && ho.dtype() == DType.BOOL
                && ho.size() == n && n > 0 && a.isContiguous() && inside(a, n)
                && (b.isContiguous() && inside(b, n) || period(b) == 1 && inside(b, 1))) {
            Conversions.compare(op, ha.f32(), a.offset(), hb.f32(), b.offset(), period(b) == 1 && n > 1, ho.bool(), n);
            return;
        }
        if (FloatOps.BINARY.contains(op) && ha.dtype() == DType.FLOAT32 && hb.dtype() == DType.FLOAT32
                && ho.dtype() == DType.FLOAT32 && ho.size() == n && n > 0 && java.util.Arrays.equals(a.shape(), b.shape())
                && fastBinary(op, ha.f32(), a, hb.f32(), b, ho.f32(), n))
            return;
        super.binary(op, a, b, out);
    }

    /**
     * The broadcast patterns of hot paths, on contiguous float32 data: same shape, a scalar, a
     * repeated trailing block ({@code x[rows, p] + bias[p]}), one value per row
     * ({@code x[rows, cols] - max[rows, 1]}), either side. False (nothing done) for anything else.
     */
    private boolean fastBinary(BinaryOp op, float[] a, Strided va, float[] b, Strided vb, float[] o, int n) {
        FloatOps ops = kernels.ops();
        int ao = va.offset(), bo = vb.offset(), pa = period(va), pb = period(vb);
        if (pa == n && pb == n && inside(va, n) && inside(vb, n)) {
            split(n, (lo, hi) -> ops.binary(op, a, ao + lo, b, bo + lo, o, lo, hi - lo));
        } else if (pa == n && pb == 1 && inside(va, n) && inside(vb, 1)) {
            split(n, (lo, hi) -> ops.binaryScalar(op, a, ao + lo, b[bo], false, o, lo, hi - lo));
        } else if (pa == 1 && pb == n && inside(va, 1) && inside(vb, n)) {
            split(n, (lo, hi) -> ops.binaryScalar(op, b, bo + lo, a[ao], true, o, lo, hi - lo));
        } else if (pa == n && pb > 1 && inside(va, n) && inside(vb, pb)) {
            splitRows(n / pb, pb, (r0, r1) -> {
                for (int r = r0; r < r1; r++) ops.binary(op, a, ao + r * pb, b, bo, o, r * pb, pb);
            });
        } else if (pb == n && pa > 1 && inside(vb, n) && inside(va, pa)) {
            splitRows(n / pa, pa, (r0, r1) -> {
                for (int r = r0; r < r1; r++) ops.binary(op, a, ao, b, bo + r * pa, o, r * pa, pa);
            });
        } else {
            int qa = scalarBlock(va), qb = scalarBlock(vb);
            if (pa == n && qb > 1 && inside(va, n) && inside(vb, n / qb)) {
                splitRows(n / qb, qb, (r0, r1) -> {
                    for (int r = r0; r < r1; r++) ops.binaryScalar(op, a, ao + r * qb, b[bo + r], false, o, r * qb, qb);
                });
            } else if (pb == n && qa > 1 && inside(vb, n) && inside(va, n / qa)) {
                splitRows(n / qa, qa, (r0, r1) -> {
                    for (int r = r0; r < r1; r++) ops.binaryScalar(op, b, bo + r * qa, a[ao + r], true, o, r * qa, qa);
                });
            } else {
                return false;
            }
        }
        return true;
    }

    /**
     * Length of the block a view repeats: its elements are {@code buffer[offset .. offset+p)} over
     * and over (trailing dimensions contiguous, leading ones broadcast). {@code count} for a
     * contiguous view, 1 for a scalar broadcast, -1 for anything else.
     */
    static int period(Strided v) {
        int[] sh = v.shape(), st = v.strides();
        int d = sh.length, p = 1;
        while (d > 0 && (sh[d - 1] == 1 || st[d - 1] == p)) p *= sh[--d];
        for (int i = 0; i < d; i++) if (sh[i] != 1 && st[i] != 0) return -1;
        return p;
    }

    /**
     * Length of the runs in which a view repeats one element, advancing by one element per run
     * (leading dimensions contiguous, trailing ones broadcast): {@code x[rows, 1]} seen as
     * {@code [rows, cols]} gives {@code cols}. -1 for anything else.
     */
    static int scalarBlock(Strided v) {
        int[] sh = v.shape(), st = v.strides();
        int d = sh.length, q = 1;
        while (d > 0 && (sh[d - 1] == 1 || st[d - 1] == 0)) q *= sh[--d];
        for (int i = d - 1, p = 1; i >= 0; i--) {
            if (sh[i] != 1 && st[i] != p) return -1;
            p *= sh[i];
        }
        return q;
    }

    private static boolean inside(Strided v, int span) {
        return v.offset() >= 0 && (long) v.offset() + span <= v.buffer().size();
    }

    // ---- reductions ----------------------------------------------------------------------

    @Override
    public void reduce(ReduceOp op, DeviceBuffer x, int outer, int n, int inner, DeviceBuffer out) {
        HostBuffer hx = host(x), ho = host(out);
        if ((op == ReduceOp.SUM || op == ReduceOp.MAX) && n > 0 && outer > 0 && inner > 0
                && hx.dtype() == DType.FLOAT32 && ho.dtype() == DType.FLOAT32
                && hx.size() == (long) outer * n * inner && ho.size() == (long) outer * inner) {
            float[] xa = hx.f32(), oa = ho.f32();
            FloatOps ops = kernels.ops();
            boolean sum = op == ReduceOp.SUM;
            if (inner > 1) {   // columns: rows added in order, vectorised across columns (bit-identical to the loop)
                // one task per outer index, or column strips when there are fewer outer indices than threads
                int chunk = outer >= 2 * par.threads() ? inner : Math.max(256, (inner + 2 * par.threads() - 1) / (2 * par.threads()));
                int perOuter = (inner + chunk - 1) / chunk;
                forTasks((long) outer * n * inner, outer * perOuter, t -> {
                    int o = t / perOuter, i0 = (t % perOuter) * chunk;
                    ops.columns(sum, xa, o * n * inner, n, inner, i0, Math.min(chunk, inner - i0), oa, o * inner + i0);
                });
            } else if (outer == 1 && sum && n >= 4 * SUM_CHUNK) {   // one long row: fixed chunks, partials added in order
                int chunks = (n + SUM_CHUNK - 1) / SUM_CHUNK;
                float[] partial = new float[chunks];
                forTasks(n, chunks, c -> partial[c] = ops.sum(xa, c * SUM_CHUNK, Math.min(SUM_CHUNK, n - c * SUM_CHUNK)));
                float s = 0f;
                for (float p : partial) s += p;
                oa[0] = s;
            } else {
                splitRows(outer, n, (o0, o1) -> {
                    for (int o = o0; o < o1; o++) oa[o] = sum ? ops.sum(xa, o * n, n) : ops.max(xa, o * n, n);
                });
            }
            return;
        }
        super.reduce(op, x, outer, n, inner, out);
    }

    // ---- work splitting ------------------------------------------------------------------

    interface Range { void run(int lo, int hi); }

    /** Runs {@code body} over [0, n) in one piece, or in one piece per thread when n is large. */
    void split(int n, Range body) {
        int t = par.threads();
        if (t == 1 || n < PARALLEL_MIN_ELEMENTS) { body.run(0, n); return; }
        // chunk bounds on 64-element boundaries keep every chunk's vector loop aligned with the others
        par.run(t, i -> body.run((int) ((long) n * i / t) & ~63, i == t - 1 ? n : (int) ((long) n * (i + 1) / t) & ~63));
    }

    /** Splits {@code rows} rows of {@code width} elements over the threads. */
    private void splitRows(int rows, int width, Range body) {
        int t = Math.min(par.threads(), rows);
        if (t <= 1 || (long) rows * width < PARALLEL_MIN_ELEMENTS) { body.run(0, rows); return; }
        par.run(t, i -> body.run((int) ((long) rows * i / t), (int) ((long) rows * (i + 1) / t)));
    }

    private void forTasks(long elements, int tasks, java.util.function.IntConsumer task) {
        if (par.threads() == 1 || elements < PARALLEL_MIN_ELEMENTS) for (int i = 0; i < tasks; i++) task.accept(i);
        else par.run(tasks, task);
    }
}
