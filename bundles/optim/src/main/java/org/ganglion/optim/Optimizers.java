package org.ganglion.optim;

import static org.ganglion.optim.Transforms.chain;
import static org.ganglion.optim.Transforms.trace;

import org.ganglion.optim.internal.Defaults;

/**
 * The named optimizers as {@link ChainOptimizer}s, with <b>Keras 3 defaults and formulas</b> (the
 * same as the registered names, so {@code compile("adam")} behaves as in Keras). Each is a chain of
 * {@link Transforms}; the learning rate is applied by the optimizer.
 *
 * <table>
 * <caption>Defaults, and the settings that reproduce PyTorch</caption>
 * <tr><th>name</th><th>Ganglion / Keras</th><th>PyTorch equivalent</th></tr>
 * <tr><td>sgd</td><td>lr 0.01, momentum 0</td><td>same ({@code SGD(lr, momentum, nesterov)})</td></tr>
 * <tr><td>momentum, nesterov</td><td>lr 0.01, momentum 0.9, heavy ball {@code v = μv + g}</td><td>{@code SGD(momentum=0.9[, nesterov=True])}</td></tr>
 * <tr><td>adagrad</td><td>lr 1e-3, initial accumulator 0.1, ε 1e-7 inside √</td><td>lr 0.01, initial 0, ε 1e-10, {@code outside}</td></tr>
 * <tr><td>rmsprop</td><td>lr 1e-3, ρ 0.9, ε 1e-7 inside √</td><td>lr 0.01, ρ 0.99, ε 1e-8, {@code outside}</td></tr>
 * <tr><td>adadelta</td><td>lr 1e-3, ρ 0.95, ε 1e-7 (Zeiler: lr 1, ε 1e-6)</td><td>lr 1.0, ρ 0.9, ε 1e-6</td></tr>
 * <tr><td>adam, amsgrad</td><td>lr 1e-3, β 0.9/0.999, ε 1e-7, placement {@code hat}</td><td>ε 1e-8, placement {@code outside}</td></tr>
 * <tr><td>adamw</td><td>as adam, weight decay 0.004</td><td>ε 1e-8, {@code outside}, weight decay 0.01</td></tr>
 * <tr><td>nadam</td><td>lr 1e-3, ε 1e-7, ψ 0.004</td><td>lr 0.002, ε 1e-8 (Keras 3 itself: ψ = 1)</td></tr>
 * <tr><td>adamax</td><td>lr 1e-3, ε 1e-7 outside the max</td><td>lr 0.002; PyTorch adds ε inside the max (not reproduced)</td></tr>
 * </table>
 *
 * Momentum, RMSprop's momentum and AdaDelta keep their traces without the learning rate (PyTorch's
 * form); Keras folds the rate into the trace. With a constant rate both give the same trajectory;
 * under a schedule they differ slightly. PyTorch's coupled {@code weight_decay} is
 * {@link Transforms#addL2} ({@code coupled_weight_decay} in configs); Keras's and AdamW's decoupled
 * one is {@link Transforms#addDecayedWeights} ({@code weight_decay}).
 */
public final class Optimizers {
    private Optimizers() {}

    /** Plain (stochastic / mini-batch / full-batch) gradient descent: {@code θ ← θ - lr·g}. */
    public static ChainOptimizer sgd(double lr) { return new ChainOptimizer("sgd", Transforms.identity(), lr); }

    /** SGD with heavy-ball momentum ({@code momentum} 0 for none) and optionally Nesterov's form. */
    public static ChainOptimizer sgd(double lr, double momentum, boolean nesterov) {
        return new ChainOptimizer("sgd", momentum == 0 && !nesterov ? Transforms.identity() : trace(momentum, nesterov), lr);
    }

    /** Heavy-ball momentum {@code v ← μ·v + g; θ ← θ - lr·v} (Polyak 1964; Keras/PyTorch SGD). */
    public static ChainOptimizer momentum(double lr, double momentum) { return new ChainOptimizer("momentum", trace(momentum), lr); }

    /** EMA momentum {@code v ← β·v + (1-β)·g; θ ← θ - lr·v}. */
    public static ChainOptimizer emaMomentum(double lr, double beta) {
        return new ChainOptimizer("momentum", Transforms.emaTrace(beta, false), lr);
    }

    /** Nesterov momentum (Sutskever et al. 2013), PyTorch's form {@code θ ← θ - lr·(g + μ·v)}. */
    public static ChainOptimizer nesterov(double lr, double momentum) { return new ChainOptimizer("nesterov", trace(momentum, true), lr); }

    /** AdaGrad (Duchi et al. 2011) with Keras's defaults. */
    public static ChainOptimizer adagrad(double lr) { return adagrad(lr, Defaults.ADAGRAD_INITIAL, Defaults.EPSILON); }

