package org.ganglion.core.host;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.DoubleUnaryOperator;
import org.ganglion.core.DType;
import org.ganglion.core.DTypeMismatchException;
import org.ganglion.core.spi.BinaryOp;
import org.ganglion.core.spi.DeviceBuffer;
import org.ganglion.core.spi.Strided;
import org.ganglion.core.spi.UnaryOp;
import org.junit.jupiter.api.Test;

/** unary, binary and where of the reference device. */
class HostElementwiseTest extends DeviceFixture {
    private static final double[] SAMPLE = {-3.5, -1, -0.5, -0.0, 0, 0.25, 0.5, 1.5, 2.5, 10, Double.NaN,
            Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY};

    private double[] unary64(UnaryOp op, double... x) {
        DeviceBuffer out = dev.allocate(DType.FLOAT64, x.length);
        dev.unary(op, flat(f64(x)), out);
        return f64(out);
    }

    private float[] unary32(UnaryOp op, float... x) {
        DeviceBuffer out = dev.allocate(DType.FLOAT32, x.length);
        dev.unary(op, flat(f32(x)), out);
        return f32(out);
    }

    // ---- unary ---------------------------------------------------------------------------

    @Test
    void floatingUnaryOpsFollowMath() {
        Object[][] cases = {
                {UnaryOp.NEG, (DoubleUnaryOperator) x -> -x}, {UnaryOp.ABS, (DoubleUnaryOperator) Math::abs},
                {UnaryOp.SIGN, (DoubleUnaryOperator) Math::signum}, {UnaryOp.EXP, (DoubleUnaryOperator) Math::exp},
                {UnaryOp.EXPM1, (DoubleUnaryOperator) Math::expm1}, {UnaryOp.LOG, (DoubleUnaryOperator) Math::log},
                {UnaryOp.LOG1P, (DoubleUnaryOperator) Math::log1p}, {UnaryOp.SQRT, (DoubleUnaryOperator) Math::sqrt},
                {UnaryOp.RECIPROCAL, (DoubleUnaryOperator) x -> 1 / x}, {UnaryOp.SIN, (DoubleUnaryOperator) Math::sin},
                {UnaryOp.COS, (DoubleUnaryOperator) Math::cos}, {UnaryOp.TANH, (DoubleUnaryOperator) Math::tanh},
                {UnaryOp.FLOOR, (DoubleUnaryOperator) Math::floor}, {UnaryOp.CEIL, (DoubleUnaryOperator) Math::ceil},
                {UnaryOp.ROUND, (DoubleUnaryOperator) Math::rint}};
        for (Object[] c : cases) {
            UnaryOp op = (UnaryOp) c[0];
            DoubleUnaryOperator f = (DoubleUnaryOperator) c[1];
            double[] got = unary64(op, SAMPLE);
            float[] sample32 = new float[SAMPLE.length];
            for (int i = 0; i < SAMPLE.length; i++) sample32[i] = (float) SAMPLE[i];
            float[] got32 = unary32(op, sample32);
            for (int i = 0; i < SAMPLE.length; i++) {
                assertEquals(f.applyAsDouble(SAMPLE[i]), got[i], op + "(" + SAMPLE[i] + ")");
                assertEquals((float) f.applyAsDouble(sample32[i]), got32[i], op + "(" + sample32[i] + "f)");
            }
        }
        assertEquals(Double.NEGATIVE_INFINITY, unary64(UnaryOp.LOG, 0)[0]);
        assertArrayEquals(new double[] {2, 2, -2, 0, -0.0}, unary64(UnaryOp.ROUND, 2.5, 1.5, -2.5, 0.5, -0.5), "half to even");
    }

