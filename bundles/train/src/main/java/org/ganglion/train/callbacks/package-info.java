/** The standard callbacks: early stopping, checkpoints, learning-rate control, logging, progress, plots. */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package org.ganglion.train.callbacks;
