package org.ganglion.backend.ejml;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.ganglion.core.DType;
import org.ganglion.core.reference.ReferenceDevice;
import org.ganglion.core.spi.BinaryOp;
import org.ganglion.core.spi.ComputeDevice;
import org.ganglion.core.spi.DeviceBuffer;
import org.ganglion.core.spi.ReduceOp;
import org.ganglion.core.spi.Strided;
import org.ganglion.core.spi.UnaryOp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * The elementwise and reduction fast paths against the {@link ReferenceDevice}: bit for bit where
 * the arithmetic is the same (+ − × ÷ max min neg abs sqrt reciprocal, column sums, max), within
 * 1e-6 relative for transcendental functions, and sums reproducible across calls and thread counts.
 * Data includes NaN, ±0, ±inf and subnormals. Sizes cover the single-thread and split paths.
 */
class ElementwiseTest {
    static final EjmlDevice[] DEVICES = {new EjmlDevice(2), new EjmlDevice(1), new EjmlDevice(2, Kernels.scalar())};
    static final ReferenceDevice REF = new ReferenceDevice();
    static final BinaryOp[] FAST_BINARY = {BinaryOp.ADD, BinaryOp.SUB, BinaryOp.MUL, BinaryOp.DIV, BinaryOp.MAX, BinaryOp.MIN};

    @AfterAll
    static void close() { for (EjmlDevice d : DEVICES) d.close(); }

    /** A view description: buffer length, offset, shape, strides (applied to the same data on both devices). */
    record View(int length, int offset, int[] shape, int[] strides) {
        static View contiguous(int offset, int... shape) {
            int n = 1;
            for (int d : shape) n *= d;
            return new View(offset + n + 2, offset, shape, Strided.rowMajorStrides(shape));
        }

        Strided on(DeviceBuffer b) { return new Strided(b, offset, shape, strides); }
    }

    @Test
    void binarySameShapeScalarAndRowBroadcastAreBitExact() {
        for (int[] shape : new int[][] {{1}, {37}, {7, 70}, {1000, 101}, {2, 3, 40}}) {
            int n = 1;
            for (int d : shape) n *= d;
            int last = shape[shape.length - 1];
            int[] zeros = new int[shape.length], row = new int[shape.length];
            row[shape.length - 1] = 1;
            View a = View.contiguous(3, shape), b = View.contiguous(5, shape);
            int[] perRow = Strided.rowMajorStrides(java.util.Arrays.copyOf(shape, shape.length - 1));
            perRow = java.util.Arrays.copyOf(perRow, shape.length);   // one value per row: [..., rows, 1] broadcast
            View scalar = new View(4, 2, shape, zeros), rowB = new View(last + 1, 1, shape, row);
            View colB = new View(n / last + 3, 2, shape, perRow);
            for (BinaryOp op : FAST_BINARY) {
                compareBinary(op, a, b, n);
                compareBinary(op, a, scalar, n);
                compareBinary(op, scalar, b, n);
                compareBinary(op, a, rowB, n);
                compareBinary(op, rowB, b, n);
                compareBinary(op, a, colB, n);
                compareBinary(op, colB, b, n);
            }
        }
    }

    @Test
    void broadcastPatternsAreRecognised() {
        DeviceBuffer buf = REF.allocate(DType.FLOAT32, 100);
        assertEquals(12, EjmlDevice.period(Strided.contiguous(buf, 3, 4)));
        assertEquals(1, EjmlDevice.period(new Strided(buf, 5, new int[] {3, 4}, new int[] {0, 0})));
        assertEquals(4, EjmlDevice.period(new Strided(buf, 0, new int[] {2, 3, 4}, new int[] {0, 0, 1})));
        assertEquals(12, EjmlDevice.period(new Strided(buf, 0, new int[] {2, 3, 4}, new int[] {0, 4, 1})));
        assertEquals(-1, EjmlDevice.period(new Strided(buf, 0, new int[] {3, 4}, new int[] {1, 3})));
        assertEquals(4, EjmlDevice.scalarBlock(new Strided(buf, 0, new int[] {3, 4}, new int[] {1, 0})));
        assertEquals(20, EjmlDevice.scalarBlock(new Strided(buf, 0, new int[] {2, 3, 4, 5}, new int[] {3, 1, 0, 0})));
        assertEquals(-1, EjmlDevice.scalarBlock(new Strided(buf, 0, new int[] {3, 4}, new int[] {2, 0})));
    }

