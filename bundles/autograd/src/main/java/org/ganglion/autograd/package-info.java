/**
 * Reverse-mode automatic differentiation on top of core's tensors.
 *
 * <p>A {@link org.ganglion.autograd.Variable} wraps an immutable {@link org.ganglion.core.Tensor};
 * every operation on variables that require gradients records a node holding its inputs and the
 * vector-Jacobian product (VJP) of its primitive. {@link org.ganglion.autograd.Variable#backward()}
 * walks the recorded graph once in reverse topological order. Each primitive has exactly one VJP
 * rule, written with variable operations so that it runs on whichever device holds the data;
 * composite operations ({@link org.ganglion.autograd.Functions}) get their gradients from the
 * primitives they are built of. {@link org.ganglion.autograd.GradCheck} compares analytical
 * gradients with central differences in float64.
 *
 * <p>Implementation classes of this package (the graph node and the engine, the primitive rules)
 * are package-private and not part of the API.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package org.ganglion.autograd;
