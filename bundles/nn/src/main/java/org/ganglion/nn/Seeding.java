package org.ganglion.nn;

import org.ganglion.core.RandomKey;
import org.ganglion.graph.Module;

/**
 * Makes a whole model reproducible from one seed (PyTorch's {@code manual_seed} for a model): every
 * {@link RandomizedModule} in the tree gets {@code RandomKey.of(seed).fold(i)}, {@code i} its
 * position in a depth-first walk. Call it before the model is built, so initializers use the keys.
 */
public final class Seeding {
    private Seeding() {}

    public static <M extends Module> M seed(M root, long seed) {
        walk(root, RandomKey.of(seed), new long[1]);
        return root;
    }

    private static void walk(Module m, RandomKey base, long[] next) {
        if (m instanceof RandomizedModule r) r.setRandomKey(base.fold(next[0]++));
        for (Module c : m.children().values()) walk(c, base, next);
    }
}
