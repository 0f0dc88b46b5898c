package org.ganglion.graph;

/** A learning rate as a function of the optimizer step (0-based). */
@org.osgi.annotation.versioning.ConsumerType
@FunctionalInterface
public interface Schedule {
    double learningRate(long step);

    static Schedule constant(double lr) { return step -> lr; }
}