    public static ChainOptimizer adagrad(double lr, double initialAccumulator, double eps) {
        return new ChainOptimizer("adagrad", Transforms.scaleByAdagrad(initialAccumulator, eps), lr);
    }

    /** RMSprop (Tieleman &amp; Hinton 2012) with Keras's defaults. */
    public static ChainOptimizer rmsprop(double lr) { return rmsprop(lr, Defaults.RMS_RHO, 0, Defaults.EPSILON, false); }

    /** RMSprop with momentum (0 for none) and optionally centered (Graves 2013); ε inside the square root. */
    public static ChainOptimizer rmsprop(double lr, double rho, double momentum, double eps, boolean centered) {
        GradientTransformation rms = Transforms.scaleByRms(rho, eps, EpsilonPlacement.INSIDE_SQRT, centered);
        return new ChainOptimizer("rmsprop", momentum == 0 ? rms : chain(rms, trace(momentum)), lr);
    }

    /** AdaDelta (Zeiler 2012) with Keras's defaults; {@code adadelta(1.0, 0.95, 1e-6)} is the paper's method. */
    public static ChainOptimizer adadelta(double lr) { return adadelta(lr, Defaults.ADADELTA_RHO, Defaults.EPSILON); }

    public static ChainOptimizer adadelta(double lr, double rho, double eps) {
        return new ChainOptimizer("adadelta", Transforms.scaleByAdadelta(rho, eps), lr);
    }

    /** Adam (Kingma &amp; Ba 2015) with Keras's defaults (β 0.9/0.999, ε̂ 1e-7). */
    public static ChainOptimizer adam(double lr) { return adam(lr, Defaults.BETA_1, Defaults.BETA_2, Defaults.EPSILON); }

    /** Adam in Keras's form (ε̂ added to √v before bias correction). */
    public static ChainOptimizer adam(double lr, double b1, double b2, double eps) { return adam(lr, b1, b2, eps, EpsilonPlacement.UNCORRECTED); }

    /** Adam with a chosen ε placement ({@link EpsilonPlacement#OUTSIDE_SQRT} with ε 1e-8 is PyTorch's Adam). */
    public static ChainOptimizer adam(double lr, double b1, double b2, double eps, EpsilonPlacement placement) {
        return new ChainOptimizer("adam", Transforms.scaleByAdam(b1, b2, eps, placement, false), lr);
    }

    /** AdamW (Loshchilov &amp; Hutter 2019): Adam plus decoupled weight decay {@code θ ← θ - lr·(adam + λ·θ)}. */
    public static ChainOptimizer adamw(double lr, double weightDecay) {
        return adamw(lr, weightDecay, Defaults.BETA_1, Defaults.BETA_2, Defaults.EPSILON, EpsilonPlacement.UNCORRECTED);
    }

    public static ChainOptimizer adamw(double lr, double weightDecay, double b1, double b2, double eps, EpsilonPlacement placement) {
        return new ChainOptimizer("adamw",
                chain(Transforms.scaleByAdam(b1, b2, eps, placement, false), Transforms.addDecayedWeights(weightDecay)), lr);
    }

    /** Nadam (Dozat 2016) with Keras's β and ε and the paper's momentum schedule. */
    public static ChainOptimizer nadam(double lr) { return nadam(lr, Defaults.BETA_1, Defaults.BETA_2, Defaults.EPSILON); }

    public static ChainOptimizer nadam(double lr, double b1, double b2, double eps) {
        return new ChainOptimizer("nadam", Transforms.scaleByNadam(b1, b2, eps, Defaults.NADAM_MOMENTUM_DECAY), lr);
    }

    /** AMSGrad (Reddi et al. 2018) in Keras's form ({@code Adam(amsgrad=True)}). */
    public static ChainOptimizer amsgrad(double lr) { return amsgrad(lr, Defaults.BETA_1, Defaults.BETA_2, Defaults.EPSILON); }

    public static ChainOptimizer amsgrad(double lr, double b1, double b2, double eps) {
        return new ChainOptimizer("amsgrad", Transforms.scaleByAdam(b1, b2, eps, EpsilonPlacement.UNCORRECTED, true), lr);
    }

    /** Adamax (Kingma &amp; Ba 2015, §7.1) with Keras's defaults. */
    public static ChainOptimizer adamax(double lr) { return adamax(lr, Defaults.BETA_1, Defaults.BETA_2, Defaults.EPSILON); }

    public static ChainOptimizer adamax(double lr, double b1, double b2, double eps) {
        return new ChainOptimizer("adamax", Transforms.scaleByAdamax(b1, b2, eps), lr);
    }
}
