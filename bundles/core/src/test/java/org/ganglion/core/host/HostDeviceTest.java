package org.ganglion.core.host;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.ganglion.core.DType;
import org.ganglion.core.DTypeMismatchException;
import org.ganglion.core.reference.ReferenceDevice;
import org.ganglion.core.spi.ComputeDevice;
import org.ganglion.core.spi.DeviceBuffer;
import org.ganglion.core.spi.DeviceKind;
import org.ganglion.core.spi.Philox;
import org.ganglion.core.spi.RandomDistribution;
import org.ganglion.core.spi.Strided;
import org.junit.jupiter.api.Test;

/** Buffers, fill, copy and random of the reference device. */
class HostDeviceTest extends DeviceFixture {

    @Test
    void referenceDeviceIdentity() {
        assertEquals("reference", dev.id());
        assertEquals(DeviceKind.REFERENCE, dev.kind());
        assertEquals(-100, dev.ranking());
        for (DType t : DType.values()) assertTrue(dev.supports(t));
        assertTrue(dev.capability(Object.class).isEmpty());
    }

    @Test
    void allocateGivesHostBuffersOfThisDevice() {
        for (DType t : DType.values()) {
            DeviceBuffer b = dev.allocate(t, 5);
            assertTrue(b instanceof HostBuffer);
            assertSame(dev, b.device());
            assertEquals(t, b.dtype());
            assertEquals(5, b.size());
            dev.free(b);
        }
        assertEquals(0, dev.allocate(DType.FLOAT32, 0).size());
        assertThrows(IllegalArgumentException.class, () -> dev.allocate(DType.FLOAT32, -1));
    }

    @Test
    void uploadAndDownloadRoundTripEveryDtypeAndDownloadCopies() {
        Object[] arrays = {new float[] {1.5f, -2f}, new double[] {Math.PI, -0.0}, new int[] {7, Integer.MIN_VALUE},
                new long[] {Long.MAX_VALUE, -3}, new boolean[] {true, false}};
        for (Object a : arrays) {
            DeviceBuffer b = of(a);
            Object back = dev.download(b);
            assertNotSame(a, back);
            assertEquals(DType.ofHostArray(a), DType.ofHostArray(back));
            assertTrue(Arrays.deepEquals(new Object[] {a}, new Object[] {back}), DType.ofHostArray(a).toString());
        }
        DeviceBuffer b = f32(1, 2, 3);
        float[] d = f32(b);
        d[0] = 99;
        assertArrayEquals(new float[] {1, 2, 3}, f32(b), "download returns a copy");
        float[] src = {4, 5, 6};
        dev.upload(b, src);
        src[0] = 99;
        assertArrayEquals(new float[] {4, 5, 6}, f32(b), "upload copies in");
    }

    @Test
    void uploadRejectsWrongTypeAndLength() {
        DeviceBuffer b = dev.allocate(DType.FLOAT32, 3);
        assertThrows(IllegalArgumentException.class, () -> dev.upload(b, new double[3]));
        assertThrows(IllegalArgumentException.class, () -> dev.upload(b, new float[2]));
        assertThrows(IllegalArgumentException.class, () -> dev.upload(b, new float[4]));
        assertThrows(IllegalArgumentException.class, () -> dev.upload(b, "not an array"));
    }

    @Test
    void buffersOfOtherDevicesAreRefused() {
        ReferenceDevice other = new ReferenceDevice();
        DeviceBuffer foreign = other.allocate(DType.FLOAT32, 3);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> dev.download(foreign));
        assertTrue(e.getMessage().startsWith("buffer of device reference passed to device reference"), e.getMessage());

        ComputeDevice stranger = new HostDevice("stranger", DeviceKind.CPU, 0) {};
        DeviceBuffer strangers = stranger.allocate(DType.FLOAT32, 3);
        e = assertThrows(IllegalArgumentException.class, () -> dev.fill(strangers, 1));
        assertTrue(e.getMessage().startsWith("buffer of device stranger passed to device reference"), e.getMessage());

