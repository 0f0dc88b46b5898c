package org.ganglion.optim;

/**
 * Where the stabilising epsilon goes in the denominator of an adaptive method. Frameworks differ
 * here, and with a small second moment the difference is visible, so it is a named choice.
 * Written for Adam with {@code m̂ = m/(1-β1ᵗ)}, {@code v̂ = v/(1-β2ᵗ)}; methods without bias
 * correction (RMSprop, AdaGrad) read {@code v̂ = v}, which makes {@link #UNCORRECTED} the same as
 * {@link #OUTSIDE_SQRT} for them.
 */
public enum EpsilonPlacement {
    /** {@code m̂ / (√v̂ + ε)}: Kingma &amp; Ba 2015, Algorithm 1; PyTorch; optax. */
    OUTSIDE_SQRT("outside"),
    /** {@code m̂ / √(v̂ + ε)}: optax's {@code eps_root}; Keras's RMSprop, AdaGrad and AdaDelta. */
    INSIDE_SQRT("inside"),
    /**
     * {@code (√(1-β2ᵗ)/(1-β1ᵗ)) · m / (√v + ε̂)}: the "ε̂" form given just before §2.1 of Kingma &amp;
     * Ba 2015, where ε is added before bias correction; TensorFlow and Keras Adam.
     */
    UNCORRECTED("hat");

    private final String configName;

    EpsilonPlacement(String configName) { this.configName = configName; }

    /** The value used in configs: {@code outside}, {@code inside} or {@code hat}. */
    public String configName() { return configName; }

    /** Parses a config value ({@code outside}, {@code inside}, {@code hat}; case-insensitive). */
    public static EpsilonPlacement parse(String value) {
        for (EpsilonPlacement p : values()) if (p.configName.equalsIgnoreCase(value) || p.name().equalsIgnoreCase(value)) return p;
        throw new IllegalArgumentException("epsilon_placement must be one of outside, inside, hat; got '" + value + "'");
    }
}
