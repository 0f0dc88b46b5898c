package org.ganglion.nn;

import java.util.Locale;
import java.util.Map;
import org.ganglion.core.DType;
import org.ganglion.core.RandomKey;
import org.ganglion.core.Tensor;
import org.ganglion.graph.Initializer;

/**
 * Keras' {@code VarianceScaling}: weights with variance {@code scale / n}, where n is fan_in,
 * fan_out or their mean ({@link Initializer#fans}). The distribution is
 * <ul>
 *   <li>{@code uniform}: U(-limit, limit) with {@code limit = sqrt(3·scale/n)};</li>
 *   <li>{@code untruncated_normal}: N(0, scale/n);</li>
 *   <li>{@code truncated_normal}: N(0, σ²) cut at ±2σ, with σ = sqrt(scale/n) / 0.87962566103423978 so
 *       that the variance after truncation is still scale/n.</li>
 * </ul>
 * Glorot (Xavier) is {@code scale 1, fan_avg}; He (Kaiming) is {@code scale 2, fan_in}; LeCun is
 * {@code scale 1, fan_in}; the {@code _normal} variants use the truncated normal, as Keras does.
 */
public record VarianceScaling(double scale, Mode mode, Distribution distribution) implements Initializer {
    /** Standard deviation of the standard normal truncated to [-2, 2]. */
    public static final double TRUNCATED_STDDEV = 0.87962566103423978;

    public static final VarianceScaling GLOROT_UNIFORM = new VarianceScaling(1, Mode.FAN_AVG, Distribution.UNIFORM);
    public static final VarianceScaling GLOROT_NORMAL = new VarianceScaling(1, Mode.FAN_AVG, Distribution.TRUNCATED_NORMAL);
    public static final VarianceScaling HE_UNIFORM = new VarianceScaling(2, Mode.FAN_IN, Distribution.UNIFORM);
    public static final VarianceScaling HE_NORMAL = new VarianceScaling(2, Mode.FAN_IN, Distribution.TRUNCATED_NORMAL);
    public static final VarianceScaling LECUN_UNIFORM = new VarianceScaling(1, Mode.FAN_IN, Distribution.UNIFORM);
    public static final VarianceScaling LECUN_NORMAL = new VarianceScaling(1, Mode.FAN_IN, Distribution.TRUNCATED_NORMAL);

    private static final Map<String, VarianceScaling> PRESETS = Map.of("glorot_uniform", GLOROT_UNIFORM, "glorot_normal", GLOROT_NORMAL,
            "he_uniform", HE_UNIFORM, "he_normal", HE_NORMAL, "lecun_uniform", LECUN_UNIFORM, "lecun_normal", LECUN_NORMAL);

    public enum Mode {
        FAN_IN, FAN_OUT, FAN_AVG;

        public String key() { return name().toLowerCase(Locale.ROOT); }

        static Mode parse(String s) {
            for (Mode m : values()) if (m.key().equals(s)) return m;
            throw new IllegalArgumentException("variance_scaling: mode must be fan_in, fan_out or fan_avg, got '" + s + "'");
        }
    }

    public enum Distribution {
        UNIFORM, UNTRUNCATED_NORMAL, TRUNCATED_NORMAL;

        public String key() { return name().toLowerCase(Locale.ROOT); }

        static Distribution parse(String s) {
            for (Distribution d : values()) if (d.key().equals(s)) return d;
            if (s.equals("normal")) return TRUNCATED_NORMAL; // Keras 2 name
            throw new IllegalArgumentException("variance_scaling: distribution must be uniform, untruncated_normal or truncated_normal, got '" + s + "'");
        }
    }

    public VarianceScaling {
        if (!(scale > 0)) throw new IllegalArgumentException("variance_scaling: scale must be positive, got " + scale);
        java.util.Objects.requireNonNull(mode, "mode");
        java.util.Objects.requireNonNull(distribution, "distribution");
    }

    static VarianceScaling named(String name) { return PRESETS.get(name); }

    /** {@code glorot_uniform} etc. when this equals a preset, else null. */
    public String presetName() {
        return PRESETS.entrySet().stream().filter(e -> e.getValue().equals(this)).map(Map.Entry::getKey).findFirst().orElse(null);
    }

    /** The target variance {@code scale / n} for a parameter of {@code shape}. */
    public double variance(int[] shape) {
        int[] f = Initializer.fans(shape);
        double n = switch (mode) {
            case FAN_IN -> f[0];
            case FAN_OUT -> f[1];
            case FAN_AVG -> (f[0] + f[1]) / 2.0;
        };
        return scale / Math.max(1.0, n);
    }

    @Override
    public Tensor initialize(int[] shape, DType dtype, RandomKey key) {
        double v = variance(shape);
        return switch (distribution) {
            case UNIFORM -> {
                double limit = Math.sqrt(3 * v);
                yield Tensor.rand(key, dtype, shape).mul(2 * limit).sub(limit);
            }
            case UNTRUNCATED_NORMAL -> Tensor.randn(key, dtype, shape).mul(Math.sqrt(v));
            case TRUNCATED_NORMAL -> Initializers.truncatedStandardNormal(key, dtype, shape).mul(Math.sqrt(v) / TRUNCATED_STDDEV);
        };
    }
}
