package org.ganglion.graph;

import org.ganglion.core.Tensor;

/** A streaming metric: {@link #update} per batch, {@link #result} for everything seen since {@link #reset}. */
@org.osgi.annotation.versioning.ConsumerType
public interface Metric {
    String name();

    void update(Tensor prediction, Tensor target);

    double result();

    void reset();
}
