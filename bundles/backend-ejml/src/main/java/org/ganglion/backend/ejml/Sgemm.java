package org.ganglion.backend.ejml;

import java.util.Arrays;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicIntegerArray;
import org.ganglion.core.spi.Activation;
import org.ganglion.core.spi.MatmulSpec;

/**
 * Blocked, packed fp32 GEMM driver (the BLIS loop nest); subclasses supply the register-blocked
 * micro-kernel computing one {@code mr × nr} tile of C and the epilogue.
 *
 * <p>Per batch item, per k-block of {@link #KC} and per row block of {@link #MC}, A is packed into
 * {@code mr}-row panels ({@code mr} values per k) and B into {@code nr}-column panels ({@code nr}
 * values per k), both zero-padded at the edges; transposed operands differ only in how they are
 * packed. A column panel (KC × nr floats, 256 KiB at KC = 1024, nr = 64) stays in L2 while the
 * packed A block streams past it. The tasks of a block are runs of column panels (or row groups);
 * a panel is packed by the first task that needs it and shared, so a block costs one fork/join and
 * no separate packing phase.
 *
 * <p>Every C tile is computed by exactly one task in a fixed k order, so results do not depend on
 * the number of threads.
 */
abstract class Sgemm {
    /** k-block: 1024 measured best here (512, 768 and smaller were 3-10% slower). */
    static final int KC = Integer.getInteger("ganglion.cpu.kc", 1024);
    /** At most this many floats of packed A (resp. B) per block: 8 MiB each, together within L3. */
    static final int PACK_FLOATS = 1 << 21;
    /**
     * Rows of A per block. Each column panel streams the packed A block past its B panel (in L2);
     * unbounded, a 2048-row A (8 MiB packed) was re-read from memory for every panel and 2048³ ran
     * at ~150 instead of ~190 GFLOP/s per core. 512 rows (2 MiB at KC = 1024) stay in L3.
     */
    static final int MC = Integer.getInteger("ganglion.cpu.mc", 512);
    /**
     * Up to this many rows, B (untransposed) is read in place instead of packed: packing costs k·n
     * copies, more than the product itself for a few rows (small-batch inference). Measured on
     * m × 256 × 784, one thread: m = 1: 16 vs 31 µs, m = 4: 10 vs 39 µs, m = 32: 77 vs 84 µs,
     * m = 64: 158 vs 150 µs (packing wins from here on).
     */
    static final int DIRECT_B_ROWS = Integer.getInteger("ganglion.cpu.directrows", 32);
    /** Products below this many flops (~20 µs on one core) run on the calling thread only. */
    static final double PARALLEL_MIN_FLOPS = Double.parseDouble(System.getProperty("ganglion.cpu.parmin", "4e6"));

    final int mr;
    final int nr;
    /** Blocking in use; the statics unless a test shrinks them to reach every loop with small sizes. */
    private int kcBlock = KC, mcBlock = MC, packFloats = PACK_FLOATS;
    private final ConcurrentLinkedQueue<Scratch> scratch = new ConcurrentLinkedQueue<>();

    Sgemm(int mr, int nr) {
        this.mr = mr;
        this.nr = nr;
    }

    /** Name for logs and benchmark output. */
    abstract String name();

    /**
     * {@code C[co + r*ldc + j] (=|+=) Σ_p ap[apo + p*mr + r] · bp[bpo + p*nr + j]} for
     * {@code r < mr, j < nr}; {@code first} overwrites C, otherwise accumulates.
     */
    abstract void kernel(float[] ap, int apo, float[] bp, int bpo, int kc, float[] c, int co, int ldc, boolean first);

    /** {@link #kernel} with B read in place: {@code b[bo + p*ldb + j]} instead of the packed panel. */
    abstract void kernelB(float[] ap, int apo, float[] b, int bo, int ldb, int kc, float[] c, int co, int ldc, boolean first);

    /** {@code c = act(c + bias[bo + j])} on a {@code rows × cols} region; bias may be null. */
    abstract void epilogue(float[] c, int co, int ldc, int rows, int cols, float[] bias, int bo, Activation act);

    /** Overrides the blocking (tests: exercise the k, row and column block loops with small matrices). */
    final Sgemm blocking(int kc, int mc, int pack) {
        this.kcBlock = kc;
        this.mcBlock = mc;
        this.packFloats = pack;
        return this;
    }

    /** Drops cached packing buffers. */
    final void releaseScratch() { scratch.clear(); }

