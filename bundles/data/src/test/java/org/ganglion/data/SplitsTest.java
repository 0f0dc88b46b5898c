package org.ganglion.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.List;
import org.ganglion.core.RandomKey;
import org.ganglion.core.Tensor;
import org.junit.jupiter.api.Test;

class SplitsTest {
    @Test
    void validationSplitTakesTheLastFractionLikeKeras() {
        Split s = Splits.validationSplit(DataLoaderTest.numbered(10), 0.2);
        assertArrayEquals(new long[] {0, 1, 2, 3, 4, 5, 6, 7}, s.train().labels());
        assertArrayEquals(new long[] {8, 9}, s.validation().labels());
        assertEquals(7, Splits.validationSplit(DataLoaderTest.numbered(10), 0.25).train().size(), "floor(10 * 0.75) = 7");
        assertEquals(70, Splits.validationSplit(DataLoaderTest.numbered(100), 0.3).train().size());
        assertThrows(IllegalArgumentException.class, () -> Splits.validationSplit(DataLoaderTest.numbered(10), 0));
        assertThrows(IllegalArgumentException.class, () -> Splits.validationSplit(DataLoaderTest.numbered(10), 1));
        assertThrows(IllegalArgumentException.class, () -> Splits.validationSplit(DataLoaderTest.numbered(3), 0.99));
    }

    @Test
    void kFoldPutsEverySampleInExactlyOneValidationFold() {
        for (RandomKey key : new RandomKey[] {null, RandomKey.of(4)}) {
            List<Fold> folds = Splits.kFold(23, 5, key);
            assertEquals(5, folds.size());
            int[] hits = new int[23];
            int[] sizes = folds.stream().mapToInt(f -> f.validation().length).toArray();
            assertArrayEquals(new int[] {5, 5, 5, 4, 4}, sizes, "the first n % k folds are one larger");
            for (Fold f : folds) {
                for (int i : f.validation()) hits[i]++;
                assertEquals(23, f.train().length + f.validation().length);
                assertFalse(Arrays.stream(f.train()).anyMatch(i -> Arrays.stream(f.validation()).anyMatch(v -> v == i)));
            }
            for (int h : hits) assertEquals(1, h);
        }
        assertArrayEquals(new int[] {0, 1, 2, 3, 4}, Splits.kFold(23, 5, null).get(0).validation(), "unshuffled folds are runs");
        assertFalse(Arrays.equals(new int[] {0, 1, 2, 3, 4}, Splits.kFold(23, 5, RandomKey.of(4)).get(0).validation()));
        assertArrayEquals(Splits.kFold(23, 5, RandomKey.of(4)).get(2).validation(), Splits.kFold(23, 5, RandomKey.of(4)).get(2).validation());
        List<Split> parts = Splits.kFold(DataLoaderTest.numbered(10), 5, null);
        assertArrayEquals(new long[] {2, 3}, parts.get(1).validation().labels());
        assertThrows(IllegalArgumentException.class, () -> Splits.kFold(3, 4, null));
        assertThrows(IllegalArgumentException.class, () -> Splits.kFold(3, 1, null));
    }

    @Test
    void stratifiedSplitKeepsEachClassShare() {
        long[] y = new long[100];
        for (int i = 0; i < 100; i++) y[i] = i < 80 ? 0 : (i < 95 ? 1 : 2);   // 80 / 15 / 5
        TensorDataset ds = new TensorDataset(Tensor.zeros(100, 2), Tensor.of(y));
        TrainTest tt = Splits.stratifiedTrainTest(ds, 0.2, RandomKey.of(1));
        assertArrayEquals(new long[] {16, 3, 1}, Resampling.classCounts(tt.test()));
        assertArrayEquals(new long[] {64, 12, 4}, Resampling.classCounts(tt.train()));
        TrainTest again = Splits.stratifiedTrainTest(ds, 0.2, RandomKey.of(1));
        assertArrayEquals(tt.test().labels(), again.test().labels());
        assertThrows(IllegalArgumentException.class, () -> Splits.stratifiedTrainTest(ds, 1.5, RandomKey.of(1)));
    }
}