        DeviceBuffer notHost = new DeviceBuffer() {
            @Override public ComputeDevice device() { return dev; }
            @Override public DType dtype() { return DType.FLOAT32; }
            @Override public int size() { return 3; }
        };
        assertThrows(IllegalArgumentException.class, () -> dev.free(notHost));
        DeviceBuffer mine = f32(1, 2, 3);
        assertThrows(IllegalArgumentException.class, () -> dev.copy(flat(strangers), flat(mine)));
        assertThrows(IllegalArgumentException.class, () -> dev.copy(flat(mine), flat(foreign)));
    }

    @Test
    void fillCastsToEveryDtype() {
        DeviceBuffer f = dev.allocate(DType.FLOAT32, 3), d = dev.allocate(DType.FLOAT64, 2),
                i = dev.allocate(DType.INT32, 2), l = dev.allocate(DType.INT64, 2), b = dev.allocate(DType.BOOL, 2);
        dev.fill(f, 0.1);
        assertArrayEquals(new float[] {0.1f, 0.1f, 0.1f}, f32(f));
        dev.fill(d, -2.5);
        assertArrayEquals(new double[] {-2.5, -2.5}, f64(d));
        dev.fill(i, -2.9);
        assertArrayEquals(new int[] {-2, -2}, i32(i));
        dev.fill(l, 3e10);
        assertArrayEquals(new long[] {30_000_000_000L, 30_000_000_000L}, i64(l));
        dev.fill(b, 0.5);
        assertArrayEquals(new boolean[] {true, true}, bool(b));
        dev.fill(b, 0);
        assertArrayEquals(new boolean[] {false, false}, bool(b));
    }

    // ---- copy ----------------------------------------------------------------------------

    @Test
    void copyConvertsDtypes() {
        DeviceBuffer src = f64(-1.7, 1.7, 2.5, -0.2, 0.0, Double.NaN);
        DeviceBuffer i = dev.allocate(DType.INT32, 6), b = dev.allocate(DType.BOOL, 6), f = dev.allocate(DType.FLOAT32, 6);
        dev.copy(flat(src), flat(i));
        assertArrayEquals(new int[] {-1, 1, 2, 0, 0, 0}, i32(i), "float to int truncates toward zero");
        dev.copy(flat(src), flat(b));
        assertArrayEquals(new boolean[] {true, true, true, true, false, true}, bool(b), "to BOOL means != 0");
        dev.copy(flat(src), flat(f));
        assertArrayEquals(new float[] {-1.7f, 1.7f, 2.5f, -0.2f, 0f, Float.NaN}, f32(f));

        DeviceBuffer big = i64((1L << 24) + 1, (1L << 32) + 5, -1, Long.MAX_VALUE);
        DeviceBuffer asFloat = dev.allocate(DType.FLOAT32, 4), asInt = dev.allocate(DType.INT32, 4), asDouble = dev.allocate(DType.FLOAT64, 4);
        dev.copy(flat(big), flat(asFloat));
        assertArrayEquals(new float[] {16777216f, 4294967296f, -1f, 9.223372e18f}, f32(asFloat));
        dev.copy(flat(big), flat(asInt));
        assertArrayEquals(new int[] {(1 << 24) + 1, 5, -1, -1}, i32(asInt), "int64 to int32 wraps");
        dev.copy(flat(big), flat(asDouble));
        assertArrayEquals(new double[] {16777217.0, 4294967301.0, -1, 9.223372036854775807e18}, f64(asDouble));

        DeviceBuffer flags = bool(true, false, true), fromBool = dev.allocate(DType.FLOAT64, 3), longs = dev.allocate(DType.INT64, 3);
        dev.copy(flat(flags), flat(fromBool));
        assertArrayEquals(new double[] {1, 0, 1}, f64(fromBool));
        dev.copy(flat(flags), flat(longs));
        assertArrayEquals(new long[] {1, 0, 1}, i64(longs));

        DeviceBuffer floats = f32(3.99f, -3.99f, 1e20f), toLong = dev.allocate(DType.INT64, 3);
        dev.copy(flat(floats), flat(toLong));
        assertArrayEquals(new long[] {3, -3, Long.MAX_VALUE}, i64(toLong), "truncates, saturating as Java casts do");
    }

    @Test
    void copyStridedSourceAndDestination() {
        // source: the transpose of a 2x3 matrix stored row-major, i.e. shape [3, 2], strides [1, 3]
        DeviceBuffer m = f32(1, 2, 3, 4, 5, 6);
        DeviceBuffer t = dev.allocate(DType.FLOAT32, 6);
        dev.copy(view(m, 0, ints(3, 2), ints(1, 3)), Strided.contiguous(t, 3, 2));
        assertArrayEquals(new float[] {1, 4, 2, 5, 3, 6}, f32(t));

        // destination: every other element of a 10-element buffer from offset 1, as int64
        DeviceBuffer dst = zeros(DType.INT64, 10);
        dev.copy(view(m, 1, ints(4), ints(1)), view(dst, 1, ints(4), ints(2)));
        assertArrayEquals(new long[] {0, 2, 0, 3, 0, 4, 0, 5, 0, 0}, i64(dst));

        // broadcast source (stride 0) and a reversed source (negative stride)
        DeviceBuffer row = f64(7, 8, 9), grid = dev.allocate(DType.FLOAT64, 6), rev = dev.allocate(DType.FLOAT64, 3);
        dev.copy(view(row, 0, ints(2, 3), ints(0, 1)), Strided.contiguous(grid, 2, 3));
        assertArrayEquals(new double[] {7, 8, 9, 7, 8, 9}, f64(grid));
        dev.copy(view(row, 2, ints(3), ints(-1)), flat(rev));
        assertArrayEquals(new double[] {9, 8, 7}, f64(rev));

        // rank 0 copies one element; an empty shape copies nothing
        DeviceBuffer one = dev.allocate(DType.FLOAT64, 1);
        dev.copy(view(row, 1, ints(), ints()), view(one, 0, ints(), ints()));
        assertArrayEquals(new double[] {8}, f64(one));
        dev.copy(view(row, 0, ints(0, 3), ints(3, 1)), view(grid, 0, ints(0, 3), ints(3, 1)));
    }

    @Test
    void stridedWindowOutsideItsBufferIsRefused() {
        DeviceBuffer m = f32(1, 2, 3, 4), out = dev.allocate(DType.FLOAT32, 4);
        assertThrows(IndexOutOfBoundsException.class, () -> dev.copy(view(m, 1, ints(4), ints(1)), flat(out)));
        assertThrows(IndexOutOfBoundsException.class, () -> dev.copy(view(m, 0, ints(4), ints(-1)), flat(out)));
    }

    // ---- random --------------------------------------------------------------------------

    @Test
    void randomIsDeterministicPerKeyAndMatchesPhiloxElementwise() {
        for (DType t : new DType[] {DType.FLOAT32, DType.FLOAT64})
            for (RandomDistribution dist : RandomDistribution.values()) {
                DeviceBuffer a = dev.allocate(t, 1000), b = dev.allocate(t, 1000), c = dev.allocate(t, 1000);
                dev.random(dist, 1234, a);
                dev.random(dist, 1234, b);
                dev.random(dist, 1235, c);
                Object x = dev.download(a), y = dev.download(b), z = dev.download(c);
                assertTrue(Arrays.deepEquals(new Object[] {x}, new Object[] {y}), "same key, same bits: " + t + " " + dist);
                assertFalse(Arrays.deepEquals(new Object[] {x}, new Object[] {z}), "different key: " + t + " " + dist);
                // element i comes from counter i, so any prefix of a longer draw is the shorter draw
                DeviceBuffer shorter = dev.allocate(t, 10);
                dev.random(dist, 1234, shorter);
                for (int i = 0; i < 10; i++)
                    assertEquals(java.lang.reflect.Array.getDouble(x, i), java.lang.reflect.Array.getDouble(dev.download(shorter), i));
            }
        int[] w = new int[4];
        DeviceBuffer u32 = dev.allocate(DType.FLOAT32, 50), u64 = dev.allocate(DType.FLOAT64, 50),
                n32 = dev.allocate(DType.FLOAT32, 50), n64 = dev.allocate(DType.FLOAT64, 50);
        long key = 0xdead_beef_cafeL;
        dev.random(RandomDistribution.UNIFORM, key, u32);
        dev.random(RandomDistribution.UNIFORM, key, u64);
        dev.random(RandomDistribution.NORMAL, key, n32);
        dev.random(RandomDistribution.NORMAL, key, n64);
        for (int i = 0; i < 50; i++) {
            Philox.element(key, i, w);
            assertEquals(Philox.uniformFloat(w[0]), f32(u32)[i]);
            assertEquals(Philox.uniformDouble(w[0], w[1]), f64(u64)[i]);
            assertEquals((float) Philox.normal(w[0], w[1], w[2], w[3]), f32(n32)[i]);
            assertEquals(Philox.normal(w[0], w[1], w[2], w[3]), f64(n64)[i]);
        }
    }

    @Test
    void randomUniformRangeAndNormalMoments() {
        DeviceBuffer u = dev.allocate(DType.FLOAT32, 100_000), n = dev.allocate(DType.FLOAT64, 100_000);
        dev.random(RandomDistribution.UNIFORM, 99, u);
        dev.random(RandomDistribution.NORMAL, 99, n);
        double sum = 0, sumSq = 0;
        for (float v : f32(u)) {
            assertTrue(v >= 0 && v < 1);
            sum += v;
        }
        assertEquals(0.5, sum / 100_000, 0.005);
        sum = 0;
        for (double v : f64(n)) {
            sum += v;
            sumSq += v * v;
        }
        assertEquals(0, sum / 100_000, 0.015);
        assertEquals(1, sumSq / 100_000, 0.03);
    }

    @Test
    void randomNeedsAFloatingBuffer() {
        assertThrows(DTypeMismatchException.class, () -> dev.random(RandomDistribution.UNIFORM, 1, dev.allocate(DType.INT32, 3)));
    }
}
