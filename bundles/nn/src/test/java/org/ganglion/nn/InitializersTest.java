package org.ganglion.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Map;
import org.ganglion.core.DType;
import org.ganglion.core.RandomKey;
import org.ganglion.core.ShapeMismatchException;
import org.ganglion.core.Tensor;
import org.ganglion.graph.ComponentRegistry;
import org.ganglion.graph.Config;
import org.ganglion.graph.Initializer;
import org.junit.jupiter.api.Test;

/**
 * Initializer statistics on large draws. With n ≈ 10^5 samples the sample mean has standard error
 * σ/√n and the sample variance relative standard error about √(2/n) ≈ 0.45% (normal) or less
 * (uniform), so 3% tolerances on the variance are ≥ 6 standard errors.
 */
class InitializersTest {
    private static final RandomKey KEY = RandomKey.of(2024);
    private static final int[] KERNEL = {400, 250}; // fan_in 400, fan_out 250

    private static double[] draw(Initializer init, int... shape) { return init.initialize(shape, DType.FLOAT64, KEY).toDoubleArray(); }

    private static void assertMoments(double[] v, double mean, double variance) {
        assertEquals(mean, T.mean(v), 6 * Math.sqrt(variance / v.length));
        assertEquals(variance, T.variance(v), 0.03 * variance);
    }

    private static double max(double[] v) { return Arrays.stream(v).map(Math::abs).max().orElse(0); }

    @Test
    void fansFollowKerasAndPytorchLayouts() {
        assertArrayEquals(new int[] {400, 250}, Initializer.fans(KERNEL));
        assertArrayEquals(new int[] {3 * 9, 16 * 9}, Initializer.fans(new int[] {16, 3, 3, 3})); // [out, in, kh, kw]
        assertEquals(2.0 / 650, VarianceScaling.GLOROT_NORMAL.variance(KERNEL), 1e-15);
        assertEquals(2.0 / 400, VarianceScaling.HE_NORMAL.variance(KERNEL), 1e-15);
        assertEquals(1.0 / 400, VarianceScaling.LECUN_UNIFORM.variance(KERNEL), 1e-15);
    }

    @Test
    void glorotHeAndLecunHaveTheirVariances() {
        double glorot = 2.0 / (400 + 250), he = 2.0 / 400, lecun = 1.0 / 400;
        double[] gu = draw(Initializers.glorotUniform(), KERNEL);
        assertMoments(gu, 0, glorot);
        assertTrue(max(gu) <= Math.sqrt(6.0 / 650));
        assertMoments(draw(Initializers.glorotNormal(), KERNEL), 0, glorot);
        double[] hu = draw(Initializers.heUniform(), KERNEL);
        assertMoments(hu, 0, he);
        assertTrue(max(hu) <= Math.sqrt(6.0 / 400));
        double[] hn = draw(Initializers.heNormal(), KERNEL);
        assertMoments(hn, 0, he);
        assertTrue(max(hn) <= 2 * Math.sqrt(he) / VarianceScaling.TRUNCATED_STDDEV + 1e-12, "truncated at 2σ");
        assertMoments(draw(Initializers.lecunUniform(), KERNEL), 0, lecun);
        assertMoments(draw(Initializers.lecunNormal(), KERNEL), 0, lecun);
        assertMoments(draw(new VarianceScaling(2, VarianceScaling.Mode.FAN_OUT, VarianceScaling.Distribution.UNTRUNCATED_NORMAL), KERNEL),
                0, 2.0 / 250);
    }

    @Test
    void randomUniformNormalAndTruncatedNormal() {
        double[] u = draw(new Initializers.RandomUniform(-1, 3), KERNEL);
        assertMoments(u, 1, 16.0 / 12);
        assertTrue(Arrays.stream(u).allMatch(x -> x >= -1 && x < 3));
        assertMoments(draw(new Initializers.RandomNormal(0.5, 2), KERNEL), 0.5, 4);
        double[] t = draw(new Initializers.TruncatedNormal(1, 0.5), KERNEL);
        assertTrue(Arrays.stream(t).allMatch(x -> Math.abs(x - 1) <= 2 * 0.5), "bounded at 2σ");
        // variance of N(0, σ²) truncated to ±2σ: σ²·(1 - 4φ(2)/(2Φ(2) - 1)) = 0.7737·σ²
        assertMoments(t, 1, 0.25 * VarianceScaling.TRUNCATED_STDDEV * VarianceScaling.TRUNCATED_STDDEV);
        double[] small = draw(Initializers.truncatedNormal(), KERNEL);
        assertTrue(max(small) <= 0.1);
    }

