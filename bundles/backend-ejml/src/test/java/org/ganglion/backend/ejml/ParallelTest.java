package org.ganglion.backend.ejml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicIntegerArray;
import org.junit.jupiter.api.Test;

/** The device's thread pool: every task once, errors reach the caller, daemon threads, close. */
class ParallelTest {
    @Test
    void runsEveryTaskExactlyOnceOnSeveralThreads() {
        try (Parallel p = new Parallel(2)) {
            AtomicIntegerArray hits = new AtomicIntegerArray(1000);
            Set<Thread> threads = ConcurrentHashMap.newKeySet();
            p.run(1000, i -> {
                hits.incrementAndGet(i);
                threads.add(Thread.currentThread());
                for (long s = 0, j = 0; j < 20_000; j++) s += j;   // a little work so both threads join in
            });
            for (int i = 0; i < 1000; i++) assertEquals(1, hits.get(i));
            assertTrue(threads.stream().filter(t -> t != Thread.currentThread()).allMatch(Thread::isDaemon));
        }
    }

    @Test
    void taskErrorsReachTheCaller() {
        try (Parallel p = new Parallel(2)) {
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> p.run(100, i -> {
                if (i == 57) throw new IllegalStateException("task 57");
            }));
            assertEquals("task 57", e.getMessage());
            p.run(3, i -> { });   // still usable
        }
    }

    @Test
    void afterCloseTheCallerDoesEverything() {
        Parallel p = new Parallel(2);
        p.close();
        assertEquals(1, p.threads());
        Set<Thread> threads = ConcurrentHashMap.newKeySet();
        p.run(50, i -> threads.add(Thread.currentThread()));
        assertEquals(Set.of(Thread.currentThread()), threads);
    }
}
