package org.ganglion.nn;

import java.util.List;
import java.util.Map;
import org.ganglion.autograd.Functions;
import org.ganglion.autograd.Variable;
import org.ganglion.core.Tensor;
import org.ganglion.core.spi.Activation;
import org.ganglion.graph.Config;

/**
 * Activation functions over variables. Every function keeps the input's shape, is written once
 * with autograd primitives (so it runs and differentiates on any device), and is also available by
 * name through {@link #get(String, Map)} for layers and model specs.
 *
 * <p>Choices where the frameworks differ (each documented at its method):
 * <ul>
 *   <li>{@link #step} is 1 at {@code x = 0} (the perceptron convention {@code 1 if z >= 0 else 0}).</li>
 *   <li>{@link #leakyRelu(Variable)} uses {@code alpha = 0.01} (PyTorch and the seed text; Keras'
 *       LeakyReLU layer uses 0.3 and {@code keras.activations.leaky_relu} 0.2: pass it explicitly).</li>
 *   <li>{@link #hardSigmoid} is Keras 3's {@code relu6(x + 3) / 6} (Keras 2 used {@code 0.2x + 0.5}).</li>
 *   <li>{@link #gelu} is the exact erf form; the tanh approximation is opt-in.</li>
 * </ul>
 * At kinks the gradient is the one-sided value PyTorch uses (e.g. relu'(0) = 0, leaky_relu'(0) = alpha).
 */
public final class Activations {
    /** Leaky ReLU slope for {@code x < 0} when none is given (PyTorch's default; see the class note). */
    public static final double DEFAULT_LEAKY_ALPHA = 0.01;
    /** SELU's λ and α from Klambauer et al. 2017, "Self-Normalizing Neural Networks" (eq. 14, to 30 digits in the paper). */
    public static final double SELU_SCALE = 1.0507009873554804934193349852946;
    public static final double SELU_ALPHA = 1.6732632423543772848170429916717;

    private static final List<String> NAMES = List.of("linear", "step", "sign", "sigmoid", "tanh", "relu", "leaky_relu", "elu",
            "selu", "gelu", "swish", "softplus", "hard_sigmoid", "softmax", "log_softmax");

    private Activations() {}

    // ---- piecewise constant (no gradient) ----------------------------------------------------

    /**
     * Heaviside step, {@code 1 if x >= 0 else 0}, in x's dtype. Its derivative is 0 almost everywhere,
     * so the result is a constant: nothing flows back through it (it is the perceptron's output, not
     * a trainable activation).
     */
    public static Variable step(Variable x) { return Variable.of(x.value().ge(0).to(x.dtype())); }

    /** {@code sign(x)} in {-1, 0, +1}; a constant like {@link #step}. */
    public static Variable sign(Variable x) { return Variable.of(x.value().sign()); }

    // ---- classic ------------------------------------------------------------------------------

    /** The identity (regression outputs). */
    public static Variable linear(Variable x) { return x; }

    /** {@code 1 / (1 + e^-x)}, range (0, 1). */
    public static Variable sigmoid(Variable x) { return x.sigmoid(); }

    /** {@code (e^x - e^-x) / (e^x + e^-x) = 2σ(2x) - 1}, range (-1, 1). */
    public static Variable tanh(Variable x) { return x.tanh(); }

    /** {@code max(0, x)}; gradient 1 for x &gt; 0, else 0. */
    public static Variable relu(Variable x) { return Functions.relu(x); }

    /** {@link #leakyRelu(Variable, double)} with {@link #DEFAULT_LEAKY_ALPHA}. */
    public static Variable leakyRelu(Variable x) { return leakyRelu(x, DEFAULT_LEAKY_ALPHA); }

    /** {@code x if x > 0 else alpha·x} (= {@code max(alpha·x, x)} for 0 &lt; alpha &lt; 1). */
    public static Variable leakyRelu(Variable x, double alpha) {
        return Variable.where(x.value().gt(0), x, x.mul(alpha));
    }

