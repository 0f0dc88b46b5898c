package org.ganglion.core.host;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Random;
import org.ganglion.core.DType;
import org.ganglion.core.DTypeMismatchException;
import org.ganglion.core.spi.DeviceBuffer;
import org.ganglion.core.spi.MatmulSpec;
import org.ganglion.core.spi.ReduceOp;
import org.junit.jupiter.api.Test;

/** reduce and matmul of the reference device. */
class HostReduceMatmulTest extends DeviceFixture {
    private static final double NAN = Double.NaN, INF = Double.POSITIVE_INFINITY;

    private double[] reduce64(ReduceOp op, int outer, int n, int inner, double... x) {
        DeviceBuffer out = dev.allocate(DType.FLOAT64, outer * inner);
        dev.reduce(op, f64(x), outer, n, inner, out);
        return f64(out);
    }

    private long[] arg64(ReduceOp op, int outer, int n, int inner, double... x) {
        DeviceBuffer out = dev.allocate(DType.INT64, outer * inner);
        dev.reduce(op, f64(x), outer, n, inner, out);
        return i64(out);
    }

    // x[2, 3, 2]: outer 0 = {1, 2; 3, 4; 5, 6}, outer 1 = {-1, 7; 0, 7; -2, 1}
    private static final double[] X = {1, 2, 3, 4, 5, 6, -1, 7, 0, 7, -2, 1};

    @Test
    void reducesTheMiddleAxis() {
        assertArrayEquals(new double[] {9, 12, -3, 15}, reduce64(ReduceOp.SUM, 2, 3, 2, X));
        assertArrayEquals(new double[] {15, 48, 0, 49}, reduce64(ReduceOp.PROD, 2, 3, 2, X));
        assertArrayEquals(new double[] {5, 6, 0, 7}, reduce64(ReduceOp.MAX, 2, 3, 2, X));
        assertArrayEquals(new double[] {1, 2, -2, 1}, reduce64(ReduceOp.MIN, 2, 3, 2, X));
        assertArrayEquals(new long[] {2, 2, 1, 0}, arg64(ReduceOp.ARGMAX, 2, 3, 2, X), "ties: first index");
        assertArrayEquals(new long[] {0, 0, 2, 2}, arg64(ReduceOp.ARGMIN, 2, 3, 2, X));
        // the same data as outer 1, n 12, inner 1, and as outer 12, n 1, inner 1
        assertArrayEquals(new double[] {33}, reduce64(ReduceOp.SUM, 1, 12, 1, X));
        assertArrayEquals(X, reduce64(ReduceOp.MAX, 12, 1, 1, X));
        assertArrayEquals(new long[] {7}, arg64(ReduceOp.ARGMAX, 1, 12, 1, X));
    }

    @Test
    void nanPropagatesAndCountsAsTheMaximumForArgs() {
        double[] x = {1, NAN, 3, NAN, INF, -INF};
        assertArrayEquals(new double[] {NAN}, reduce64(ReduceOp.SUM, 1, 6, 1, x));
        assertArrayEquals(new double[] {NAN}, reduce64(ReduceOp.MAX, 1, 6, 1, x));
        assertArrayEquals(new double[] {NAN}, reduce64(ReduceOp.MIN, 1, 6, 1, x));
        assertArrayEquals(new double[] {NAN}, reduce64(ReduceOp.PROD, 1, 6, 1, x));
        assertArrayEquals(new long[] {1}, arg64(ReduceOp.ARGMAX, 1, 6, 1, x), "first NaN is the maximum");
        assertArrayEquals(new long[] {5}, arg64(ReduceOp.ARGMIN, 1, 6, 1, x));
        assertArrayEquals(new long[] {0}, arg64(ReduceOp.ARGMIN, 1, 2, 1, NAN, NAN));
        assertArrayEquals(new long[] {1}, arg64(ReduceOp.ARGMIN, 1, 2, 1, NAN, 5));
        assertArrayEquals(new long[] {1}, arg64(ReduceOp.ARGMAX, 1, 3, 1, 5, NAN, NAN));
        assertArrayEquals(new long[] {0, 1}, arg64(ReduceOp.ARGMAX, 1, 2, 2, NAN, 1, 2, NAN), "per column");
        assertArrayEquals(new double[] {NAN, INF}, reduce64(ReduceOp.SUM, 1, 2, 2, INF, INF, -INF, 0));
    }

