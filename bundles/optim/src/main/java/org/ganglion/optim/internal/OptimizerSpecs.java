package org.ganglion.optim.internal;

import static org.ganglion.optim.Transforms.chain;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import org.ganglion.graph.ComponentRegistry;
import org.ganglion.graph.Config;
import org.ganglion.graph.Schedule;
import org.ganglion.optim.ChainOptimizer;
import org.ganglion.optim.EpsilonPlacement;
import org.ganglion.optim.GradientTransformation;
import org.ganglion.optim.Transforms;

/**
 * Builds the registered optimizers from their config options (Keras names and defaults). Every
 * optimizer takes {@code learning_rate} (a number, or a schedule config such as
 * {@code {"name": "cosine", "learning_rate": 0.1, "decay_steps": 1000}}), {@code weight_decay}
 * (decoupled, Keras 3), {@code coupled_weight_decay} (L2 added to the gradient, PyTorch's
 * {@code weight_decay}) and at most one of {@code clipvalue}, {@code clipnorm},
 * {@code global_clipnorm}. The chain is: clip, coupled decay, the method, decoupled decay.
 */
public final class OptimizerSpecs {
    private OptimizerSpecs() {}

    private record Spec(double lr, double weightDecay, Set<String> options, Function<Config, GradientTransformation> rule) {}

    private static final Set<String> COMMON = Set.of("name", "learning_rate", "weight_decay", "coupled_weight_decay", "clipnorm",
            "clipvalue", "global_clipnorm");
    private static final Set<String> MOMENTUM = Set.of("momentum", "nesterov", "ema");
    private static final Set<String> ADAM = Set.of("beta_1", "beta_2", "epsilon", "amsgrad", "epsilon_placement");

    private static final Map<String, Spec> SPECS = Map.ofEntries(
            Map.entry("sgd", new Spec(Defaults.SGD_LR, 0, MOMENTUM, c -> momentum(c, 0, c.getBoolean("nesterov", false)))),
            Map.entry("momentum", new Spec(Defaults.SGD_LR, 0, MOMENTUM, c -> momentum(c, Defaults.MOMENTUM, c.getBoolean("nesterov", false)))),
            Map.entry("nesterov", new Spec(Defaults.SGD_LR, 0, MOMENTUM, OptimizerSpecs::nesterov)),
            Map.entry("adagrad", new Spec(Defaults.ADAPTIVE_LR, 0, Set.of("initial_accumulator_value", "epsilon", "epsilon_placement"),
                    c -> Transforms.scaleByAdagrad(c.getDouble("initial_accumulator_value", Defaults.ADAGRAD_INITIAL), eps(c),
                            placement(c, EpsilonPlacement.INSIDE_SQRT)))),
            Map.entry("rmsprop", new Spec(Defaults.ADAPTIVE_LR, 0, Set.of("rho", "momentum", "epsilon", "centered", "epsilon_placement"),
                    OptimizerSpecs::rmsprop)),
            Map.entry("adadelta", new Spec(Defaults.ADAPTIVE_LR, 0, Set.of("rho", "epsilon"),
                    c -> Transforms.scaleByAdadelta(c.getDouble("rho", Defaults.ADADELTA_RHO), eps(c)))),
            Map.entry("adam", new Spec(Defaults.ADAPTIVE_LR, 0, ADAM, c -> adam(c, c.getBoolean("amsgrad", false)))),
            Map.entry("adamw", new Spec(Defaults.ADAPTIVE_LR, Defaults.ADAMW_WEIGHT_DECAY, ADAM, c -> adam(c, c.getBoolean("amsgrad", false)))),
            Map.entry("amsgrad", new Spec(Defaults.ADAPTIVE_LR, 0, Set.of("beta_1", "beta_2", "epsilon", "epsilon_placement"), c -> adam(c, true))),
            Map.entry("nadam", new Spec(Defaults.ADAPTIVE_LR, 0, Set.of("beta_1", "beta_2", "epsilon", "momentum_decay"),
                    c -> Transforms.scaleByNadam(c.getDouble("beta_1", Defaults.BETA_1), c.getDouble("beta_2", Defaults.BETA_2), eps(c),
                            c.getDouble("momentum_decay", Defaults.NADAM_MOMENTUM_DECAY)))),
            Map.entry("adamax", new Spec(Defaults.ADAPTIVE_LR, 0, Set.of("beta_1", "beta_2", "epsilon"),
                    c -> Transforms.scaleByAdamax(c.getDouble("beta_1", Defaults.BETA_1), c.getDouble("beta_2", Defaults.BETA_2), eps(c)))));

    /** The names this bundle registers. */
    public static Set<String> names() { return new TreeSet<>(SPECS.keySet()); }

