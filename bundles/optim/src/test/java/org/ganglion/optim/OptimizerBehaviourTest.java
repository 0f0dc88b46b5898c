package org.ganglion.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ganglion.core.DType;
import org.ganglion.core.Tensor;
import org.ganglion.graph.ComponentRegistry;
import org.ganglion.graph.Config;
import org.ganglion.graph.Optimizer;
import org.ganglion.graph.Parameter;
import org.ganglion.graph.StateDict;
import org.junit.jupiter.api.Test;

/** What every optimizer's step does: skipping, dtypes, learning-rate control, state naming, option errors. */
class OptimizerBehaviourTest {
    private static final ComponentRegistry REGISTRY = ComponentRegistry.global();
    static final List<String> NAMES = List.of("sgd", "momentum", "nesterov", "adagrad", "rmsprop", "adadelta", "adam", "adamw", "nadam",
            "amsgrad", "adamax");

    @Test
    void frozenAndGradientlessParametersAreNotUpdated() {
        for (String name : NAMES) {
            Parameter trained = Fixture.param(1, 2);
            Parameter frozen = Fixture.param(3, 4);
            Parameter noGrad = Fixture.param(5, 6);
            Fixture.setGrad(trained, 0.5, -0.5);
            Fixture.setGrad(frozen, 0.5, -0.5);
            frozen.setTrainable(false);
            Map<String, Parameter> params = new LinkedHashMap<>();
            params.put("dense.kernel", trained);
            params.put("frozen.kernel", frozen);
            params.put("other.bias", noGrad);
            Optimizer opt = REGISTRY.optimizer(name, Config.of(name, "learning_rate", 0.1));
            for (int i = 0; i < 3; i++) opt.step(params);
            assertArrayEquals(new double[] {3, 4}, frozen.value().toDoubleArray(), name);
            assertArrayEquals(new double[] {5, 6}, noGrad.value().toDoubleArray(), name);
            assertFalse(java.util.Arrays.equals(new double[] {1, 2}, trained.value().toDoubleArray()), name + " did not move");
            for (String key : opt.stateDict().asMap().keySet()) {
                assertFalse(key.endsWith("frozen.kernel") || key.endsWith("other.bias"), name + " kept state for a skipped parameter: " + key);
            }
            assertEquals(3, opt.iterations());
        }
    }

    @Test
    void frozenParameterKeepsItsStateUntilUnfrozen() {
        Parameter a = Fixture.param(1, 1);
        Parameter b = Fixture.param(1, 1);
        Map<String, Parameter> params = new LinkedHashMap<>();
        params.put("a", a);
        params.put("b", b);
        Optimizer opt = Optimizers.momentum(0.1, 0.9);
        Fixture.setGrad(a, 1, 1);
        Fixture.setGrad(b, 1, 1);
        opt.step(params);
        Tensor before = opt.stateDict().get("momentum.v.b");
        b.setTrainable(false);
        opt.step(params);
        assertArrayEquals(before.toDoubleArray(), opt.stateDict().get("momentum.v.b").toDoubleArray());
        b.setTrainable(true);
        opt.step(params);
        // v_b = 0.9·1 + 1 = 1.9 (the frozen step did not decay it); b = 1 - 0.1·1 - 0.1·1.9 = 0.71
        assertArrayEquals(new double[] {0.71, 0.71}, b.value().toDoubleArray(), 1e-15);
    }

    @Test
    void float32ParametersAreUpdatedInFloat32() {
        for (String name : NAMES) {
            Optimizer f64 = REGISTRY.optimizer(name);
            Optimizer f32 = REGISTRY.optimizer(name);
            Parameter p64 = Fixture.param(1.0, -2.0);
            Parameter p32 = new Parameter(Tensor.of(new float[] {1f, -2f}));
            for (double[] g : Fixture.GRADS) {
                Fixture.setGrad(p64, g);
                Fixture.setGrad(p32, Tensor.of(g).to(DType.FLOAT32));
                f64.step(Map.of("w", p64));
                f32.step(Map.of("w", p32));
            }
            assertEquals(DType.FLOAT32, p32.value().dtype(), name);
            for (Tensor t : f32.stateDict().asMap().values())
                if (t.rank() > 0) assertEquals(DType.FLOAT32, t.dtype(), name + " state");
            double[] expected = p64.value().toDoubleArray();
            float[] actual = p32.value().toFloatArray();
            for (int i = 0; i < 2; i++) assertEquals(expected[i], actual[i], 2e-6, name);
        }
    }

