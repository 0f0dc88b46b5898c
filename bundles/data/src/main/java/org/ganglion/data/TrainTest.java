package org.ganglion.data;

/** A training set and a test set, e.g. the two halves of MNIST or a stratified split. */
public record TrainTest(TensorDataset train, TensorDataset test) {}
