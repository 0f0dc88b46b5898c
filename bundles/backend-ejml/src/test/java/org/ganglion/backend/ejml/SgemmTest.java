package org.ganglion.backend.ejml;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.ganglion.core.spi.Activation;
import org.ganglion.core.spi.MatmulSpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The fp32 GEMM kernels (vector and scalar fallback, called directly) against a naive triple loop
 * in double precision.
 *
 * <p>Tolerance: {@code |c - ref| <= 1e-6 · sqrt(k) · Σ_p |a_ip · b_pj|}. Float accumulation has a
 * typical error of about {@code sqrt(k) · 2^-24 · Σ|a b|} (6e-8 per step, random-walk growth), so the
 * bound leaves ~16× headroom, while any indexing, packing or edge-tile bug is off by O(Σ|a b|).
 */
class SgemmTest {
    static final Parallel TWO = new Parallel(2);

    @AfterAll
    static void closePool() { TWO.close(); }

    static List<Sgemm> kernels() {
        List<Sgemm> ks = new ArrayList<>();
        ks.add(new ScalarSgemm());
        if (Kernels.vectorModulePresent()) ks.add(Kernels.select().sgemm());
        return ks;
    }

    /** Sizes: trivial, empty, tails in every dimension, primes, k beyond one k-block. */
    static Stream<Arguments> shapes() {
        int[][] mnk = {{1, 1, 1}, {0, 5, 3}, {5, 0, 3}, {5, 3, 0}, {1, 17, 1}, {4, 64, 16}, {3, 5, 7}, {17, 1, 33},
                {67, 131, 97}, {300, 257, 513}, {5, 70, 1100}, {129, 65, 2050}};
        List<Arguments> out = new ArrayList<>();
        for (int[] s : mnk) for (int t = 0; t < 4; t++) out.add(Arguments.of(s[0], s[1], s[2], (t & 1) != 0, (t & 2) != 0));
        return out.stream();
    }

    @ParameterizedTest(name = "{0}x{1}x{2} transA={3} transB={4}")
    @MethodSource("shapes")
    void matchesNaiveProduct(int m, int n, int k, boolean ta, boolean tb) {
        MatmulSpec s = new MatmulSpec(1, m, n, k, ta, 0, 0, tb, 0, 0);
        for (Sgemm g : kernels()) {
            check(g, s, null, Activation.NONE, TWO);
            if ((long) m * n * k < 200_000) check(g, s, null, Activation.NONE, null);   // caller-only path too
        }
    }

    @ParameterizedTest(name = "small blocks {0}x{1}x{2} transA={3} transB={4}")
    @MethodSource("shapes")
    void everyBlockLoopWithTinyBlocks(int m, int n, int k, boolean ta, boolean tb) {
        // k-blocks of 7, row blocks of 8, column blocks limited by 64·kc packed floats: every loop runs several times
        MatmulSpec s = new MatmulSpec(1, m, n, k, ta, 0, 0, tb, 0, 0);
        for (Sgemm g : kernels()) check(g.blocking(7, 8, 64 * 7), s, null, Activation.NONE, TWO);
        for (Sgemm g : kernels()) check(g.blocking(37, 13, 1 << 12), s, null, Activation.NONE, null);
    }

    @Test
    void batchedWithBroadcastAndOffsets() {
        int m = 37, n = 71, k = 45;
        for (int t = 0; t < 4; t++) {
            boolean ta = (t & 1) != 0, tb = (t & 2) != 0;
            for (Sgemm g : kernels()) {
                check(g, new MatmulSpec(3, m, n, k, ta, 5, m * k, tb, 11, 0), null, Activation.NONE, TWO);       // B broadcast
                check(g, new MatmulSpec(4, m, n, k, ta, 0, 0, tb, 3, k * n + 2), null, Activation.NONE, TWO);    // A broadcast, gaps
                check(g, new MatmulSpec(5, 8, 9, 10, ta, 1, 90, tb, 2, 95), null, Activation.NONE, TWO);         // many small items
                check(g, new MatmulSpec(64, 8, 20, 16, ta, 0, 128, tb, 0, 320), null, Activation.NONE, TWO);     // batch-parallel path
                check(g, new MatmulSpec(0, m, n, k, ta, 0, m * k, tb, 0, k * n), null, Activation.NONE, TWO);    // empty batch
            }
        }
    }

    @Test
    void epilogueBiasAndEveryActivation() {
        for (Activation act : Activation.values()) {
            for (Sgemm g : kernels()) {
                check(g, new MatmulSpec(1, 67, 131, 97, false, 0, 0, false, 0, 0), new float[0], act, TWO);
                check(g, new MatmulSpec(2, 13, 70, 9, true, 3, 9 * 13, true, 0, 0), new float[0], act, TWO);
                check(g, new MatmulSpec(1, 5, 7, 3, false, 0, 0, false, 0, 0), null, act, null);
                check(g, new MatmulSpec(2, 4, 33, 0, false, 0, 0, false, 0, 0), new float[0], act, null);   // k = 0: act(bias)
            }
        }
    }

