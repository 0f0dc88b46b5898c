package org.ganglion.core;

import org.ganglion.core.spi.Philox;

/**
 * An explicit key for the counter-based generator (Philox4x32-10). A key is a value: drawing with
 * it twice gives the same numbers on every device. Derive independent keys with {@link #split()} or
 * {@link #fold(long)} (JAX style), e.g. {@code key.fold(step)} for the dropout mask of a step.
 * Checkpoints store {@link #bits()} to resume a stream exactly.
 */
public record RandomKey(long bits) {
    public static RandomKey of(long seed) {
        return new RandomKey(mix(seed, 0x5EEDL));
    }

    /** A key for sub-stream {@code data}; distinct data give independent keys. */
    public RandomKey fold(long data) {
        return new RandomKey(mix(bits, data));
    }

    /** Two new keys, independent of each other and of this one. */
    public RandomKey[] split() {
        return new RandomKey[] {fold(0x51A7L << 32), fold((0x51A7L << 32) | 1)};
    }

    private static long mix(long key, long data) {
        int[] w = Philox.block((int) data, (int) (data >>> 32), 0x6A09E667, 0xBB67AE85, (int) key, (int) (key >>> 32));
        return ((long) w[0] << 32) | (w[1] & 0xFFFFFFFFL);
    }
}
