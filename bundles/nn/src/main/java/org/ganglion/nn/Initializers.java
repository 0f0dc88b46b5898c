package org.ganglion.nn;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ganglion.core.DType;
import org.ganglion.core.RandomKey;
import org.ganglion.core.Tensor;
import org.ganglion.graph.ComponentRegistry;
import org.ganglion.graph.Config;
import org.ganglion.graph.Initializer;

/**
 * The built-in parameter initializers with Keras names and defaults. Random ones draw from the
 * counter-based generator with the key they are given, in the parameter's dtype, so the same key
 * gives the same weights on every device. Fans come from {@link Initializer#fans}.
 *
 * <table>
 *   <caption>Names and distributions (n = fan_in, fan_out or their mean)</caption>
 *   <tr><td>zeros, ones, constant(value)</td><td>constant; zeros/ones for weights is an anti-pattern (symmetry is never broken)</td></tr>
 *   <tr><td>random_uniform(minval=-0.05, maxval=0.05)</td><td>U(minval, maxval)</td></tr>
 *   <tr><td>random_normal(mean=0, stddev=0.05)</td><td>N(mean, stddev²)</td></tr>
 *   <tr><td>truncated_normal(mean=0, stddev=0.05)</td><td>N(mean, stddev²) re-drawn beyond 2·stddev</td></tr>
 *   <tr><td>glorot_uniform, glorot_normal</td><td>variance 2/(fan_in+fan_out) (Glorot and Bengio 2010)</td></tr>
 *   <tr><td>he_uniform, he_normal</td><td>variance 2/fan_in (He et al. 2015)</td></tr>
 *   <tr><td>lecun_uniform, lecun_normal</td><td>variance 1/fan_in (LeCun et al. 1998)</td></tr>
 *   <tr><td>orthogonal(gain=1)</td><td>a random orthogonal matrix (Saxe et al. 2014), see {@link Orthogonal}</td></tr>
 *   <tr><td>variance_scaling(scale, mode, distribution)</td><td>the general form, see {@link VarianceScaling}</td></tr>
 * </table>
 */
public final class Initializers {
    private static final List<String> NAMES = List.of("zeros", "ones", "constant", "random_uniform", "random_normal",
            "truncated_normal", "glorot_uniform", "glorot_normal", "he_uniform", "he_normal", "lecun_uniform", "lecun_normal",
            "orthogonal", "variance_scaling");
    /** Rejection rounds before the rare survivors beyond 2σ are clamped (4.55% redrawn per round; 64 rounds leave ~1e-86). */
    private static final int MAX_ROUNDS = 64;

    private Initializers() {}

    /** Every element equal to {@code value}. */
    public record Constant(double value) implements Initializer {
        @Override
        public Tensor initialize(int[] shape, DType dtype, RandomKey key) { return Tensor.full(value, dtype, shape); }
    }

    /** Uniform on {@code [minval, maxval)}. */
    public record RandomUniform(double minval, double maxval) implements Initializer {
        public RandomUniform {
            if (!(maxval >= minval)) throw new IllegalArgumentException("random_uniform: need minval <= maxval, got " + minval + ", " + maxval);
        }

        @Override
        public Tensor initialize(int[] shape, DType dtype, RandomKey key) {
            return Tensor.rand(key, dtype, shape).mul(maxval - minval).add(minval);
        }
    }

    /** Normal with the given mean and standard deviation. */
    public record RandomNormal(double mean, double stddev) implements Initializer {
        public RandomNormal {
            if (!(stddev >= 0)) throw new IllegalArgumentException("random_normal: stddev must be >= 0, got " + stddev);
        }

        @Override
        public Tensor initialize(int[] shape, DType dtype, RandomKey key) { return Tensor.randn(key, dtype, shape).mul(stddev).add(mean); }
    }

    /** Normal with the given mean and standard deviation, values beyond two standard deviations re-drawn (Keras). */
    public record TruncatedNormal(double mean, double stddev) implements Initializer {
        public TruncatedNormal {
            if (!(stddev >= 0)) throw new IllegalArgumentException("truncated_normal: stddev must be >= 0, got " + stddev);
        }

        @Override
        public Tensor initialize(int[] shape, DType dtype, RandomKey key) {
            return truncatedStandardNormal(key, dtype, shape).mul(stddev).add(mean);
        }
    }

    /**
     * Standard normal values restricted to [-2, 2] by re-drawing: round r replaces the values still
     * outside with fresh draws from {@code key.fold(r)}, so the result depends only on the key.
     * (Its variance is about 0.774, i.e. a standard deviation of 0.8796.)
     */
    public static Tensor truncatedStandardNormal(RandomKey key, DType dtype, int... shape) {
        Tensor x = Tensor.randn(key.fold(0), dtype, shape);
        for (int round = 1; round <= MAX_ROUNDS; round++) {
            Tensor outside = x.abs().gt(2);
            if (outside.to(DType.INT64).sum().item() == 0) return x;
            x = Tensor.where(outside, Tensor.randn(key.fold(round), dtype, shape), x);
        }
        return x.clamp(-2, 2);
    }

