package org.ganglion.data.internal;

import java.lang.ref.WeakReference;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;

/**
 * Produces items {@code first .. end-1} on one daemon thread into a bounded queue, ahead of the
 * consumer. The thread stops when every item is produced, when {@link #close()} is called, or when
 * the owner object passed to {@link #start} becomes unreachable (an abandoned iteration): the
 * thread holds the owner only weakly and checks it whenever the queue is full. It never holds a
 * strong reference to the owner, so abandoning the iteration is enough to end the thread after GC.
 *
 * <p>One consumer thread; {@link #take()} and {@link #close()} may race safely.
 */
public final class Prefetcher<T> implements AutoCloseable {
    private static final AtomicLong THREADS = new AtomicLong();
    /** How often a producer blocked on a full queue looks whether it was closed or abandoned. */
    private static final long POLL_MILLIS = 50;

    private final Shared<T> shared;

    private static final class Shared<T> {
        final BlockingQueue<Object> queue;
        volatile boolean stopped;
        volatile Thread thread;

        Shared(int capacity) { queue = new ArrayBlockingQueue<>(capacity); }
    }

    private record Failure(Throwable error) {}

    private Prefetcher(Shared<T> shared) { this.shared = shared; }

    /**
     * Starts the producer thread.
     *
     * @param owner    the object whose unreachability means "abandoned" (held weakly)
     * @param capacity how many items may wait in the queue, at least 1
     * @param produce  makes item {@code i}; called on the producer thread, in order
     */
    public static <T> Prefetcher<T> start(Object owner, int capacity, int first, int end, IntFunction<T> produce) {
        if (capacity < 1) throw new IllegalArgumentException("prefetch capacity must be at least 1, got " + capacity);
        Shared<T> shared = new Shared<>(capacity);
        Thread t = new Thread(new Producer<>(shared, new WeakReference<>(owner), first, end, produce),
                "ganglion-data-prefetch-" + THREADS.incrementAndGet());
        t.setDaemon(true);
        shared.thread = t;
        t.start();
        return new Prefetcher<>(shared);
    }

    /** The next item, waiting for the producer; rethrows (wrapped) what the producer threw. */
    @SuppressWarnings("unchecked")
    public T take() {
        if (shared.stopped) throw new IllegalStateException("the data iteration was closed");
        try {
            Object o = shared.queue.take();
            if (o instanceof Failure f) {
                close();
                if (f.error() instanceof RuntimeException re) throw re;
                if (f.error() instanceof Error e) throw e;
                throw new IllegalStateException("data prefetch failed: " + f.error(), f.error());
            }
            return (T) o;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the next batch", e);
        }
    }

    /** True while the producer thread is running (for tests and diagnostics). */
    public boolean isRunning() {
        Thread t = shared.thread;
        return t != null && t.isAlive();
    }

    /** Stops the producer and waits (up to a second) for its thread to end; idempotent. */
    @Override
    public void close() {
        shared.stopped = true;
        Thread t = shared.thread;
        if (t == null || t == Thread.currentThread()) return;
        t.interrupt();
        try {
            t.join(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        shared.queue.clear();
    }

    /** The thread body; a static class so it holds no reference to the Prefetcher or its owner. */
    private static final class Producer<T> implements Runnable {
        private final Shared<T> shared;
        private final WeakReference<Object> owner;
        private final int first, end;
        private final IntFunction<T> produce;

        Producer(Shared<T> shared, WeakReference<Object> owner, int first, int end, IntFunction<T> produce) {
            this.shared = shared;
            this.owner = owner;
            this.first = first;
            this.end = end;
            this.produce = produce;
        }

        @Override
        public void run() {
            try {
                for (int i = first; i < end && alive(); i++) {
                    Object item;
                    try {
                        item = produce.apply(i);
                    } catch (Throwable e) {
                        item = new Failure(e);
                    }
                    if (!put(item) || item instanceof Failure) return;
                }
            } finally {
                shared.thread = null;
            }
        }

        private boolean alive() { return !shared.stopped && owner.get() != null; }

        private boolean put(Object item) {
            try {
                while (alive()) if (shared.queue.offer(item, POLL_MILLIS, TimeUnit.MILLISECONDS)) return true;
            } catch (InterruptedException e) {
                // close() interrupts a blocked producer: simply stop
            }
            return false;
        }
    }
}
