package org.ganglion.nn;

import org.ganglion.autograd.Functions;
import org.ganglion.autograd.Variable;
import org.ganglion.core.Tensor;

/**
 * Elementwise regression losses of the error {@code e = prediction - target} (equal shapes),
 * averaged per example (see {@link BaseLoss}):
 * <ul>
 *   <li>{@code mean_squared_error} ({@code mse}): {@code e²}; sensitive to outliers;</li>
 *   <li>{@code mean_absolute_error} ({@code mae}): {@code |e|}; robust to outliers;</li>
 *   <li>{@code huber} (Huber 1964): {@code ½e²} for {@code |e| <= δ}, {@code δ(|e| - ½δ)} beyond,
 *       so it is quadratic for small errors and linear for large ones (δ default 1);</li>
 *   <li>{@code log_cosh}: {@code log(cosh(e))}, computed as {@code |e| + softplus(-2|e|) - log 2},
 *       which cannot overflow for large |e| (≈ ½e² near 0, ≈ |e| - log 2 far out).</li>
 * </ul>
 */
public final class RegressionLoss extends BaseLoss {
    public enum Kind { MSE, MAE, HUBER, LOG_COSH }

    private static final double LOG_2 = Math.log(2);

    private final Kind kind;
    private final double delta;

    private RegressionLoss(String name, Kind kind, double delta, Reduction reduction) {
        super(name, reduction);
        if (!(delta > 0)) throw new IllegalArgumentException("huber: delta must be positive, got " + delta);
        this.kind = kind;
        this.delta = delta;
    }

    public static RegressionLoss meanSquaredError() { return meanSquaredError(Reduction.MEAN); }

    public static RegressionLoss meanSquaredError(Reduction r) { return new RegressionLoss("mean_squared_error", Kind.MSE, 1, r); }

    public static RegressionLoss meanAbsoluteError() { return meanAbsoluteError(Reduction.MEAN); }

    public static RegressionLoss meanAbsoluteError(Reduction r) { return new RegressionLoss("mean_absolute_error", Kind.MAE, 1, r); }

    public static RegressionLoss huber() { return huber(1.0, Reduction.MEAN); }

    public static RegressionLoss huber(double delta, Reduction r) { return new RegressionLoss("huber", Kind.HUBER, delta, r); }

    public static RegressionLoss logCosh() { return logCosh(Reduction.MEAN); }

    public static RegressionLoss logCosh(Reduction r) { return new RegressionLoss("log_cosh", Kind.LOG_COSH, 1, r); }

    public Kind kind() { return kind; }

    /** Huber's threshold δ (1 for the other kinds, where it is unused). */
    public double delta() { return delta; }

    @Override
    public Variable perSample(Variable prediction, Tensor target) {
        Variable e = prediction.sub(constant(target, prediction));
        Variable l = switch (kind) {
            case MSE -> e.mul(e);
            case MAE -> e.abs();
            case HUBER -> {
                Variable a = e.abs();
                yield Variable.where(a.value().le(delta), e.mul(e).mul(0.5), a.sub(0.5 * delta).mul(delta));
            }
            case LOG_COSH -> {
                Variable a = e.abs();
                yield a.add(Functions.softplus(a.mul(-2))).sub(LOG_2);
            }
        };
        return meanOverExamples(l);
    }
}
