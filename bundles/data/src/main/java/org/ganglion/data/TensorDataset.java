package org.ganglion.data;

import java.util.Arrays;
import org.ganglion.core.ShapeMismatchException;
import org.ganglion.core.Tensor;

/**
 * An in-memory dataset of two tensors whose first dimension is the sample axis: inputs
 * {@code x [N, ...]} and targets {@code y [N, ...]} (or {@code null} for inputs only). Batches keep
 * the dtypes of {@code x} and {@code y}; a run of consecutive indices is returned as a view, any
 * other selection as a gathered copy ({@link Tensor#indexSelect}) on the active device.
 *
 * <p>Immutable and thread-safe.
 */
public final class TensorDataset implements Dataset {
    private final Tensor x;
    private final Tensor y;
    private final int size;

    /**
     * @param x inputs {@code [N, ...]}, rank at least 1
     * @param y targets {@code [N, ...]}, or {@code null}
     * @throws ShapeMismatchException when the ranks are 0 or the sample counts differ
     */
    public TensorDataset(Tensor x, Tensor y) {
        if (x == null) throw new IllegalArgumentException("TensorDataset: x is required");
        if (x.rank() == 0 || (y != null && y.rank() == 0))
            throw new ShapeMismatchException("TensorDataset: x and y need a sample axis (rank >= 1); shapes "
                    + Arrays.toString(x.shape()) + ", " + (y == null ? "null" : Arrays.toString(y.shape())));
        if (y != null && y.shape(0) != x.shape(0))
            throw ShapeMismatchException.of("TensorDataset", "x and y must have the same number of samples (first dimension)",
                    x.shape(), y.shape());
        this.x = x;
        this.y = y;
        this.size = x.shape(0);
    }

    /** A dataset of inputs only ({@link #y()} is {@code null}). */
    public TensorDataset(Tensor x) { this(x, null); }

    /** All inputs, {@code [N, ...]}. */
    public Tensor x() { return x; }

    /** All targets, {@code [N, ...]}, or {@code null}. */
    public Tensor y() { return y; }

    @Override
    public int size() { return size; }

    @Override
    public Batch get(int... indices) {
        for (int i : indices)
            if (i < 0 || i >= size) throw new IndexOutOfBoundsException("sample index " + i + " is outside [0, " + size + ")");
        if (isRun(indices)) return indices.length == 0 ? sliceBatch(0, 0) : sliceBatch(indices[0], indices[0] + indices.length);
        Tensor idx = Tensor.of(indices);
        return new Batch(x.indexSelect(0, idx), y == null ? null : y.indexSelect(0, idx));
    }

    /** Samples {@code [from, to)} as views. */
    public TensorDataset slice(int from, int to) {
        Batch b = sliceBatch(from, to);
        return new TensorDataset(b.x(), b.y());
    }

    /** The samples at {@code indices}, in that order, as a new dataset. */
    public TensorDataset subset(int... indices) {
        Batch b = get(indices);
        return new TensorDataset(b.x(), b.y());
    }

    /** The targets as host {@code long[]} labels; needs 1-D integer {@code y}. */
    public long[] labels() {
        if (y == null || y.rank() != 1 || !y.dtype().isInteger())
            throw new IllegalStateException("need 1-D integer class labels y [N]; have "
                    + (y == null ? "no y" : y.dtype() + " " + Arrays.toString(y.shape())));
        return y.toLongArray();
    }

    private Batch sliceBatch(int from, int to) {
        if (from < 0 || to > size || from > to)
            throw new IndexOutOfBoundsException("slice [" + from + ", " + to + ") is outside [0, " + size + ")");
        return new Batch(x.slice(0, from, to), y == null ? null : y.slice(0, from, to));
    }

    private static boolean isRun(int[] indices) {
        for (int i = 1; i < indices.length; i++) if (indices[i] != indices[i - 1] + 1) return false;
        return true;
    }

    @Override
    public String toString() {
        return "TensorDataset[" + size + " samples, x " + x.dtype() + " " + Arrays.toString(x.shape())
                + (y == null ? "" : ", y " + y.dtype() + " " + Arrays.toString(y.shape())) + "]";
    }
}