    @Test
    void sigmoidDoesNotOverflow() {
        double[] s = unary64(UnaryOp.SIGMOID, -1000, -745, -30, -1, 0, 1, 30, 745, 1000, Double.NaN,
                Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY);
        assertEquals(0, s[0]);
        assertTrue(s[1] >= 0 && s[1] < 1e-300);
        assertEquals(9.357622968839299e-14, s[2], 1e-27);
        assertEquals(0.2689414213699951, s[3], 1e-16);
        assertEquals(0.5, s[4]);
        assertEquals(0.7310585786300049, s[5], 1e-16);
        assertEquals(1.0, s[6], 1e-13);
        assertEquals(1.0, s[7]);
        assertEquals(1.0, s[8]);
        assertTrue(Double.isNaN(s[9]));
        assertEquals(0, s[10]);
        assertEquals(1, s[11]);
        float[] f = unary32(UnaryOp.SIGMOID, -200f, 0f, 200f, 3f);
        assertArrayEquals(new float[] {0f, 0.5f, 1f, (float) (1 / (1 + Math.exp(-3)))}, f);
    }

    static final double[][] ERF = {
            {0.0, 0.0}, {1e-08, 1.1283791670955126e-08}, {0.1, 0.1124629160182849}, {0.5, 0.5204998778130465},
            {1.0, 0.8427007929497149}, {1.5, 0.9661051464753108}, {1.9999, 0.9953201979070294},
            {2.0, 0.9953222650189527}, {2.5, 0.999593047982555}, {3.0, 0.9999779095030014},
            {3.7, 0.9999998328489421}, {4.5, 0.9999999998033839}, {5.5, 0.9999999999999927}, {5.99, 1.0},
            {-0.25, -0.27632639016823696}, {-1.2, -0.9103139782296353}, {-2.2, -0.9981371537020182},
            {-3.0, -0.9999779095030014}, {-4.2, -0.9999999971445058}, {-7.0, -1.0}};

    @Test
    void erfMatchesHighPrecisionValues() {
        double[] x = new double[ERF.length];
        for (int i = 0; i < x.length; i++) x[i] = ERF[i][0];
        double[] got = unary64(UnaryOp.ERF, x);
        for (int i = 0; i < x.length; i++) {
            assertEquals(ERF[i][1], got[i], 1e-15, "erf(" + x[i] + ")");
            assertEquals(ERF[i][1], HostMath.erf(x[i]), 1e-15);
        }
        assertEquals(0.5204998778130465, HostMath.erf(0.5), 1e-15);
        assertEquals(0.8427007929497149, HostMath.erf(1), 1e-15);
        assertEquals(0.9953222650189527, HostMath.erf(2), 1e-15);
        assertEquals(-0.9999779095030014, HostMath.erf(-3), 1e-15);
        assertEquals(1.0, HostMath.erf(Double.POSITIVE_INFINITY));
        assertEquals(-1.0, HostMath.erf(Double.NEGATIVE_INFINITY));
        assertTrue(Double.isNaN(HostMath.erf(Double.NaN)));
        assertEquals(Double.doubleToLongBits(-0.0), Double.doubleToLongBits(HostMath.erf(-0.0)));
        assertArrayEquals(new float[] {0.5204999f, -0.8427008f}, unary32(UnaryOp.ERF, 0.5f, -1f));
    }

    @Test
    void erfIsOddMonotoneAndContinuousAcrossItsBranches() {
        double prev = -1;
        for (int i = -8000; i <= 8000; i++) {
            double x = i / 1000.0, e = HostMath.erf(x);
            assertEquals(-e, HostMath.erf(-x));
            assertTrue(e >= prev, "monotone at " + x);
            prev = e;
        }
        for (double edge : new double[] {2.0, 6.0})
            assertEquals(HostMath.erf(Math.nextDown(edge)), HostMath.erf(edge), 1.5e-15, "continuous at " + edge);
    }

