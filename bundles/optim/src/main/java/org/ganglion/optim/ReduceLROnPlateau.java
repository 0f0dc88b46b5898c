package org.ganglion.optim;

import java.util.Locale;
import org.ganglion.core.DType;
import org.ganglion.core.Tensor;
import org.ganglion.graph.Optimizer;
import org.ganglion.graph.StateDict;

/**
 * Lowers the learning rate when a monitored value stops improving — Keras's
 * {@code ReduceLROnPlateau}, as pure logic: the trainer's callback calls {@link #onEpochEnd} once
 * per epoch with the monitored value (e.g. {@code val_loss}) and applies the returned rate.
 *
 * <p>Per epoch: during cooldown the counter runs down by one and waiting is reset. A value better than the
 * best by more than {@code minDelta} ({@code value < best - minDelta} in {@link Mode#MIN},
 * {@code value > best + minDelta} in {@link Mode#MAX}) becomes the best and resets waiting;
 * otherwise, unless cooldown is still running (counter above 0 after this epoch's decrement), waiting grows, and when it reaches {@code patience} the rate
 * becomes {@code max(lr·factor, minLr)} (if lr is above {@code minLr}), cooldown starts and waiting
 * resets. NaN never counts as an improvement.
 *
 * <p>Defaults are Keras's: min, factor 0.1, patience 10, minDelta 1e-4, cooldown 0, minLr 0. Settings
 * are fluent: {@code new ReduceLROnPlateau().factor(0.5).patience(2)}. Not thread-safe.
 */
public final class ReduceLROnPlateau {
    /** Whether smaller ({@code MIN}, a loss) or larger ({@code MAX}, an accuracy) is better. */
    public enum Mode {
        MIN, MAX;

        /** Keras's {@code auto}: {@code MAX} for a monitored name containing {@code acc} or starting with {@code fmeasure}, else {@code MIN}. */
        public static Mode forMonitor(String monitor) {
            String m = monitor.toLowerCase(Locale.ROOT);
            return m.contains("acc") || m.startsWith("fmeasure") ? MAX : MIN;
        }
    }

    private Mode mode = Mode.MIN;
    private double factor = 0.1;
    private int patience = 10;
    private double minDelta = 1e-4;
    private int cooldown;
    private double minLr;

    private double best = Double.POSITIVE_INFINITY;
    private int wait;
    private int cooldownCounter;
    private int reductions;

    public ReduceLROnPlateau mode(Mode mode) {
        this.mode = java.util.Objects.requireNonNull(mode, "mode");
        reset();
        return this;
    }

    /** The multiplier on a plateau; must be in (0, 1). */
    public ReduceLROnPlateau factor(double factor) {
        if (!(factor > 0 && factor < 1)) throw new IllegalArgumentException("ReduceLROnPlateau: factor must be in (0, 1), got " + factor);
        this.factor = factor;
        return this;
    }

    /** Epochs without improvement before a reduction. */
    public ReduceLROnPlateau patience(int patience) {
        if (patience < 0) throw new IllegalArgumentException("ReduceLROnPlateau: patience must be >= 0, got " + patience);
        this.patience = patience;
        return this;
    }

    /** The least change that counts as an improvement (absolute, as in Keras). */
    public ReduceLROnPlateau minDelta(double minDelta) {
        if (!(minDelta >= 0)) throw new IllegalArgumentException("ReduceLROnPlateau: min_delta must be >= 0, got " + minDelta);
        this.minDelta = minDelta;
        return this;
    }

    /** Epochs to wait after a reduction before counting again. */
    public ReduceLROnPlateau cooldown(int cooldown) {
        if (cooldown < 0) throw new IllegalArgumentException("ReduceLROnPlateau: cooldown must be >= 0, got " + cooldown);
        this.cooldown = cooldown;
        return this;
    }

    /** The rate is never lowered below this. */
    public ReduceLROnPlateau minLr(double minLr) {
        if (!(minLr >= 0)) throw new IllegalArgumentException("ReduceLROnPlateau: min_lr must be >= 0, got " + minLr);
        this.minLr = minLr;
        return this;
    }

    /** Forgets the best value and the counters (not the settings). */
    public void reset() {
        best = mode == Mode.MIN ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY;
        wait = 0;
        cooldownCounter = 0;
    }

    private boolean improved(double value) {
        return mode == Mode.MIN ? value < best - minDelta : value > best + minDelta;
    }

    /**
     * Records one epoch's monitored value and returns the learning rate to use from now on
     * ({@code currentLr} unless this epoch triggered a reduction).
     */
    public double onEpochEnd(double value, double currentLr) {
        if (cooldownCounter > 0) {
            cooldownCounter--;
            wait = 0;
        }
        if (improved(value)) {
            best = value;
            wait = 0;
            return currentLr;
        }
        if (cooldownCounter > 0) return currentLr;
        wait++;
        if (wait < patience || !(currentLr > minLr)) return currentLr;
        cooldownCounter = cooldown;
        wait = 0;
        reductions++;
        return Math.max(currentLr * factor, minLr);
    }

    /** {@link #onEpochEnd(double, double)} on an optimizer's rate; returns true when it lowered it. */
    public boolean onEpochEnd(double value, Optimizer optimizer) {
        double lr = optimizer.learningRate();
        double next = onEpochEnd(value, lr);
        if (next == lr) return false;
        optimizer.setLearningRate(next);
        return true;
    }

    public Mode mode() { return mode; }

    /** The best value so far (±infinity before the first). */
    public double best() { return best; }

    /** Epochs since the last improvement, outside cooldown. */
    public int waitCount() { return wait; }

    /** Epochs of cooldown left. */
    public int cooldownCounter() { return cooldownCounter; }

    /** How many reductions happened. */
    public int reductions() { return reductions; }

    /** The policy's progress ({@code best}, {@code wait}, {@code cooldown_counter}, {@code reductions}) for checkpoints. */
    public StateDict stateDict() {
        return new StateDict().put("best", Tensor.scalar(best, DType.FLOAT64)).put("wait", Tensor.scalar(wait, DType.INT64))
                .put("cooldown_counter", Tensor.scalar(cooldownCounter, DType.INT64)).put("reductions", Tensor.scalar(reductions, DType.INT64));
    }

    public void loadStateDict(StateDict state) {
        for (String k : new String[] {"best", "wait", "cooldown_counter", "reductions"})
            if (!state.contains(k)) throw new IllegalArgumentException("ReduceLROnPlateau: state has no '" + k + "' entry: " + state);
        best = state.get("best").item();
        wait = (int) state.get("wait").item();
        cooldownCounter = (int) state.get("cooldown_counter").item();
        reductions = (int) state.get("reductions").item();
    }

    @Override
    public String toString() {
        return "ReduceLROnPlateau{mode=" + mode + ", factor=" + factor + ", patience=" + patience + ", minDelta=" + minDelta + ", cooldown="
                + cooldown + ", minLr=" + minLr + ", best=" + best + ", wait=" + wait + "}";
    }
}
