package org.ganglion.core.spi;

/**
 * Distributions a device draws from with the counter-based generator {@link Philox}. Element
 * {@code i} of a draw uses counter block {@code i}, so the same key gives the same numbers on
 * every device and for every split of the work into threads or work items.
 */
public enum RandomDistribution {
    /** Uniform on [0, 1): float32 takes the top 24 bits of word 0, float64 the top 53 bits of words 0-1. */
    UNIFORM,
    /** Standard normal by Box-Muller on words 0-3 (two float64 uniforms), cosine branch. */
    NORMAL
}