    @Test
    void integerAndBoolUnaryOps() {
        DeviceBuffer x = i32(-5, 0, 7, Integer.MIN_VALUE), out = dev.allocate(DType.INT32, 4);
        dev.unary(UnaryOp.NEG, flat(x), out);
        assertArrayEquals(new int[] {5, 0, -7, Integer.MIN_VALUE}, i32(out));
        dev.unary(UnaryOp.ABS, flat(x), out);
        assertArrayEquals(new int[] {5, 0, 7, Integer.MIN_VALUE}, i32(out));
        dev.unary(UnaryOp.SIGN, flat(x), out);
        assertArrayEquals(new int[] {-1, 0, 1, -1}, i32(out));
        DeviceBuffer l = i64(-5, Long.MAX_VALUE), lo = dev.allocate(DType.INT64, 2);
        dev.unary(UnaryOp.NEG, flat(l), lo);
        assertArrayEquals(new long[] {5, -Long.MAX_VALUE}, i64(lo));

        DeviceBuffer b = bool(true, false), bo = dev.allocate(DType.BOOL, 2);
        dev.unary(UnaryOp.NOT, flat(b), bo);
        assertArrayEquals(new boolean[] {false, true}, bool(bo));

        DeviceBuffer nan = dev.allocate(DType.BOOL, 4);
        dev.unary(UnaryOp.IS_NAN, flat(f32(1, Float.NaN, Float.POSITIVE_INFINITY, -Float.NaN)), nan);
        assertArrayEquals(new boolean[] {false, true, false, true}, bool(nan));
        dev.unary(UnaryOp.IS_NAN, flat(x), nan);
        assertArrayEquals(new boolean[4], bool(nan));

        assertThrows(DTypeMismatchException.class, () -> dev.unary(UnaryOp.EXP, flat(x), out));
        assertThrows(DTypeMismatchException.class, () -> dev.unary(UnaryOp.NOT, flat(x), nan));
        assertThrows(DTypeMismatchException.class, () -> dev.unary(UnaryOp.NEG, flat(b), bo));
        assertThrows(DTypeMismatchException.class, () -> dev.unary(UnaryOp.NEG, flat(x), dev.allocate(DType.INT64, 4)));
    }

    @Test
    void unaryReadsStridedInput() {
        DeviceBuffer m = f64(1, 4, 9, 16, 25, 36), out = dev.allocate(DType.FLOAT64, 6);
        dev.unary(UnaryOp.SQRT, view(m, 0, ints(3, 2), ints(1, 3)), out);
        assertArrayEquals(new double[] {1, 4, 2, 5, 3, 6}, f64(out));
    }

    // ---- binary --------------------------------------------------------------------------

    private double[] binary64(BinaryOp op, double[] a, double[] b) {
        DeviceBuffer out = dev.allocate(DType.FLOAT64, a.length);
        dev.binary(op, flat(f64(a)), flat(f64(b)), out);
        return f64(out);
    }

    private long[] binary64(BinaryOp op, long[] a, long[] b) {
        DeviceBuffer out = dev.allocate(DType.INT64, a.length);
        dev.binary(op, flat(i64(a)), flat(i64(b)), out);
        return i64(out);
    }

    private boolean[] compare(BinaryOp op, Object a, Object b) {
        DeviceBuffer out = dev.allocate(DType.BOOL, java.lang.reflect.Array.getLength(a));
        dev.binary(op, flat(of(a)), flat(of(b)), out);
        return bool(out);
    }