    /**
     * {@code c[b] = act(op(A[b]) · op(B[b]) + bias)} for every batch item; {@code c} is contiguous
     * {@code [batch, m, n]} from index 0; bias (may be null) holds n values from {@code biasOff}.
     */
    final void gemm(MatmulSpec s, float[] a, float[] b, float[] c, float[] bias, int biasOff, Activation act, Parallel par) {
        checkBounds(s, a.length, b.length, c.length, bias == null ? -1 : bias.length, biasOff);
        int batch = s.batch(), m = s.m(), n = s.n();
        if (batch == 0 || m == 0 || n == 0) return;
        boolean epi = bias != null || act != Activation.NONE;
        if (s.k() == 0) {   // empty sum: C = act(0 + bias)
            Arrays.fill(c, 0, batch * m * n, 0f);
            if (epi) for (int bi = 0; bi < batch; bi++) epilogue(c, bi * m * n, n, m, n, bias, biasOff, act);
            return;
        }
        double perItem = s.flops() / batch;
        int threads = par == null ? 1 : par.threads();
        if (threads == 1 || s.flops() < PARALLEL_MIN_FLOPS) {
            for (int bi = 0; bi < batch; bi++) single(s, bi, a, b, c, bias, biasOff, act, null);
        } else if (batch >= 2 * threads && perItem < 8 * PARALLEL_MIN_FLOPS) {
            // many small products (attention heads, per-sample matmuls): one item per task
            par.run(batch, bi -> single(s, bi, a, b, c, bias, biasOff, act, null));
        } else {
            for (int bi = 0; bi < batch; bi++) single(s, bi, a, b, c, bias, biasOff, act, par);
        }
    }

    private static void checkBounds(MatmulSpec s, int aLen, int bLen, int cLen, int biasLen, int biasOff) {
        long last = s.batch() - 1L;
        long aLo = Math.min(s.aOffset(), s.aOffset() + last * s.aBatchStride());
        long aHi = Math.max(s.aOffset(), s.aOffset() + last * s.aBatchStride()) + (long) s.m() * s.k();
        long bLo = Math.min(s.bOffset(), s.bOffset() + last * s.bBatchStride());
        long bHi = Math.max(s.bOffset(), s.bOffset() + last * s.bBatchStride()) + (long) s.k() * s.n();
        boolean emptyA = s.m() == 0 || s.k() == 0, emptyB = s.k() == 0 || s.n() == 0;
        if (s.batch() > 0 && !emptyA && (aLo < 0 || aHi > aLen))
            throw new IndexOutOfBoundsException("matmul A spans [" + aLo + ", " + aHi + ") but its buffer has " + aLen + " elements: " + s);
        if (s.batch() > 0 && !emptyB && (bLo < 0 || bHi > bLen))
            throw new IndexOutOfBoundsException("matmul B spans [" + bLo + ", " + bHi + ") but its buffer has " + bLen + " elements: " + s);
        if ((long) s.batch() * s.m() * s.n() > cLen)
            throw new IndexOutOfBoundsException("matmul output needs " + (long) s.batch() * s.m() * s.n() + " elements, buffer has " + cLen);
        if (biasLen >= 0 && (biasOff < 0 || (long) biasOff + s.n() > biasLen))
            throw new IndexOutOfBoundsException("bias needs " + s.n() + " elements from " + biasOff + ", buffer has " + biasLen);
    }

    /** One batch item, on {@code par}'s threads or (null) on the caller. */
    private void single(MatmulSpec s, int bi, float[] a, float[] b, float[] c, float[] bias, int biasOff, Activation act, Parallel par) {
        int m = s.m(), n = s.n(), k = s.k();
        int aBase = s.aOffset() + bi * s.aBatchStride(), bBase = s.bOffset() + bi * s.bBatchStride(), cBase = bi * m * n;
        Scratch sc = scratch.poll();
        if (sc == null) sc = new Scratch();
        try {
            for (int pc = 0; pc < k; pc += kcBlock) {
                int kc = Math.min(kcBlock, k - pc);
                int ncMax = Math.max(nr, packFloats / kc / nr * nr), mcMax = Math.max(mr, Math.min(mcBlock, packFloats / kc) / mr * mr);
                for (int jc = 0; jc < n; jc += ncMax) {
                    int nc = Math.min(ncMax, n - jc), np = (nc + nr - 1) / nr;
                    if (sc.b.length < np * nr * kc) sc.b = new float[np * nr * kc];
                    AtomicIntegerArray bState = new AtomicIntegerArray(np);   // B panels are shared by all row blocks
                    for (int ic = 0; ic < m; ic += mcMax) {
                        Block blk = new Block(s, a, aBase, b, bBase, c, cBase, bias, biasOff, act, sc, bState,
                                ic, Math.min(mcMax, m - ic), jc, nc, pc, kc);
                        int threads = par == null ? 1 : par.threads();
                        // enough tasks for load balance: split rows when there are few column panels
                        if (par == null || threads == 1) {
                            blk.task(0);
                        } else {
                            // contiguous runs of column panels, 4 per thread and claimed dynamically so
                            // that a thread the host runs slower (it happens here, for seconds) leaves
                            // little work at the end; row groups instead when there are few panels
                            blk.chunks = Math.min(blk.np, 4 * threads);
                            blk.groups = blk.np >= 2 * threads ? 1 : Math.min(blk.mp, (2 * threads + blk.np - 1) / blk.np);
                            par.run(blk.chunks * blk.groups, blk::task);
                        }
                    }
                }
            }
        } finally {
            if (scratch.size() < 4) scratch.offer(sc);
        }
    }