    @Test
    void casesWithoutFastPathFallThroughToHostDevice() {
        View transposed = new View(12, 0, new int[] {4, 3}, new int[] {1, 4});
        View column = new View(4, 0, new int[] {4, 3}, new int[] {1, 0});
        View a = View.contiguous(0, 4, 3), shortRow = new View(3, 0, new int[] {4, 3}, new int[] {0, 1});
        for (BinaryOp op : new BinaryOp[] {BinaryOp.ADD, BinaryOp.POW, BinaryOp.MOD, BinaryOp.MAX}) {
            compareBinary(op, a, transposed, 12);
            compareBinary(op, column, a, 12);
            compareBinary(op, a, shortRow, 12);
        }
        compareUnary(UnaryOp.FLOOR, View.contiguous(0, 50), true);
        compareUnary(UnaryOp.EXP, transposed, false);
    }

    @Test
    void unaryExactOpsBitExactTranscendentalWithin1em6() {
        for (int n : new int[] {1, 37, 100_003}) {
            View v = View.contiguous(1, n);
            for (UnaryOp op : new UnaryOp[] {UnaryOp.NEG, UnaryOp.ABS, UnaryOp.SQRT, UnaryOp.RECIPROCAL}) compareUnary(op, v, true);
            for (UnaryOp op : new UnaryOp[] {UnaryOp.EXP, UnaryOp.LOG, UnaryOp.TANH, UnaryOp.SIGMOID}) compareUnary(op, v, false);
        }
    }

    @Test
    void reductionsMatchReferenceAndAreReproducible() {
        int[][] shapes = {{5, 37, 1}, {1, 300_001, 1}, {64, 1000, 1}, {3, 50, 70}, {1, 128, 4096}, {2, 1, 5}, {700, 200, 3}};
        for (int[] s : shapes) {
            int outer = s[0], n = s[1], inner = s[2];
            float[] x = data(new SplittableRandom(n), outer * n * inner, false);
            x[x.length / 2] = Float.NaN;   // must propagate through MAX and SUM of its row
            for (ReduceOp op : new ReduceOp[] {ReduceOp.SUM, ReduceOp.MAX}) {
                float[] want = reduce(REF, op, x, outer, n, inner);
                java.util.Map<String, float[]> first = new java.util.HashMap<>();
                for (EjmlDevice d : DEVICES) {
                    float[] got = reduce(d, op, x, outer, n, inner);
                    if (op == ReduceOp.MAX || inner > 1) {
                        assertBits(want, got, op + " " + java.util.Arrays.toString(s) + " on " + d.gemmKernel());
                    } else {   // row sums add in another (fixed) order: close, and the same bits on any thread count
                        assertArrayEquals(first.computeIfAbsent(d.gemmKernel(), k -> got), got, "same bits on every thread count");
                        for (int o = 0; o < outer; o++) {
                            double mag = 0;
                            for (int j = 0; j < n; j++) mag += Math.abs(x[o * n + j]);
                            if (Double.isNaN(want[o])) assertEquals(Float.NaN, got[o]);
                            else assertEquals(want[o], got[o], 1e-6 * Math.sqrt(n) * mag, "row " + o);
                        }
                    }
                    assertArrayEquals(got, reduce(d, op, x, outer, n, inner), "reproducible");
                }
            }
        }
    }

