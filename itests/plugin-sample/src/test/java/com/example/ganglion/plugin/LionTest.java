package com.example.ganglion.plugin;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.LinkedHashMap;
import java.util.Map;
import org.ganglion.autograd.Variable;
import org.ganglion.core.Tensor;
import org.ganglion.graph.Config;
import org.ganglion.graph.Optimizer;
import org.ganglion.graph.Parameter;
import org.ganglion.graph.StateDict;
import org.junit.jupiter.api.Test;

class LionTest {
    /** Sets p's gradient to g exactly: d/dθ sum(θ·g) = g. */
    static void setGrad(Parameter p, double... g) {
        p.zeroGrad();
        p.variable().mul(Variable.of(Tensor.of(g, p.shape()))).sum().backward();
    }

    static Map<String, Parameter> params(Parameter p) {
        Map<String, Parameter> m = new LinkedHashMap<>();
        m.put("dense_1.kernel", p);
        return m;
    }

    @Test
    void twoHandComputedSteps() {
        Parameter p = new Parameter(Tensor.of(new double[] {1, -2, 0.5}, 3));
        Lion lion = new Lion(0.1, 0.9, 0.99, 0);
        // step 1, m = 0: c = 0.1·g = [0.05, −0.01, 0] → sign [1, −1, 0] → θ = [0.9, −1.9, 0.5]; m = 0.01·g = [0.005, −0.001, 0]
        setGrad(p, 0.5, -0.1, 0);
        lion.step(params(p));
        assertArrayEquals(new double[] {0.9, -1.9, 0.5}, p.value().toDoubleArray(), 1e-12);
        assertArrayEquals(new double[] {0.005, -0.001, 0}, lion.stateDict().get("m.dense_1.kernel").toDoubleArray(), 1e-12);
        // step 2, g = [−0.01, −0.1, 1]: c = 0.9·m + 0.1·g = [0.0035, −0.0109, 0.1] → sign [1, −1, 1] (the first
        // follows the momentum, not the gradient) → θ = [0.8, −1.8, 0.4]; m = 0.99·m + 0.01·g = [0.00485, −0.00199, 0.01]
        setGrad(p, -0.01, -0.1, 1);
        lion.step(params(p));
        assertArrayEquals(new double[] {0.8, -1.8, 0.4}, p.value().toDoubleArray(), 1e-12);
        assertArrayEquals(new double[] {0.00485, -0.00199, 0.01}, lion.stateDict().get("m.dense_1.kernel").toDoubleArray(), 1e-12);
        assertEquals(2, lion.iterations());
    }

    @Test
    void decoupledWeightDecay() {
        // λ = 0.5, lr = 0.1, g = [1, 1]: θ1 = 1 − 0.1·(1 + 0.5·1) = 0.85; θ2 = −2 − 0.1·(1 + 0.5·(−2)) = −2
        Parameter p = new Parameter(Tensor.of(new double[] {1, -2}, 2));
        setGrad(p, 1, 1);
        new Lion(0.1, 0.9, 0.99, 0.5).step(params(p));
        assertArrayEquals(new double[] {0.85, -2}, p.value().toDoubleArray(), 1e-12);
    }

    @Test
    void skipsFrozenAndGradientless() {
        Parameter frozen = new Parameter(Tensor.of(new double[] {1}, 1)), noGrad = new Parameter(Tensor.of(new double[] {2}, 1));
        setGrad(frozen, 1);
        frozen.setTrainable(false);
        Map<String, Parameter> m = new LinkedHashMap<>(Map.of("a", frozen, "b", noGrad));
        Lion lion = new Lion(0.1, 0.9, 0.99, 0);
        lion.step(m);
        assertEquals(1, frozen.value().item());
        assertEquals(2, noGrad.value().item());
        assertEquals(1, lion.iterations());
    }

    @Test
    void defaultsFromFactory() {
        Optimizer o = new PluginComponents.LionFactory().create(Config.empty("lion"));
        assertEquals("lion", o.name());
        assertEquals(1e-4, o.learningRate(), 0);
        // default β1 0.9, β2 0.99: one step from m = 0 moves by exactly lr and leaves m = 0.01·g
        Parameter p = new Parameter(Tensor.of(new double[] {0}, 1));
        setGrad(p, -3);
        o.step(params(p));
        assertEquals(1e-4, p.value().item(), 1e-12);
        assertEquals(-0.03, o.stateDict().get("m.dense_1.kernel").item(), 1e-12);
        assertThrows(IllegalArgumentException.class, () -> new PluginComponents.LionFactory().create(Config.of("lion", "beta_1", 1.5)));
    }

    @Test
    void stateDictRoundTripResumesExactly() {
        Parameter a = new Parameter(Tensor.of(new double[] {1, 2}, 2)), b = new Parameter(Tensor.of(new double[] {1, 2}, 2));
        Lion first = new Lion(0.1, 0.9, 0.99, 0.01);
        setGrad(a, 0.3, -0.2);
        first.step(params(a));
        first.setLearningRate(0.05);
        StateDict saved = first.stateDict();
        b.assign(a.value());
        Lion resumed = new Lion(0.1, 0.9, 0.99, 0.01);
        resumed.loadStateDict(saved);
        assertEquals(1, resumed.iterations());
        assertEquals(0.05, resumed.learningRate(), 0);
        setGrad(a, -0.02, 0.5);
        setGrad(b, -0.02, 0.5);
        first.step(params(a));
        resumed.step(params(b));
        assertArrayEquals(a.value().toDoubleArray(), b.value().toDoubleArray(), 0);
        assertThrows(IllegalArgumentException.class, () -> resumed.loadStateDict(new StateDict().put("x", Tensor.scalar(1))));
    }
}
