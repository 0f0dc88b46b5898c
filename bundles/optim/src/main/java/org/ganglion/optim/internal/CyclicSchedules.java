package org.ganglion.optim.internal;

import org.ganglion.graph.Schedule;
import org.ganglion.optim.Schedules.CyclicalMode;

/** Cosine annealing with warm restarts, one-cycle and cyclical schedules. Steps are 0-based; records are immutable. */
public final class CyclicSchedules {
    private CyclicSchedules() {}

    /**
     * Cosine annealing (Loshchilov &amp; Hutter 2017, "SGDR: Stochastic Gradient Descent with Warm
     * Restarts"), Keras's {@code CosineDecay} / {@code CosineDecayRestarts} parameterisation:
     * within cycle i of length {@code T_i = t0·tMult^i}, at {@code t_cur} steps into it,
     * <pre>lr·(α + (1-α)·mMul^i·½·(1 + cos(π·t_cur/T_i)))</pre>
     * Without restarts there is one cycle of {@code t0} steps and the rate then stays at {@code α·lr}.
     */
    public record Cosine(double lr, long t0, double tMult, double mMul, double alpha, boolean restarts) implements Schedule {
        public Cosine {
            Checks.nonNegative("learning_rate", lr);
            Checks.positive("t_0", t0);
            if (!(tMult >= 1) || Double.isInfinite(tMult)) throw new IllegalArgumentException("t_mult must be >= 1, got " + tMult);
            Checks.positive("m_mul", mMul);
            if (!(alpha >= 0 && alpha <= 1)) throw new IllegalArgumentException("alpha must be in [0, 1], got " + alpha);
        }

        /** Where cycle {@code i} starts. */
        private double cycleStart(long i) {
            return tMult == 1 ? (double) t0 * i : t0 * (Math.pow(tMult, i) - 1) / (tMult - 1);
        }

        @Override
        public double learningRate(long step) {
            long cycle = 0;
            double tCur;
            double length = t0;
            if (!restarts) {
                tCur = Math.min(step, t0);
            } else {
                cycle = tMult == 1 ? step / t0 : (long) Math.floor(Math.log1p(step * (tMult - 1) / t0) / Math.log(tMult));
                while (cycle > 0 && cycleStart(cycle) > step) cycle--;
                while (cycleStart(cycle + 1) <= step) cycle++;
                tCur = step - cycleStart(cycle);
                length = t0 * Math.pow(tMult, cycle);
            }
            double cosine = 0.5 * (1 + Math.cos(Math.PI * tCur / length));
            return lr * (alpha + (1 - alpha) * Math.pow(mMul, cycle) * cosine);
        }
    }

    /**
     * The one-cycle policy (Smith &amp; Topin 2018, "Super-Convergence"; Smith 2018, "A disciplined
     * approach to neural network hyper-parameters"), as PyTorch's {@code OneCycleLR} (two phases):
     * from {@code maxLr/divFactor} up to {@code maxLr} over the first {@code pctStart} of
     * {@code totalSteps}, then down to {@code maxLr/(divFactor·finalDivFactor)}, annealing by cosine
     * (or linearly). Steps past the end keep the final rate.
     */
    public record OneCycle(double maxLr, long totalSteps, double pctStart, double divFactor, double finalDivFactor, boolean cosine)
            implements Schedule {
        public OneCycle {
            Checks.positive("max_lr", maxLr);
            if (totalSteps < 2) throw new IllegalArgumentException("total_steps must be >= 2, got " + totalSteps);
            if (!(pctStart > 0 && pctStart < 1)) throw new IllegalArgumentException("pct_start must be in (0, 1), got " + pctStart);
            Checks.positive("div_factor", divFactor);
            Checks.positive("final_div_factor", finalDivFactor);
        }

        private double anneal(double from, double to, double pct) {
            return cosine ? to + (from - to) / 2 * (1 + Math.cos(Math.PI * pct)) : (to - from) * pct + from;
        }

        @Override
        public double learningRate(long step) {
            double initial = maxLr / divFactor;
            double min = initial / finalDivFactor;
            double s = Math.min(step, totalSteps - 1);
            double upEnd = pctStart * totalSteps - 1;
            double downEnd = totalSteps - 1;
            if (s <= upEnd) return anneal(initial, maxLr, upEnd <= 0 ? 1 : s / upEnd);
            return anneal(maxLr, min, (s - upEnd) / (downEnd - upEnd));
        }
    }

    /**
     * Cyclical learning rates (Smith 2017, "Cyclical Learning Rates for Training Neural Networks"):
     * <pre>
     * cycle = ⌊1 + step/(2·stepSize)⌋    x = |step/stepSize - 2·cycle + 1|
     * lr = base + (max - base)·max(0, 1 - x)·scale
     * </pre>
     * with {@code scale} 1 (triangular), {@code 1/2^(cycle-1)} (triangular2) or {@code γ^step} (exp_range).
     */
    public record Cyclical(double baseLr, double maxLr, long stepSize, CyclicalMode shape, double gamma) implements Schedule {
        public Cyclical {
            Checks.nonNegative("base_lr", baseLr);
            Checks.nonNegative("max_lr", maxLr);
            Checks.positive("step_size", stepSize);
            java.util.Objects.requireNonNull(shape, "mode");
            Checks.positive("gamma", gamma);
        }

        @Override
        public double learningRate(long step) {
            long cycle = 1 + step / (2 * stepSize);
            double x = Math.abs((double) step / stepSize - 2 * cycle + 1);
            double scale = switch (shape) {
                case TRIANGULAR -> 1;
                case TRIANGULAR2 -> 1 / Math.pow(2, cycle - 1);
                case EXP_RANGE -> Math.pow(gamma, step);
            };
            return baseLr + (maxLr - baseLr) * Math.max(0, 1 - x) * scale;
        }
    }
}