    /** Reused packing buffers (allocating and zeroing 8 MiB per call would cost more than a 256³ product). */
    private static final class Scratch {
        float[] a = new float[0], b = new float[0];
    }

    /** One (ic, jc, pc) block: packs panels on first use, computes its tiles. */
    private final class Block {
        final MatmulSpec s;
        final float[] a, b, c, bias, ap, bp;
        final int aBase, bBase, cBase, biasOff, ic, mc, jc, nc, pc, kc, mp, np;
        final boolean first, last, epi, directB;
        final Activation act;
        final AtomicIntegerArray aState, bState;   // per panel: 0 not packed, 1 packing, 2 ready, 3 failed
        int chunks = 1, groups = 1;

        Block(MatmulSpec s, float[] a, int aBase, float[] b, int bBase, float[] c, int cBase, float[] bias, int biasOff,
              Activation act, Scratch sc, AtomicIntegerArray bState, int ic, int mc, int jc, int nc, int pc, int kc) {
            this.s = s; this.a = a; this.aBase = aBase; this.b = b; this.bBase = bBase; this.c = c; this.cBase = cBase;
            this.bias = bias; this.biasOff = biasOff; this.act = act;
            this.ic = ic; this.mc = mc; this.jc = jc; this.nc = nc; this.pc = pc; this.kc = kc;
            this.mp = (mc + mr - 1) / mr;
            this.np = (nc + nr - 1) / nr;
            this.first = pc == 0;
            this.last = pc + kc == s.k();
            this.epi = bias != null || act != Activation.NONE;
            this.directB = !s.transB() && s.m() <= DIRECT_B_ROWS;
            if (sc.a.length < mp * mr * kc) sc.a = new float[mp * mr * kc];
            this.ap = sc.a;
            this.bp = sc.b;
            this.aState = new AtomicIntegerArray(mp);
            this.bState = bState;
        }

        /** Task t: column panels of chunk t / groups, row panels of group t % groups. */
        void task(int t) {
            int chunk = t / groups, g = t % groups;
            int jp0 = (int) ((long) np * chunk / chunks), jp1 = (int) ((long) np * (chunk + 1) / chunks);
            int ip0 = (int) ((long) mp * g / groups), ip1 = (int) ((long) mp * (g + 1) / groups);
            // odd tasks walk the rows backwards: the first pass packs A from both ends instead of one
            // thread packing while the other waits for the same panel
            boolean backwards = (t & 1) == 1;
            float[][] tile = new float[1][];
            for (int jp = jp0; jp < jp1; jp++) {
                if (!directB || jc + (jp + 1) * nr > s.n()) ready(bState, jp, false);
                for (int q = ip0; q < ip1; q++) tile(jp, backwards ? ip1 - 1 - (q - ip0) : q, tile);
            }
        }

