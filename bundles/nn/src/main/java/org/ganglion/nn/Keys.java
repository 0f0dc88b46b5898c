package org.ganglion.nn;

import java.util.concurrent.atomic.AtomicLong;
import org.ganglion.core.RandomKey;

/** Default random keys for layers created without a seed (see {@link RandomizedModule}). */
final class Keys {
    private static final RandomKey BASE = RandomKey.of(0x6A6E_6EL);
    private static final AtomicLong NEXT = new AtomicLong();

    private Keys() {}

    /** {@code RandomKey.of(seed)} when a seed is given, else the next key of the process-wide sequence. */
    static RandomKey of(Long seed) { return seed != null ? RandomKey.of(seed) : BASE.fold(NEXT.getAndIncrement()); }
}