    @Test
    void copiesMatchReferenceForEveryDtypeAndLayout() {
        View[][] cases = {   // {src, dst}
            {View.contiguous(3, 5, 7), View.contiguous(1, 5, 7)},
            {new View(40, 2, new int[] {3, 4}, new int[] {10, 1}), View.contiguous(0, 3, 4)},            // row slice
            {View.contiguous(0, 3, 4), new View(40, 5, new int[] {3, 4}, new int[] {12, 1})},            // into a slice
            {new View(9, 1, new int[] {5, 6}, new int[] {0, 1}), View.contiguous(0, 5, 6)},              // broadcast rows
            {new View(200, 3, new int[] {2, 3, 4}, new int[] {60, 8, 1}), View.contiguous(2, 2, 3, 4)},  // 3-D with gaps
            {new View(30, 0, new int[] {4, 5}, new int[] {1, 4}), View.contiguous(0, 4, 5)},             // transpose: HostDevice
        };
        for (DType t : new DType[] {DType.FLOAT32, DType.FLOAT64, DType.INT32, DType.INT64, DType.BOOL}) {
            for (View[] c : cases) {
                Object want = copy(REF, t, t, c[0], c[1]), got = copy(DEVICES[0], t, t, c[0], c[1]);
                assertTrue(java.util.Objects.deepEquals(want, got), t + " " + c[0] + " -> " + c[1]);
            }
        }
        View[] c = cases[1];   // conversion: HostDevice
        assertTrue(java.util.Objects.deepEquals(copy(REF, DType.FLOAT32, DType.INT32, c[0], c[1]), copy(DEVICES[0], DType.FLOAT32, DType.INT32, c[0], c[1])));
    }

    /** Copies a patterned buffer through the views; returns the whole destination buffer (untouched parts included). */
    private static Object copy(ComputeDevice dev, DType from, DType to, View vs, View vd) {
        DeviceBuffer src = dev.allocate(from, vs.length()), dst = dev.allocate(to, vd.length());
        Object hs = from.newHostArray(vs.length()), hd = to.newHostArray(vd.length());
        for (int i = 0; i < vs.length(); i++) java.lang.reflect.Array.set(hs, i, pattern(from, i + 1));
        for (int i = 0; i < vd.length(); i++) java.lang.reflect.Array.set(hd, i, pattern(to, -i - 7));
        dev.upload(src, hs);
        dev.upload(dst, hd);
        dev.copy(vs.on(src), vd.on(dst));
        return dev.download(dst);
    }

    private static Object pattern(DType t, int i) {
        return switch (t) {
            case FLOAT32 -> i * 1.5f;
            case FLOAT64 -> i * 2.25;
            case INT32 -> i * 3;
            case INT64 -> i * 5L;
            case BOOL -> i % 3 == 0;
        };
    }

    @Test
    void jitCompiledVectorLoopsKeepTheirResults() {
        // the Vector API runs per-lane Java code until C2 compiles it (to SIMD, SVML for exp/tanh/log):
        // warm the loops up and check that sums keep their bits and transcendentals their accuracy
        FloatOps ops = Kernels.select().ops();
        float[] x = data(new SplittableRandom(3), 4099, false), out = new float[4099];
        float coldSum = ops.sum(x, 0, x.length), coldMax = ops.max(x, 0, x.length);
        UnaryOp[] ts = {UnaryOp.EXP, UnaryOp.LOG, UnaryOp.TANH, UnaryOp.SIGMOID};
        for (int rep = 0; rep < 3000; rep++) {
            ops.sum(x, 0, x.length);
            ops.max(x, 0, x.length);
            ops.unary(ts[rep % 4], x, 0, out, 0, x.length);
        }
        assertEquals(Float.floatToIntBits(coldSum), Float.floatToIntBits(ops.sum(x, 0, x.length)));
        assertEquals(Float.floatToIntBits(coldMax), Float.floatToIntBits(ops.max(x, 0, x.length)));
        for (UnaryOp op : ts) {
            ops.unary(op, x, 0, out, 0, x.length);
            for (int i = 0; i < x.length; i++) {
                double want = switch (op) {
                    case EXP -> Math.exp(x[i]);
                    case LOG -> Math.log(x[i]);
                    case TANH -> Math.tanh(x[i]);
                    default -> SgemmTest.activate(x[i], org.ganglion.core.spi.Activation.SIGMOID);
                };
                boolean ok = Double.isNaN(want) ? Float.isNaN(out[i]) : Math.abs(out[i] - want) <= 1e-6 * Math.abs(want) + 1e-37;
                if (!ok) throw new AssertionError(op + "(" + x[i] + ") = " + out[i] + ", want " + want);
            }
        }
    }

