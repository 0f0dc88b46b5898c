package org.ganglion.graph;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ganglion.autograd.Variable;
import org.ganglion.core.DType;
import org.ganglion.core.RandomKey;
import org.ganglion.core.ShapeMismatchException;
import org.ganglion.core.Tensor;
import org.ganglion.graph.spi.LayerFactory;

/**
 * Small layers and factories for graph's tests (the real layers live in the nn bundle). The
 * factories are also listed in META-INF/services, so ServiceLoader discovery is tested with them.
 */
public final class TestLayers {
    private TestLayers() {}

    /** {@code y = x · kernel + bias}; kernel {@code [in, units]} drawn from {@code seed}. Needs rank-1 samples. */
    static final class Linear extends Module {
        final int units;
        final long seed;
        Parameter kernel, bias;

        Linear(int units, long seed) {
            this.units = units;
            this.seed = seed;
        }

        Linear(int units) { this(units, units); }

        @Override
        protected int[] doBuild(int[] in) {
            if (in.length != 1) throw ShapeMismatchException.of(describe(), "needs samples of rank 1", in);
            kernel = addParameter("kernel", Tensor.randn(RandomKey.of(seed), DType.FLOAT32, in[0], units).mul(0.5));
            bias = addParameter("bias", Tensor.rand(RandomKey.of(seed + 1), DType.FLOAT32, units));
            return new int[] {units};
        }

        @Override
        public Variable forward(Variable x) { return x.matmul(kernel.variable()).add(bias.variable()); }

        @Override
        public String typeName() { return "test_linear"; }

        @Override
        public Map<String, Object> config() {
            Map<String, Object> c = new LinkedHashMap<>();
            c.put("units", units);
            c.put("seed", seed);
            return c;
        }
    }

    /** {@code y = x * scale}, one parameter over the last axis, initialised to {@code init}. */
    static final class Scale extends Module {
        final double init;
        Parameter scale;

        Scale(double init) { this.init = init; }

        @Override
        protected int[] doBuild(int[] in) {
            scale = addParameter("scale", Tensor.full(init, DType.FLOAT32, in[in.length - 1]));
            return in;
        }

        @Override
        public Variable forward(Variable x) { return x.mul(scale.variable()); }

        @Override
        public String typeName() { return "test_scale"; }

        @Override
        public Map<String, Object> config() { return Map.of("init", init); }
    }

    /** {@code y = x - running_mean}: a buffer (saved, not trained), like a normalization layer's statistics. */
    static final class Center extends Module {
        @Override
        protected int[] doBuild(int[] in) {
            setBuffer("running_mean", Tensor.zeros(DType.FLOAT32, in));
            return in;
        }

        @Override
        public Variable forward(Variable x) { return x.sub(Variable.of(buffer("running_mean"))); }

        @Override
        public String typeName() { return "test_center"; }
    }

    /** An input layer: the identity, but it fixes the sample shape (like nn's Input). */
    static final class Declares extends Module {
        private final int[] shape;

        Declares(int... shape) { this.shape = shape; }

        @Override
        public int[] declaredInputShape() { return shape.clone(); }

        @Override
        public Variable forward(Variable x) { return x; }
    }

    /** A hand-written module with no registered type: usable, but not describable in a model spec. */
    static final class Untyped extends Module {
        @Override
        public Variable forward(Variable x) { return x; }
    }

    /** A module with its own parameters (for naming rules). */
    static final class Bare extends Module {
        Parameter param(String name) { return addParameter(name, Tensor.zeros(2)); }

        <M extends Module> M child(String name, M m) { return addModule(name, m); }

        void addBuffer(String name) { setBuffer(name, Tensor.zeros(1)); }

        @Override
        public Variable forward(Variable x) { return x; }
    }

    public static final class LinearFactory implements LayerFactory {
        @Override
        public String name() { return "test_linear"; }

        @Override
        public Module create(Config c) { return new Linear(c.getInt("units"), c.getLong("seed", c.getInt("units"))); }

        @Override
        public List<String> aliases() { return List.of("test_dense"); }
    }

    public static final class ScaleFactory implements LayerFactory {
        @Override
        public String name() { return "test_scale"; }

        @Override
        public Module create(Config c) { return new Scale(c.getDouble("init", 1.0)); }
    }

    public static final class CenterFactory implements LayerFactory {
        @Override
        public String name() { return "test_center"; }

        @Override
        public Module create(Config c) { return new Center(); }
    }

    /** A registry with exactly the test layers (independent of the global one). */
    static ComponentRegistry registry() {
        ComponentRegistry r = new ComponentRegistry();
        r.add(new LinearFactory(), "test");
        r.add(new ScaleFactory(), "test");
        r.add(new CenterFactory(), "test");
        return r;
    }

    /** Momentum SGD with per-parameter velocity tensors: optimizer state for checkpoint tests. */
    static class Momentum implements Optimizer {
        private final Map<String, Tensor> velocity = new LinkedHashMap<>();
        private long iterations;
        private double lr = 0.1;

        @Override
        public String name() { return "test_momentum"; }

        @Override
        public void step(Map<String, Parameter> parameters) {
            parameters.forEach((k, p) -> {
                if (!p.trainable() || p.grad() == null) return;
                Tensor v = velocity.getOrDefault(k, Tensor.zeros(p.shape())).mul(0.9).add(p.grad());
                velocity.put(k, v);
                p.assign(p.value().sub(v.mul(lr)));
            });
            iterations++;
        }

        @Override
        public long iterations() { return iterations; }

        @Override
        public double learningRate() { return lr; }

        @Override
        public void setLearningRate(double lr) { this.lr = lr; }

        @Override
        public StateDict stateDict() {
            StateDict d = new StateDict().put("iterations", Tensor.scalar(iterations, DType.INT64));
            velocity.forEach((k, v) -> d.put("velocity." + k, v));
            return d;
        }

        @Override
        public void loadStateDict(StateDict state) {
            iterations = (long) state.get("iterations").item();
            velocity.clear();
            state.sub("velocity").asMap().forEach(velocity::put);
        }
    }

    /** Values of a float tensor as doubles, for assertions. */
    static double[] values(Tensor t) { return t.toDoubleArray(); }

    static List<String> shapes(List<int[]> l) {
        List<String> out = new ArrayList<>();
        l.forEach(s -> out.add(Arrays.toString(s)));
        return out;
    }
}
