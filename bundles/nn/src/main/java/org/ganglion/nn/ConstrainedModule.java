package org.ganglion.nn;

/** A module with weight constraints; {@link Constraints#apply} calls this after each optimizer step. */
public interface ConstrainedModule {
    /** Projects this module's own constrained, trainable parameters (not its children's) in place. */
    void applyConstraints();
}
