package org.ganglion.nn;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.UnaryOperator;
import org.ganglion.autograd.Variable;
import org.ganglion.core.spi.Activation;

/**
 * A named, parameter-free activation such as {@code relu} or {@code leaky_relu(alpha=0.2)}: an
 * elementwise (or, for softmax, per-slice) function of a variable that keeps its shape. Obtained
 * from {@link Activations#get}; {@link #name()} and {@link #options()} recreate it, which is how
 * layers write it into a model spec.
 *
 * <p>{@link #fused()} names the epilogue a fused GEMM kernel may apply instead of this function
 * ({@code none}, {@code relu}, {@code sigmoid}, {@code tanh}), or is null when no kernel can.
 * Immutable and thread-safe.
 */
public final class ActivationFunction implements UnaryOperator<Variable> {
    private final String name;
    private final Map<String, Object> options;
    private final UnaryOperator<Variable> function;
    private final Activation fused;

    public ActivationFunction(String name, Map<String, ?> options, UnaryOperator<Variable> function, Activation fused) {
        this.name = Objects.requireNonNull(name, "name");
        this.options = Collections.unmodifiableMap(new LinkedHashMap<>(options == null ? Map.of() : options));
        this.function = Objects.requireNonNull(function, "function");
        this.fused = fused;
    }

    public String name() { return name; }

    /** The options besides the name, e.g. {@code {alpha=0.2}}; empty for the defaults. */
    public Map<String, Object> options() { return options; }

    /** The fused-kernel epilogue equal to this function, or null. */
    public Activation fused() { return fused; }

    /** Applies the function; the result has {@code x}'s shape. */
    @Override
    public Variable apply(Variable x) { return function.apply(x); }

    @Override
    public String toString() { return options.isEmpty() ? name : name + options; }
}