    /** A new optimizer {@code name} configured by {@code config}. */
    public static ChainOptimizer create(String name, Config config) {
        Spec spec = SPECS.get(name);
        if (spec == null) throw new IllegalArgumentException("no built-in optimizer '" + name + "'; built-in: " + names());
        Config c = config == null ? Config.empty(name) : config;
        checkOptions(name, c, spec.options());
        List<GradientTransformation> links = new ArrayList<>();
        links.addAll(clipping(name, c));
        double coupled = c.getDouble("coupled_weight_decay", 0);
        if (coupled != 0) links.add(Transforms.addL2(coupled));
        links.add(spec.rule().apply(c));
        double decoupled = c.getDouble("weight_decay", spec.weightDecay());
        if (decoupled != 0) links.add(Transforms.addDecayedWeights(decoupled));
        GradientTransformation direction = links.size() == 1 ? links.get(0) : chain(links.toArray(GradientTransformation[]::new));
        return new ChainOptimizer(name, direction, learningRate(c, spec.lr()));
    }

    private static void checkOptions(String name, Config c, Set<String> own) {
        for (String k : c.asMap().keySet()) {
            if (!COMMON.contains(k) && !own.contains(k)) {
                Set<String> known = new TreeSet<>(COMMON);
                known.addAll(own);
                known.remove("name");
                throw new IllegalArgumentException(name + ": unknown option '" + k + "'; options: " + known);
            }
        }
    }

    private static List<GradientTransformation> clipping(String name, Config c) {
        List<GradientTransformation> out = new ArrayList<>();
        if (c.has("clipvalue")) out.add(Transforms.clipByValue(c.getDouble("clipvalue")));
        if (c.has("clipnorm")) out.add(Transforms.clipByNorm(c.getDouble("clipnorm")));
        if (c.has("global_clipnorm")) out.add(Transforms.clipByGlobalNorm(c.getDouble("global_clipnorm")));
        if (out.size() > 1) throw new IllegalArgumentException(name + ": set at most one of clipvalue, clipnorm, global_clipnorm (as in Keras)");
        return out;
    }

    /** {@code learning_rate}: a number or a nested schedule config with a {@code name}. */
    static Schedule learningRate(Config c, double defaultLr) {
        Object v = c.get("learning_rate");
        if (v == null) return new DecaySchedules.Constant(defaultLr);
        if (v instanceof Number) return new DecaySchedules.Constant(c.getDouble("learning_rate"));
        Config nested = c.getConfig("learning_rate");
        if (nested == null || !nested.has("name"))
            throw new IllegalArgumentException(c.component() + ": learning_rate must be a number or a schedule config with a 'name', got " + v);
        String schedule = nested.getString("name");
        return ScheduleSpecs.names().contains(schedule) ? ScheduleSpecs.create(schedule, nested)
                : ComponentRegistry.global().schedule(schedule, nested);
    }

    private static double eps(Config c) { return c.getDouble("epsilon", Defaults.EPSILON); }

    private static EpsilonPlacement placement(Config c, EpsilonPlacement defaultPlacement) {
        return c.has("epsilon_placement") ? EpsilonPlacement.parse(c.getString("epsilon_placement")) : defaultPlacement;
    }

    private static GradientTransformation momentum(Config c, double defaultMomentum, boolean nesterov) {
        double mu = c.getDouble("momentum", defaultMomentum);
        boolean ema = c.getBoolean("ema", false);
        if (mu == 0 && !ema) return Transforms.identity();
        return ema ? Transforms.emaTrace(mu, nesterov) : Transforms.trace(mu, nesterov);
    }

    private static GradientTransformation nesterov(Config c) {
        if (!c.getBoolean("nesterov", true)) throw new IllegalArgumentException("nesterov: nesterov must be true here; use 'momentum' for heavy ball");
        return momentum(c, Defaults.MOMENTUM, true);
    }

    private static GradientTransformation rmsprop(Config c) {
        GradientTransformation rms = Transforms.scaleByRms(c.getDouble("rho", Defaults.RMS_RHO), eps(c),
                placement(c, EpsilonPlacement.INSIDE_SQRT), c.getBoolean("centered", false));
        double mu = c.getDouble("momentum", 0);
        return mu == 0 ? rms : chain(rms, Transforms.trace(mu));
    }

    private static GradientTransformation adam(Config c, boolean amsgrad) {
        return Transforms.scaleByAdam(c.getDouble("beta_1", Defaults.BETA_1), c.getDouble("beta_2", Defaults.BETA_2), eps(c),
                placement(c, EpsilonPlacement.UNCORRECTED), amsgrad);
    }
}
