package org.ganglion.data;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * An indexable collection of samples. Sample {@code i} is row {@code i} of the sample axis (the
 * first dimension) of the batch tensors.
 *
 * <p>Implementations must be safe to call from the {@link DataLoader}'s prefetch thread while the
 * caller's thread uses batches already returned (datasets are normally immutable).
 */
@ConsumerType
public interface Dataset {
    /** The number of samples. */
    int size();

    /**
     * The samples at {@code indices}, in that order, stacked along a new first axis: {@code x} is
     * {@code [indices.length, ...]}. Indices may repeat; each must be in {@code [0, size())}, else an
     * {@link IndexOutOfBoundsException} naming it.
     */
    Batch get(int... indices);
}
