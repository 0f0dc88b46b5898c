package org.ganglion.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.function.DoubleUnaryOperator;
import java.util.function.UnaryOperator;
import org.ganglion.autograd.GradCheck;
import org.ganglion.autograd.Variable;
import org.ganglion.core.DType;
import org.ganglion.core.Tensor;
import org.ganglion.core.spi.Activation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ActivationsTest {
    /** Points away from every kink (0 for the ReLU family, ±3 for hard sigmoid). */
    static final double[] XS = {-4.1, -2.3, -0.7, -0.2, 0.3, 1.1, 2.6, 3.4};

    private static void assertElementwise(UnaryOperator<Variable> f, DoubleUnaryOperator expected) {
        Tensor y = f.apply(Variable.of(T.d(XS))).value();
        double[] e = new double[XS.length];
        for (int i = 0; i < XS.length; i++) e[i] = expected.applyAsDouble(XS[i]);
        T.close(e, y, 1e-12);
    }

    private static double sigma(double x) { return 1 / (1 + Math.exp(-x)); }

    @Test
    void valuesMatchTheirDefinitions() {
        assertElementwise(Activations::linear, x -> x);
        assertElementwise(Activations::sigmoid, ActivationsTest::sigma);
        assertElementwise(Activations::tanh, x -> 2 / (1 + Math.exp(-2 * x)) - 1);
        assertElementwise(Activations::relu, x -> Math.max(0, x));
        assertElementwise(Activations::leakyRelu, x -> Math.max(0.01 * x, x));
        assertElementwise(x -> Activations.leakyRelu(x, 0.3), x -> x > 0 ? x : 0.3 * x);
        assertElementwise(Activations::elu, x -> x > 0 ? x : Math.exp(x) - 1);
        assertElementwise(x -> Activations.elu(x, 0.5), x -> x > 0 ? x : 0.5 * (Math.exp(x) - 1));
        assertElementwise(Activations::selu, x -> 1.0507009873554805 * (x > 0 ? x : 1.6732632423543772 * (Math.exp(x) - 1)));
        assertElementwise(Activations::swish, x -> x * sigma(x));
        assertElementwise(x -> Activations.swish(x, 2.0), x -> x * sigma(2 * x));
        assertElementwise(Activations::softplus, x -> Math.log1p(Math.exp(x)));
        assertElementwise(Activations::hardSigmoid, x -> Math.min(1, Math.max(0, x / 6 + 0.5)));
        assertElementwise(x -> Activations.gelu(x, true),
                x -> 0.5 * x * (1 + Math.tanh(Math.sqrt(2 / Math.PI) * (x + 0.044715 * x * x * x))));
    }

    @Test
    void exactGeluAgreesWithKnownValues() {
        // Φ(1) = 0.841344746068543, Φ(-0.5) = 0.308537538725987 (normal CDF tables)
        T.close(new double[] {0.841344746068543, -0.5 * 0.308537538725987, 0},
                Activations.gelu(Variable.of(T.d(1, -0.5, 0))).value(), 1e-12);
    }

    @Test
    void stepAndSignAreThresholdsWithoutGradient() {
        Variable x = Variable.param(T.d(-1.5, 0, 2));
        Variable s = Activations.step(x), g = Activations.sign(x);
        T.close(new double[] {0, 1, 1}, s.value(), 0); // 1 at z = 0, as the perceptron
        T.close(new double[] {-1, 0, 1}, g.value(), 0);
        assertFalse(s.requiresGrad());
        assertFalse(g.requiresGrad());
    }

    @Test
    void reluGradientIsOneForPositiveAndZeroOtherwise() {
        Variable x = Variable.param(T.d(-2, -0.5, 0.5, 3));
        Activations.relu(x).sum().backward();
        T.close(new double[] {0, 0, 1, 1}, x.grad(), 0);
    }

    @Test
    void rangesOfSigmoidTanhAndSoftmax() {
        Tensor big = T.d(-40, -5, 0, 5, 40);
        for (double v : Activations.sigmoid(Variable.of(big)).value().toDoubleArray()) assertTrue(v >= 0 && v <= 1);
        for (double v : Activations.tanh(Variable.of(big)).value().toDoubleArray()) assertTrue(v >= -1 && v <= 1);
        double[] sm = Activations.softmax(Variable.of(T.d(new int[] {1, 5}, -40, -5, 0, 5, 40))).value().toDoubleArray();
        double sum = 0;
        for (double v : sm) {
            assertTrue(v >= 0 && v <= 1);
            sum += v;
        }
        assertEquals(1, sum, 1e-12);
    }

    @Test
    void softmaxIsShiftInvariantAndStableForHugeLogits() {
        Tensor x = T.d(new int[] {2, 3}, 1, 2, 3, -1, 0, 4);
        Tensor a = Activations.softmax(Variable.of(x)).value(), b = Activations.softmax(Variable.of(x.add(1000))).value();
        T.close(a.toDoubleArray(), b, 1e-12);
        Tensor huge = Activations.softmax(Variable.of(T.d(new int[] {1, 3}, 1e4, 0, -1e4))).value();
        T.close(new double[] {1, 0, 0}, huge, 1e-12);
        Tensor logp = Activations.logSoftmax(Variable.of(x)).value();
        T.close(a.log().toDoubleArray(), logp, 1e-12);
    }

    @Test
    void tanhEqualsTwoSigmoidOfTwoXMinusOne() {
        Variable x = Variable.of(T.d(XS));
        T.close(Activations.sigmoid(x.mul(2)).mul(2).sub(1).value().toDoubleArray(), Activations.tanh(x).value(), 1e-12);
    }

    @ParameterizedTest
    @ValueSource(strings = {"linear", "sigmoid", "tanh", "relu", "leaky_relu", "elu", "selu", "gelu", "swish", "softplus",
            "hard_sigmoid", "softmax", "log_softmax"})
    void everyDifferentiableActivationPassesGradcheck(String name) {
        ActivationFunction f = Activations.get(name);
        GradCheck.assertPasses(v -> f.apply(v[0]), T.d(new int[] {2, 4}, XS));
    }

    @Test
    void gradchecksWithOptions() {
        GradCheck.assertPasses(v -> Activations.gelu(v[0], true), T.d(XS));
        GradCheck.assertPasses(v -> Activations.leakyRelu(v[0], 0.2), T.d(XS));
        GradCheck.assertPasses(v -> Activations.elu(v[0], 0.7), T.d(XS));
        GradCheck.assertPasses(v -> Activations.softmax(v[0], 0), T.d(new int[] {4, 2}, XS));
        GradCheck.assertPasses(v -> Activations.logSoftmax(v[0], 0), T.d(new int[] {4, 2}, XS));
        // trainable parameters: PReLU's alpha (per channel) and Swish's beta
        GradCheck.assertPasses(v -> Activations.prelu(v[0], v[1]), T.d(new int[] {4, 2}, XS), T.d(0.25, 0.1));
        GradCheck.assertPasses(v -> Activations.swish(v[0], v[1]), T.d(XS), Tensor.scalar(1.3, DType.FLOAT64));
    }

    @Test
    void preluAlphaAndSwishBetaReceiveGradientsAndChangeDuringTraining() {
        PReLU prelu = new PReLU();
        Swish swish = new Swish(1.0, true);
        Tensor x = T.d(new int[] {4, 2}, XS);
        double alpha0 = 0.25, beta0 = 1.0;
        for (int step = 0; step < 5; step++) {
            Variable y = swish.call(prelu.call(Variable.of(x)));
            y.square().mean().backward();
            for (var p : java.util.List.of(prelu.alpha(), swish.beta())) {
                assertNotEquals(0, p.grad().item());
                p.assign(p.value().sub(p.grad().mul(0.1)));
                p.zeroGrad();
            }
        }
        assertNotEquals(alpha0, prelu.alpha().value().item(), 1e-6);
        assertNotEquals(beta0, swish.beta().value().item(), 1e-6);
        assertEquals(0, prelu.alpha().value().rank());
        PReLU channelwise = new PReLU(true, 0.25);
        channelwise.build(3, 5);
        org.junit.jupiter.api.Assertions.assertArrayEquals(new int[] {5}, channelwise.alpha().shape());
    }

    @Test
    void byNameWithOptionsAndFusedEpilogues() {
        assertEquals(Activation.RELU, Activations.get("relu").fused());
        assertEquals(Activation.NONE, Activations.get("linear").fused());
        assertEquals(Activation.NONE, Activations.get(null).fused());
        assertNull(Activations.get("gelu").fused());
        ActivationFunction lr = Activations.get("leaky_relu", Map.of("alpha", 0.3));
        assertEquals(-0.3, lr.apply(Variable.of(T.d(-1))).item(), 1e-12);
        assertEquals(-0.2, Activations.get("leaky_relu", Map.of("negative_slope", 0.2)).apply(Variable.of(T.d(-1))).item(), 1e-12);
        assertEquals(Map.of("name", "leaky_relu", "alpha", 0.3), Activations.toSpec(lr));
        assertEquals("relu", Activations.toSpec(Activations.get("relu")));
        assertEquals(0.3, Activations.fromSpec(Map.of("name", "leaky_relu", "alpha", 0.3)).options().get("alpha"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Activations.get("relu7"));
        assertTrue(e.getMessage().contains("relu7") && e.getMessage().contains("leaky_relu"), e.getMessage());
    }

    @Test
    void activationLayerKeepsShapeAndRoundTripsItsConfig() {
        ActivationLayer layer = ActivationLayer.fromConfig(new org.ganglion.graph.Config("activation",
                Map.of("activation", "elu", "alpha", 0.5)));
        Tensor y = layer.call(T.d(new int[] {2, 4}, XS));
        assertEquals(2, y.shape(0));
        assertEquals(4, y.shape(1));
        assertEquals(Map.of("activation", "elu", "alpha", 0.5), layer.config());
        assertEquals("activation", layer.typeName());
    }
}
