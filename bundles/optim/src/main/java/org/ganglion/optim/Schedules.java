package org.ganglion.optim;

import java.util.Locale;
import org.ganglion.graph.Schedule;
import org.ganglion.optim.internal.CyclicSchedules;
import org.ganglion.optim.internal.DecaySchedules;

/**
 * Learning-rate schedules: functions of the 0-based optimizer step (not the epoch; multiply by
 * steps per epoch for epoch-based settings). Each is an immutable record with a readable
 * {@code toString}. The same schedules are registered by name as
 * {@link org.ganglion.graph.spi.ScheduleFactory} services: {@code constant}, {@code step}, {@code multi_step},
 * {@code exponential}, {@code inverse_time}, {@code polynomial}, {@code cosine},
 * {@code cosine_restarts}, {@code one_cycle}, {@code cyclical}.
 */
public final class Schedules {
    private Schedules() {}

    /** The shape of a {@link #cyclical} schedule's cycles (Smith 2017). */
    public enum CyclicalMode {
        /** Constant amplitude. */
        TRIANGULAR,
        /** Amplitude halved every cycle. */
        TRIANGULAR2,
        /** Amplitude scaled by {@code γ^step}. */
        EXP_RANGE;

        /** Parses {@code triangular}, {@code triangular2} or {@code exp_range} (case-insensitive). */
        public static CyclicalMode parse(String s) {
            try {
                return valueOf(s.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("cyclical: mode must be triangular, triangular2 or exp_range; got '" + s + "'", e);
            }
        }
    }

    /** The same rate at every step. */
    public static Schedule constant(double lr) { return new DecaySchedules.Constant(lr); }

    /** {@code lr·γ^⌊step/stepSize⌋} (PyTorch {@code StepLR}). */
    public static Schedule step(double lr, long stepSize, double gamma) { return new DecaySchedules.Step(lr, stepSize, gamma); }

    /** {@code lr·γ^k}, k = how many of the increasing {@code milestones} are ≤ step (PyTorch {@code MultiStepLR}). */
    public static Schedule multiStep(double lr, long[] milestones, double gamma) { return new DecaySchedules.MultiStep(lr, milestones, gamma); }

    /** {@code lr·rate^(step/decaySteps)}, floored exponent when {@code staircase} (Keras {@code ExponentialDecay}). */
    public static Schedule exponential(double lr, long decaySteps, double decayRate, boolean staircase) {
        return new DecaySchedules.Exponential(lr, decaySteps, decayRate, staircase);
    }

    /** {@code lr/(1 + rate·step/decaySteps)} (Keras {@code InverseTimeDecay}). */
    public static Schedule inverseTime(double lr, long decaySteps, double decayRate, boolean staircase) {
        return new DecaySchedules.InverseTime(lr, decaySteps, decayRate, staircase);
    }

    /** {@code (lr - end)·(1 - min(step, decaySteps)/decaySteps)^power + end} (Keras {@code PolynomialDecay}). */
    public static Schedule polynomial(double lr, long decaySteps, double endLr, double power, boolean cycle) {
        return new DecaySchedules.Polynomial(lr, decaySteps, endLr, power, cycle);
    }

    /** A linear ramp from {@code startLr} to {@code after(0)} over {@code warmupSteps}, then {@code after} shifted by them. */
    public static Schedule linearWarmup(Schedule after, long warmupSteps, double startLr) {
        return warmupSteps == 0 ? after : new DecaySchedules.LinearWarmup(after, warmupSteps, startLr);
    }

    /** One cosine decay from {@code lr} to {@code α·lr} over {@code decaySteps}, after a linear warm-up from 0 (Keras {@code CosineDecay}). */
    public static Schedule cosine(double lr, long decaySteps, double alpha, long warmupSteps) {
        return linearWarmup(new CyclicSchedules.Cosine(lr, decaySteps, 1, 1, alpha, false), warmupSteps, 0);
    }

    /**
     * SGDR (Loshchilov &amp; Hutter 2017): cosine cycles of {@code t0·tMult^i} steps, peak scaled by
     * {@code mMul^i}, floor {@code α·lr}, after a linear warm-up from 0 (Keras {@code CosineDecayRestarts};
     * PyTorch's {@code CosineAnnealingWarmRestarts} with {@code eta_min = α·lr}).
     */
    public static Schedule cosineRestarts(double lr, long t0, double tMult, double mMul, double alpha, long warmupSteps) {
        return linearWarmup(new CyclicSchedules.Cosine(lr, t0, tMult, mMul, alpha, true), warmupSteps, 0);
    }

    /** One-cycle (Smith 2018) with PyTorch's defaults: 30% warm-up, div 25, final div 1e4, cosine annealing. */
    public static Schedule oneCycle(double maxLr, long totalSteps) { return oneCycle(maxLr, totalSteps, 0.3, 25, 1e4, true); }

    /** One-cycle (Smith 2018); {@code cosine} false anneals linearly. */
    public static Schedule oneCycle(double maxLr, long totalSteps, double pctStart, double divFactor, double finalDivFactor, boolean cosine) {
        return new CyclicSchedules.OneCycle(maxLr, totalSteps, pctStart, divFactor, finalDivFactor, cosine);
    }

    /** Cyclical learning rates (Smith 2017) between {@code baseLr} and {@code maxLr}, half-cycle {@code stepSize} steps. */
    public static Schedule cyclical(double baseLr, double maxLr, long stepSize, CyclicalMode mode, double gamma) {
        return new CyclicSchedules.Cyclical(baseLr, maxLr, stepSize, mode, gamma);
    }
}
