package org.ganglion.data;

import java.util.Arrays;
import org.ganglion.core.DType;
import org.ganglion.core.ShapeMismatchException;
import org.ganglion.core.Tensor;

/** Stateless transforms: pixel scaling, flattening, one-hot encoding. Fitted ones: {@link Standardizer}, {@link MinMaxScaler}. */
public final class Transforms {
    private Transforms() {}

    /** {@code x / 255} as float32: 8-bit pixels to [0,1] (Keras' {@code astype('float32') / 255}). */
    public static Tensor scalePixels(Tensor x) { return x.to(DType.FLOAT32).div(255.0); }

    /** {@code x * factor}, floating (integer inputs become float32). */
    public static Tensor rescale(Tensor x, double factor) { return Standardizer.floating(x).mul(factor); }

    /** {@code [N, d1, d2, ...]} to {@code [N, d1*d2*...]}, e.g. images 28×28 to 784-vectors. */
    public static Tensor flatten(Tensor x) {
        if (x.rank() == 0) throw new ShapeMismatchException("flatten: need a sample axis; got a scalar");
        return x.reshape(x.shape(0), -1);
    }

    /** The dataset with flattened inputs. */
    public static TensorDataset flatten(TensorDataset ds) { return new TensorDataset(flatten(ds.x()), ds.y()); }

    /** The dataset with {@link #scalePixels scaled} inputs. */
    public static TensorDataset scalePixels(TensorDataset ds) { return new TensorDataset(scalePixels(ds.x()), ds.y()); }

    /**
     * One-hot encoding: integer labels {@code [...]} in {@code [0, classes)} to float32
     * {@code [..., classes]} with a 1 at each label. A label outside the range raises an
     * {@link IllegalArgumentException} naming it.
     */
    public static Tensor oneHot(Tensor labels, int classes) {
        if (!labels.dtype().isInteger()) throw new IllegalArgumentException("oneHot: labels must be int32 or int64, got " + labels.dtype());
        if (classes < 1) throw new IllegalArgumentException("oneHot: classes must be at least 1, got " + classes);
        if (labels.numel() > 0) {
            long lo = (long) labels.min().item(), hi = (long) labels.max().item();
            if (lo < 0 || hi >= classes)
                throw new IllegalArgumentException("oneHot: label " + (lo < 0 ? lo : hi) + " is outside [0, " + classes + ")");
        }
        return labels.to(DType.INT64).unsqueeze(-1).eq(Tensor.arange(classes)).to(DType.FLOAT32);
    }

    /** The dataset with one-hot targets {@code [N, classes]}. */
    public static TensorDataset oneHot(TensorDataset ds, int classes) { return new TensorDataset(ds.x(), oneHot(ds.y(), classes)); }

    /** The index of the largest entry of the last axis, int64: the inverse of {@link #oneHot}. */
    public static Tensor fromOneHot(Tensor oneHot) {
        if (oneHot.rank() == 0) throw new ShapeMismatchException("fromOneHot: need a class axis; shape " + Arrays.toString(oneHot.shape()));
        return oneHot.argmax(-1, false);
    }
}
