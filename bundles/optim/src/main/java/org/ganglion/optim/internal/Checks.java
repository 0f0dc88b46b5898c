package org.ganglion.optim.internal;

/** Argument checks with messages that name the hyperparameter. */
final class Checks {
    private Checks() {}

    static void beta(String name, double v) {
        if (!(v >= 0 && v < 1)) throw new IllegalArgumentException(name + " must be in [0, 1), got " + v);
    }

    static void nonNegative(String name, double v) {
        if (!(v >= 0) || Double.isInfinite(v)) throw new IllegalArgumentException(name + " must be finite and >= 0, got " + v);
    }

    static void positive(String name, double v) {
        if (!(v > 0) || Double.isInfinite(v)) throw new IllegalArgumentException(name + " must be finite and > 0, got " + v);
    }

    static void positive(String name, long v) {
        if (v <= 0) throw new IllegalArgumentException(name + " must be > 0, got " + v);
    }
}
