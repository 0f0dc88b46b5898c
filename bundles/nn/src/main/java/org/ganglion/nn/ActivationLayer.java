package org.ganglion.nn;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.ganglion.autograd.Variable;
import org.ganglion.graph.Config;
import org.ganglion.graph.Module;

/**
 * A layer that applies a parameter-free {@link ActivationFunction} (Keras {@code Activation},
 * {@code ReLU}, {@code LeakyReLU}, {@code ELU}, {@code Softmax} …); any input shape, output of the
 * same shape. Registered as {@code activation} (option {@code activation} names the function, plus
 * its options) and under each function's own name ({@code relu}, {@code leaky_relu}, …). For a
 * trainable slope or β use {@link PReLU} or {@link Swish}.
 */
public class ActivationLayer extends Module {
    private final ActivationFunction function;

    public ActivationLayer(ActivationFunction function) { this.function = Objects.requireNonNull(function, "function"); }

    public ActivationLayer(String name) { this(Activations.get(name)); }

    /** From {@code {"activation": "leaky_relu", "alpha": 0.2}} (the options besides {@code activation} go to the function). */
    public static ActivationLayer fromConfig(Config c) {
        Map<String, Object> options = new LinkedHashMap<>(c.asMap());
        Object name = options.remove("activation");
        if (name instanceof Map<?, ?>) return new ActivationLayer(Activations.fromSpec(name));
        if (name != null && !(name instanceof String))
            throw new IllegalArgumentException(c.component() + ": option 'activation' must be a name, got " + name);
        return new ActivationLayer(Activations.get((String) name, options));
    }

    public ActivationFunction function() { return function; }

    @Override
    public Variable forward(Variable x) { return function.apply(x); }

    @Override
    public String typeName() { return "activation"; }

    @Override
    public Map<String, Object> config() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("activation", function.name());
        m.putAll(function.options());
        return m;
    }
}
