package org.ganglion.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.ganglion.autograd.GradCheck;
import org.ganglion.autograd.Variable;
import org.ganglion.core.DType;
import org.ganglion.core.RandomKey;
import org.ganglion.core.ShapeMismatchException;
import org.ganglion.core.Tensor;
import org.ganglion.graph.ComponentRegistry;
import org.ganglion.graph.Config;
import org.junit.jupiter.api.Test;

class DenseTest {
    @Test
    void buildsKerasLayoutParametersFromTheInputShape() {
        Dense d = new Dense(3);
        assertNull(d.kernel());
        assertArrayEquals(new int[] {3}, d.build(5));
        assertArrayEquals(new int[] {5, 3}, d.kernel().shape());
        assertArrayEquals(new int[] {3}, d.bias().shape());
        assertEquals(18, d.countParameters());
        assertEquals(List.of("kernel", "bias"), List.copyOf(d.namedParameters().keySet()));
        T.close(new double[3], d.bias().value(), 0); // zeros
        double limit = Math.sqrt(6.0 / (5 + 3)); // glorot_uniform
        for (double w : d.kernel().value().toDoubleArray()) assertTrue(Math.abs(w) <= limit);
        assertEquals(DType.FLOAT32, d.kernel().value().dtype());
    }

    @Test
    void e1ParameterCountMatchesKeras() {
        // 784 -> 128 -> 64 -> 10: 109,386 trainable parameters (seed catalog 3.3)
        long total = 0;
        int in = 784;
        for (int units : new int[] {128, 64, 10}) {
            Dense d = new Dense(units, "relu");
            d.build(in);
            total += d.countTrainableParameters();
            in = units;
        }
        assertEquals(109_386, total);
    }

    @Test
    void forwardIsActivationOfXTimesKernelPlusBias() {
        Dense d = new Dense(2, "relu").dtype(DType.FLOAT64).kernelInitializer(Initializers.constant(0.5))
                .biasInitializer(Initializers.constant(-1));
        Tensor y = d.call(T.d(new int[] {2, 3}, 1, 2, 3, -1, 0, 1));
        // rows: 0.5·6 - 1 = 2; 0.5·0 - 1 = -1 -> relu 0
        T.close(new double[] {2, 2, 0, 0}, y, 1e-12);
    }

    @Test
    void appliesToTheLastAxisOfNdInputs() {
        Dense d = new Dense(4, "softmax").dtype(DType.FLOAT64).seed(7);
        Tensor x = T.randn(1, 2, 3, 5);
        Tensor y = d.call(x);
        assertArrayEquals(new int[] {2, 3, 4}, y.shape());
        // same as applying it to each row of the flattened batch
        Tensor flat = d.forward(Variable.of(x.reshape(6, 5))).value();
        T.close(flat.toDoubleArray(), y, 1e-12);
        assertThrows(ShapeMismatchException.class, () -> d.call(T.randn(2, 2, 3, 4)));
    }

    @Test
    void fusedPathEqualsComposite() {
        for (String act : List.of("linear", "relu", "sigmoid", "tanh")) {
            Dense d = new Dense(3, act).dtype(DType.FLOAT64).seed(11);
            Tensor x = T.randn(2, 4, 6);
            d.build(6);
            Tensor expected = Activations.get(act).apply(Variable.of(x.matmul(d.kernel().value()).add(d.bias().value()))).value();
            T.close(expected.toDoubleArray(), d.call(x), 1e-12);
        }
    }

    @Test
    void gradientsMatchFiniteDifferences() {
        Dense d = new Dense(3, "tanh").dtype(DType.FLOAT64).seed(3);
        d.build(4);
        GradCheck.assertPasses(v -> d.forward(v[0]), T.randn(5, 2, 4));
        Dense nd = new Dense(3, "gelu").dtype(DType.FLOAT64).seed(4);
        nd.build(4);
        GradCheck.assertPasses(v -> nd.forward(v[0]), T.randn(6, 2, 2, 4));
        // parameter gradients: for L = sum(x·W + b), dL/dW = xᵀ·1 and dL/db = batch size
        Dense lin = new Dense(2).dtype(DType.FLOAT64).seed(5);
        Tensor x = T.randn(7, 3, 4);
        lin.call(Variable.of(x)).sum().backward();
        T.close(x.sum(0).unsqueeze(1).expand(4, 2).toDoubleArray(), lin.kernel().grad(), 1e-12);
        T.close(new double[] {3, 3}, lin.bias().grad(), 1e-12);
    }

