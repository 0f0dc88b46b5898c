package org.ganglion.data.internal;

import org.ganglion.core.RandomKey;
import org.ganglion.core.spi.Philox;

/**
 * Host-side random choices driven by Philox, so shuffles and resampling are reproducible from a
 * {@link RandomKey} alone and do not depend on the device. Draw {@code i} of a stream uses counter
 * {@code (i, attempt)}; rejection sampling makes the integers exactly uniform.
 */
public final class Permutations {
    private Permutations() {}

    /** A uniformly random permutation of {@code 0 .. n-1} (Fisher-Yates, Durstenfeld's variant). */
    public static int[] permutation(int n, RandomKey key) {
        int[] p = new int[n];
        for (int i = 0; i < n; i++) p[i] = i;
        shuffle(p, key);
        return p;
    }

    /** Shuffles {@code values} in place (Fisher-Yates): every order equally likely. */
    public static void shuffle(int[] values, RandomKey key) {
        int[] words = new int[4];
        for (int i = values.length - 1; i > 0; i--) {
            int j = uniformInt(key, i, i + 1, words);
            int t = values[i];
            values[i] = values[j];
            values[j] = t;
        }
    }

    /** {@code count} integers uniform in {@code [0, bound)}, drawn with replacement. */
    public static int[] choices(int count, int bound, RandomKey key) {
        if (bound <= 0) throw new IllegalArgumentException("choices: bound must be positive, got " + bound);
        int[] out = new int[count];
        int[] words = new int[4];
        for (int i = 0; i < count; i++) out[i] = uniformInt(key, i, bound, words);
        return out;
    }

    /** Draw number {@code index} of the stream for {@code key}: an int uniform in {@code [0, bound)}. */
    static int uniformInt(RandomKey key, long index, int bound, int[] words) {
        long k = key.bits();
        // 64 random bits per attempt; reject the top partial block so every residue is equally likely.
        long limit = Long.remainderUnsigned(-1L, bound) == bound - 1 ? -1L : -1L - Long.remainderUnsigned(-1L, bound) - 1;
        for (int attempt = 0; ; attempt++) {
            Philox.block((int) index, (int) (index >>> 32), attempt, 0x0DA7A5E7, (int) k, (int) (k >>> 32), words);
            long bits = ((long) words[0] << 32) | (words[1] & 0xFFFFFFFFL);
            if (Long.compareUnsigned(bits, limit) <= 0) return (int) Long.remainderUnsigned(bits, bound);
        }
    }
}
