package org.ganglion.optim;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.ganglion.core.DType;
import org.ganglion.core.DeviceRegistry;
import org.ganglion.core.Fused;
import org.ganglion.core.Tensor;
import org.ganglion.graph.Optimizer;
import org.ganglion.graph.Parameter;
import org.ganglion.graph.Schedule;
import org.ganglion.graph.StateDict;

/**
 * graph's {@link Optimizer} from a {@link GradientTransformation} that gives a descent direction
 * {@code u} and a learning-rate {@link Schedule}: each step sets {@code θ ← θ + (-lr·u)}.
 *
 * <p><b>Step.</b> Only parameters that are trainable and have a gradient take part; the gradient is
 * converted to the parameter's dtype first, so float32 parameters are updated in float32. State is
 * created lazily on the first step (zeros) and kept per parameter name; a parameter that is frozen
 * or gradient-less for a while keeps its state unchanged. All new values are computed before any
 * is assigned, under the device registry's step lock, so a device swap never sees half a step.
 *
 * <p><b>Learning rate.</b> {@link #learningRate()} is {@code schedule(iterations)} until
 * {@link #setLearningRate} fixes it (replacing the schedule, as Keras's {@code ReduceLROnPlateau}
 * does); {@link #setSchedule} installs a schedule again.
 *
 * <p><b>State dict.</b> {@code iterations} (int64), {@code learning_rate} (float64, the rate of the
 * next step), {@code learning_rate_override} (float64, only when fixed) and the transformation's
 * state ({@code adam.count}, {@code adam.m.dense_1.kernel}, …), all rank-0 or parameter-shaped
 * tensors. Loading it into a fresh optimizer of the same configuration resumes bit for bit.
 *
 * <p>Not thread-safe: one training loop drives one optimizer.
 */
public final class ChainOptimizer implements Optimizer {
    private static final String ITERATIONS = "iterations";
    private static final String LEARNING_RATE = "learning_rate";
    private static final String OVERRIDE = "learning_rate_override";

    private final String name;
    private final GradientTransformation direction;
    private Schedule schedule;
    private double override = Double.NaN;
    private long iterations;
    private GradientTransformation.State state;

    /**
     * @param name      reported by {@link #name()} ({@code adam})
     * @param direction the transformation giving the descent direction (no learning rate in it)
     * @param schedule  the learning rate by step (0-based)
     */
    public ChainOptimizer(String name, GradientTransformation direction, Schedule schedule) {
        this.name = Objects.requireNonNull(name, "name");
        this.direction = Objects.requireNonNull(direction, "direction");
        this.schedule = Objects.requireNonNull(schedule, "schedule");
    }

    /** An optimizer with a constant learning rate. */
    public ChainOptimizer(String name, GradientTransformation direction, double learningRate) {
        this(name, direction, Schedules.constant(learningRate));
    }

    @Override
    public String name() { return name; }

    /** The transformation that gives the descent direction. */
    public GradientTransformation direction() { return direction; }

    /** The current transformation state (null before the first step or load). */
    public GradientTransformation.State state() { return state; }

    @Override
    public void step(Map<String, Parameter> parameters) {
        Map<String, Parameter> active = new LinkedHashMap<>();
        Map<String, Tensor> grads = new LinkedHashMap<>();
        Map<String, Tensor> values = new LinkedHashMap<>();
        parameters.forEach((k, p) -> {
            if (!p.trainable() || p.grad() == null) return;
            active.put(k, p);
            values.put(k, p.value());
            grads.put(k, p.grad().to(p.value().dtype()));
        });
        double lr = learningRate();
        DeviceRegistry.global().step(() -> {
            if (state == null) state = direction.init(values);
            GradientTransformation.Update u = direction.update(grads, state, values);
            Map<String, Tensor> next = new LinkedHashMap<>();
            active.forEach((k, p) -> {
                Tensor d = u.updates().get(k);
                if (d == null) throw new IllegalStateException(direction + " returned no update for '" + k + "'");
                next.put(k, Fused.axpy(p.value(), d.to(p.value().dtype()), -lr));   // θ + u·(-lr), one pass where fused
            });
            next.forEach((k, v) -> active.get(k).assign(v));
            state = u.state();
            return null;
        });
        iterations++;
    }

    @Override
    public long iterations() { return iterations; }

    @Override
    public double learningRate() { return Double.isNaN(override) ? schedule.learningRate(iterations) : override; }

    @Override
    public void setLearningRate(double lr) {
        if (!(lr >= 0) || Double.isInfinite(lr)) throw new IllegalArgumentException(name + ": learning rate must be finite and >= 0, got " + lr);
        override = lr;
    }

    /** Replaces the schedule and clears a {@link #setLearningRate} override. */
    public void setSchedule(Schedule schedule) {
        this.schedule = Objects.requireNonNull(schedule, "schedule");
        override = Double.NaN;
    }

    public Schedule schedule() { return schedule; }

    @Override
    public StateDict stateDict() {
        StateDict d = new StateDict();
        d.put(ITERATIONS, Tensor.scalar(iterations, DType.INT64));
        d.put(LEARNING_RATE, Tensor.scalar(learningRate(), DType.FLOAT64));
        if (!Double.isNaN(override)) d.put(OVERRIDE, Tensor.scalar(override, DType.FLOAT64));
        if (state != null) state.save(state.name(), d);
        return d;
    }

    /**
     * Restores {@link #stateDict()}'s output. Entries this optimizer does not know (the state of a
     * differently configured optimizer) raise {@link IllegalArgumentException} listing them.
     */
    @Override
    public void loadStateDict(StateDict dict) {
        if (!dict.contains(ITERATIONS)) throw new IllegalArgumentException(name + ": optimizer state has no '" + ITERATIONS + "' entry: " + dict);
        GradientTransformation.State template = state != null ? state : direction.init(Map.of());
        GradientTransformation.State loaded = template.load(template.name(), dict);
        StateDict check = new StateDict();
        loaded.save(loaded.name(), check);
        Set<String> unexpected = new TreeSet<>(dict.asMap().keySet());
        unexpected.removeAll(List.of(ITERATIONS, LEARNING_RATE, OVERRIDE));
        unexpected.removeAll(check.asMap().keySet());
        if (!unexpected.isEmpty())
            throw new IllegalArgumentException(name + ": unexpected optimizer state " + new ArrayList<>(unexpected)
                    + " (saved by a differently configured optimizer?); this one keeps " + direction);
        iterations = (long) dict.get(ITERATIONS).item();
        override = dict.contains(OVERRIDE) ? dict.get(OVERRIDE).item() : Double.NaN;
        state = loaded;
    }

    @Override
    public String toString() { return name + "{" + direction + ", lr=" + learningRate() + ", iterations=" + iterations + "}"; }
}
