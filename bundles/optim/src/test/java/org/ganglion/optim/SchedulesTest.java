package org.ganglion.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.ganglion.graph.ComponentRegistry;
import org.ganglion.graph.Config;
import org.ganglion.graph.Schedule;
import org.ganglion.optim.Schedules.CyclicalMode;
import org.junit.jupiter.api.Test;

/** Every schedule against hand values (steps are 0-based optimizer steps), directly and by registered name. */
class SchedulesTest {
    private static final ComponentRegistry REGISTRY = ComponentRegistry.global();
    private static final double TOL = 1e-12;

    private static void check(Schedule s, long step, double expected) {
        assertEquals(expected, s.learningRate(step), TOL, s + " at step " + step);
    }

    private static Schedule named(String name, Object... options) { return REGISTRY.schedule(name, Config.of(name, options)); }

    @Test
    void constant() {
        check(Schedules.constant(0.1), 0, 0.1);
        check(named("constant", "learning_rate", 0.1), 1_000_000, 0.1);
    }

    @Test
    void step() {
        // 1.0·0.5^⌊step/10⌋
        for (Schedule s : List.of(Schedules.step(1.0, 10, 0.5), named("step", "learning_rate", 1.0, "step_size", 10, "gamma", 0.5))) {
            check(s, 0, 1.0);
            check(s, 9, 1.0);
            check(s, 10, 0.5);
            check(s, 25, 0.25);
        }
    }

    @Test
    void multiStep() {
        // milestones 5, 8: 1.0 before 5, 0.1 from 5, 0.01 from 8
        for (Schedule s : List.of(Schedules.multiStep(1.0, new long[] {5, 8}, 0.1),
                named("multi_step", "learning_rate", 1.0, "milestones", List.of(5, 8)))) {
            check(s, 4, 1.0);
            check(s, 5, 0.1);
            check(s, 7, 0.1);
            check(s, 8, 0.01);
        }
        assertThrows(IllegalArgumentException.class, () -> Schedules.multiStep(1, new long[] {8, 5}, 0.1));
    }

    @Test
    void exponential() {
        // 0.1·0.5^(step/100): step 50 → 0.1·√0.5 = 0.0707106781; 100 → 0.05; staircase 150 → 0.1·0.5^1 = 0.05
        Schedule smooth = Schedules.exponential(0.1, 100, 0.5, false);
        check(smooth, 50, 0.1 * Math.sqrt(0.5));
        check(smooth, 100, 0.05);
        Schedule stairs = named("exponential_decay", "initial_learning_rate", 0.1, "decay_steps", 100, "decay_rate", 0.5, "staircase", true);
        check(stairs, 150, 0.05);
        check(stairs, 200, 0.025);
    }

    @Test
    void inverseTime() {
        // 0.1/(1 + 1.0·step/10): step 5 → 0.1/1.5; 10 → 0.05; staircase 15 → 0.1/(1 + 1) = 0.05
        check(Schedules.inverseTime(0.1, 10, 1.0, false), 5, 0.1 / 1.5);
        check(named("inverse_time", "learning_rate", 0.1, "decay_steps", 10, "decay_rate", 1.0), 10, 0.05);
        check(Schedules.inverseTime(0.1, 10, 1.0, true), 15, 0.05);
    }

    @Test
    void polynomial() {
        // (0.1 - 0.01)·(1 - min(step, 100)/100)^p + 0.01
        Schedule linear = Schedules.polynomial(0.1, 100, 0.01, 1, false);
        check(linear, 0, 0.1);
        check(linear, 50, 0.09 * 0.5 + 0.01); // 0.055
        check(linear, 200, 0.01);
        check(named("polynomial", "learning_rate", 0.1, "decay_steps", 100, "end_lr", 0.01, "power", 2.0), 50, 0.09 * 0.25 + 0.01);
        // cycle: step 150 → horizon 200, (1 - 150/200) = 0.25 → 0.09·0.25 + 0.01 = 0.0325
        check(Schedules.polynomial(0.1, 100, 0.01, 1, true), 150, 0.0325);
    }

    @Test
    void cosineWithWarmup() {
        // cos decay over 100 steps: lr·(α + (1-α)·½(1 + cos(π·t/100)))
        Schedule plain = Schedules.cosine(1.0, 100, 0, 0);
        check(plain, 0, 1.0);
        check(plain, 50, 0.5);
        check(plain, 100, 0.0);
        check(plain, 150, 0.0);
        check(Schedules.cosine(1.0, 100, 0.1, 0), 50, 0.1 + 0.9 * 0.5); // 0.55
        // 10 warm-up steps from 0: step 5 → 0.5; step 10 → start of the cosine (1.0); step 60 → 0.5
        Schedule warm = named("cosine", "learning_rate", 1.0, "decay_steps", 100, "warmup_steps", 10);
        check(warm, 0, 0.0);
        check(warm, 5, 0.5);
        check(warm, 10, 1.0);
        check(warm, 60, 0.5);
    }

