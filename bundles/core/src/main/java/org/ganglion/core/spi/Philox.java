package org.ganglion.core.spi;

/**
 * Philox4x32-10, the counter-based generator of Salmon et al., "Parallel random numbers: as easy as
 * 1, 2, 3" (SC 2011). A 64-bit key and a 128-bit counter map to four 32-bit words; there is no
 * state, so any element of a stream can be computed independently and every device gets the same
 * bits. Checked against the Random123 known-answer vectors.
 */
public final class Philox {
    private static final int M0 = 0xD2511F53, M1 = 0xCD9E8D57;
    private static final int W0 = 0x9E3779B9, W1 = 0xBB67AE85;

    private Philox() {}

    /** Ten rounds on counter {@code (c0, c1, c2, c3)} with key {@code (k0, k1)}; returns the four words. */
    public static int[] block(int c0, int c1, int c2, int c3, int k0, int k1) {
        int[] out = new int[4];
        block(c0, c1, c2, c3, k0, k1, out);
        return out;
    }

    /** As {@link #block(int, int, int, int, int, int)}, writing into {@code out}. */
    public static void block(int c0, int c1, int c2, int c3, int k0, int k1, int[] out) {
        for (int r = 0; r < 10; r++) {
            long p0 = (M0 & 0xFFFFFFFFL) * (c0 & 0xFFFFFFFFL);
            long p1 = (M1 & 0xFFFFFFFFL) * (c2 & 0xFFFFFFFFL);
            int n0 = (int) (p1 >>> 32) ^ c1 ^ k0;
            int n1 = (int) p1;
            int n2 = (int) (p0 >>> 32) ^ c3 ^ k1;
            int n3 = (int) p0;
            c0 = n0; c1 = n1; c2 = n2; c3 = n3;
            k0 += W0; k1 += W1;
        }
        out[0] = c0; out[1] = c1; out[2] = c2; out[3] = c3;
    }

    /** Element {@code index} of a draw with the 64-bit {@code key}: counter block {@code (index, 0, 0, 0)}. */
    public static void element(long key, long index, int[] out) {
        block((int) index, (int) (index >>> 32), 0, 0, (int) key, (int) (key >>> 32), out);
    }

    /** Uniform float in [0, 1) from the top 24 bits of a word. */
    public static float uniformFloat(int word) {
        return (word >>> 8) * 0x1.0p-24f;
    }

    /** Uniform double in [0, 1) from 53 bits of two words. */
    public static double uniformDouble(int w0, int w1) {
        long bits = ((w0 & 0xFFFFFFFFL) << 21) ^ ((w1 & 0xFFFFFFFFL) >>> 11);
        return bits * 0x1.0p-53;
    }

    /** Standard normal by Box-Muller from four words (two float64 uniforms); the first uniform is kept off 0. */
    public static double normal(int w0, int w1, int w2, int w3) {
        double u1 = 1.0 - uniformDouble(w0, w1);      // (0, 1]
        double u2 = uniformDouble(w2, w3);
        return Math.sqrt(-2.0 * Math.log(u1)) * Math.cos(2.0 * Math.PI * u2);
    }
}
