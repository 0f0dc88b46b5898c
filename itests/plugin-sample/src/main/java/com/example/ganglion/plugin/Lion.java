package com.example.ganglion.plugin;

import java.util.LinkedHashMap;
import java.util.Map;
import org.ganglion.core.DType;
import org.ganglion.core.Tensor;
import org.ganglion.graph.Optimizer;
import org.ganglion.graph.Parameter;
import org.ganglion.graph.StateDict;

/**
 * Lion (Chen et al. 2023, "Symbolic Discovery of Optimization Algorithms"), per parameter θ with
 * gradient g and momentum m (initially 0):
 * <pre>
 *   c = β1·m + (1−β1)·g
 *   θ ← θ − lr·(sign(c) + λ·θ)
 *   m ← β2·m + (1−β2)·g
 * </pre>
 * Defaults lr 1e-4, β1 0.9, β2 0.99, λ (weight decay) 0. State dict: {@code iterations} (int64),
 * {@code learning_rate} (float64) and {@code m.<parameter path>}.
 */
public final class Lion implements Optimizer {
    public static final String NAME = "lion";
    private static final String ITERATIONS = "iterations", LEARNING_RATE = "learning_rate", M = "m.";

    private final double beta1, beta2, weightDecay;
    private double lr;
    private long iterations;
    private final Map<String, Tensor> momentum = new LinkedHashMap<>();

    public Lion() { this(1e-4, 0.9, 0.99, 0.0); }

    public Lion(double learningRate, double beta1, double beta2, double weightDecay) {
        check("learning_rate", learningRate, learningRate >= 0);
        check("beta_1", beta1, beta1 >= 0 && beta1 < 1);
        check("beta_2", beta2, beta2 >= 0 && beta2 < 1);
        check("weight_decay", weightDecay, weightDecay >= 0);
        this.lr = learningRate;
        this.beta1 = beta1;
        this.beta2 = beta2;
        this.weightDecay = weightDecay;
    }

    private static void check(String option, double v, boolean ok) {
        if (!ok || Double.isNaN(v) || Double.isInfinite(v)) throw new IllegalArgumentException(NAME + ": invalid option '" + option + "': " + v);
    }

    @Override
    public String name() { return NAME; }

    @Override
    public void step(Map<String, Parameter> parameters) {
        for (Map.Entry<String, Parameter> e : parameters.entrySet()) {
            Parameter p = e.getValue();
            Tensor g = p.grad();
            if (!p.trainable() || g == null) continue;
            Tensor theta = p.value();
            g = g.to(theta.dtype());
            Tensor m = momentum.get(e.getKey());
            if (m == null) m = Tensor.zeros(theta.dtype(), theta.shape());
            Tensor c = m.mul(beta1).add(g.mul(1 - beta1));
            Tensor update = c.sign();
            if (weightDecay != 0) update = update.add(theta.mul(weightDecay));
            p.assign(theta.sub(update.mul(lr)));
            momentum.put(e.getKey(), m.mul(beta2).add(g.mul(1 - beta2)));
        }
        iterations++;
    }

    @Override
    public long iterations() { return iterations; }

    @Override
    public double learningRate() { return lr; }

    @Override
    public void setLearningRate(double lr) {
        check("learning_rate", lr, lr >= 0);
        this.lr = lr;
    }

    @Override
    public StateDict stateDict() {
        StateDict d = new StateDict();
        d.put(ITERATIONS, Tensor.scalar(iterations, DType.INT64));
        d.put(LEARNING_RATE, Tensor.scalar(lr, DType.FLOAT64));
        momentum.forEach((k, v) -> d.put(M + k, v));
        return d;
    }

    @Override
    public void loadStateDict(StateDict state) {
        if (!state.contains(ITERATIONS)) throw new IllegalArgumentException(NAME + ": optimizer state has no '" + ITERATIONS + "' entry: " + state);
        Map<String, Tensor> m = new LinkedHashMap<>();
        for (Map.Entry<String, Tensor> e : state.asMap().entrySet()) {
            String k = e.getKey();
            if (k.startsWith(M)) m.put(k.substring(M.length()), e.getValue());
            else if (!k.equals(ITERATIONS) && !k.equals(LEARNING_RATE))
                throw new IllegalArgumentException(NAME + ": unexpected optimizer state entry '" + k + "'");
        }
        iterations = (long) state.get(ITERATIONS).item();
        if (state.contains(LEARNING_RATE)) lr = state.get(LEARNING_RATE).item();
        momentum.clear();
        momentum.putAll(m);
    }
}
