/**
 * Training: {@link org.ganglion.train.Trainer} compiles a model with an optimizer, a loss and
 * metrics (by object or registered name) and runs {@code fit}, {@code evaluate} and {@code predict}
 * Keras style, with {@link org.ganglion.train.Callback}s for early stopping, checkpoints, learning
 * rate control, logging, progress output and plots.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package org.ganglion.train;