    @Test
    void sameKeySameWeightsAndDistinctDefaults() {
        Dense a = new Dense(4).seed(42), b = new Dense(4).seed(42), c = new Dense(4), e = new Dense(4);
        for (Dense d : List.of(a, b, c, e)) d.build(3);
        assertArrayEquals(a.kernel().value().toFloatArray(), b.kernel().value().toFloatArray());
        assertTrue(!java.util.Arrays.equals(c.kernel().value().toFloatArray(), e.kernel().value().toFloatArray()));
        Dense keyed = new Dense(4);
        keyed.setRandomKey(RandomKey.of(42));
        keyed.build(3);
        assertArrayEquals(a.kernel().value().toFloatArray(), keyed.kernel().value().toFloatArray());
    }

    @Test
    void seedingAModelTreeMakesItReproducible() {
        Tensor x = Tensor.ones(2, 3);
        RegularizationTest.TwoLayers a = Seeding.seed(new RegularizationTest.TwoLayers(new Dense(4), new Dense(2)), 5);
        RegularizationTest.TwoLayers b = Seeding.seed(new RegularizationTest.TwoLayers(new Dense(4), new Dense(2)), 5);
        assertArrayEquals(a.call(x).toFloatArray(), b.call(x).toFloatArray());
        assertTrue(!a.first.randomKey().equals(a.second.randomKey()), "each layer its own key");
    }

    @Test
    void noBiasAndConfigurationAfterBuildFails() {
        Dense d = new Dense(2).useBias(false);
        d.build(3);
        assertNull(d.bias());
        assertEquals(6, d.countParameters());
        assertThrows(IllegalStateException.class, () -> d.activation("relu"));
        assertThrows(IllegalArgumentException.class, () -> new Dense(0));
    }

    @Test
    void configRoundTripsThroughTheRegistry() {
        Config spec = Config.of("dense", "units", 8, "activation", Map.of("name", "leaky_relu", "alpha", 0.2),
                "kernel_initializer", "he_normal", "bias_initializer", Map.of("name", "constant", "value", 0.1),
                "kernel_regularizer", Map.of("name", "l2", "l2", 0.01), "kernel_constraint", Map.of("name", "max_norm", "max_value", 3),
                "dtype", "float64", "seed", 9);
        Dense d = (Dense) ComponentRegistry.global().layer("dense", spec);
        Map<String, Object> cfg = d.config();
        assertEquals(8, cfg.get("units"));
        assertEquals(Map.of("name", "leaky_relu", "alpha", 0.2), cfg.get("activation"));
        assertEquals("he_normal", cfg.get("kernel_initializer"));
        assertEquals(Map.of("name", "constant", "value", 0.1), cfg.get("bias_initializer"));
        assertEquals(Map.of("name", "l2", "l2", 0.01), cfg.get("kernel_regularizer"));
        assertEquals(Map.of("name", "max_norm", "max_value", 3.0, "axis", 0), cfg.get("kernel_constraint"));
        Dense again = Dense.fromConfig(new Config("dense", cfg));
        assertEquals(cfg, again.config());
        d.build(5);
        again.build(5);
        assertArrayEquals(d.kernel().value().toDoubleArray(), again.kernel().value().toDoubleArray());
        assertEquals(DType.FLOAT64, d.kernel().value().dtype());
        assertTrue(d.kernel().value().toDoubleArray().length == 40);
    }

    @Test
    void castsOtherInputDtypesToTheKernels() {
        Dense d = new Dense(2).seed(1);
        Tensor y = d.call(Tensor.of(new double[] {1, 2, 3}, 1, 3));
        assertEquals(DType.FLOAT32, y.dtype());
    }
}
