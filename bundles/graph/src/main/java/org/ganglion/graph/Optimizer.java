package org.ganglion.graph;

import java.util.Map;

/**
 * Updates parameters from their gradients. Parameters are passed by name (dotted paths), which is
 * also how per-parameter state (moments, step counts) is keyed in {@link #stateDict()}, so training
 * resumes exactly after a checkpoint. Frozen and gradient-less parameters are skipped.
 */
@org.osgi.annotation.versioning.ConsumerType
public interface Optimizer {
    String name();

    /** Applies one update to every trainable parameter that has a gradient. */
    void step(Map<String, Parameter> parameters);

    /** Number of completed steps. */
    long iterations();

    /** The learning rate the next step will use. */
    double learningRate();

    /** Overrides the learning rate (ReduceLROnPlateau, LearningRateScheduler); replaces any schedule. */
    void setLearningRate(double lr);

    /** Optimizer state: every tensor by name, plus {@code iterations}. */
    StateDict stateDict();

    void loadStateDict(StateDict state);
}
