package org.ganglion.graph;

import org.ganglion.autograd.Variable;

/** A penalty on a weight added to the training loss, e.g. L1 or L2. */
@org.osgi.annotation.versioning.ConsumerType
@FunctionalInterface
public interface Regularizer {
    Variable penalty(Variable weight);
}
