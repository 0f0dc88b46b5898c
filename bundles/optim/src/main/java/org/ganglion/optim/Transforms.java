package org.ganglion.optim;

import java.util.List;
import java.util.function.Predicate;
import org.ganglion.graph.Schedule;
import org.ganglion.optim.internal.Chain;
import org.ganglion.optim.internal.Clipping;
import org.ganglion.optim.internal.Scale;
import org.ganglion.optim.internal.ScaleByAdadelta;
import org.ganglion.optim.internal.ScaleByAdagrad;
import org.ganglion.optim.internal.ScaleByAdam;
import org.ganglion.optim.internal.ScaleByAdamax;
import org.ganglion.optim.internal.ScaleByNadam;
import org.ganglion.optim.internal.ScaleByRms;
import org.ganglion.optim.internal.ScaleBySchedule;
import org.ganglion.optim.internal.Trace;
import org.ganglion.optim.internal.WeightDecay;

/**
 * The building blocks of optimizers, in the style of optax: compose them with {@link #chain}, e.g.
 * AdamW with clipping is
 * <pre>{@code
 * chain(clipByGlobalNorm(1), scaleByAdam(0.9, 0.999, 1e-8), addDecayedWeights(1e-2), scaleByLearningRate(schedule))
 * }</pre>
 * Every transformation is immutable and thread-safe; its state is an immutable value. The
 * {@code scaleBy…} rules return a <em>descent direction</em> (same sign as the gradient); only
 * {@link #scaleByLearningRate} (or {@link ChainOptimizer}, which applies it itself) negates.
 * Each rule's javadoc in {@code org.ganglion.optim.internal} gives its formula and paper.
 */
public final class Transforms {
    private Transforms() {}

    /** The transformations in order; nested chains are flattened. */
    public static GradientTransformation chain(GradientTransformation... links) { return new Chain(List.of(links)); }

    /** Passes gradients through unchanged. */
    public static GradientTransformation identity() { return new Scale(1); }

    /** Multiplies by a constant. */
    public static GradientTransformation scale(double factor) { return new Scale(factor); }

    /** {@code update = -lr(step)·u} with {@code step} counted from 0 in its state ({@code schedule.count}). */
    public static GradientTransformation scaleByLearningRate(Schedule schedule) { return new ScaleBySchedule(schedule); }

    /** {@code update = -lr·u}. */
    public static GradientTransformation scaleByLearningRate(double lr) { return new ScaleBySchedule(Schedule.constant(lr)); }

    // ---- momentum ------------------------------------------------------------------------

    /** Heavy-ball momentum {@code v ← μ·v + g} (PyTorch/Keras SGD), update {@code v}. */
    public static GradientTransformation trace(double momentum) { return new Trace(momentum, false, false); }

    /** Heavy-ball momentum; with {@code nesterov} the update is {@code g + μ·v} (Sutskever et al. 2013). */
    public static GradientTransformation trace(double momentum, boolean nesterov) { return new Trace(momentum, nesterov, false); }

    /** EMA momentum {@code v ← β·v + (1-β)·g}; with {@code nesterov} the update is {@code (1-β)·g + β·v}. */
    public static GradientTransformation emaTrace(double beta, boolean nesterov) { return new Trace(beta, nesterov, true); }

    // ---- adaptive ------------------------------------------------------------------------

    /** Adam (Kingma &amp; Ba 2015), Algorithm 1: ε outside the square root of the bias-corrected v. */
    public static GradientTransformation scaleByAdam(double b1, double b2, double eps) {
        return new ScaleByAdam(b1, b2, eps, EpsilonPlacement.OUTSIDE_SQRT, false);
    }

    /** Adam with a chosen ε placement and, with {@code amsgrad}, AMSGrad (Reddi et al. 2018). */
    public static GradientTransformation scaleByAdam(double b1, double b2, double eps, EpsilonPlacement placement, boolean amsgrad) {
        return new ScaleByAdam(b1, b2, eps, placement, amsgrad);
    }

