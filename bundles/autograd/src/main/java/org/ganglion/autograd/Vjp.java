package org.ganglion.autograd;

/**
 * The backward rule of a user-defined operation ({@link Variable#custom}): given the gradient of
 * the loss with respect to the operation's output, the gradients with respect to each input.
 *
 * <p>Write the rule with {@link Variable} operations, not raw tensor operations, so that it runs on
 * any device (and could be differentiated again). It runs inside a {@link NoGrad} scope. The
 * returned array has one entry per input, in order; an entry may be {@code null} when
 * {@code needsGrad[i]} is false or the gradient is zero. Each gradient must have its input's shape;
 * the engine converts it to the input's dtype.
 */
@org.osgi.annotation.versioning.ConsumerType
@FunctionalInterface
public interface Vjp {
    Variable[] apply(Variable gradOutput, boolean[] needsGrad);
}
