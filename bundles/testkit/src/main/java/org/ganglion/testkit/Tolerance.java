package org.ganglion.testkit;

import org.ganglion.core.DType;

/**
 * How close a device's floating result must be to the reference device's:
 * {@code |actual - expected| <= atol + rtol * |expected|}, elementwise. NaN must meet NaN and an
 * infinity the same infinity; integer and bool results are always compared exactly.
 *
 * <p>The table states float32 tolerances; {@link #forDType} scales them for float64 by the ratio of
 * the two machine epsilons (2^-29), so a float64 kernel gets the same number of ulps of slack. The
 * presets:
 * <ul>
 *   <li>{@link #EXACT}: data movement (views, copies, gather, concat, pad), conversions, random
 *       bits, and anything with an integer or bool result.</li>
 *   <li>{@link #ELEMENTWISE}: IEEE operations that are correctly rounded (+ - * / sqrt, min/max):
 *       about 1e-6 relative, a few ulps, which leaves room for a device that uses FMA.</li>
 *   <li>{@link #TRANSCENDENTAL}: exp, log, tanh, erf, pow, sigmoid …: 1e-5 relative, because
 *       vectorised or GPU math libraries are allowed a few ulps more than {@link Math}.</li>
 *   <li>{@link #accumulation(int)}: sums, products, means, matmul and composites that reduce
 *       {@code n} terms in an order the device may choose: 1e-6 relative and absolute per term
 *       (float32 error grows at most linearly with the length; inputs of the table are O(1)).</li>
 * </ul>
 */
public record Tolerance(double rtol, double atol) {
    public static final Tolerance EXACT = new Tolerance(0, 0);
    public static final Tolerance ELEMENTWISE = new Tolerance(1e-6, 1e-7);
    public static final Tolerance TRANSCENDENTAL = new Tolerance(1e-5, 1e-6);

    /** Float32 ulp over float64 ulp. */
    private static final double FLOAT64_SCALE = 0x1.0p-29;

    public Tolerance {
        if (!(rtol >= 0 && atol >= 0)) throw new IllegalArgumentException("tolerances must be non-negative: " + rtol + ", " + atol);
    }

    /** For a result accumulated over {@code n} terms (n &lt; 1 counts as 1). */
    public static Tolerance accumulation(int n) {
        int terms = Math.max(1, n);
        return new Tolerance(1e-6 * terms, 1e-6 * terms);
    }

    /** The looser of two tolerances, per component. */
    public Tolerance max(Tolerance o) { return new Tolerance(Math.max(rtol, o.rtol), Math.max(atol, o.atol)); }

    public boolean isExact() { return rtol == 0 && atol == 0; }

    /** This (float32) tolerance as it applies to a result of {@code dtype}; exact for non-floating types. */
    public Tolerance forDType(DType dtype) {
        return switch (dtype) {
            case FLOAT32 -> this;
            case FLOAT64 -> new Tolerance(rtol * FLOAT64_SCALE, atol * FLOAT64_SCALE);
            default -> EXACT;
        };
    }

    /** True when {@code actual} is close enough to {@code expected}. */
    public boolean accepts(double actual, double expected) {
        if (Double.isNaN(expected) || Double.isNaN(actual)) return Double.isNaN(expected) && Double.isNaN(actual);
        if (Double.isInfinite(expected) || Double.isInfinite(actual)) return actual == expected;
        if (isExact()) return Double.doubleToLongBits(actual) == Double.doubleToLongBits(expected) || actual == expected;
        return Math.abs(actual - expected) <= atol + rtol * Math.abs(expected);
    }
}