        /** One mr × nr tile of C: kernel (through a scratch tile at the edges), then the epilogue on the last k-block. */
        private void tile(int jp, int ip, float[][] scratchTile) {
            ready(aState, ip, true);
            int n = s.n(), j = jc + jp * nr, cols = Math.min(nr, n - j);
            int i = ic + ip * mr, rows = Math.min(mr, s.m() - i), co = cBase + i * n + j;
            if (rows == mr && cols == nr && directB) {
                kernelB(ap, ip * mr * kc, b, bBase + pc * n + j, n, kc, c, co, n, first);
            } else if (rows == mr && cols == nr) {
                kernel(ap, ip * mr * kc, bp, jp * nr * kc, kc, c, co, n, first);
            } else {
                if (scratchTile[0] == null) scratchTile[0] = new float[mr * nr];
                float[] tile = scratchTile[0];
                if (!first) for (int r = 0; r < rows; r++) System.arraycopy(c, co + r * n, tile, r * nr, cols);
                if (directB && cols == nr) kernelB(ap, ip * mr * kc, b, bBase + pc * n + j, n, kc, tile, 0, nr, first);
                else kernel(ap, ip * mr * kc, bp, jp * nr * kc, kc, tile, 0, nr, first);
                for (int r = 0; r < rows; r++) System.arraycopy(tile, r * nr, c, co + r * n, cols);
            }
            if (last && epi) epilogue(c, co, n, rows, cols, bias, biasOff + j, act);
        }

        /** Makes panel {@code idx} ready: packs it, or waits for the task that is packing it (a few µs). */
        private void ready(AtomicIntegerArray st, int idx, boolean isA) {
            int v = st.get(idx);
            if (v == 2) return;
            if (v == 0 && st.compareAndSet(idx, 0, 1)) {
                try {
                    if (isA) packA(idx); else packB(idx);
                } catch (Throwable e) {
                    st.set(idx, 3);
                    throw e;
                }
                st.set(idx, 2);   // volatile write publishes the packed panel
                return;
            }
            for (int spins = 0; (v = st.get(idx)) != 2; spins++) {
                if (v == 3) throw new IllegalStateException("packing a matmul panel failed in another thread");
                if (spins < 1000) Thread.onSpinWait(); else Thread.yield();
            }
        }

        private void packA(int ip) {
            int i0 = ic + ip * mr, rows = Math.min(mr, s.m() - i0), off = ip * mr * kc, m = s.m(), k = s.k();
            if (!s.transA()) {   // A is m × k: rows are contiguous
                if (rows == 4 && mr == 4) {
                    int s0 = aBase + i0 * k + pc, s1 = s0 + k, s2 = s1 + k, s3 = s2 + k;
                    for (int p = 0, d = off; p < kc; p++, d += 4) {
                        ap[d] = a[s0 + p]; ap[d + 1] = a[s1 + p]; ap[d + 2] = a[s2 + p]; ap[d + 3] = a[s3 + p];
                    }
                    return;
                }
                for (int r = 0; r < rows; r++) {
                    int src = aBase + (i0 + r) * k + pc;
                    for (int p = 0; p < kc; p++) ap[off + p * mr + r] = a[src + p];
                }
            } else {             // A is stored k × m: the mr values of one k are contiguous
                for (int p = 0; p < kc; p++) {
                    int src = aBase + (pc + p) * m + i0, d = off + p * mr;
                    for (int r = 0; r < rows; r++) ap[d + r] = a[src + r];
                }
            }
            if (rows < mr) for (int p = 0; p < kc; p++) Arrays.fill(ap, off + p * mr + rows, off + p * mr + mr, 0f);
        }

        private void packB(int jp) {
            int j0 = jc + jp * nr, cols = Math.min(nr, s.n() - j0), off = jp * nr * kc, n = s.n(), k = s.k();
            if (!s.transB()) {   // B is k × n: copy row segments
                for (int p = 0; p < kc; p++) System.arraycopy(b, bBase + (pc + p) * n + j0, bp, off + p * nr, cols);
            } else {             // B is stored n × k: transpose in k-strips so the written lines stay in L1
                for (int p0 = 0; p0 < kc; p0 += 64) {
                    int pe = Math.min(kc, p0 + 64);
                    for (int jj = 0; jj < cols; jj++) {
                        int src = bBase + (j0 + jj) * k + pc;
                        for (int p = p0; p < pe; p++) bp[off + p * nr + jj] = b[src + p];
                    }
                }
            }
            if (cols < nr) for (int p = 0; p < kc; p++) Arrays.fill(bp, off + p * nr + cols, off + p * nr + nr, 0f);
        }
    }

    // ---- scalar activations, shared by the scalar kernel and the vector kernels' tails ----

    static float activate(float x, Activation act) {
        return switch (act) {
            case NONE -> x;
            case RELU -> Math.max(x, 0f);
            case SIGMOID -> (float) (1.0 / (1.0 + Math.exp(-(double) x)));   // no overflow in double
            case TANH -> (float) StrictMath.tanh(x);
        };
    }
}
