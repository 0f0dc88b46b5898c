package org.ganglion.data;

import java.util.Arrays;
import org.ganglion.core.ShapeMismatchException;
import org.ganglion.core.Tensor;

/**
 * Min-max scaling per feature to {@code [low, high]} (default [0,1]):
 * {@code (x - min) / (max - min) * (high - low) + low}, with min and max fitted on training data over
 * the sample axis 0 and applied unchanged to validation and test data (whose values may then fall
 * outside the range; nothing is clipped). A constant feature (max = min) maps to {@code low}.
 *
 * <p>For {@code x [N, d1, ...]} the fitted min and range are {@code [1, d1, ...]}. Immutable.
 */
public final class MinMaxScaler {
    private final Tensor min, range;
    private final double low, high;

    private MinMaxScaler(Tensor min, Tensor range, double low, double high) {
        this.min = min;
        this.range = range;
        this.low = low;
        this.high = high;
    }

    /** Fits to map {@code train [N, ...]} onto [0, 1]. */
    public static MinMaxScaler fit(Tensor train) { return fit(train, 0, 1); }

    /** Fits to map {@code train [N, ...]} onto {@code [low, high]}, e.g. [-1, 1]. */
    public static MinMaxScaler fit(Tensor train, double low, double high) {
        if (!(low < high)) throw new IllegalArgumentException("MinMaxScaler: need low < high, got [" + low + ", " + high + "]");
        Tensor x = Standardizer.floating(train);
        Tensor min = x.min(true, 0), max = x.max(true, 0);
        Tensor range = max.sub(min);
        range = Tensor.where(range.eq(0.0), Tensor.ones(range.dtype(), range.shape()), range);
        return new MinMaxScaler(min, range, low, high);
    }

    public Tensor apply(Tensor x) {
        int[] want = min.shape(), have = x.shape();
        if (have.length != want.length || !Arrays.equals(Arrays.copyOfRange(have, 1, have.length), Arrays.copyOfRange(want, 1, want.length)))
            throw ShapeMismatchException.of("MinMaxScaler.apply", "features differ from the fitted ones", have, want);
        return Standardizer.floating(x).sub(min).div(range).mul(high - low).add(low);
    }

    /** A dataset with scaled inputs and the same targets. */
    public TensorDataset apply(TensorDataset ds) { return new TensorDataset(apply(ds.x()), ds.y()); }

    /** The fitted per-feature minimum, {@code [1, ...]}. */
    public Tensor min() { return min; }

    /** The fitted per-feature {@code max - min} (zeros replaced by 1), {@code [1, ...]}. */
    public Tensor range() { return range; }
}
