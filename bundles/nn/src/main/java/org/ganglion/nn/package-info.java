/**
 * The standard library of neural-network components: layers ({@link org.ganglion.nn.Dense},
 * {@link org.ganglion.nn.Dropout}, {@link org.ganglion.nn.BatchNormalization}, …), activations as
 * functions ({@link org.ganglion.nn.Activations}) and as layers, initializers, losses, regularizers
 * and constraints, streaming metrics, and the Rosenblatt {@link org.ganglion.nn.Perceptron}.
 *
 * <p>Every component is also registered by its Keras name (OSGi services from this bundle's private
 * factories, {@code META-INF/services} on a plain classpath), so model specs and
 * {@code compile("adam", "sparse_categorical_crossentropy", "accuracy")} find them through
 * {@link org.ganglion.graph.ComponentRegistry}.
 *
 * <p>Conventions: the batch is axis 0; features and classes are on the last axis (Keras), except
 * {@link org.ganglion.nn.CrossEntropy}, which follows PyTorch (classes on axis 1). Layers create
 * float32 parameters unless configured with {@code dtype: "float64"}.
 *
 * <p>Training-side hooks: {@link org.ganglion.nn.Regularization#total} collects the weight penalties
 * a trainer adds to the loss; {@link org.ganglion.nn.Constraints#apply} projects weights after each
 * optimizer step; {@link org.ganglion.nn.RandomizedModule} lets a model assign per-layer random keys.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package org.ganglion.nn;