    @Test
    void gradientOfAnotherDtypeIsConverted() {
        Parameter p = new Parameter(Tensor.of(new float[] {1f}));
        Optimizer opt = Optimizers.sgd(0.5);
        Fixture.setGrad(p, Tensor.of(new float[] {1f}));
        opt.step(Map.of("p", p));
        assertEquals(DType.FLOAT32, p.value().dtype());
        assertArrayEquals(new float[] {0.5f}, p.value().toFloatArray());
    }

    @Test
    void learningRateOverrideReplacesTheSchedule() {
        ChainOptimizer opt = new ChainOptimizer("sgd", Transforms.identity(), Schedules.step(1.0, 1, 0.5));
        assertEquals(1.0, opt.learningRate());
        Parameter w = Fixture.param(0);
        Fixture.setGrad(w, 1);
        opt.step(Map.of("w", w)); // lr 1
        assertEquals(0.5, opt.learningRate());
        opt.setLearningRate(0.25);
        opt.step(Map.of("w", w)); // lr 0.25 (not 0.5)
        opt.step(Map.of("w", w)); // still 0.25
        assertArrayEquals(new double[] {-1.5}, w.value().toDoubleArray());
        assertEquals(0.25, opt.learningRate());
        opt.setSchedule(Schedules.constant(2));
        assertEquals(2, opt.learningRate());
        assertThrows(IllegalArgumentException.class, () -> opt.setLearningRate(-1));
    }

    @Test
    void learningRateFromANestedScheduleConfig() {
        Optimizer opt = REGISTRY.optimizer("sgd", new Config("sgd",
                Map.of("learning_rate", Map.of("name", "exponential", "learning_rate", 0.1, "decay_steps", 10, "decay_rate", 0.5))));
        assertEquals(0.1, opt.learningRate(), 1e-15);
        Parameter w = Fixture.param(0);
        for (int i = 0; i < 10; i++) {
            Fixture.setGrad(w, 1);
            opt.step(Map.of("w", w));
        }
        assertEquals(0.05, opt.learningRate(), 1e-15);
    }

    @Test
    void stateNamesFollowParameterNames() {
        Parameter k = Fixture.param(1, 2);
        Parameter b = Fixture.param(0.5);
        Map<String, Parameter> params = new LinkedHashMap<>();
        params.put("dense_1.kernel", k);
        params.put("dense_1.bias", b);
        Fixture.setGrad(k, 1, 1);
        Fixture.setGrad(b, 1);
        Optimizer opt = REGISTRY.optimizer("adam", Config.of("adam", "amsgrad", true));
        opt.step(params);
        StateDict d = opt.stateDict();
        assertEquals(List.of("iterations", "learning_rate", "adam.count", "adam.m.dense_1.kernel", "adam.m.dense_1.bias",
                "adam.v.dense_1.kernel", "adam.v.dense_1.bias", "adam.v_max.dense_1.kernel", "adam.v_max.dense_1.bias"),
                List.copyOf(d.asMap().keySet()));
        assertEquals(0, d.get("iterations").rank());
        assertEquals(DType.INT64, d.get("iterations").dtype());
        assertEquals(1, d.get("adam.count").item());
        assertArrayEquals(new int[] {2}, d.get("adam.m.dense_1.kernel").shape());
    }

