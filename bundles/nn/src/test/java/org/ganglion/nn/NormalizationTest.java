package org.ganglion.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.ganglion.autograd.GradCheck;
import org.ganglion.autograd.Variable;
import org.ganglion.core.DType;
import org.ganglion.core.ShapeMismatchException;
import org.ganglion.core.Tensor;
import org.ganglion.graph.ComponentRegistry;
import org.ganglion.graph.Config;
import org.junit.jupiter.api.Test;

/** BatchNormalization, LayerNormalization and the shape layers (Flatten, Reshape, Input). */
class NormalizationTest {
    @Test
    void batchNormTrainingGivesZeroMeanAndBiasedUnitVariancePerFeature() {
        BatchNormalization bn = new BatchNormalization().dtype(DType.FLOAT64);
        Tensor x = T.randn(1, 64, 3).mul(Tensor.of(new double[] {1, 5, 0.1}, 3)).add(Tensor.of(new double[] {2, -7, 0}, 3));
        double[] y = bn.call(x).toDoubleArray();
        double[] xs = x.toDoubleArray();
        for (int c = 0; c < 3; c++) {
            double[] col = new double[64], xc = new double[64];
            for (int i = 0; i < 64; i++) {
                col[i] = y[i * 3 + c];
                xc[i] = xs[i * 3 + c];
            }
            double var = T.variance(xc);
            assertEquals(0, T.mean(col), 1e-12);
            assertEquals(var / (var + 1e-3), T.variance(col), 1e-12); // 1 - O(ε), ε = 1e-3 (Keras)
        }
    }

    @Test
    void movingStatisticsFollowKerasMomentumAndAreUsedInEval() {
        BatchNormalization bn = new BatchNormalization().dtype(DType.FLOAT64);
        Tensor x = T.d(new int[] {4, 2}, 1, 10, 2, 20, 3, 30, 6, 40);
        bn.call(x);
        // batch mean [3, 25], biased variance [3.5, 125]
        T.close(new double[] {0.01 * 3, 0.01 * 25}, bn.movingMean(), 1e-12);
        T.close(new double[] {0.99 + 0.01 * 3.5, 0.99 + 0.01 * 125}, bn.movingVariance(), 1e-12);
        bn.eval();
        Tensor y = bn.call(T.d(new int[] {1, 2}, 1, 1));
        T.close(new double[] {(1 - 0.03) / Math.sqrt(1.025 + 1e-3), (1 - 0.25) / Math.sqrt(2.24 + 1e-3)}, y, 1e-12);
        T.close(new double[] {0.03, 0.25}, bn.movingMean(), 1e-12); // eval updates nothing
        assertEquals(List.of("gamma", "beta"), List.copyOf(bn.namedParameters().keySet()));
        assertEquals(List.of("moving_mean", "moving_variance"), List.copyOf(bn.namedBuffers().keySet()));
    }

    @Test
    void batchNormOnChannelsFirstImagesWithAxisOne() {
        BatchNormalization bn = new BatchNormalization(1).dtype(DType.FLOAT64).epsilon(1e-5);
        Tensor x = T.randn(2, 4, 3, 5, 5).add(3);
        double[] y = bn.call(x).toDoubleArray();
        assertArrayEquals(new int[] {3}, bn.gamma().shape());
        double sum = 0;
        for (int n = 0; n < 4; n++) for (int i = 0; i < 25; i++) sum += y[n * 75 + 25 + i]; // channel 1
        assertEquals(0, sum / 100, 1e-12);
        assertThrows(ShapeMismatchException.class, () -> bn.call(T.randn(3, 4, 2, 5, 5)));
    }

    @Test
    void normalizationGradientsMatchFiniteDifferences() {
        BatchNormalization bn = new BatchNormalization().dtype(DType.FLOAT64);
        bn.build(3);
        GradCheck.assertPasses(v -> bn.forward(v[0]), T.randn(4, 5, 3));
        LayerNormalization ln = new LayerNormalization();
        ln.call(Variable.of(T.randn(5, 2, 4).to(DType.FLOAT32)));
        LayerNormalization ln64 = LayerNormalization.fromConfig(Config.of("layer_normalization", "dtype", "float64"));
        ln64.build(4);
        GradCheck.assertPasses(v -> ln64.forward(v[0]), T.randn(6, 3, 4));
    }

    @Test
    void layerNormNormalizesEachExampleAndIgnoresTheBatch() {
        LayerNormalization ln = LayerNormalization.fromConfig(Config.of("layer_normalization", "axis", List.of(-2, -1),
                "epsilon", 1e-5, "dtype", "float64"));
        Tensor x = T.randn(7, 3, 2, 4);
        double[] y = ln.call(x).toDoubleArray();
        assertArrayEquals(new int[] {2, 4}, ln.gamma().shape());
        for (int n = 0; n < 3; n++) {
            double[] ex = java.util.Arrays.copyOfRange(y, n * 8, n * 8 + 8);
            double[] xe = java.util.Arrays.copyOfRange(x.toDoubleArray(), n * 8, n * 8 + 8);
            assertEquals(0, T.mean(ex), 1e-12);
            assertEquals(T.variance(xe) / (T.variance(xe) + 1e-5), T.variance(ex), 1e-12);
        }
        ln.eval();
        assertArrayEquals(y, ln.call(x).toDoubleArray(), 1e-15);
        assertThrows(IllegalArgumentException.class,
                () -> LayerNormalization.fromConfig(Config.of("layer_normalization", "axis", 1)));
    }

    @Test
    void flattenReshapeAndInput() {
        Flatten f = new Flatten();
        Tensor img = T.randn(3, 2, 28, 28);
        assertArrayEquals(new int[] {2, 784}, f.call(img).shape());
        assertArrayEquals(new int[] {784}, f.outputShape());

        Reshape r = (Reshape) ComponentRegistry.global().layer("reshape", Config.of("reshape", "target_shape", List.of(-1, 7)));
        Tensor out = r.call(T.randn(4, 2, 28));
        assertArrayEquals(new int[] {2, 4, 7}, out.shape());
        assertArrayEquals(new int[] {4, 7}, r.outputShape());
        Reshape bad = new Reshape(5, 5);
        ShapeMismatchException e = assertThrows(ShapeMismatchException.class, () -> bad.call(T.randn(4, 2, 28)));
        assertTrue(e.getMessage().contains("[28]") && e.getMessage().contains("[5, 5]"), e.getMessage());

        InputLayer in = InputLayer.fromConfig(Config.of("input", "shape", List.of(28, 28)));
        assertArrayEquals(new int[] {28, 28}, in.shape());
        Variable v = Variable.of(img);
        assertTrue(in.call(v) == v);
        ShapeMismatchException wrong = assertThrows(ShapeMismatchException.class, () -> new InputLayer(784).call(img));
        assertTrue(wrong.getMessage().contains("[784]") && wrong.getMessage().contains("[28, 28]"), wrong.getMessage());
        assertEquals(Map.of("shape", List.of(28, 28)), in.config());
    }
}
