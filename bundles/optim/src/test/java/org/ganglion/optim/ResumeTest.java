package org.ganglion.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.ganglion.core.Tensor;
import org.ganglion.graph.ComponentRegistry;
import org.ganglion.graph.Config;
import org.ganglion.graph.Optimizer;
import org.ganglion.graph.Parameter;
import org.ganglion.graph.StateDict;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Checkpoint and resume is exact: N steps, save (state dict and parameters copied through host
 * arrays, as a checkpoint file would), a fresh optimizer and fresh parameters, load, M more steps —
 * bit for bit the same float32 parameters, state and learning rate as N + M steps uninterrupted.
 */
class ResumeTest {
    private static final int N = 4;
    private static final int M = 5;

    private static Map<String, Supplier<Optimizer>> configurations() {
        ComponentRegistry r = ComponentRegistry.global();
        Map<String, Supplier<Optimizer>> c = new LinkedHashMap<>();
        for (String name : OptimizerBehaviourTest.NAMES) c.put(name, () -> r.optimizer(name, Config.of(name, "learning_rate", 0.05)));
        c.put("sgd+nesterov+l2", () -> r.optimizer("sgd", Config.of("sgd", "learning_rate", 0.05, "momentum", 0.8, "nesterov", true,
                "coupled_weight_decay", 0.01)));
        c.put("momentum ema", () -> r.optimizer("momentum", Config.of("momentum", "learning_rate", 0.05, "ema", true)));
        c.put("rmsprop centered+momentum", () -> r.optimizer("rmsprop", Config.of("rmsprop", "learning_rate", 0.01, "momentum", 0.5,
                "centered", true)));
        c.put("adam amsgrad+clip+wd", () -> r.optimizer("adam", Config.of("adam", "learning_rate", 0.05, "amsgrad", true,
                "global_clipnorm", 0.5, "weight_decay", 0.01)));
        c.put("adamw cosine schedule", () -> r.optimizer("adamw", new Config("adamw", Map.of("learning_rate",
                Map.of("name", "cosine_restarts", "learning_rate", 0.05, "t_0", 3, "warmup_steps", 2)))));
        c.put("nadam one-cycle", () -> r.optimizer("nadam", new Config("nadam", Map.of("learning_rate",
                Map.of("name", "one_cycle", "max_lr", 0.05, "total_steps", 20)))));
        return c;
    }

    /** Gradient of {@code sum(3·(a - 1)²) + sum((b + 0.5)⁴)}: depends on the parameters, so trajectories diverge on any error. */
    private static void backward(Map<String, Parameter> p) {
        p.values().forEach(Parameter::zeroGrad);
        var a = p.get("dense.kernel").variable();
        var b = p.get("dense.bias").variable();
        a.sub(1).mul(a.sub(1)).mul(3).sum().add(b.add(0.5).pow(4).sum()).backward();
    }

    private static Map<String, Parameter> fresh() {
        Map<String, Parameter> p = new LinkedHashMap<>();
        p.put("dense.kernel", new Parameter(Tensor.of(new float[] {0.3f, -1.7f, 2.2f, 0.9f}, 2, 2)));
        p.put("dense.bias", new Parameter(Tensor.of(new float[] {1.1f, -0.4f})));
        return p;
    }

    private static void run(Optimizer opt, Map<String, Parameter> p, int steps, boolean freezeBiasOnStep2) {
        for (int i = 0; i < steps; i++) {
            p.get("dense.bias").setTrainable(!(freezeBiasOnStep2 && opt.iterations() == 2));
            backward(p);
            opt.step(p);
        }
        p.get("dense.bias").setTrainable(true);
    }

    /** A deep copy through host arrays, as a checkpoint file would make. */
    static Tensor viaHost(Tensor t) {
        Tensor c = Tensor.fromArray(t.toArray(), Math.max(1, t.numel()));
        return c.reshape(t.shape());
    }

    static StateDict viaHost(StateDict d) {
        StateDict c = new StateDict();
        d.asMap().forEach((k, v) -> c.put(k, viaHost(v)));
        return c;
    }

    @TestFactory
    List<DynamicTest> resumesBitForBit() {
        List<DynamicTest> tests = new ArrayList<>();
        configurations().forEach((label, make) -> tests.add(DynamicTest.dynamicTest(label, () -> {
            Map<String, Parameter> straight = fresh();
            Optimizer a = make.get();
            run(a, straight, N + M, true);

            Map<String, Parameter> first = fresh();
            Optimizer b = make.get();
            run(b, first, N, true);
            StateDict saved = viaHost(b.stateDict());
            Map<String, Parameter> resumed = new LinkedHashMap<>();
            first.forEach((k, v) -> resumed.put(k, new Parameter(viaHost(v.value()))));

            Optimizer c = make.get();
            c.loadStateDict(saved);
            assertEquals(N, c.iterations());
            assertEquals(b.learningRate(), c.learningRate());
            run(c, resumed, M, false);

            for (String k : straight.keySet())
                assertArrayEquals(straight.get(k).value().toFloatArray(), resumed.get(k).value().toFloatArray(), label + " " + k);
            assertEquals(a.iterations(), c.iterations());
            assertEquals(a.learningRate(), c.learningRate());
            Map<String, Tensor> sa = a.stateDict().asMap();
            Map<String, Tensor> sc = c.stateDict().asMap();
            assertEquals(List.copyOf(sa.keySet()), List.copyOf(sc.keySet()), label);
            sa.forEach((k, v) -> assertArrayEquals(v.toDoubleArray(), sc.get(k).toDoubleArray(), label + " " + k));
        })));
        return tests;
    }

    @TestFactory
    List<DynamicTest> learningRateOverrideSurvivesTheCheckpoint() {
        return List.of(DynamicTest.dynamicTest("adam with setLearningRate", () -> {
            Optimizer a = Optimizers.adam(0.01);
            Map<String, Parameter> p = fresh();
            run(a, p, 2, false);
            a.setLearningRate(0.003);
            StateDict saved = viaHost(a.stateDict());
            Optimizer b = Optimizers.adam(0.01);
            b.loadStateDict(saved);
            assertEquals(0.003, b.learningRate());
            assertEquals(0.003, saved.get("learning_rate").item());
            assertEquals(0.003, saved.get("learning_rate_override").item());
        }));
    }
}
