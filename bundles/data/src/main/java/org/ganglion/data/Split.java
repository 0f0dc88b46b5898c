package org.ganglion.data;

/** A training part and a validation part of one dataset (a validation split or one k-fold fold). */
public record Split(TensorDataset train, TensorDataset validation) {}