    @Test
    void resultsDoNotDependOnThreads() {
        SplittableRandom r = new SplittableRandom(7);
        MatmulSpec s = new MatmulSpec(1, 300, 257, 513, false, 0, 0, true, 0, 0);
        float[] a = rand(r, 300 * 513), b = rand(r, 513 * 257);
        for (Sgemm g : kernels()) {
            float[] c1 = new float[300 * 257], c2 = new float[300 * 257];
            g.gemm(s, a, b, c1, null, 0, Activation.NONE, null);
            g.gemm(s, a, b, c2, null, 0, Activation.NONE, TWO);
            assertArrayEquals(c1, c2, g.name());
        }
    }

    @Test
    void outOfRangeOperandsAreRejected() {
        for (Sgemm g : kernels()) {
            assertThrows(IndexOutOfBoundsException.class, () -> g.gemm(MatmulSpec.of(4, 4, 4), new float[15], new float[16], new float[16], null, 0, Activation.NONE, null));
            assertThrows(IndexOutOfBoundsException.class, () -> g.gemm(new MatmulSpec(2, 4, 4, 4, false, 0, 16, false, 0, 1), new float[32], new float[16], new float[32], null, 0, Activation.NONE, null));
            assertThrows(IndexOutOfBoundsException.class, () -> g.gemm(MatmulSpec.of(4, 4, 4), new float[16], new float[16], new float[15], null, 0, Activation.NONE, null));
            assertThrows(IndexOutOfBoundsException.class, () -> g.gemm(MatmulSpec.of(4, 4, 4), new float[16], new float[16], new float[16], new float[4], 1, Activation.NONE, null));
        }
    }

    @Test
    void vectorKernelIsChosenWhenTheModuleIsPresent() {
        assertTrue(Kernels.vectorModulePresent(), "surefire runs with --add-modules jdk.incubator.vector");
        assertTrue(Kernels.select().sgemm().name().startsWith("vector-"));
        assertEquals("scalar-4x8", Kernels.scalar().sgemm().name());
    }

    // ---- helpers -------------------------------------------------------------------------

    /** Runs {@code g} on random data (bias: null, or random of length n when given) and compares with the naive loop. */
    static void check(Sgemm g, MatmulSpec s, float[] biasMarker, Activation act, Parallel par) {
        SplittableRandom r = new SplittableRandom(s.hashCode());
        int aLen = span(s.batch(), s.aOffset(), s.aBatchStride(), s.m() * s.k()), bLen = span(s.batch(), s.bOffset(), s.bBatchStride(), s.k() * s.n());
        float[] a = rand(r, aLen), b = rand(r, bLen), c = new float[s.batch() * s.m() * s.n()];
        java.util.Arrays.fill(c, Float.NaN);   // the kernel must overwrite every element
        int biasOff = 3;
        float[] bias = biasMarker == null ? null : rand(r, s.n() + biasOff);
        g.gemm(s, a, b, c, bias, biasOff, act, par);
        for (int bt = 0; bt < s.batch(); bt++)
            for (int i = 0; i < s.m(); i++)
                for (int j = 0; j < s.n(); j++) {
                    double ref = 0, mag = 0;
                    for (int p = 0; p < s.k(); p++) {
                        double v = (double) a[s.aIndex(bt, i, p)] * b[s.bIndex(bt, p, j)];
                        ref += v;
                        mag += Math.abs(v);
                    }
                    if (bias != null) { ref += bias[biasOff + j]; mag += Math.abs(bias[biasOff + j]); }
                    ref = activate(ref, act);
                    double got = c[(bt * s.m() + i) * s.n() + j];
                    double tol = 1e-6 * Math.sqrt(s.k() + 1) * mag + 1e-6 * Math.abs(ref) + 1e-30;
                    if (!(Math.abs(got - ref) <= tol))
                        throw new AssertionError(g.name() + " " + s + " " + act + " at (" + bt + "," + i + "," + j + "): " + got + " vs " + ref + " (tol " + tol + ")");
                }
    }

    static double activate(double x, Activation act) {
        return switch (act) {
            case NONE -> x;
            case RELU -> Math.max(x, 0);
            case SIGMOID -> 1 / (1 + Math.exp(-x));
            case TANH -> Math.tanh(x);
        };
    }

    static int span(int batch, int offset, int stride, int size) {
        return batch == 0 ? offset : offset + (batch - 1) * stride + size;
    }

    static float[] rand(SplittableRandom r, int n) {
        float[] x = new float[n];
        for (int i = 0; i < n; i++) x[i] = (float) (r.nextDouble() * 2 - 1);
        return x;
    }
}
