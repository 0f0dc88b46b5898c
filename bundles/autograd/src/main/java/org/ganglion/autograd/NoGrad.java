package org.ganglion.autograd;

/**
 * A scope in which operations on variables record nothing: results never require gradients.
 * Thread-local and nestable; use it for inference and for parameter updates.
 *
 * <pre>{@code
 * try (NoGrad ng = NoGrad.enter()) {
 *     Variable y = model.apply(x);   // no graph is built
 * }
 * }</pre>
 *
 * The backward pass itself runs its VJP rules inside such a scope.
 */
public final class NoGrad implements AutoCloseable {
    private static final ThreadLocal<int[]> DEPTH = ThreadLocal.withInitial(() -> new int[1]);

    private final Thread owner = Thread.currentThread();
    private boolean closed;

    private NoGrad() {}

    /** Enters a no-grad scope on the calling thread; close it (try-with-resources) on the same thread. */
    public static NoGrad enter() {
        DEPTH.get()[0]++;
        return new NoGrad();
    }

    /** True while the calling thread is inside at least one no-grad scope. */
    public static boolean isActive() { return DEPTH.get()[0] > 0; }

    /** Leaves this scope; closing twice is harmless. */
    @Override
    public void close() {
        if (closed) return;
        if (Thread.currentThread() != owner)
            throw new IllegalStateException("NoGrad scope entered on thread " + owner.getName() + " closed on " + Thread.currentThread().getName());
        closed = true;
        DEPTH.get()[0]--;
    }
}
