package org.ganglion.nn;

import org.ganglion.core.RandomKey;

/**
 * A module that draws random numbers (initial weights, dropout masks) from its own
 * {@link RandomKey}. A model that wants one seed to determine everything assigns keys derived from
 * its seed, e.g. {@code layer.setRandomKey(modelKey.fold(layerIndex))}, before building.
 *
 * <p>Without an assigned key a layer uses {@code RandomKey.of(seed)} when its config has a
 * {@code seed}, and otherwise a key from a process-wide sequence (distinct per layer instance,
 * reproducible when a program creates its layers in the same order).
 */
public interface RandomizedModule {
    RandomKey randomKey();

    /** Replaces the key; for initializers it must be called before the module is built. */
    void setRandomKey(RandomKey key);
}
