package org.ganglion.optim.internal;

import java.util.Arrays;
import org.ganglion.graph.Schedule;

/** The closed-form decay schedules. Steps are 0-based optimizer steps; every record is immutable. */
public final class DecaySchedules {
    private DecaySchedules() {}

    /** The same rate at every step. */
    public record Constant(double lr) implements Schedule {
        public Constant {
            Checks.nonNegative("learning_rate", lr);
        }

        @Override
        public double learningRate(long step) { return lr; }
    }

    /** {@code lr·γ^⌊step/stepSize⌋} (PyTorch {@code StepLR}). */
    public record Step(double lr, long stepSize, double gamma) implements Schedule {
        public Step {
            Checks.nonNegative("learning_rate", lr);
            Checks.positive("step_size", stepSize);
            Checks.positive("gamma", gamma);
        }

        @Override
        public double learningRate(long step) { return lr * Math.pow(gamma, Math.floorDiv(step, stepSize)); }
    }

    /** {@code lr·γ^k}, k = the number of milestones ≤ step (PyTorch {@code MultiStepLR}). */
    public record MultiStep(double lr, long[] milestones, double gamma) implements Schedule {
        public MultiStep {
            Checks.nonNegative("learning_rate", lr);
            Checks.positive("gamma", gamma);
            milestones = milestones.clone();
            for (int i = 0; i < milestones.length; i++)
                if (milestones[i] < 0 || (i > 0 && milestones[i] <= milestones[i - 1]))
                    throw new IllegalArgumentException("milestones must be increasing and >= 0, got " + Arrays.toString(milestones));
        }

        @Override
        public long[] milestones() { return milestones.clone(); }

        @Override
        public double learningRate(long step) {
            int k = 0;
            while (k < milestones.length && milestones[k] <= step) k++;
            return lr * Math.pow(gamma, k);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof MultiStep m && m.lr == lr && m.gamma == gamma && Arrays.equals(m.milestones, milestones);
        }

        @Override
        public int hashCode() { return Double.hashCode(lr) * 31 + Arrays.hashCode(milestones); }

        @Override
        public String toString() { return "MultiStep[lr=" + lr + ", milestones=" + Arrays.toString(milestones) + ", gamma=" + gamma + "]"; }
    }

    /** {@code lr·rate^(step/decaySteps)}, the exponent floored when {@code staircase} (Keras {@code ExponentialDecay}). */
    public record Exponential(double lr, long decaySteps, double decayRate, boolean staircase) implements Schedule {
        public Exponential {
            Checks.nonNegative("learning_rate", lr);
            Checks.positive("decay_steps", decaySteps);
            Checks.positive("decay_rate", decayRate);
        }

        @Override
        public double learningRate(long step) {
            double p = staircase ? Math.floorDiv(step, decaySteps) : (double) step / decaySteps;
            return lr * Math.pow(decayRate, p);
        }
    }

    /** {@code lr / (1 + rate·step/decaySteps)}, the ratio floored when {@code staircase} (Keras {@code InverseTimeDecay}). */
    public record InverseTime(double lr, long decaySteps, double decayRate, boolean staircase) implements Schedule {
        public InverseTime {
            Checks.nonNegative("learning_rate", lr);
            Checks.positive("decay_steps", decaySteps);
            Checks.nonNegative("decay_rate", decayRate);
        }

        @Override
        public double learningRate(long step) {
            double p = staircase ? Math.floorDiv(step, decaySteps) : (double) step / decaySteps;
            return lr / (1 + decayRate * p);
        }
    }

    /**
     * {@code (lr - end)·(1 - s/decaySteps)^power + end} with {@code s = min(step, decaySteps)}; with
     * {@code cycle}, decaySteps grows to the next multiple above step instead (Keras {@code PolynomialDecay}).
     */
    public record Polynomial(double lr, long decaySteps, double endLr, double power, boolean cycle) implements Schedule {
        public Polynomial {
            Checks.nonNegative("learning_rate", lr);
            Checks.positive("decay_steps", decaySteps);
            Checks.nonNegative("end_learning_rate", endLr);
            Checks.positive("power", power);
        }

        @Override
        public double learningRate(long step) {
            double horizon = decaySteps;
            double s = step;
            if (cycle) horizon = decaySteps * Math.max(1.0, Math.ceil((double) step / decaySteps));
            else s = Math.min(step, decaySteps);
            return (lr - endLr) * Math.pow(1 - s / horizon, power) + endLr;
        }
    }

    /** A linear ramp from {@code startLr} to {@code after(0)} over {@code warmupSteps}, then {@code after(step - warmupSteps)}. */
    public record LinearWarmup(Schedule after, long warmupSteps, double startLr) implements Schedule {
        public LinearWarmup {
            java.util.Objects.requireNonNull(after, "after");
            if (warmupSteps < 0) throw new IllegalArgumentException("warmup_steps must be >= 0, got " + warmupSteps);
            Checks.nonNegative("warmup_start_lr", startLr);
        }

        @Override
        public double learningRate(long step) {
            if (step >= warmupSteps) return after.learningRate(step - warmupSteps);
            return startLr + (after.learningRate(0) - startLr) * step / warmupSteps;
        }
    }
}
