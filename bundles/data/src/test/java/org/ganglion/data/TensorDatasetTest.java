package org.ganglion.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.ganglion.core.DType;
import org.ganglion.core.ShapeMismatchException;
import org.ganglion.core.Tensor;
import org.junit.jupiter.api.Test;

class TensorDatasetTest {
    private final TensorDataset ds = DataLoaderTest.numbered(10);

    @Test
    void getStacksTheChosenSamplesInOrderKeepingDtypes() {
        Batch b = ds.get(7, 2, 2);
        assertEquals(3, b.size());
        assertArrayEquals(new long[] {7, 2, 2}, b.y().toLongArray());
        assertArrayEquals(new float[] {7, 14, 21, 2, 4, 6, 2, 4, 6}, b.x().toFloatArray());
        assertEquals(DType.FLOAT32, b.x().dtype());
        assertEquals(DType.INT64, b.y().dtype());
    }

    @Test
    void consecutiveIndicesGiveTheSameValuesAsAGather() {
        Batch run = ds.get(3, 4, 5);
        assertArrayEquals(new int[] {3, 3}, run.x().shape());
        assertArrayEquals(new float[] {3, 6, 9, 4, 8, 12, 5, 10, 15}, run.x().toFloatArray());
        assertEquals(0, ds.get().size());
    }

    @Test
    void sliceSubsetAndLabels() {
        assertArrayEquals(new long[] {8, 9}, ds.slice(8, 10).labels());
        assertArrayEquals(new long[] {1, 0}, ds.subset(1, 0).labels());
        assertThrows(IndexOutOfBoundsException.class, () -> ds.slice(5, 11));
    }

    @Test
    void badIndicesAndShapesAreRefusedClearly() {
        IndexOutOfBoundsException e = assertThrows(IndexOutOfBoundsException.class, () -> ds.get(0, 10));
        assertTrue(e.getMessage().contains("10") && e.getMessage().contains("[0, 10)"), e.getMessage());
        ShapeMismatchException s = assertThrows(ShapeMismatchException.class,
                () -> new TensorDataset(Tensor.zeros(4, 2), Tensor.zeros(DType.INT64, 5)));
        assertTrue(s.getMessage().contains("[4, 2]") && s.getMessage().contains("[5]"), s.getMessage());
        assertThrows(ShapeMismatchException.class, () -> new TensorDataset(Tensor.scalar(1)));
        assertThrows(IllegalStateException.class, () -> new TensorDataset(Tensor.zeros(3, 2)).labels());
    }

    @Test
    void inputsOnlyDataset() {
        TensorDataset x = new TensorDataset(Tensor.zeros(5, 2));
        assertNull(x.get(0, 1).y());
        assertEquals(2, DataLoader.builder(x).batchSize(3).build().batchesPerEpoch());
    }
}