    @Test
    void broadcastBinaryThroughZeroStrides() {
        // a [2, 3] + b [3] broadcast over rows; and a column [2, 1] broadcast over columns
        DeviceBuffer a = f32(1, 2, 3, 4, 5, 6), row = f32(10, 20, 30), col = f32(100, 200), out = dev.allocate(DType.FLOAT32, 6);
        dev.binary(BinaryOp.ADD, Strided.contiguous(a, 2, 3), view(row, 0, ints(2, 3), ints(0, 1)), out);
        assertArrayEquals(new float[] {11, 22, 33, 14, 25, 36}, f32(out));
        dev.binary(BinaryOp.SUB, view(col, 0, ints(2, 3), ints(1, 0)), Strided.contiguous(a, 2, 3), out);
        assertArrayEquals(new float[] {99, 98, 97, 196, 195, 194}, f32(out));
        // outer product by broadcasting both sides
        dev.binary(BinaryOp.MUL, view(col, 0, ints(2, 3), ints(1, 0)), view(row, 0, ints(2, 3), ints(0, 1)), out);
        assertArrayEquals(new float[] {1000, 2000, 3000, 2000, 4000, 6000}, f32(out));
        // a scalar (rank-0 view broadcast to everything) against a transposed operand
        DeviceBuffer two = f32(0, 2);
        dev.binary(BinaryOp.DIV, view(a, 0, ints(3, 2), ints(1, 3)), view(two, 1, ints(3, 2), ints(0, 0)), out);
        assertArrayEquals(new float[] {0.5f, 2, 1, 2.5f, 1.5f, 3}, f32(out));
    }

    @Test
    void floatArithmeticIsIeeeFloat() {
        float[] a = {0.1f, 1e30f, 3f, 16777216f, 1f / 3f}, b = {0.2f, 1e10f, 7f, 1f, 3f};
        DeviceBuffer x = f32(a), y = f32(b), out = dev.allocate(DType.FLOAT32, a.length);
        for (BinaryOp op : new BinaryOp[] {BinaryOp.ADD, BinaryOp.SUB, BinaryOp.MUL, BinaryOp.DIV}) {
            dev.binary(op, flat(x), flat(y), out);
            float[] got = f32(out);
            for (int i = 0; i < a.length; i++) {
                float want = switch (op) {
                    case ADD -> a[i] + b[i];
                    case SUB -> a[i] - b[i];
                    case MUL -> a[i] * b[i];
                    default -> a[i] / b[i];
                };
                assertEquals(want, got[i], op + " " + a[i] + ", " + b[i]);
            }
        }
        DeviceBuffer o1 = dev.allocate(DType.FLOAT32, 1);
        dev.binary(BinaryOp.MUL, flat(f32(3e38f)), flat(f32(10f)), o1);
        assertEquals(Float.POSITIVE_INFINITY, f32(o1)[0], "float overflow");
        dev.binary(BinaryOp.POW, flat(f32(2f)), flat(f32(0.5f)), o1);
        assertEquals((float) Math.pow(2, 0.5), f32(o1)[0]);
    }

    @Test
    void floatingMaxMinPropagateNaNAndModIsFloorMod() {
        double nan = Double.NaN;
        double[] a = {1, nan, 3, -0.0}, b = {2, 5, nan, 0.0};
        double[] max = binary64(BinaryOp.MAX, a, b), min = binary64(BinaryOp.MIN, a, b);
        assertArrayEquals(new double[] {2, nan, nan, 0.0}, max);
        assertArrayEquals(new double[] {1, nan, nan, -0.0}, min);
        assertArrayEquals(new double[] {0.5, -0.5, 1.5, -1.5, 0.0, -0.0, 5, Double.POSITIVE_INFINITY, nan},
                binary64(BinaryOp.MOD, new double[] {-7.5, 7.5, 7.5, -7.5, -4, 4, 5, -5, 1},
                        new double[] {2, -2, 2, -2, 2, -2, Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY, 0}));
        assertArrayEquals(new double[] {8, 0.5, 1, nan}, binary64(BinaryOp.POW, new double[] {2, 4, nan, -8}, new double[] {3, -0.5, 0, 1.0 / 3}));
        DeviceBuffer out = dev.allocate(DType.FLOAT32, 2);
        dev.binary(BinaryOp.MOD, flat(f32(-1f, 5.25f)), flat(f32(0.75f, -2f)), out);
        assertArrayEquals(new float[] {0.5f, -0.75f}, f32(out));
    }