    /**
     * Parametric ReLU (He et al. 2015): {@code x if x > 0 else alpha·x} with a trainable
     * {@code alpha} that broadcasts against x (a scalar, or one value per channel of the last axis).
     */
    public static Variable prelu(Variable x, Variable alpha) {
        return Variable.where(x.value().gt(0), x, x.mul(alpha));
    }

    /** {@link #elu(Variable, double)} with alpha 1. */
    public static Variable elu(Variable x) { return elu(x, 1.0); }

    /** ELU (Clevert et al. 2016): {@code x if x > 0 else alpha·(e^x - 1)}. */
    public static Variable elu(Variable x, double alpha) {
        Tensor pos = x.value().gt(0);
        Variable neg = negativePart(x, pos);
        return Variable.where(pos, x, neg.expm1().mul(alpha));
    }

    /** SELU: {@code λ·elu(x, α)} with {@link #SELU_SCALE λ} and {@link #SELU_ALPHA α}. */
    public static Variable selu(Variable x) { return elu(x, SELU_ALPHA).mul(SELU_SCALE); }

    // ---- smooth -------------------------------------------------------------------------------

    /** GELU (Hendrycks and Gimpel 2016), exact: {@code x/2 · (1 + erf(x/√2))}. */
    public static Variable gelu(Variable x) { return Functions.gelu(x); }

    /**
     * GELU; with {@code approximate} the tanh form
     * {@code x/2 · (1 + tanh(√(2/π)·(x + 0.044715·x³)))} (PyTorch {@code approximate="tanh"}).
     */
    public static Variable gelu(Variable x, boolean approximate) {
        if (!approximate) return gelu(x);
        Variable inner = x.add(x.mul(x).mul(x).mul(0.044715)).mul(Math.sqrt(2 / Math.PI));
        return x.mul(inner.tanh().add(1)).mul(0.5);
    }

    /** Swish / SiLU (Ramachandran et al. 2017) with β = 1: {@code x·σ(x)}. */
    public static Variable swish(Variable x) { return x.mul(x.sigmoid()); }

    /** Swish with a fixed β: {@code x·σ(βx)}. */
    public static Variable swish(Variable x, double beta) { return beta == 1 ? swish(x) : x.mul(x.mul(beta).sigmoid()); }

    /** Swish with a trainable β (broadcast against x): {@code x·σ(βx)}. */
    public static Variable swish(Variable x, Variable beta) { return x.mul(x.mul(beta).sigmoid()); }

    /** {@code log(1 + e^x)}, computed without overflow. */
    public static Variable softplus(Variable x) { return Functions.softplus(x); }

    /** Keras 3 hard sigmoid {@code relu6(x + 3) / 6 = clip(x/6 + 1/2, 0, 1)}; PyTorch's Hardsigmoid is the same. */
    public static Variable hardSigmoid(Variable x) { return Functions.clamp(x.add(3), 0, 6).div(6); }

    // ---- normalising --------------------------------------------------------------------------

    /** Softmax over the last axis (the stable form: the maximum is subtracted first). */
    public static Variable softmax(Variable x) { return softmax(x, -1); }

    /** {@code e^x / Σ e^x} over {@code axis}; outputs in (0, 1) summing to 1. */
    public static Variable softmax(Variable x, int axis) { return Functions.softmax(x, axis); }

    public static Variable logSoftmax(Variable x) { return logSoftmax(x, -1); }

    /** {@code x - logsumexp(x)} over {@code axis}, without forming log(softmax). */
    public static Variable logSoftmax(Variable x, int axis) { return Functions.logSoftmax(x, axis); }

    // ---- by name ------------------------------------------------------------------------------

    /** The names {@link #get(String, Map)} knows; PReLU and trainable Swish are layers ({@link PReLU}, {@link Swish}). */
    public static List<String> names() { return NAMES; }

    public static ActivationFunction get(String name) { return get(name, Map.of()); }