    // ---- factories ----------------------------------------------------------------------

    public static Initializer zeros() { return new Constant(0); }

    public static Initializer ones() { return new Constant(1); }

    public static Initializer constant(double value) { return new Constant(value); }

    public static Initializer randomUniform() { return new RandomUniform(-0.05, 0.05); }

    public static Initializer randomNormal() { return new RandomNormal(0, 0.05); }

    public static Initializer truncatedNormal() { return new TruncatedNormal(0, 0.05); }

    public static Initializer glorotUniform() { return VarianceScaling.GLOROT_UNIFORM; }

    public static Initializer glorotNormal() { return VarianceScaling.GLOROT_NORMAL; }

    public static Initializer heUniform() { return VarianceScaling.HE_UNIFORM; }

    public static Initializer heNormal() { return VarianceScaling.HE_NORMAL; }

    public static Initializer lecunUniform() { return VarianceScaling.LECUN_UNIFORM; }

    public static Initializer lecunNormal() { return VarianceScaling.LECUN_NORMAL; }

    public static Initializer orthogonal() { return new Orthogonal(1.0); }

    // ---- by name ------------------------------------------------------------------------

    public static List<String> names() { return NAMES; }

    /** The built-in initializer {@code name} configured by {@code c} (options as in the class table). */
    public static Initializer get(String name, Config c) {
        return switch (name) {
            case "zeros" -> zeros();
            case "ones" -> ones();
            case "constant" -> constant(c.getDouble("value", 0));
            case "random_uniform" -> new RandomUniform(c.getDouble("minval", -0.05), c.getDouble("maxval", 0.05));
            case "random_normal" -> new RandomNormal(c.getDouble("mean", 0), c.getDouble("stddev", 0.05));
            case "truncated_normal" -> new TruncatedNormal(c.getDouble("mean", 0), c.getDouble("stddev", 0.05));
            case "glorot_uniform", "glorot_normal", "he_uniform", "he_normal", "lecun_uniform", "lecun_normal" -> VarianceScaling.named(name);
            case "orthogonal" -> new Orthogonal(c.getDouble("gain", 1.0));
            case "variance_scaling" -> new VarianceScaling(c.getDouble("scale", 1.0),
                    VarianceScaling.Mode.parse(c.getString("mode", "fan_in")),
                    VarianceScaling.Distribution.parse(c.getString("distribution", "truncated_normal")));
            default -> throw new IllegalArgumentException("unknown initializer '" + name + "'; built in: " + String.join(", ", NAMES));
        };
    }

    /**
     * An initializer from a model-spec value: a name ({@code "he_normal"}), a map with {@code name}
     * and options ({@code {"name": "constant", "value": 0.1}}), or an {@link Initializer} as is.
     * Names that are not built in are looked up in {@link ComponentRegistry#global()}, so plugin
     * initializers work too (an unknown name raises its {@code UnknownComponentException}).
     */
    public static Initializer fromSpec(Object spec) {
        if (spec instanceof Initializer i) return i;
        Config c = Specs.config("initializer", spec);
        String name = Specs.name("initializer", spec);
        return NAMES.contains(name) ? get(name, c) : ComponentRegistry.global().initializer(name, c);
    }

    /** The spec that {@link #fromSpec} turns back into {@code init}: a name, a map, or null for foreign initializers. */
    public static Object toSpec(Initializer init) {
        if (init instanceof Constant k) {
            if (k.value() == 0) return "zeros";
            if (k.value() == 1) return "ones";
            return Specs.map("constant", "value", k.value());
        }
        if (init instanceof RandomUniform u)
            return u.equals(randomUniform()) ? "random_uniform" : Specs.map("random_uniform", "minval", u.minval(), "maxval", u.maxval());
        if (init instanceof RandomNormal n)
            return n.equals(randomNormal()) ? "random_normal" : Specs.map("random_normal", "mean", n.mean(), "stddev", n.stddev());
        if (init instanceof TruncatedNormal n)
            return n.equals(truncatedNormal()) ? "truncated_normal" : Specs.map("truncated_normal", "mean", n.mean(), "stddev", n.stddev());
        if (init instanceof VarianceScaling v) {
            String preset = v.presetName();
            if (preset != null) return preset;
            Map<String, Object> m = new LinkedHashMap<>(Specs.map("variance_scaling", "scale", v.scale()));
            m.put("mode", v.mode().key());
            m.put("distribution", v.distribution().key());
            return m;
        }
        if (init instanceof Orthogonal o) return o.gain() == 1 ? "orthogonal" : Specs.map("orthogonal", "gain", o.gain());
        return null;
    }
}
