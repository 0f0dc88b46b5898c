package org.ganglion.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.ganglion.core.DType;
import org.ganglion.core.ShapeMismatchException;
import org.ganglion.core.Tensor;
import org.junit.jupiter.api.Test;

class TransformsTest {
    // 4 samples, 3 features; feature 2 is constant
    private final Tensor train = Tensor.of(new float[] {1, 10, 5, 2, 20, 5, 3, 30, 5, 4, 40, 5}, 4, 3);

    @Test
    void standardizerFitsOnTrainAndAppliesToOtherData() {
        Standardizer s = Standardizer.fit(train);
        assertArrayEquals(new int[] {1, 3}, s.mean().shape());
        assertArrayEquals(new float[] {2.5f, 25, 5}, s.mean().toFloatArray());
        float sd = (float) Math.sqrt(1.25);          // population std of 1, 2, 3, 4
        assertArrayEquals(new float[] {sd, 10 * sd, 1}, s.std().toFloatArray(), 1e-6f, "a constant feature gets std 1");
        Tensor z = s.apply(train);
        assertArrayEquals(new float[] {0, 0, 0}, z.mean(0).toFloatArray(), 1e-6f);
        assertArrayEquals(new float[] {1, 1, 0}, z.square().mean(0).sqrt().toFloatArray(), 1e-5f);
        Tensor test = Tensor.of(new float[] {2.5f, 25, 7}, 1, 3);
        assertArrayEquals(new float[] {0, 0, 2}, s.apply(test).toFloatArray(), 1e-6f, "the training statistics are used");
        assertArrayEquals(test.toFloatArray(), s.inverse(s.apply(test)).toFloatArray(), 1e-5f);
        assertThrows(ShapeMismatchException.class, () -> s.apply(Tensor.zeros(2, 4)));
        Standardizer restored = Standardizer.of(s.mean(), s.std());
        assertArrayEquals(z.toFloatArray(), restored.apply(train).toFloatArray());
    }

    @Test
    void centeringSubtractsTheMeanOnly() {
        Tensor c = Standardizer.centering(train).apply(train);
        assertArrayEquals(new float[] {-1.5f, -15, 0}, c.slice(0, 0, 1).toFloatArray());
    }

    @Test
    void perPixelStatisticsForImages() {
        Tensor images = Tensor.arange(0, 2 * 2 * 2, 1, DType.FLOAT32).reshape(2, 2, 2);
        Standardizer s = Standardizer.fit(images);
        assertArrayEquals(new int[] {1, 2, 2}, s.mean().shape());
        assertArrayEquals(new float[] {2, 3, 4, 5}, s.mean().toFloatArray());
    }

    @Test
    void minMaxScalesToTheRequestedRange() {
        MinMaxScaler unit = MinMaxScaler.fit(train);
        Tensor u = unit.apply(train);
        assertArrayEquals(new float[] {0, 0, 0}, u.min(0).toFloatArray());
        assertArrayEquals(new float[] {1, 1, 0}, u.max(0).toFloatArray(), "a constant feature maps to low");
        MinMaxScaler sym = MinMaxScaler.fit(train, -1, 1);
        assertArrayEquals(new float[] {-1, -1, -1, 1, 1, -1}, sym.apply(train).slice(0, 0, 4, 3).toFloatArray());
        assertArrayEquals(new float[] {3, 3, -1}, sym.apply(Tensor.of(new float[] {7, 70, 5}, 1, 3)).toFloatArray(), 1e-6f,
                "test data outside the training range is not clipped");
        assertThrows(IllegalArgumentException.class, () -> MinMaxScaler.fit(train, 1, 1));
    }

    @Test
    void pixelScalingFlattenAndOneHot() {
        Tensor px = Tensor.of(new int[] {0, 51, 255, 102}, 1, 2, 2);
        Tensor s = Transforms.scalePixels(px);
        assertEquals(DType.FLOAT32, s.dtype());
        assertArrayEquals(new float[] {0, 0.2f, 1, 0.4f}, s.toFloatArray());
        assertArrayEquals(new int[] {1, 4}, Transforms.flatten(s).shape());
        Tensor oh = Transforms.oneHot(Tensor.of(new long[] {2, 0, 1}), 3);
        assertArrayEquals(new int[] {3, 3}, oh.shape());
        assertArrayEquals(new float[] {0, 0, 1, 1, 0, 0, 0, 1, 0}, oh.toFloatArray());
        assertArrayEquals(new long[] {2, 0, 1}, Transforms.fromOneHot(oh).toLongArray());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Transforms.oneHot(Tensor.of(new long[] {0, 3}), 3));
        assertTrue(e.getMessage().contains("label 3"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Transforms.oneHot(Tensor.of(new float[] {0}), 3));
        TensorDataset ds = Transforms.oneHot(DataLoaderTest.numbered(4), 4);
        assertArrayEquals(new int[] {4, 4}, ds.y().shape());
    }
}