    /**
     * The activation called {@code name} with options: {@code alpha} (leaky_relu, also accepted as
     * Keras' {@code negative_slope}; elu), {@code approximate} (gelu), {@code beta} (swish),
     * {@code axis} (softmax, log_softmax). {@code null} and {@code none} mean linear.
     *
     * @throws IllegalArgumentException for an unknown name or a bad option, naming both
     */
    public static ActivationFunction get(String name, Map<String, ?> options) {
        Config c = new Config("activation '" + name + "'", options);
        String n = name == null || name.equals("none") ? "linear" : name;
        return switch (n) {
            case "linear" -> fn(n, Map.of(), Activations::linear, Activation.NONE);
            case "step" -> fn(n, Map.of(), Activations::step, null);
            case "sign" -> fn(n, Map.of(), Activations::sign, null);
            case "sigmoid" -> fn(n, Map.of(), Activations::sigmoid, Activation.SIGMOID);
            case "tanh" -> fn(n, Map.of(), Activations::tanh, Activation.TANH);
            case "relu" -> fn(n, Map.of(), Activations::relu, Activation.RELU);
            case "leaky_relu" -> {
                double a = c.getDouble("alpha", c.getDouble("negative_slope", DEFAULT_LEAKY_ALPHA));
                yield fn(n, Map.of("alpha", a), x -> leakyRelu(x, a), null);
            }
            case "elu" -> {
                double a = c.getDouble("alpha", 1.0);
                yield fn(n, Map.of("alpha", a), x -> elu(x, a), null);
            }
            case "selu" -> fn(n, Map.of(), Activations::selu, null);
            case "gelu" -> {
                boolean approx = c.getBoolean("approximate", false);
                yield fn(n, Map.of("approximate", approx), x -> gelu(x, approx), null);
            }
            case "swish", "silu" -> {
                double b = c.getDouble("beta", 1.0);
                yield fn("swish", Map.of("beta", b), x -> swish(x, b), null);
            }
            case "softplus" -> fn(n, Map.of(), Activations::softplus, null);
            case "hard_sigmoid" -> fn(n, Map.of(), Activations::hardSigmoid, null);
            case "softmax" -> {
                int axis = c.getInt("axis", -1);
                yield fn(n, Map.of("axis", axis), x -> softmax(x, axis), null);
            }
            case "log_softmax" -> {
                int axis = c.getInt("axis", -1);
                yield fn(n, Map.of("axis", axis), x -> logSoftmax(x, axis), null);
            }
            default -> throw new IllegalArgumentException("unknown activation '" + name + "'; known: " + String.join(", ", NAMES)
                    + " (prelu and trainable swish are layers: PReLU, Swish)");
        };
    }

    /** From a spec: null (linear), a name, a map with {@code name} and options, or an {@link ActivationFunction} as is. */
    public static ActivationFunction fromSpec(Object spec) {
        if (spec == null) return get("linear");
        if (spec instanceof ActivationFunction f) return f;
        return get(Specs.name("activation", spec), Specs.config("activation", spec).asMap());
    }

    /** The name when the options are the defaults, else a map of {@code name} and options; null for a user-made function. */
    public static Object toSpec(ActivationFunction f) {
        if (!NAMES.contains(f.name())) return null;
        if (f.options().equals(get(f.name()).options())) return f.name();
        java.util.Map<String, Object> m = Specs.map(f.name());
        m.putAll(f.options());
        return m;
    }

    private static ActivationFunction fn(String name, Map<String, Object> defaults, java.util.function.UnaryOperator<Variable> f,
                                         Activation fused) {
        return new ActivationFunction(name, defaults, f, fused);
    }

    /** x where x &lt;= 0 and 0 elsewhere, so that exp() of the unused branch cannot overflow. */
    private static Variable negativePart(Variable x, Tensor pos) {
        return Variable.where(pos, Variable.of(Tensor.scalar(0, x.dtype())), x);
    }
}