    /** Adamax (Kingma &amp; Ba 2015, §7.1): {@code m / ((1-β1ᵗ)·(u + ε))}, {@code u = max(β2·u, |g|)}. */
    public static GradientTransformation scaleByAdamax(double b1, double b2, double eps) { return new ScaleByAdamax(b1, b2, eps); }

    /** Nadam (Dozat 2016) with the momentum schedule {@code μ_t = β1·(1 - ½·0.96^(0.004·t))}. */
    public static GradientTransformation scaleByNadam(double b1, double b2, double eps) { return new ScaleByNadam(b1, b2, eps, 0.004); }

    /** Nadam with momentum-schedule decay ψ ({@code μ_t = β1·(1 - ½·0.96^(ψ·t))}; Keras 3 uses ψ = 1). */
    public static GradientTransformation scaleByNadam(double b1, double b2, double eps, double momentumDecay) {
        return new ScaleByNadam(b1, b2, eps, momentumDecay);
    }

    /** RMSprop (Tieleman &amp; Hinton 2012), ε inside the square root as in Keras; no momentum (chain a {@link #trace}). */
    public static GradientTransformation scaleByRms(double rho, double eps) {
        return new ScaleByRms(rho, eps, EpsilonPlacement.INSIDE_SQRT, false);
    }

    /** RMSprop with a chosen ε placement, optionally centered (Graves 2013). */
    public static GradientTransformation scaleByRms(double rho, double eps, EpsilonPlacement placement, boolean centered) {
        return new ScaleByRms(rho, eps, placement, centered);
    }

    /** AdaGrad (Duchi et al. 2011) with a starting accumulator and ε inside the square root (Keras). */
    public static GradientTransformation scaleByAdagrad(double initialAccumulator, double eps) {
        return new ScaleByAdagrad(initialAccumulator, eps, EpsilonPlacement.INSIDE_SQRT);
    }

    /** AdaGrad with a chosen ε placement. */
    public static GradientTransformation scaleByAdagrad(double initialAccumulator, double eps, EpsilonPlacement placement) {
        return new ScaleByAdagrad(initialAccumulator, eps, placement);
    }

    /** AdaDelta (Zeiler 2012); a learning rate of 1 after it is the paper's method. */
    public static GradientTransformation scaleByAdadelta(double rho, double eps) { return new ScaleByAdadelta(rho, eps); }

    // ---- weight decay --------------------------------------------------------------------

    /** Decoupled weight decay (Loshchilov &amp; Hutter 2019): {@code u + λ·θ}; place it just before the learning rate. */
    public static GradientTransformation addDecayedWeights(double lambda) { return addDecayedWeights(lambda, name -> true); }

    /** Decoupled weight decay for the parameters {@code appliesTo} accepts (e.g. not biases). */
    public static GradientTransformation addDecayedWeights(double lambda, Predicate<String> appliesTo) {
        return new WeightDecay("addDecayedWeights", lambda, appliesTo);
    }

    /** Coupled weight decay (L2, PyTorch's {@code weight_decay}): {@code g + λ·θ}; place it first. */
    public static GradientTransformation addL2(double lambda) { return addL2(lambda, name -> true); }

    /** Coupled weight decay for the parameters {@code appliesTo} accepts. */
    public static GradientTransformation addL2(double lambda, Predicate<String> appliesTo) {
        return new WeightDecay("addL2", lambda, appliesTo);
    }

    // ---- clipping ------------------------------------------------------------------------

    /** Every element limited to {@code [-limit, limit]} (Keras {@code clipvalue}). */
    public static GradientTransformation clipByValue(double limit) { return new Clipping.ByValue(limit); }

    /** Every tensor rescaled to L2 norm at most {@code maxNorm} (Keras {@code clipnorm}). */
    public static GradientTransformation clipByNorm(double maxNorm) { return new Clipping.ByNorm(maxNorm); }

    /** All tensors rescaled together to global L2 norm at most {@code maxNorm} (Keras {@code global_clipnorm}). */
    public static GradientTransformation clipByGlobalNorm(double maxNorm) { return new Clipping.ByGlobalNorm(maxNorm); }
}
