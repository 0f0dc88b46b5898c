package org.ganglion.backend.ejml;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntConsumer;

/**
 * A fixed set of daemon worker threads owned by one device. {@link #run} hands out task indices
 * dynamically and the calling thread works too. Which thread runs which task never changes a
 * result: every task writes its own part of the output in a fixed order.
 *
 * <p>Why not an {@code ExecutorService}: waking a parked pool thread costs 20-50 µs, as long as a
 * whole 256³ product on two cores. Workers here spin for {@link #SPIN_NS} after their last task
 * before parking (as OpenBLAS's threads do), so back-to-back kernels hand over in about a
 * microsecond, and an idle device costs nothing once its workers have parked.
 *
 * <p>One call at a time gets the workers; a concurrent (or nested) call runs its tasks on its own
 * thread, so nothing ever waits for a worker that is busy elsewhere.
 */
final class Parallel implements AutoCloseable {
    static final long SPIN_NS = Long.getLong("ganglion.cpu.spin.us", 200) * 1000;
    private static final AtomicInteger POOLS = new AtomicInteger();

    private final int threads;
    private final Worker[] workers;
    private final AtomicBoolean busy = new AtomicBoolean();
    private long jobs;   // guarded by busy
    private volatile Job current;
    private volatile boolean closed;

    Parallel(int threads) {
        this.threads = Math.max(1, threads);
        int id = POOLS.incrementAndGet();
        workers = new Worker[this.threads - 1];
        for (int i = 0; i < workers.length; i++) {
            workers[i] = new Worker("ganglion-cpu-" + id + "-" + (i + 1));
            workers[i].start();
        }
    }

    /** Number of threads (including the caller) a call may use. */
    int threads() { return closed ? 1 : threads; }

    /** Runs {@code body.accept(i)} for every {@code i < tasks} and returns when all are done. */
    void run(int tasks, IntConsumer body) {
        if (tasks <= 1 || threads() == 1 || !busy.compareAndSet(false, true)) {
            for (int i = 0; i < tasks; i++) body.accept(i);
            return;
        }
        try {
            Job job = new Job(++jobs, tasks, body);
            current = job;
            for (Worker w : workers) if (w.parked) LockSupport.unpark(w);
            job.work();
            for (int spins = 0; job.done.get() < tasks; spins++) {
                if (spins < 20_000) Thread.onSpinWait(); else LockSupport.parkNanos(20_000);
            }
            current = null;   // do not keep the caller's arrays reachable from the workers
            Throwable t = job.error;
            if (t instanceof RuntimeException re) throw re;
            if (t instanceof Error er) throw er;
            if (t != null) throw new IllegalStateException(t);
        } finally {
            busy.set(false);
        }
    }

    @Override
    public void close() {
        closed = true;
        for (Worker w : workers) LockSupport.unpark(w);
    }

    private static final class Job {
        final long seq;
        final int tasks;
        final IntConsumer body;
        final AtomicInteger next = new AtomicInteger(), done = new AtomicInteger();
        volatile Throwable error;

        Job(long seq, int tasks, IntConsumer body) {
            this.seq = seq;
            this.tasks = tasks;
            this.body = body;
        }

        void work() {
            for (int i; (i = next.getAndIncrement()) < tasks; ) {
                try {
                    if (error == null) body.accept(i);
                } catch (Throwable t) {
                    if (error == null) error = t;
                } finally {
                    done.incrementAndGet();
                }
            }
        }
    }

    private final class Worker extends Thread {
        volatile boolean parked;

        Worker(String name) {
            super(name);
            setDaemon(true);   // never keeps a JVM alive, even if close() is forgotten
        }

        @Override
        public void run() {
            long seen = 0;   // sequence number, not the job: holding it would keep its arrays alive
            long idleSince = System.nanoTime();
            while (!closed) {
                Job j = current;
                if (j != null && j.seq != seen) {
                    seen = j.seq;
                    j.work();
                    idleSince = System.nanoTime();
                } else if (System.nanoTime() - idleSince < SPIN_NS) {
                    Thread.onSpinWait();
                } else {
                    parked = true;   // the caller reads this after publishing a job: one of us sees the other
                    if (current == j && !closed) LockSupport.park(this);
                    parked = false;
                    idleSince = System.nanoTime();
                }
            }
        }
    }
}