    @Test
    void emptyReductionsGiveTheIdentity() {
        assertArrayEquals(new double[] {0, 0}, reduce64(ReduceOp.SUM, 2, 0, 1));
        assertArrayEquals(new double[] {1, 1}, reduce64(ReduceOp.PROD, 2, 0, 1));
        assertArrayEquals(new double[] {-INF, -INF}, reduce64(ReduceOp.MAX, 1, 0, 2));
        assertArrayEquals(new double[] {INF}, reduce64(ReduceOp.MIN, 1, 0, 1));
        DeviceBuffer i = dev.allocate(DType.INT32, 0), io = dev.allocate(DType.INT32, 1);
        dev.reduce(ReduceOp.MAX, i, 1, 0, 1, io);
        assertArrayEquals(new int[] {Integer.MIN_VALUE}, i32(io));
        dev.reduce(ReduceOp.MIN, i, 1, 0, 1, io);
        assertArrayEquals(new int[] {Integer.MAX_VALUE}, i32(io));
        dev.reduce(ReduceOp.SUM, i, 1, 0, 1, io);
        assertArrayEquals(new int[] {0}, i32(io));
        dev.reduce(ReduceOp.PROD, i, 1, 0, 1, io);
        assertArrayEquals(new int[] {1}, i32(io));
        DeviceBuffer l = dev.allocate(DType.INT64, 0), lo = dev.allocate(DType.INT64, 1);
        dev.reduce(ReduceOp.MAX, l, 1, 0, 1, lo);
        assertArrayEquals(new long[] {Long.MIN_VALUE}, i64(lo));
        dev.reduce(ReduceOp.MIN, l, 1, 0, 1, lo);
        assertArrayEquals(new long[] {Long.MAX_VALUE}, i64(lo));
        DeviceBuffer f = dev.allocate(DType.FLOAT32, 0), fo = dev.allocate(DType.FLOAT32, 3);
        dev.reduce(ReduceOp.MAX, f, 3, 0, 1, fo);
        assertArrayEquals(new float[] {Float.NEGATIVE_INFINITY, Float.NEGATIVE_INFINITY, Float.NEGATIVE_INFINITY}, f32(fo));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> arg64(ReduceOp.ARGMAX, 2, 0, 1));
        assertThrows(IllegalArgumentException.class, () -> arg64(ReduceOp.ARGMIN, 1, 0, 1));
        assertEquals(true, e.getMessage().contains("ARGMAX"), e.getMessage());
    }

    @Test
    void integerAndBoolReductions() {
        DeviceBuffer x = i32(Integer.MAX_VALUE, 1, -5, 3, 3, -5), out = dev.allocate(DType.INT32, 2), arg = dev.allocate(DType.INT64, 2);
        dev.reduce(ReduceOp.SUM, x, 2, 3, 1, out);
        assertArrayEquals(new int[] {Integer.MAX_VALUE - 4, 1}, i32(out));
        dev.reduce(ReduceOp.SUM, i32(Integer.MAX_VALUE, 1), 1, 2, 1, dev.allocate(DType.INT32, 1));
        DeviceBuffer o1 = dev.allocate(DType.INT32, 1);
        dev.reduce(ReduceOp.SUM, i32(Integer.MAX_VALUE, 1), 1, 2, 1, o1);
        assertArrayEquals(new int[] {Integer.MIN_VALUE}, i32(o1), "int32 sums wrap");
        dev.reduce(ReduceOp.PROD, i32(65536, 65536, 3), 1, 3, 1, o1);
        assertArrayEquals(new int[] {0}, i32(o1));
        dev.reduce(ReduceOp.MAX, x, 2, 3, 1, out);
        assertArrayEquals(new int[] {Integer.MAX_VALUE, 3}, i32(out));
        dev.reduce(ReduceOp.ARGMAX, x, 2, 3, 1, arg);
        assertArrayEquals(new long[] {0, 0}, i64(arg));
        dev.reduce(ReduceOp.ARGMIN, x, 2, 3, 1, arg);
        assertArrayEquals(new long[] {2, 2}, i64(arg));
        DeviceBuffer big = i64(1L << 53, (1L << 53) + 1, 1L << 53), bo = dev.allocate(DType.INT64, 1), bi = dev.allocate(DType.INT64, 1);
        dev.reduce(ReduceOp.SUM, big, 1, 3, 1, bo);
        assertArrayEquals(new long[] {3 * (1L << 53) + 1}, i64(bo), "int64 sums exactly");
        dev.reduce(ReduceOp.ARGMAX, big, 1, 3, 1, bi);
        assertArrayEquals(new long[] {1}, i64(bi));

        DeviceBuffer b = bool(false, true, false, false, true, true), r = dev.allocate(DType.BOOL, 2);
        dev.reduce(ReduceOp.SUM, b, 2, 3, 1, r);
        assertArrayEquals(new boolean[] {true, true}, bool(r), "SUM of BOOL is any");
        dev.reduce(ReduceOp.PROD, b, 2, 3, 1, r);
        assertArrayEquals(new boolean[] {false, false}, bool(r), "PROD of BOOL is all");
        dev.reduce(ReduceOp.MIN, b, 3, 2, 1, dev.allocate(DType.BOOL, 3));
        dev.reduce(ReduceOp.ARGMAX, b, 2, 3, 1, arg);
        assertArrayEquals(new long[] {1, 1}, i64(arg));
    }

    @Test
    void float32SumIsTheSequentialFloatSumAndReproducible() {
        Random rnd = new Random(5);
        float[] v = new float[10_000];
        for (int i = 0; i < v.length; i++) v[i] = (float) (rnd.nextGaussian() * Math.exp(rnd.nextGaussian() * 3));
        float want = 0;
        for (float f : v) want += f;
        DeviceBuffer x = f32(v), out = dev.allocate(DType.FLOAT32, 1);
        dev.reduce(ReduceOp.SUM, x, 1, v.length, 1, out);
        float first = f32(out)[0];
        assertEquals(want, first);
        for (int k = 0; k < 3; k++) {
            dev.reduce(ReduceOp.SUM, x, 1, v.length, 1, out);
            assertEquals(Float.floatToRawIntBits(first), Float.floatToRawIntBits(f32(out)[0]));
        }
        float prod = 1;
        for (int i = 0; i < 20; i++) prod *= v[i];
        dev.reduce(ReduceOp.PROD, f32(java.util.Arrays.copyOf(v, 20)), 1, 20, 1, out);
        assertEquals(prod, f32(out)[0]);
    }

    @Test
    void reduceChecksOutputDtype() {
        DeviceBuffer x = f32(1, 2);
        assertThrows(DTypeMismatchException.class, () -> dev.reduce(ReduceOp.SUM, x, 1, 2, 1, dev.allocate(DType.FLOAT64, 1)));
        assertThrows(DTypeMismatchException.class, () -> dev.reduce(ReduceOp.ARGMAX, x, 1, 2, 1, dev.allocate(DType.INT32, 1)));
    }

    // ---- matmul --------------------------------------------------------------------------

    @Test
    void smallHandComputedProducts() {
        DeviceBuffer a = f64(1, 2, 3, 4, 5, 6), b = f64(7, 8, 9, 10, 11, 12), out = dev.allocate(DType.FLOAT64, 4);
        // [1 2 3; 4 5 6] (2x3) . [7 8; 9 10; 11 12] (3x2)
        dev.matmul(MatmulSpec.of(2, 2, 3), a, b, out);
        assertArrayEquals(new double[] {58, 64, 139, 154}, f64(out));
        // A^T (stored 3x2 as a read as [1 2; 3 4; 5 6], so A = its transpose, 2x3) . B (3x2)
        dev.matmul(new MatmulSpec(1, 2, 2, 3, true, 0, 0, false, 0, 0), a, b, out);
        assertArrayEquals(new double[] {1 * 7 + 3 * 9 + 5 * 11, 1 * 8 + 3 * 10 + 5 * 12, 2 * 7 + 4 * 9 + 6 * 11, 2 * 8 + 4 * 10 + 6 * 12}, f64(out));
        // k = 0: zeros; m = 0: nothing
        DeviceBuffer z = f64(5, 5, 5, 5);
        dev.matmul(MatmulSpec.of(2, 2, 0), f64(), f64(), z);
        assertArrayEquals(new double[4], f64(z));
        dev.matmul(MatmulSpec.of(0, 2, 3), f64(), b, f64());
    }

    @Test
    void transposedAndBatchedProductsMatchANaiveLoop() {
        Random rnd = new Random(11);
        int batch = 3, m = 4, n = 5, k = 6;
        for (boolean transA : new boolean[] {false, true})
            for (boolean transB : new boolean[] {false, true})
                for (int aStride : new int[] {0, m * k})
                    for (int bStride : new int[] {0, k * n + 1}) {
                        int aOff = 2, bOff = 3;
                        float[] av = new float[aOff + (batch - 1) * aStride + m * k], bv = new float[bOff + (batch - 1) * bStride + k * n];
                        for (int i = 0; i < av.length; i++) av[i] = (float) rnd.nextGaussian();
                        for (int i = 0; i < bv.length; i++) bv[i] = (float) rnd.nextGaussian();
                        MatmulSpec spec = new MatmulSpec(batch, m, n, k, transA, aOff, aStride, transB, bOff, bStride);
                        float[] want = new float[batch * m * n];
                        for (int bt = 0; bt < batch; bt++)
                            for (int i = 0; i < m; i++)
                                for (int j = 0; j < n; j++) {
                                    float acc = 0;
                                    for (int p = 0; p < k; p++) acc += av[spec.aIndex(bt, i, p)] * bv[spec.bIndex(bt, p, j)];
                                    want[(bt * m + i) * n + j] = acc;
                                }
                        DeviceBuffer out = dev.allocate(DType.FLOAT32, batch * m * n);
                        dev.matmul(spec, f32(av), f32(bv), out);
                        assertArrayEquals(want, f32(out), spec.toString());

                        double[] ad = new double[av.length], bd = new double[bv.length];
                        for (int i = 0; i < ad.length; i++) ad[i] = av[i];
                        for (int i = 0; i < bd.length; i++) bd[i] = bv[i];
                        DeviceBuffer outD = dev.allocate(DType.FLOAT64, batch * m * n);
                        dev.matmul(spec, f64(ad), f64(bd), outD);
                        double[] got = f64(outD);
                        for (int bt = 0; bt < batch; bt++)
                            for (int i = 0; i < m; i++)
                                for (int j = 0; j < n; j++) {
                                    double acc = 0;
                                    for (int p = 0; p < k; p++) {
                                        // the same element read the other way round: row i of op(A), column j of op(B)
                                        double x = transA ? ad[aOff + bt * aStride + p * m + i] : ad[aOff + bt * aStride + i * k + p];
                                        double y = transB ? bd[bOff + bt * bStride + j * k + p] : bd[bOff + bt * bStride + p * n + j];
                                        acc += x * y;
                                    }
                                    assertEquals(acc, got[(bt * m + i) * n + j], spec.toString());
                                }
                    }
    }

    @Test
    void matmulNeedsOneFloatingDtype() {
        assertThrows(DTypeMismatchException.class, () -> dev.matmul(MatmulSpec.of(1, 1, 1), i32(1), i32(1), dev.allocate(DType.INT32, 1)));
        assertThrows(DTypeMismatchException.class, () -> dev.matmul(MatmulSpec.of(1, 1, 1), f32(1), f64(1), dev.allocate(DType.FLOAT32, 1)));
    }
}
