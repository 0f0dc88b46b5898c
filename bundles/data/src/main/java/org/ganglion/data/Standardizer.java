package org.ganglion.data;

import java.util.Arrays;
import org.ganglion.core.DType;
import org.ganglion.core.ShapeMismatchException;
import org.ganglion.core.Tensor;

/**
 * Z-score standardization per feature: {@code (x - mean) / std}, with the mean and the population
 * standard deviation (divisor N, as scikit-learn's {@code StandardScaler}) fitted on training data
 * over the sample axis 0 and then applied unchanged to validation and test data. A feature with zero
 * spread gets std 1, so it is centred but not blown up. {@link #centering} fits the mean only
 * (mean normalization).
 *
 * <p>For {@code x [N, d1, d2, ...]} the statistics have shape {@code [1, d1, d2, ...]} (one per
 * feature, e.g. per pixel) and the dtype of {@code x} (float32 for integer inputs). Immutable.
 */
public final class Standardizer {
    private final Tensor mean, std;

    private Standardizer(Tensor mean, Tensor std) {
        this.mean = mean;
        this.std = std;
    }

    /** Rebuilds a fitted standardizer from stored statistics ({@code [1, ...]} each, same shape). */
    public static Standardizer of(Tensor mean, Tensor std) {
        if (!Arrays.equals(mean.shape(), std.shape()) || mean.rank() == 0 || mean.shape(0) != 1)
            throw ShapeMismatchException.of("Standardizer", "mean and std need the same shape [1, ...]", mean.shape(), std.shape());
        return new Standardizer(mean, std);
    }

    /** Fits per-feature mean and std on {@code train [N, ...]}. */
    public static Standardizer fit(Tensor train) {
        Tensor x = floating(train);
        Tensor mean = x.mean(true, 0);
        Tensor std = x.sub(mean).square().mean(true, 0).sqrt();
        return new Standardizer(mean, Tensor.where(std.eq(0.0), Tensor.ones(std.dtype(), std.shape()), std));
    }

    /** Fits on the inputs of {@code train}. */
    public static Standardizer fit(TensorDataset train) { return fit(train.x()); }

    /** Subtracts the training mean only (std 1). */
    public static Standardizer centering(Tensor train) {
        Tensor mean = floating(train).mean(true, 0);
        return new Standardizer(mean, Tensor.ones(mean.dtype(), mean.shape()));
    }

    /** {@code (x - mean) / std} for {@code x [M, ...]} with the fitted feature shape. */
    public Tensor apply(Tensor x) {
        check(x);
        return floating(x).sub(mean).div(std);
    }

    /** A dataset with standardized inputs and the same targets. */
    public TensorDataset apply(TensorDataset ds) { return new TensorDataset(apply(ds.x()), ds.y()); }

    /** {@code z * std + mean}. */
    public Tensor inverse(Tensor z) {
        check(z);
        return floating(z).mul(std).add(mean);
    }

    /** The fitted means, {@code [1, ...]}. */
    public Tensor mean() { return mean; }

    /** The fitted standard deviations (zeros replaced by 1), {@code [1, ...]}. */
    public Tensor std() { return std; }

    private void check(Tensor x) {
        int[] want = mean.shape(), have = x.shape();
        if (have.length != want.length || !Arrays.equals(Arrays.copyOfRange(have, 1, have.length), Arrays.copyOfRange(want, 1, want.length)))
            throw ShapeMismatchException.of("Standardizer.apply", "features differ from the fitted ones", have, want);
    }

    static Tensor floating(Tensor x) {
        if (x.rank() == 0) throw new ShapeMismatchException("need a sample axis; got a scalar");
        return x.dtype().isFloating() ? x : x.to(DType.FLOAT32);
    }
}
