package org.ganglion.nn;

import java.util.LinkedHashMap;
import java.util.Map;
import org.ganglion.autograd.Variable;
import org.ganglion.core.DType;
import org.ganglion.core.RandomKey;
import org.ganglion.core.ShapeMismatchException;
import org.ganglion.core.spi.Activation;
import org.ganglion.graph.Config;
import org.ganglion.graph.Initializer;
import org.ganglion.graph.Module;
import org.ganglion.graph.Parameter;
import org.ganglion.graph.Regularizer;

/**
 * Fully connected layer (Keras {@code Dense}, PyTorch {@code Linear}):
 * {@code y = activation(x · kernel + bias)}.
 *
 * <p>Shapes: input {@code [batch, ..., in]}, output {@code [batch, ..., units]}; the layer acts on
 * the last axis, so {@code [batch, time, in]} works as Keras does. Parameters: {@code kernel [in,
 * units]} (Keras layout; PyTorch stores the transpose) and {@code bias [units]}, created when the
 * layer is built from the first input shape. Defaults as Keras: {@code glorot_uniform} kernel,
 * {@code zeros} bias, bias on, no activation. Inputs of another dtype are cast to the kernel's.
 *
 * <p>The product, bias and activation go through {@link Variable#linear}, which uses the device's
 * fused GEMM epilogue when the activation is linear, relu, sigmoid or tanh; inputs of rank &gt; 2 are
 * flattened to {@code [-1, in]} for it and reshaped back. Other activations run after a fused
 * GEMM+bias.
 *
 * <p>Options (model spec / {@link #fromConfig}): {@code units} (required), {@code activation},
 * {@code use_bias}, {@code kernel_initializer}, {@code bias_initializer}, {@code kernel_regularizer},
 * {@code bias_regularizer}, {@code kernel_constraint}, {@code bias_constraint}, {@code dtype},
 * {@code seed}. Configure before the layer is built; setters afterwards throw.
 */
public class Dense extends Module implements RegularizedModule, ConstrainedModule, RandomizedModule {
    private final int units;
    private ActivationFunction activation = Activations.get("linear");
    private boolean useBias = true;
    private Initializer kernelInitializer = Initializers.glorotUniform();
    private Initializer biasInitializer = Initializers.zeros();
    private Regularizer kernelRegularizer, biasRegularizer;
    private Constraint kernelConstraint, biasConstraint;
    private DType dtype = DType.FLOAT32;
    private Long seed;
    private RandomKey key;
    private Parameter kernel, bias;

    public Dense(int units) {
        if (units <= 0) throw new IllegalArgumentException("dense: units must be positive, got " + units);
        this.units = units;
    }

    /** {@code new Dense(128, "relu")}. */
    public Dense(int units, String activation) {
        this(units);
        this.activation = Activations.get(activation);
    }

    /** A layer from model-spec options (see the class comment). */
    public static Dense fromConfig(Config c) {
        Dense d = new Dense(c.getInt("units"));
        if (c.has("activation")) d.activation(Activations.fromSpec(c.get("activation")));
        d.useBias(c.getBoolean("use_bias", true));
        if (c.has("kernel_initializer")) d.kernelInitializer(Initializers.fromSpec(c.get("kernel_initializer")));
        if (c.has("bias_initializer")) d.biasInitializer(Initializers.fromSpec(c.get("bias_initializer")));
        if (c.has("kernel_regularizer")) d.kernelRegularizer(Regularizers.fromSpec(c.get("kernel_regularizer")));
        if (c.has("bias_regularizer")) d.biasRegularizer(Regularizers.fromSpec(c.get("bias_regularizer")));
        if (c.has("kernel_constraint")) d.kernelConstraint(Constraints.fromSpec(c.get("kernel_constraint")));
        if (c.has("bias_constraint")) d.biasConstraint(Constraints.fromSpec(c.get("bias_constraint")));
        d.dtype = Specs.dtype(c);
        d.seed = Specs.seed(c);
        return d;
    }

    // ---- configuration (before build) ---------------------------------------------------

    public Dense activation(ActivationFunction a) { unbuilt(); activation = java.util.Objects.requireNonNull(a); return this; }

    public Dense activation(String name) { return activation(Activations.get(name)); }

    public Dense useBias(boolean b) { unbuilt(); useBias = b; return this; }

    public Dense kernelInitializer(Initializer i) { unbuilt(); kernelInitializer = java.util.Objects.requireNonNull(i); return this; }

    public Dense biasInitializer(Initializer i) { unbuilt(); biasInitializer = java.util.Objects.requireNonNull(i); return this; }

    public Dense kernelRegularizer(Regularizer r) { unbuilt(); kernelRegularizer = r; return this; }

    public Dense biasRegularizer(Regularizer r) { unbuilt(); biasRegularizer = r; return this; }