    // ---- helpers -------------------------------------------------------------------------

    private static void compareBinary(BinaryOp op, View va, View vb, int n) {
        SplittableRandom r = new SplittableRandom(op.ordinal() * 31L + n);
        float[] da = data(r, va.length(), true), db = data(r, vb.length(), true);
        float[] want = binary(REF, op, va, da, vb, db, n);
        for (EjmlDevice d : DEVICES) assertBits(want, binary(d, op, va, da, vb, db, n), op + " " + va + " " + vb + " on " + d.gemmKernel());
    }

    private static float[] binary(ComputeDevice dev, BinaryOp op, View va, float[] da, View vb, float[] db, int n) {
        DeviceBuffer a = dev.allocate(DType.FLOAT32, da.length), b = dev.allocate(DType.FLOAT32, db.length), out = dev.allocate(DType.FLOAT32, n);
        dev.upload(a, da);
        dev.upload(b, db);
        dev.binary(op, va.on(a), vb.on(b), out);
        return (float[]) dev.download(out);
    }

    private static void compareUnary(UnaryOp op, View v, boolean exact) {
        float[] dx = data(new SplittableRandom(op.ordinal()), v.length(), true);
        int n = 1;
        for (int d : v.shape()) n *= d;
        float[] want = unary(REF, op, v, dx, n);
        for (EjmlDevice d : DEVICES) {
            float[] got = unary(d, op, v, dx, n);
            String what = op + " " + v + " on " + d.gemmKernel();
            if (exact) { assertBits(want, got, what); continue; }
            for (int i = 0; i < n; i++) {
                boolean ok = Float.isNaN(want[i]) ? Float.isNaN(got[i])
                        : Float.isInfinite(want[i]) ? want[i] == got[i]
                        : Math.abs(got[i] - want[i]) <= 1e-6 * Math.abs(want[i]) + 1e-37;
                if (!ok) throw new AssertionError(what + " at " + i + " x=" + dx[v.offset() + i] + ": " + got[i] + " vs " + want[i]);
            }
        }
    }

    private static float[] unary(ComputeDevice dev, UnaryOp op, View v, float[] dx, int n) {
        DeviceBuffer x = dev.allocate(DType.FLOAT32, dx.length), out = dev.allocate(DType.FLOAT32, n);
        dev.upload(x, dx);
        dev.unary(op, v.on(x), out);
        return (float[]) dev.download(out);
    }

    private static float[] reduce(ComputeDevice dev, ReduceOp op, float[] dx, int outer, int n, int inner) {
        DeviceBuffer x = dev.allocate(DType.FLOAT32, dx.length), out = dev.allocate(DType.FLOAT32, outer * inner);
        dev.upload(x, dx);
        dev.reduce(op, x, outer, n, inner, out);
        return (float[]) dev.download(out);
    }

    /** Values in [-50, 50] of varied magnitude; with {@code special}, 1 in 16 is NaN, ±0, ±inf or subnormal. */
    static float[] data(SplittableRandom r, int n, boolean special) {
        float[] specials = {Float.NaN, 0f, -0f, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, Float.MIN_VALUE, -1e-40f, 1f};
        float[] x = new float[n];
        for (int i = 0; i < n; i++) {
            x[i] = special && r.nextInt(16) == 0 ? specials[r.nextInt(specials.length)]
                    : (float) ((r.nextDouble() * 2 - 1) * Math.pow(10, r.nextInt(4) - 2) * 5);
        }
        return x;
    }

    private static void assertBits(float[] want, float[] got, String what) {
        assertEquals(want.length, got.length, what);
        for (int i = 0; i < want.length; i++)
            if (Float.floatToIntBits(want[i]) != Float.floatToIntBits(got[i]))
                throw new AssertionError(what + " at " + i + ": " + got[i] + " vs " + want[i]);
    }
}
