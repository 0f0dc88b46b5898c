package org.ganglion.core.host;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.ganglion.core.DType;
import org.ganglion.core.DTypeMismatchException;
import org.ganglion.core.spi.DeviceBuffer;
import org.junit.jupiter.api.Test;

/** gather, scatterAdd, indexSelect and indexAdd of the reference device. */
class HostIndexingTest extends DeviceFixture {

    private static void assertNames(IndexOutOfBoundsException e, String index, String bound) {
        assertTrue(e.getMessage().contains(index) && e.getMessage().contains(bound), e.getMessage());
    }

    @Test
    void gatherAlongTheMiddleAxis() {
        // x [2, 3, 2]; index [2, 2, 2]
        DeviceBuffer x = f32(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12);
        DeviceBuffer idx = i64(2, 0, 1, 1, 0, 2, 0, 0), out = dev.allocate(DType.FLOAT32, 8);
        dev.gather(x, idx, 2, 3, 2, 2, out);
        assertArrayEquals(new float[] {5, 2, 3, 4, 7, 12, 7, 8}, f32(out));
        // INT32 indices, inner 1: picking one class per row (as cross-entropy does)
        DeviceBuffer logits = f64(0.1, 0.2, 0.7, 0.3, 0.3, 0.4), label = i32(2, 0), picked = dev.allocate(DType.FLOAT64, 2);
        dev.gather(logits, label, 2, 3, 1, 1, picked);
        assertArrayEquals(new double[] {0.7, 0.3}, f64(picked));
    }

    @Test
    void scatterAddAccumulatesDuplicates() {
        DeviceBuffer src = f64(1, 2, 3, 4), idx = i32(1, 1, 0, 1), out = f64(10, 20, 30);
        dev.scatterAdd(src, idx, 1, 3, 4, 1, out);
        assertArrayEquals(new double[] {13, 27, 30}, f64(out));
        // outer 2, inner 2: out [2, 2, 2] from src [2, 1, 2]
        DeviceBuffer s2 = i64(1, 2, 3, 4), i2 = i64(1, 0, 0, 1), o2 = zeros(DType.INT64, 8);
        dev.scatterAdd(s2, i2, 2, 2, 1, 2, o2);
        assertArrayEquals(new long[] {0, 2, 1, 0, 3, 0, 0, 4}, i64(o2));
    }

    @Test
    void indexSelectAndIndexAdd() {
        // x [2, 3, 1]: rows of a 2x3 matrix; select columns 2, 0, 2
        DeviceBuffer x = i32(1, 2, 3, 4, 5, 6), idx = i64(2, 0, 2), out = dev.allocate(DType.INT32, 6);
        dev.indexSelect(x, idx, 2, 3, 3, 1, out);
        assertArrayEquals(new int[] {3, 1, 3, 6, 4, 6}, i32(out));
        // embedding lookup: table [1, 4, 2], index [3] -> [1, 3, 2]
        DeviceBuffer table = f32(0, 0.5f, 1, 1.5f, 2, 2.5f, 3, 3.5f), ids = i32(3, 0, 3), emb = dev.allocate(DType.FLOAT32, 6);
        dev.indexSelect(table, ids, 1, 4, 3, 2, emb);
        assertArrayEquals(new float[] {3, 3.5f, 0, 0.5f, 3, 3.5f}, f32(emb));
        // its gradient: indexAdd with the repeated id accumulating
        DeviceBuffer grad = zeros(DType.FLOAT32, 8);
        dev.indexAdd(f32(1, 2, 3, 4, 5, 6), ids, 1, 4, 3, 2, grad);
        assertArrayEquals(new float[] {3, 4, 0, 0, 0, 0, 6, 8}, f32(grad));
        // outer 2
        DeviceBuffer acc = f64(1, 1, 1, 1, 1, 1);
        dev.indexAdd(f64(10, 20, 30, 40), i64(2, 2), 2, 3, 2, 1, acc);
        assertArrayEquals(new double[] {1, 1, 31, 1, 1, 71}, f64(acc));
        // bool scatter ors
        DeviceBuffer flags = bool(false, false);
        dev.indexAdd(bool(true, false), i32(1, 0), 1, 2, 2, 1, flags);
        assertArrayEquals(new boolean[] {false, true}, bool(flags));
    }

    @Test
    void indicesOutOfRangeAreRefusedNamingIndexAndBoundBeforeAnyWrite() {
        DeviceBuffer x = f32(1, 2, 3), out = f32(7, 7);
        assertNames(assertThrows(IndexOutOfBoundsException.class, () -> dev.gather(x, i32(0, 3), 1, 3, 2, 1, out)), "3", "3");
        assertNames(assertThrows(IndexOutOfBoundsException.class, () -> dev.gather(x, i64(-1, 0), 1, 3, 2, 1, out)), "-1", "3");
        DeviceBuffer acc = f32(0, 0, 0);
        assertNames(assertThrows(IndexOutOfBoundsException.class, () -> dev.scatterAdd(f32(1, 1), i64(0, 5), 1, 3, 2, 1, acc)), "5", "3");
        assertArrayEquals(new float[] {0, 0, 0}, f32(acc), "nothing written");
        assertNames(assertThrows(IndexOutOfBoundsException.class, () -> dev.indexSelect(x, i64(1, 1L << 40), 1, 3, 2, 1, out)),
                String.valueOf(1L << 40), "3");
        assertNames(assertThrows(IndexOutOfBoundsException.class, () -> dev.indexAdd(f32(1, 1), i32(0, -4), 1, 3, 2, 1, acc)), "-4", "3");
        assertArrayEquals(new float[] {0, 0, 0}, f32(acc), "nothing written");
        assertArrayEquals(new float[] {7, 7}, f32(out));
    }

    @Test
    void indexBuffersMustBeIntegers() {
        DeviceBuffer x = f32(1, 2, 3), out = dev.allocate(DType.FLOAT32, 1);
        assertThrows(DTypeMismatchException.class, () -> dev.indexSelect(x, f32(0), 1, 3, 1, 1, out));
        assertThrows(DTypeMismatchException.class, () -> dev.gather(x, bool(true), 1, 3, 1, 1, out));
        assertThrows(DTypeMismatchException.class, () -> dev.gather(x, i32(0), 1, 3, 1, 1, dev.allocate(DType.FLOAT64, 1)));
    }
}
