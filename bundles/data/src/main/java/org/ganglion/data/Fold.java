package org.ganglion.data;

/**
 * Fold {@code index} of a k-fold split: sample indices for training and for validation, each in
 * ascending order. Across the k folds every sample is in exactly one validation part.
 */
public record Fold(int index, int[] train, int[] validation) {
    public Fold {
        train = train.clone();
        validation = validation.clone();
    }

    @Override
    public int[] train() { return train.clone(); }

    @Override
    public int[] validation() { return validation.clone(); }

    /** The two parts of {@code ds}. */
    public Split of(TensorDataset ds) { return new Split(ds.subset(train), ds.subset(validation)); }
}
