package org.ganglion.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.ganglion.core.RandomKey;
import org.ganglion.core.Tensor;
import org.junit.jupiter.api.Test;

class ResamplingTest {
    /** 10 samples of class 0, 3 of class 1, 1 of class 2; x[i] = i so rows can be traced. */
    private static TensorDataset imbalanced() {
        long[] y = {0, 1, 0, 0, 2, 0, 1, 0, 0, 0, 1, 0, 0, 0};
        float[] x = new float[y.length];
        for (int i = 0; i < x.length; i++) x[i] = i;
        return new TensorDataset(Tensor.of(x, y.length, 1), Tensor.of(y));
    }

    @Test
    void classCounts() {
        assertArrayEquals(new long[] {10, 3, 1}, Resampling.classCounts(imbalanced()));
    }

    @Test
    void oversamplingRaisesEveryClassToTheMajorityWithCopiesOfItsOwnSamples() {
        TensorDataset ds = imbalanced(), o = Resampling.oversample(ds, RandomKey.of(2));
        assertArrayEquals(new long[] {10, 10, 10}, Resampling.classCounts(o));
        float[] x = o.x().toFloatArray();
        long[] y = o.labels(), orig = ds.labels();
        for (int i = 0; i < y.length; i++) assertEquals(orig[(int) x[i]], y[i], "row " + i + " is a copy of a sample of its class");
        assertArrayEquals(Arrays.copyOf(orig, orig.length), Arrays.copyOf(y, orig.length), "the originals come first, in order");
        assertArrayEquals(x, Resampling.oversample(ds, RandomKey.of(2)).x().toFloatArray(), "reproducible");
    }

    @Test
    void undersamplingCutsEveryClassToTheMinority() {
        TensorDataset u = Resampling.undersample(imbalanced(), RandomKey.of(3));
        assertArrayEquals(new long[] {1, 1, 1}, Resampling.classCounts(u));
        float[] x = u.x().toFloatArray();
        for (int i = 1; i < x.length; i++) assertTrue(x[i] > x[i - 1], "original order is kept");
    }

    @Test
    void takePerClassAndLimitClassBuildImbalancedSubsets() {
        TensorDataset t = Resampling.takePerClass(imbalanced(), new int[] {4, 2}, RandomKey.of(5));
        assertArrayEquals(new long[] {4, 2}, Resampling.classCounts(t));
        TensorDataset l = Resampling.limitClass(imbalanced(), 0, 2, RandomKey.of(5));
        assertArrayEquals(new long[] {2, 3, 1}, Resampling.classCounts(l));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Resampling.takePerClass(imbalanced(), new int[] {0, 4}, RandomKey.of(5)));
        assertTrue(e.getMessage().contains("class 1 has 3 samples; cannot take 4"), e.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> Resampling.classCounts(new TensorDataset(Tensor.zeros(1, 1), Tensor.of(new long[] {-1}))));
    }
}
