package org.ganglion.core.spi;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PhiloxTest {

    /** Known-answer vectors of philox4x32_10 from Random123 (kat_vectors). */
    @Test
    void random123KnownAnswers() {
        assertArrayEquals(new int[] {0x6627e8d5, 0xe169c58d, 0xbc57ac4c, 0x9b00dbd8},
                Philox.block(0, 0, 0, 0, 0, 0));
        assertArrayEquals(new int[] {0x408f276d, 0x41c83b0e, 0xa20bc7c6, 0x6d5451fd},
                Philox.block(0xffffffff, 0xffffffff, 0xffffffff, 0xffffffff, 0xffffffff, 0xffffffff));
        assertArrayEquals(new int[] {0xd16cfe09, 0x94fdcceb, 0x5001e420, 0x24126ea1},
                Philox.block(0x243f6a88, 0x85a308d3, 0x13198a2e, 0x03707344, 0xa4093822, 0x299f31d0));
    }

    @Test
    void blockIntoArrayMatchesReturningVersion() {
        int[] out = new int[4];
        Philox.block(1, 2, 3, 4, 5, 6, out);
        assertArrayEquals(Philox.block(1, 2, 3, 4, 5, 6), out);
    }

    @Test
    void elementUsesCounterIndexAndSplitsKeyAndIndexIntoWords() {
        long key = 0x299f31d0_a4093822L, index = 0x85a308d3_243f6a88L;
        int[] out = new int[4];
        Philox.element(key, index, out);
        assertArrayEquals(Philox.block(0x243f6a88, 0x85a308d3, 0, 0, 0xa4093822, 0x299f31d0), out);
        Philox.element(0, 0, out);
        assertArrayEquals(new int[] {0x6627e8d5, 0xe169c58d, 0xbc57ac4c, 0x9b00dbd8}, out);
    }

    @Test
    void uniformsAtTheExtremesOfTheirWords() {
        assertEquals(0f, Philox.uniformFloat(0));
        assertEquals(1f - 0x1.0p-24f, Philox.uniformFloat(-1));
        assertEquals(0.5f, Philox.uniformFloat(0x80000000));
        assertEquals(Philox.uniformFloat(0x12345600), Philox.uniformFloat(0x123456ff), "only the top 24 bits count");
        assertEquals(0.0, Philox.uniformDouble(0, 0));
        assertEquals(1.0 - 0x1.0p-53, Philox.uniformDouble(-1, -1));
        assertEquals(0.5, Philox.uniformDouble(0x80000000, 0));
        assertEquals(0x1.0p-53, Philox.uniformDouble(0, 0x800));
        assertEquals(Philox.uniformDouble(7, 0x800), Philox.uniformDouble(7, 0xfff), "only the top 21 bits of word 1 count");
    }

    @Test
    void normalIsFiniteAtTheExtremes() {
        assertEquals(0.0, Philox.normal(0, 0, 0, 0), 0.0, "u1 = 1 gives radius 0 (a zero, sign aside)");
        double r = Philox.normal(-1, -1, 0, 0);     // smallest u1 = 2^-53, cos(0) = 1
        assertEquals(Math.sqrt(-2 * Math.log(0x1.0p-53)), r, 1e-12);
        assertTrue(Double.isFinite(Philox.normal(-1, -1, -1, -1)));
    }

    @Test
    void uniformFloatsAreInRangeWithTheRightMoments() {
        int n = 100_000;
        int[] w = new int[4];
        double sum = 0, sumSq = 0;
        float min = 1, max = 0;
        for (int i = 0; i < n; i++) {
            Philox.element(42, i, w);
            float u = Philox.uniformFloat(w[0]);
            assertTrue(u >= 0f && u < 1f, "uniform " + u);
            min = Math.min(min, u);
            max = Math.max(max, u);
            sum += u;
            sumSq += (double) u * u;
        }
        double mean = sum / n, var = sumSq / n - mean * mean;
        assertEquals(0.5, mean, 0.005);
        assertEquals(1.0 / 12, var, 0.002);
        assertTrue(min < 1e-3 && max > 1 - 1e-3, "covers [0, 1): " + min + ".." + max);
    }

    @Test
    void uniformDoublesAreInRangeWithTheRightMoments() {
        int n = 100_000;
        int[] w = new int[4];
        double sum = 0, sumSq = 0;
        for (int i = 0; i < n; i++) {
            Philox.element(-7L, i, w);
            double u = Philox.uniformDouble(w[0], w[1]);
            assertTrue(u >= 0 && u < 1, "uniform " + u);
            sum += u;
            sumSq += u * u;
        }
        double mean = sum / n, var = sumSq / n - mean * mean;
        assertEquals(0.5, mean, 0.005);
        assertEquals(1.0 / 12, var, 0.002);
    }

    @Test
    void normalsHaveMeanZeroAndVarianceOne() {
        int n = 100_000;
        int[] w = new int[4];
        double sum = 0, sumSq = 0, sum4 = 0;
        int within1 = 0;
        for (int i = 0; i < n; i++) {
            Philox.element(0x5eed_0000_0001L, i, w);
            double z = Philox.normal(w[0], w[1], w[2], w[3]);
            assertTrue(Double.isFinite(z));
            sum += z;
            sumSq += z * z;
            sum4 += z * z * z * z;
            if (Math.abs(z) < 1) within1++;
        }
        double mean = sum / n, var = sumSq / n - mean * mean;
        assertEquals(0.0, mean, 0.015);      // standard error 0.0032
        assertEquals(1.0, var, 0.03);        // standard error 0.0045
        assertEquals(3.0, sum4 / n, 0.15);   // kurtosis of a normal
        assertEquals(0.6827, (double) within1 / n, 0.01);
    }

    @Test
    void differentKeysAndIndicesGiveDifferentWords() {
        int[] a = new int[4], b = new int[4], c = new int[4];
        Philox.element(1, 5, a);
        Philox.element(2, 5, b);
        Philox.element(1, 6, c);
        assertTrue(!java.util.Arrays.equals(a, b) && !java.util.Arrays.equals(a, c));
        Philox.element(1L << 32, 5, b);
        assertTrue(!java.util.Arrays.equals(a, b), "the key's high word counts");
        Philox.element(1, 5 + (1L << 32), c);
        assertTrue(!java.util.Arrays.equals(a, c), "the index's high word counts");
    }
}