    public Dense kernelConstraint(Constraint c) { unbuilt(); kernelConstraint = c; return this; }

    public Dense biasConstraint(Constraint c) { unbuilt(); biasConstraint = c; return this; }

    /** Draws the initial weights with {@code RandomKey.of(seed)} (recorded in the config). */
    public Dense seed(long s) {
        unbuilt();
        seed = s;
        key = null;
        return this;
    }

    /** The dtype of the parameters (float32 by default). */
    public Dense dtype(DType d) {
        unbuilt();
        if (!d.isFloating()) throw new IllegalArgumentException("dense: dtype must be floating, got " + d);
        dtype = d;
        return this;
    }

    private void unbuilt() {
        if (isBuilt()) throw new IllegalStateException(describe() + ": already built; configure the layer before its first call");
    }

    // ---- accessors ----------------------------------------------------------------------

    public int units() { return units; }

    public ActivationFunction activation() { return activation; }

    /** The kernel {@code [in, units]}; null before build. */
    public Parameter kernel() { return kernel; }

    /** The bias {@code [units]}; null before build or without bias. */
    public Parameter bias() { return bias; }

    @Override
    public RandomKey randomKey() {
        if (key == null) key = Keys.of(seed);
        return key;
    }

    @Override
    public void setRandomKey(RandomKey k) { unbuilt(); key = java.util.Objects.requireNonNull(k); }

    // ---- module -------------------------------------------------------------------------

    @Override
    protected int[] doBuild(int[] inputShape) {
        if (inputShape.length == 0 || inputShape[inputShape.length - 1] <= 0)
            throw ShapeMismatchException.of(describe(), "needs inputs [batch, ..., features] with features > 0", inputShape);
        int in = inputShape[inputShape.length - 1];
        RandomKey k = randomKey();
        kernel = addParameter("kernel", kernelInitializer.initialize(new int[] {in, units}, dtype, k.fold(0)).to(dtype));
        if (useBias) bias = addParameter("bias", biasInitializer.initialize(new int[] {units}, dtype, k.fold(1)).to(dtype));
        int[] out = inputShape.clone();
        out[out.length - 1] = units;
        return out;
    }

    @Override
    public Variable forward(Variable x) {
        if (!isBuilt()) throw new IllegalStateException(describe() + ": not built; use call(x) or build(inputShape) first");
        Variable w = kernel.variable(), b = useBias ? bias.variable() : null;
        int in = w.shape(0);
        if (x.rank() < 1 || x.shape(-1) != in)
            throw ShapeMismatchException.of(describe(), "input's last axis must be " + in, x.shape());
        if (x.dtype() != w.dtype()) x = x.to(w.dtype());
        int[] shape = x.shape();
        Variable x2 = x.rank() == 2 ? x : x.reshape(-1, in);
        Activation fused = activation.fused();
        Variable y = Variable.linear(x2, w, b, fused != null ? fused : Activation.NONE);
        if (x.rank() != 2) {
            shape[shape.length - 1] = units;
            y = y.reshape(shape);
        }
        return fused != null ? y : activation.apply(y);
    }

    @Override
    public Variable regularizationLoss() {
        Variable p = null;
        if (kernelRegularizer != null && kernel != null) p = kernelRegularizer.penalty(kernel.variable());
        if (biasRegularizer != null && bias != null) {
            Variable q = biasRegularizer.penalty(bias.variable());
            p = p == null ? q : p.add(q);
        }
        return p;
    }

    @Override
    public boolean hasRegularization() {
        return (kernelRegularizer != null && kernel != null) || (biasRegularizer != null && bias != null);
    }

    @Override
    public void applyConstraints() {
        if (kernel != null) Constraints.project(kernel, kernelConstraint);
        if (bias != null) Constraints.project(bias, biasConstraint);
    }

    @Override
    public String typeName() { return "dense"; }

    /** Options that {@link #fromConfig} turns back into this layer; components without a spec are left out. */
    @Override
    public Map<String, Object> config() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("units", units);
        m.put("activation", Activations.toSpec(activation));
        m.put("use_bias", useBias);
        m.put("kernel_initializer", Initializers.toSpec(kernelInitializer));
        m.put("bias_initializer", Initializers.toSpec(biasInitializer));
        if (kernelRegularizer != null) m.put("kernel_regularizer", Regularizers.toSpec(kernelRegularizer));
        if (biasRegularizer != null) m.put("bias_regularizer", Regularizers.toSpec(biasRegularizer));
        if (kernelConstraint != null) m.put("kernel_constraint", Constraints.toSpec(kernelConstraint));
        if (biasConstraint != null) m.put("bias_constraint", Constraints.toSpec(biasConstraint));
        m.put("dtype", Specs.dtypeName(dtype));
        if (seed != null) m.put("seed", seed);
        m.values().removeIf(java.util.Objects::isNull);
        return m;
    }
}