    @Test
    void integerArithmeticTruncatesFloorModsAndWraps() {
        long[] a = {-7, 7, -7, 7, Long.MAX_VALUE}, b = {2, -2, -2, 2, 1};
        assertArrayEquals(new long[] {-3, -3, 3, 3, Long.MAX_VALUE}, binary64(BinaryOp.DIV, a, b));
        assertArrayEquals(new long[] {1, -1, -1, 1, 0}, binary64(BinaryOp.MOD, a, b));
        assertArrayEquals(new long[] {-5, 5, -9, 9, Long.MIN_VALUE}, binary64(BinaryOp.ADD, a, b));
        assertArrayEquals(new long[] {-14, -14, 14, 14, Long.MAX_VALUE}, binary64(BinaryOp.MUL, a, b));
        assertArrayEquals(new long[] {2, 7, -2, 7, Long.MAX_VALUE}, binary64(BinaryOp.MAX, a, b));
        assertArrayEquals(new long[] {49, 0, 0, 49, Long.MAX_VALUE}, binary64(BinaryOp.POW, a, b));
        assertArrayEquals(new long[] {1, -1, 1, 0, 1024}, binary64(BinaryOp.POW, new long[] {1, -1, -1, 5, 2}, new long[] {-3, -3, -4, -1, 10}));

        DeviceBuffer out = dev.allocate(DType.INT32, 3);
        dev.binary(BinaryOp.ADD, flat(i32(Integer.MAX_VALUE, -7, 65536)), flat(i32(1, 2, 65536)), out);
        assertArrayEquals(new int[] {Integer.MIN_VALUE, -5, 65536 * 2}, i32(out));
        dev.binary(BinaryOp.MUL, flat(i32(65536, -7, Integer.MIN_VALUE)), flat(i32(65536, 3, -1)), out);
        assertArrayEquals(new int[] {0, -21, Integer.MIN_VALUE}, i32(out), "int32 wraps");
        dev.binary(BinaryOp.DIV, flat(i32(Integer.MIN_VALUE, -7, 9)), flat(i32(-1, 2, -4)), out);
        assertArrayEquals(new int[] {Integer.MIN_VALUE, -3, -2}, i32(out));
        dev.binary(BinaryOp.MOD, flat(i32(-7, 7, -9)), flat(i32(3, -3, -4)), out);
        assertArrayEquals(new int[] {2, -2, -1}, i32(out));

        assertThrows(ArithmeticException.class, () -> binary64(BinaryOp.DIV, new long[] {1}, new long[] {0}));
        assertThrows(ArithmeticException.class, () -> binary64(BinaryOp.MOD, new long[] {1}, new long[] {0}));
        assertThrows(ArithmeticException.class, () -> dev.binary(BinaryOp.DIV, flat(i32(4, 1)), flat(i32(2, 0)), dev.allocate(DType.INT32, 2)));
        assertThrows(ArithmeticException.class, () -> binary64(BinaryOp.POW, new long[] {0}, new long[] {-1}));
    }

    @Test
    void comparisonsAndLogicalOpsProduceBool() {
        double nan = Double.NaN;
        double[] a = {1, 2, 3, nan, -0.0}, b = {2, 2, 2, nan, 0.0};
        assertArrayEquals(new boolean[] {false, true, false, false, true}, compare(BinaryOp.EQ, a, b));
        assertArrayEquals(new boolean[] {true, false, true, true, false}, compare(BinaryOp.NE, a, b));
        assertArrayEquals(new boolean[] {true, false, false, false, false}, compare(BinaryOp.LT, a, b));
        assertArrayEquals(new boolean[] {true, true, false, false, true}, compare(BinaryOp.LE, a, b));
        assertArrayEquals(new boolean[] {false, false, true, false, false}, compare(BinaryOp.GT, a, b));
        assertArrayEquals(new boolean[] {false, true, true, false, true}, compare(BinaryOp.GE, a, b));
        assertArrayEquals(new boolean[] {true, false, true}, compare(BinaryOp.LT, new long[] {Long.MIN_VALUE, 5, (1L << 53)}, new long[] {0, 5, (1L << 53) + 1}),
                "int64 compares exactly");
        assertArrayEquals(new boolean[] {false, true, true, true}, compare(BinaryOp.AND, new double[] {0, 1, nan, -2}, new double[] {1, 1, 1, 3}));
        assertArrayEquals(new boolean[] {false, true, true}, compare(BinaryOp.OR, new int[] {0, 0, 4}, new int[] {0, -1, 0}));
        boolean[] p = {true, true, false, false}, q = {true, false, true, false};
        assertArrayEquals(new boolean[] {true, false, false, false}, compare(BinaryOp.AND, p, q));
        assertArrayEquals(new boolean[] {true, true, true, false}, compare(BinaryOp.OR, p, q));
        assertArrayEquals(new boolean[] {true, false, false, true}, compare(BinaryOp.EQ, p, q));
        assertArrayEquals(new boolean[] {false, true, false, false}, compare(BinaryOp.GT, p, q));
    }

