package org.ganglion.nn;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ganglion.autograd.Functions;
import org.ganglion.autograd.Variable;
import org.ganglion.core.DType;
import org.ganglion.core.ShapeMismatchException;
import org.ganglion.core.Tensor;
import org.ganglion.graph.Config;
import org.ganglion.graph.Module;
import org.ganglion.graph.Parameter;

/**
 * Layer normalization (Ba et al. 2016): each example is normalized over its trailing
 * {@code normalizedAxes} axes (default 1, the features), independently of the batch, so training
 * and eval behave the same: {@code y = γ·(x - μ)/√(σ² + ε) + β} with the biased variance. γ and β
 * have the shape of the normalized trailing dimensions. Default {@code epsilon 1e-3} as Keras 3
 * (PyTorch uses 1e-5).
 *
 * <p>Options: {@code axis} (-1, or a list of trailing axes such as {@code [-2, -1]}),
 * {@code epsilon}, {@code center}, {@code scale}, {@code dtype}.
 */
public class LayerNormalization extends Module {
    private final int normalizedAxes;
    private double epsilon = 1e-3;
    private boolean center = true, scale = true;
    private DType dtype = DType.FLOAT32;
    private Parameter gamma, beta;

    public LayerNormalization() { this(1); }

    /** Normalizes over the last {@code normalizedAxes} axes. */
    public LayerNormalization(int normalizedAxes) {
        if (normalizedAxes < 1) throw new IllegalArgumentException("layer_normalization: need at least one normalized axis");
        this.normalizedAxes = normalizedAxes;
    }

    public static LayerNormalization fromConfig(Config c) {
        LayerNormalization l = new LayerNormalization(trailingAxes(c.get("axis")));
        l.epsilon(c.getDouble("epsilon", 1e-3));
        l.center = c.getBoolean("center", true);
        l.scale = c.getBoolean("scale", true);
        l.dtype = Specs.dtype(c);
        return l;
    }

    /** Accepts -1, or a list of the last k axes written as negative numbers ({@code [-2, -1]}). */
    private static int trailingAxes(Object axis) {
        if (axis == null) return 1;
        List<?> list = axis instanceof List<?> l ? l : List.of(axis);
        int k = list.size();
        for (int i = 0; i < k; i++)
            if (!(list.get(i) instanceof Number n) || n.intValue() != i - k)
                throw new IllegalArgumentException("layer_normalization: option 'axis' must be the trailing axes as negative numbers, e.g. -1 or [-2, -1]; got " + axis);
        return k;
    }

    public LayerNormalization epsilon(double e) {
        if (!(e > 0)) throw new IllegalArgumentException("layer_normalization: epsilon must be positive, got " + e);
        epsilon = e;
        return this;
    }

    public Parameter gamma() { return gamma; }

    public Parameter beta() { return beta; }

    @Override
    protected int[] doBuild(int[] inputShape) {
        if (inputShape.length < normalizedAxes)
            throw ShapeMismatchException.of(describe(), "needs " + normalizedAxes + " feature axes", inputShape);
        int[] p = Arrays.copyOfRange(inputShape, inputShape.length - normalizedAxes, inputShape.length);
        if (scale) gamma = addParameter("gamma", Tensor.ones(dtype, p));
        if (center) beta = addParameter("beta", Tensor.zeros(dtype, p));
        return inputShape;
    }

    @Override
    public Variable forward(Variable x) {
        if (x.dtype() != dtype) x = x.to(dtype);
        int[] axes = new int[normalizedAxes];
        for (int i = 0; i < normalizedAxes; i++) axes[i] = x.rank() - normalizedAxes + i;
        Variable mean = Functions.mean(x, true, axes);
        Variable var = Functions.variance(x, false, true, axes);
        Variable y = x.sub(mean).div(var.add(epsilon).sqrt());
        if (gamma != null) y = y.mul(gamma.variable());
        if (beta != null) y = y.add(beta.variable());
        return y;
    }

    @Override
    public String typeName() { return "layer_normalization"; }

    @Override
    public Map<String, Object> config() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("axis", normalizedAxes == 1 ? (Object) (-1) : java.util.stream.IntStream.range(-normalizedAxes, 0).boxed().toList());
        m.put("epsilon", epsilon);
        m.put("center", center);
        m.put("scale", scale);
        m.put("dtype", Specs.dtypeName(dtype));
        return m;
    }
}
