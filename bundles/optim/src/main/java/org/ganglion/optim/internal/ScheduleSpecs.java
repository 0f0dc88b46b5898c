package org.ganglion.optim.internal;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import org.ganglion.graph.Config;
import org.ganglion.graph.Schedule;
import org.ganglion.optim.Schedules;

/**
 * Builds the registered schedules from config options. The starting rate is {@code learning_rate}
 * (Keras's {@code initial_learning_rate} is accepted too); step counts are optimizer steps.
 */
public final class ScheduleSpecs {
    private ScheduleSpecs() {}

    private record Spec(Set<String> options, Function<Config, Schedule> build) {}

    private static final Set<String> LR = Set.of("name", "learning_rate", "initial_learning_rate");
    private static final Set<String> DECAY = Set.of("decay_steps", "decay_rate", "staircase");

    private static final Map<String, Spec> SPECS = Map.ofEntries(
            Map.entry("constant", new Spec(Set.of(), c -> Schedules.constant(lr(c)))),
            Map.entry("step", new Spec(Set.of("step_size", "gamma"),
                    c -> Schedules.step(lr(c), required(c, "step_size"), c.getDouble("gamma", 0.1)))),
            Map.entry("multi_step", new Spec(Set.of("milestones", "gamma"), ScheduleSpecs::multiStep)),
            Map.entry("exponential", new Spec(DECAY, c -> Schedules.exponential(lr(c), required(c, "decay_steps"),
                    c.getDouble("decay_rate"), c.getBoolean("staircase", false)))),
            Map.entry("inverse_time", new Spec(DECAY, c -> Schedules.inverseTime(lr(c), required(c, "decay_steps"),
                    c.getDouble("decay_rate"), c.getBoolean("staircase", false)))),
            Map.entry("polynomial", new Spec(Set.of("decay_steps", "end_learning_rate", "end_lr", "power", "cycle"),
                    c -> Schedules.polynomial(lr(c), required(c, "decay_steps"),
                            c.getDouble("end_learning_rate", c.getDouble("end_lr", 1e-4)), c.getDouble("power", 1.0),
                            c.getBoolean("cycle", false)))),
            Map.entry("cosine", new Spec(Set.of("decay_steps", "alpha", "warmup_steps", "warmup_start_lr"),
                    c -> warmup(c, new CyclicSchedules.Cosine(lr(c), required(c, "decay_steps"), 1, 1, c.getDouble("alpha", 0), false)))),
            Map.entry("cosine_restarts", new Spec(Set.of("t_0", "first_decay_steps", "t_mult", "t_mul", "m_mul", "alpha",
                    "warmup_steps", "warmup_start_lr"), ScheduleSpecs::cosineRestarts)),
            Map.entry("one_cycle", new Spec(Set.of("max_lr", "total_steps", "pct_start", "div_factor", "final_div_factor",
                    "anneal_strategy"), ScheduleSpecs::oneCycle)),
            Map.entry("cyclical", new Spec(Set.of("base_lr", "max_lr", "step_size", "mode", "gamma"),
                    c -> Schedules.cyclical(c.has("base_lr") ? c.getDouble("base_lr") : lr(c), c.getDouble("max_lr"),
                            c.getLong("step_size", 2000), Schedules.CyclicalMode.parse(c.getString("mode", "triangular")),
                            c.getDouble("gamma", 1.0)))));

    /** The names this bundle registers. */
    public static Set<String> names() { return new TreeSet<>(SPECS.keySet()); }

    /** A new schedule {@code name} configured by {@code config}. */
    public static Schedule create(String name, Config config) {
        Spec spec = SPECS.get(name);
        if (spec == null) throw new IllegalArgumentException("no built-in schedule '" + name + "'; built-in: " + names());
        Config c = config == null ? Config.empty(name) : config;
        for (String k : c.asMap().keySet()) {
            if (!LR.contains(k) && !spec.options().contains(k)) {
                Set<String> known = new TreeSet<>(spec.options());
                known.addAll(LR);
                known.remove("name");
                throw new IllegalArgumentException(name + ": unknown option '" + k + "'; options: " + known);
            }
        }
        return spec.build().apply(c);
    }

    private static double lr(Config c) {
        if (c.has("learning_rate")) return c.getDouble("learning_rate");
        if (c.has("initial_learning_rate")) return c.getDouble("initial_learning_rate");
        throw new IllegalArgumentException(c.component() + ": missing required option 'learning_rate'");
    }

    private static long required(Config c, String key) {
        if (!c.has(key)) throw new IllegalArgumentException(c.component() + ": missing required option '" + key + "'");
        return c.getInt(key);
    }

    private static Schedule warmup(Config c, Schedule after) {
        return Schedules.linearWarmup(after, c.getLong("warmup_steps", 0), c.getDouble("warmup_start_lr", 0));
    }

    private static Schedule multiStep(Config c) {
        int[] m = c.getInts("milestones", 1, null);
        if (m == null) throw new IllegalArgumentException(c.component() + ": missing required option 'milestones'");
        long[] milestones = new long[m.length];
        for (int i = 0; i < m.length; i++) milestones[i] = m[i];
        return Schedules.multiStep(lr(c), milestones, c.getDouble("gamma", 0.1));
    }

    private static Schedule cosineRestarts(Config c) {
        long t0 = c.has("t_0") ? required(c, "t_0") : required(c, "first_decay_steps");
        double tMult = c.getDouble("t_mult", c.getDouble("t_mul", 2.0));
        return warmup(c, new CyclicSchedules.Cosine(lr(c), t0, tMult, c.getDouble("m_mul", 1.0), c.getDouble("alpha", 0), true));
    }

    private static Schedule oneCycle(Config c) {
        double maxLr = c.has("max_lr") ? c.getDouble("max_lr") : lr(c);
        String anneal = c.getString("anneal_strategy", "cos");
        if (!anneal.equals("cos") && !anneal.equals("linear"))
            throw new IllegalArgumentException(c.component() + ": anneal_strategy must be 'cos' or 'linear', got '" + anneal + "'");
        return Schedules.oneCycle(maxLr, required(c, "total_steps"), c.getDouble("pct_start", 0.3), c.getDouble("div_factor", 25),
                c.getDouble("final_div_factor", 1e4), anneal.equals("cos"));
    }
}
