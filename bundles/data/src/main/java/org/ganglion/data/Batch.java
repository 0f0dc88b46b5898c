package org.ganglion.data;

import org.ganglion.core.Tensor;

/**
 * One batch: inputs {@code x} with the sample axis first ({@code [B, ...]}) and targets {@code y}
 * ({@code [B, ...]}, e.g. int64 class labels {@code [B]}), or {@code null} for a dataset without
 * targets. Both are whatever the dataset holds; a {@link TensorDataset} keeps its dtypes.
 */
public record Batch(Tensor x, Tensor y) {
    public Batch {
        if (x == null) throw new IllegalArgumentException("batch needs inputs x");
    }

    /** The number of samples, {@code x.shape(0)}. */
    public int size() { return x.shape(0); }
}