    @Test
    void constantsAndDeterminism() {
        assertTrue(Arrays.stream(draw(Initializers.zeros(), 3, 4)).allMatch(x -> x == 0));
        assertTrue(Arrays.stream(draw(Initializers.ones(), 3, 4)).allMatch(x -> x == 1));
        assertTrue(Arrays.stream(draw(Initializers.constant(0.3), 5)).allMatch(x -> x == 0.3));
        assertArrayEquals(draw(Initializers.heNormal(), 30, 20), draw(Initializers.heNormal(), 30, 20));
        float[] f = Initializers.glorotUniform().initialize(new int[] {3, 2}, DType.FLOAT32, KEY).toFloatArray();
        assertEquals(6, f.length);
        assertTrue(!Arrays.equals(draw(Initializers.heNormal(), 30, 20),
                Initializers.heNormal().initialize(new int[] {30, 20}, DType.FLOAT64, KEY.fold(1)).toDoubleArray()));
    }

    /** Checks {@code MᵀM = gain²·I} for the row-major {@code rows × cols} matrix M. */
    private static void assertOrthonormalColumns(double[] m, int rows, int cols, double gain) {
        for (int i = 0; i < cols; i++)
            for (int j = 0; j < cols; j++) {
                double dot = 0;
                for (int r = 0; r < rows; r++) dot += m[r * cols + i] * m[r * cols + j];
                assertEquals(i == j ? gain * gain : 0, dot, 1e-12, "column " + i + " · column " + j);
            }
    }

    private static double[] transpose(double[] m, int rows, int cols) {
        double[] t = new double[m.length];
        for (int r = 0; r < rows; r++) for (int c = 0; c < cols; c++) t[c * rows + r] = m[r * cols + c];
        return t;
    }

    @Test
    void orthogonalGivesOrthonormalRowsOrColumns() {
        assertOrthonormalColumns(draw(Initializers.orthogonal(), 64, 32), 64, 32, 1);           // tall: QᵀQ = I
        assertOrthonormalColumns(transpose(draw(Initializers.orthogonal(), 32, 64), 32, 64), 64, 32, 1); // wide: QQᵀ = I
        assertOrthonormalColumns(draw(new Orthogonal(2), 20, 20), 20, 20, 2);
        assertOrthonormalColumns(draw(Initializers.orthogonal(), 3, 4, 5), 12, 5, 1);          // [3, 4, 5] as 12 × 5
        double[] f32 = Initializers.orthogonal().initialize(new int[] {16, 8}, DType.FLOAT32, KEY).toDoubleArray();
        double[] f64 = draw(Initializers.orthogonal(), 16, 8);
        for (int i = 0; i < f32.length; i++) assertEquals(f64[i], f32[i], 1e-6);
        assertThrows(ShapeMismatchException.class, () -> draw(Initializers.orthogonal(), 8));
    }

    @Test
    void householderQrOfAKnownMatrix() {
        // A = [[3, 1], [4, 2], [0, 2]]: first column of Q = (0.6, 0.8, 0), R11 = 5 > 0
        double[] q = Orthogonal.orthonormalColumns(new double[] {3, 1, 4, 2, 0, 2}, 3, 2);
        assertEquals(0.6, q[0], 1e-15);
        assertEquals(0.8, q[2], 1e-15);
        assertEquals(0.0, q[4], 1e-15);
        assertOrthonormalColumns(q, 3, 2, 1);
    }

    @Test
    void byNameSpecsAndRegistry() {
        for (String name : Initializers.names()) {
            Initializer viaRegistry = ComponentRegistry.global().initializer(name);
            assertEquals(Initializers.get(name, Config.empty(name)).getClass(), viaRegistry.getClass(), name);
        }
        assertEquals(VarianceScaling.HE_NORMAL, ComponentRegistry.global().initializer("kaiming_normal"));
        Initializer c = Initializers.fromSpec(Map.of("name", "random_uniform", "minval", -1, "maxval", 1));
        assertEquals(new Initializers.RandomUniform(-1, 1), c);
        assertEquals(Map.of("name", "random_uniform", "minval", -1.0, "maxval", 1.0), Initializers.toSpec(c));
        for (String name : Initializers.names())
            assertEquals(Initializers.get(name, Config.empty(name)), Initializers.fromSpec(Initializers.toSpec(Initializers.get(name, Config.empty(name)))));
        assertTrue(assertThrows(RuntimeException.class, () -> Initializers.fromSpec("nope")).getMessage().contains("nope"));
        Initializer scaled = Initializers.get("variance_scaling", Config.of("variance_scaling", "scale", 2.0, "mode", "fan_avg",
                "distribution", "uniform"));
        assertEquals(new VarianceScaling(2, VarianceScaling.Mode.FAN_AVG, VarianceScaling.Distribution.UNIFORM), scaled);
        assertEquals(Tensor.class, scaled.initialize(new int[] {2, 2}, DType.FLOAT32, KEY).getClass());
    }
}
