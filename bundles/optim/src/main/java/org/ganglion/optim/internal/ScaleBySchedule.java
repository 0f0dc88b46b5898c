package org.ganglion.optim.internal;

import java.util.Map;
import org.ganglion.core.Tensor;
import org.ganglion.graph.Schedule;

/**
 * The last link of an optimizer chain: {@code update = -lr(step)·u}, with {@code step} the
 * 0-based count of previous updates ({@code schedule.count} in the state).
 */
public final class ScaleBySchedule extends SlotTransform {
    private final Schedule schedule;

    public ScaleBySchedule(Schedule schedule) {
        super("schedule", true);
        this.schedule = java.util.Objects.requireNonNull(schedule, "schedule");
    }

    @Override
    protected Tensor[] apply(Tensor g, Tensor[] slots, Tensor param, long t, Map<String, Double> scalars) {
        return new Tensor[] {g.mul(-schedule.learningRate(t - 1))};
    }

    @Override
    public String toString() { return "scaleByLearningRate(" + schedule + ")"; }
}
