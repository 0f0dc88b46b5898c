package org.ganglion.optim.internal;

/**
 * Keras 3 defaults, which the named optimizers use (a model compiled with {@code "adam"} behaves as
 * in Keras). The PyTorch values are noted for reference; {@link org.ganglion.optim.Optimizers}
 * documents how to get PyTorch's behaviour.
 */
public final class Defaults {
    private Defaults() {}

    /** SGD and momentum learning rate (Keras and PyTorch's usual 0.01). */
    public static final double SGD_LR = 0.01;
    /** Momentum coefficient of the {@code momentum} and {@code nesterov} names. */
    public static final double MOMENTUM = 0.9;
    /** Learning rate of every adaptive method (Keras; PyTorch: AdaGrad 0.01, RMSprop 0.01, AdaDelta 1.0, Adamax/NAdam 0.002). */
    public static final double ADAPTIVE_LR = 1e-3;
    /** Keras's ε (PyTorch: 1e-8 for Adam-family and RMSprop, 1e-10 AdaGrad, 1e-6 AdaDelta). */
    public static final double EPSILON = 1e-7;
    public static final double BETA_1 = 0.9;
    public static final double BETA_2 = 0.999;
    /** RMSprop ρ (PyTorch's alpha: 0.99). */
    public static final double RMS_RHO = 0.9;
    /** AdaDelta ρ (PyTorch: 0.9). */
    public static final double ADADELTA_RHO = 0.95;
    /** AdaGrad's starting accumulator (PyTorch: 0). */
    public static final double ADAGRAD_INITIAL = 0.1;
    /** AdamW's decoupled weight decay (PyTorch: 0.01). */
    public static final double ADAMW_WEIGHT_DECAY = 0.004;
    /** Nadam's momentum-schedule decay ψ (Dozat 2016, PyTorch; Keras 3 evaluates 0.96^t, i.e. ψ = 1). */
    public static final double NADAM_MOMENTUM_DECAY = 0.004;
}