    @Test
    void rmspropWithMomentumAndNadamStateNames() {
        Parameter w = Fixture.param(1);
        Fixture.setGrad(w, 1);
        Optimizer rms = REGISTRY.optimizer("rmsprop", Config.of("rmsprop", "momentum", 0.9, "centered", true));
        rms.step(Map.of("w", w));
        assertEquals(List.of("iterations", "learning_rate", "rms.v.w", "rms.mg.w", "momentum.v.w"), List.copyOf(rms.stateDict().asMap().keySet()));
        Optimizer nadam = REGISTRY.optimizer("nadam");
        nadam.step(Map.of("w", w));
        assertEquals(List.of("iterations", "learning_rate", "nadam.count", "nadam.mu_product", "nadam.m.w", "nadam.v.w"),
                List.copyOf(nadam.stateDict().asMap().keySet()));
        assertEquals(DType.FLOAT64, nadam.stateDict().get("nadam.mu_product").dtype());
    }

    @Test
    void stateOfAnotherOptimizerIsRejected() {
        Parameter w = Fixture.param(1);
        Fixture.setGrad(w, 1);
        Optimizer adam = REGISTRY.optimizer("adam");
        adam.step(Map.of("w", w));
        Optimizer sgd = REGISTRY.optimizer("momentum");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> sgd.loadStateDict(adam.stateDict()));
        assertTrue(e.getMessage().contains("adam.m.w"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> sgd.loadStateDict(new StateDict()));
    }

    @Test
    void unknownOptionsNameTheOptimizerAndOption() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> REGISTRY.optimizer("adam", Config.of("adam", "beta1", 0.9)));
        assertTrue(e.getMessage().contains("adam") && e.getMessage().contains("'beta1'") && e.getMessage().contains("beta_1"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> REGISTRY.optimizer("adam", Config.of("adam", "beta_1", 1.0)));
        assertThrows(IllegalArgumentException.class, () -> REGISTRY.optimizer("adam", Config.of("adam", "epsilon_placement", "sideways")));
        assertThrows(IllegalArgumentException.class, () -> REGISTRY.optimizer("sgd", Config.of("sgd", "learning_rate", "fast")));
    }

    @Test
    void everyNameIsRegistered() {
        for (String name : NAMES) {
            Optimizer opt = REGISTRY.optimizer(name);
            assertEquals(name, opt.name());
            assertTrue(opt instanceof ChainOptimizer);
        }
        assertThrows(org.ganglion.graph.UnknownComponentException.class, () -> REGISTRY.optimizer("adamz"));
    }

    @Test
    void kerasDefaultLearningRates() {
        assertEquals(0.01, REGISTRY.optimizer("sgd").learningRate());
        assertEquals(0.01, REGISTRY.optimizer("momentum").learningRate());
        for (String name : List.of("adagrad", "rmsprop", "adadelta", "adam", "adamw", "nadam", "amsgrad", "adamax"))
            assertEquals(1e-3, REGISTRY.optimizer(name).learningRate(), name);
    }

    @Test
    void lazyStateBeforeTheFirstStep() {
        ChainOptimizer opt = Optimizers.adam(1e-3);
        assertNull(opt.state());
        assertEquals(List.of("iterations", "learning_rate"), List.copyOf(opt.stateDict().asMap().keySet()));
        Parameter w = Fixture.param(1);
        Fixture.setGrad(w, 1);
        opt.step(Map.of("w", w));
        assertNotNull(opt.state());
    }

    @Test
    void parameterJoiningLaterStartsFromZeroMoments() {
        // momentum: a trained for one step, then b joins: b's v starts at 0, so b moves by lr·g only.
        Parameter a = Fixture.param(0);
        Parameter b = Fixture.param(0);
        Optimizer opt = Optimizers.momentum(0.1, 0.9);
        Fixture.setGrad(a, 1);
        opt.step(Map.of("a", a));
        Fixture.setGrad(b, 1);
        Map<String, Parameter> both = new LinkedHashMap<>();
        both.put("a", a);
        both.put("b", b);
        opt.step(both);
        assertArrayEquals(new double[] {-0.1}, b.value().toDoubleArray(), 1e-15);
        assertArrayEquals(new double[] {-0.1 - 0.19}, a.value().toDoubleArray(), 1e-15);
    }
}
