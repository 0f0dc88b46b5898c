package org.ganglion.core.spi;

/** Activations a fused kernel may apply as an epilogue; each equals its composite definition. */
public enum Activation {
    NONE, RELU, SIGMOID, TANH
}