    @Test
    void boolArithmeticIsLogicalOrRefused() {
        boolean[] p = {true, true, false, false}, q = {true, false, true, false};
        DeviceBuffer out = dev.allocate(DType.BOOL, 4);
        dev.binary(BinaryOp.ADD, flat(bool(p)), flat(bool(q)), out);
        assertArrayEquals(new boolean[] {true, true, true, false}, bool(out));
        dev.binary(BinaryOp.MUL, flat(bool(p)), flat(bool(q)), out);
        assertArrayEquals(new boolean[] {true, false, false, false}, bool(out));
        dev.binary(BinaryOp.MAX, flat(bool(p)), flat(bool(q)), out);
        assertArrayEquals(new boolean[] {true, true, true, false}, bool(out));
        assertThrows(DTypeMismatchException.class, () -> dev.binary(BinaryOp.SUB, flat(bool(p)), flat(bool(q)), out));
    }

    @Test
    void binaryChecksDtypes() {
        DeviceBuffer f = f32(1, 2), d = f64(1, 2), fo = dev.allocate(DType.FLOAT32, 2), bo = dev.allocate(DType.BOOL, 2);
        assertThrows(DTypeMismatchException.class, () -> dev.binary(BinaryOp.ADD, flat(f), flat(d), fo));
        assertThrows(DTypeMismatchException.class, () -> dev.binary(BinaryOp.ADD, flat(f), flat(f), bo));
        assertThrows(DTypeMismatchException.class, () -> dev.binary(BinaryOp.LT, flat(f), flat(f), fo));
    }

    // ---- where ---------------------------------------------------------------------------

    @Test
    void whereSelectsWithBroadcastOperands() {
        DeviceBuffer cond = bool(true, false, true), a = i64(1, 2, 3, 4, 5, 6), b = i64(-1), out = dev.allocate(DType.INT64, 6);
        // cond [3] broadcast over 2 rows, a contiguous [2, 3], b a scalar broadcast everywhere
        dev.where(view(cond, 0, ints(2, 3), ints(0, 1)), Strided.contiguous(a, 2, 3), view(b, 0, ints(2, 3), ints(0, 0)), out);
        assertArrayEquals(new long[] {1, -1, 3, 4, -1, 6}, i64(out));

        DeviceBuffer x = f32(Float.NaN, 2), y = f32(7, 8), fo = dev.allocate(DType.FLOAT32, 2);
        dev.where(flat(bool(false, true)), flat(x), flat(y), fo);
        assertArrayEquals(new float[] {7, 2}, f32(fo));
        dev.where(flat(bool(true, false)), flat(x), flat(y), fo);
        assertTrue(Float.isNaN(f32(fo)[0]));

        assertThrows(DTypeMismatchException.class, () -> dev.where(flat(f32(1, 0)), flat(x), flat(y), fo));
        assertThrows(DTypeMismatchException.class, () -> dev.where(flat(bool(true, false)), flat(x), flat(f64(1, 2)), fo));
    }
}