    @Test
    void cosineWarmRestarts() {
        // t0 = 10, tMult = 2, mMul = 0.5: cycles [0, 10), [10, 30), [30, 70) with peaks 1, 0.5, 0.25
        Schedule sgdr = Schedules.cosineRestarts(1.0, 10, 2, 0.5, 0, 0);
        check(sgdr, 0, 1.0);
        check(sgdr, 5, 0.5);            // half-way through cycle 0
        check(sgdr, 10, 0.5);           // restart at peak 0.5
        check(sgdr, 20, 0.25);          // half-way through cycle 1 (length 20)
        check(sgdr, 30, 0.25);          // restart at peak 0.25
        check(sgdr, 50, 0.125);         // half-way through cycle 2 (length 40)
        // tMult = 1: every cycle 10 steps at full peak
        Schedule even = named("sgdr", "learning_rate", 1.0, "t_0", 10, "t_mult", 1.0);
        check(even, 15, 0.5);
        check(even, 20, 1.0);
        check(even, 1_000_005, 0.5);
    }

    @Test
    void oneCycle() {
        // max 1, 100 steps, 30% up, div 25, final div 1e4: start 0.04, min 4e-6; up ends at step 29, down at 99
        Schedule s = Schedules.oneCycle(1.0, 100);
        check(s, 0, 0.04);
        check(s, 29, 1.0);
        check(s, 64, 4e-6 + (1 - 4e-6) / 2);   // pct = (64 - 29)/70 = 0.5 → middle of the cosine
        check(s, 99, 4e-6);
        check(s, 500, 4e-6);                   // past the end: stays at the final rate
        Schedule linear = named("one_cycle", "max_lr", 1.0, "total_steps", 100, "anneal_strategy", "linear");
        check(linear, 64, (4e-6 - 1) * 0.5 + 1);
        check(linear, 0, 0.04);
    }

    @Test
    void cyclical() {
        // base 0.1, max 1.0, half-cycle 10 steps
        Schedule tri = Schedules.cyclical(0.1, 1.0, 10, CyclicalMode.TRIANGULAR, 1);
        check(tri, 0, 0.1);
        check(tri, 5, 0.55);
        check(tri, 10, 1.0);
        check(tri, 15, 0.55);
        check(tri, 20, 0.1);
        // triangular2: the second cycle's amplitude is halved: step 30 → 0.1 + 0.9·0.5 = 0.55, step 25 → 0.1 + 0.9·0.5·0.5
        Schedule tri2 = named("cyclical", "base_lr", 0.1, "max_lr", 1.0, "step_size", 10, "mode", "triangular2");
        check(tri2, 30, 0.55);
        check(tri2, 25, 0.325);
        // exp_range: scale γ^step: step 10 → 0.1 + 0.9·0.9^10 = 0.41381059609
        check(Schedules.cyclical(0.1, 1.0, 10, CyclicalMode.EXP_RANGE, 0.9), 10, 0.1 + 0.9 * Math.pow(0.9, 10));
    }

    @Test
    void optionErrorsNameTheScheduleAndOption() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> named("exponential", "learning_rate", 0.1, "decay_steps", 10,
                "decay_rate", 0.5, "decay", 1));
        assertTrue(e.getMessage().contains("exponential") && e.getMessage().contains("'decay'"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> named("step", "learning_rate", 0.1));
        assertTrue(e.getMessage().contains("step_size"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> named("cyclical", "max_lr", 1.0, "base_lr", 0.1, "mode", "sawtooth"));
        assertThrows(IllegalArgumentException.class, () -> Schedules.oneCycle(1.0, 100, 1.5, 25, 1e4, true));
    }

    @Test
    void everyNameAndAliasIsRegistered() {
        for (String name : List.of("constant", "step", "multi_step", "exponential", "inverse_time", "polynomial", "cosine",
                "cosine_restarts", "one_cycle", "cyclical", "exponential_decay", "inverse_time_decay", "polynomial_decay",
                "cosine_decay", "cosine_decay_restarts", "sgdr", "onecycle", "cyclic", "clr", "multistep"))
            assertTrue(REGISTRY.has("schedule", name), name);
    }
}
