package org.ganglion.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.concurrent.atomic.AtomicInteger;
import org.ganglion.core.RandomKey;
import org.ganglion.core.Tensor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class DataLoaderTest {
    private static final String THREAD_PREFIX = "ganglion-data-prefetch-";

    /** 100 samples: x[i] = (i, 2i, 3i), y[i] = i. */
    static TensorDataset numbered(int n) {
        float[] x = new float[n * 3];
        long[] y = new long[n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < 3; j++) x[i * 3 + j] = i * (j + 1);
            y[i] = i;
        }
        return new TensorDataset(Tensor.of(x, n, 3), Tensor.of(y, n));
    }

    static List<long[]> labelsOf(DataLoader.Iteration it) {
        List<long[]> out = new ArrayList<>();
        try (it) {
            for (Batch b : it) out.add(b.y().toLongArray());
        }
        return out;
    }

    static long prefetchThreads() {
        return Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().startsWith(THREAD_PREFIX) && t.isAlive()).count();
    }

    static boolean waitForNoPrefetchThreads(long millis) throws InterruptedException {
        long end = System.nanoTime() + millis * 1_000_000;
        while (prefetchThreads() > 0) {
            if (System.nanoTime() > end) return false;
            System.gc();
            Thread.sleep(20);
        }
        return true;
    }

    @AfterEach
    void noThreadLeftRunning() throws InterruptedException {
        assertTrue(waitForNoPrefetchThreads(5000), "a prefetch thread is still running after the test");
    }

    @Test
    void batchesHaveTheRightSizesAndDefaultBatchSizeIs32() {
        DataLoader loader = DataLoader.of(numbered(100));
        assertEquals(32, loader.batchSize());
        assertEquals(4, loader.batchesPerEpoch());
        List<Integer> sizes = new ArrayList<>();
        try (DataLoader.Iteration it = loader.epoch(0)) {
            for (Batch b : it) {
                sizes.add(b.size());
                assertArrayEquals(new int[] {b.size(), 3}, b.x().shape());
                assertArrayEquals(new int[] {b.size()}, b.y().shape());
            }
        }
        assertEquals(List.of(32, 32, 32, 4), sizes);
    }

    @Test
    void dropLastDropsTheIncompleteBatch() {
        DataLoader loader = DataLoader.builder(numbered(100)).batchSize(32).dropLast(true).build();
        assertEquals(3, loader.batchesPerEpoch());
        List<long[]> batches = labelsOf(loader.epoch(0));
        assertEquals(3, batches.size());
        batches.forEach(b -> assertEquals(32, b.length));
        DataLoader exact = DataLoader.builder(numbered(96)).batchSize(32).dropLast(true).build();
        assertEquals(3, exact.batchesPerEpoch());
    }

    @Test
    void withoutShuffleTheOrderIsTheDatasetOrderAndXMatchesY() {
        DataLoader loader = DataLoader.builder(numbered(50)).batchSize(7).build();
        long next = 0;
        try (DataLoader.Iteration it = loader.epoch(3)) {
            for (Batch b : it) {
                float[] x = b.x().toFloatArray();
                for (long y : b.y().toLongArray()) {
                    assertEquals(next, y);
                    next++;
                }
                assertEquals(b.y().toLongArray()[0] * 2, x[1], 0f, "x rows travel with their labels");
            }
        }
        assertEquals(50, next);
    }

    @Test
    void shuffleIsAPermutationReproducibleFromTheKeyAndDifferentPerEpoch() {
        DataLoader a = DataLoader.builder(numbered(100)).batchSize(10).shuffle(RandomKey.of(7)).build();
        DataLoader b = DataLoader.builder(numbered(100)).batchSize(10).shuffle(7).prefetch(0).build();
        int[] e0 = a.order(0), e1 = a.order(1);
        assertArrayEquals(e0, b.order(0), "same key, same order (prefetch or not)");
        assertFalse(Arrays.equals(e0, e1), "each epoch has its own order");
        assertFalse(Arrays.equals(e0, DataLoader.builder(numbered(100)).shuffle(8).build().order(0)), "another key, another order");
        int[] sorted = e0.clone();
        Arrays.sort(sorted);
        for (int i = 0; i < 100; i++) assertEquals(i, sorted[i]);
        long[] seen = labelsOf(a.epoch(1)).stream().flatMapToLong(Arrays::stream).toArray();
        assertArrayEquals(Arrays.stream(e1).asLongStream().toArray(), seen, "the batches follow order(epoch)");
        assertEquals(labelsOf(a.epoch(1)).stream().map(Arrays::toString).toList(),
                labelsOf(b.epoch(1)).stream().map(Arrays::toString).toList());
    }

    @Test
    void shuffleOrderIsPinned() {
        // Host-side Fisher-Yates on Philox: this order must never change (checkpoints depend on it).
        DataLoader l = DataLoader.builder(numbered(10)).shuffle(RandomKey.of(42)).build();
        assertArrayEquals(PINNED_ORDER, l.order(0));
    }

    static final int[] PINNED_ORDER = {0, 4, 2, 1, 6, 3, 8, 5, 9, 7};

    @Test
    void cursorRoundTripsThroughAMap() {
        DataLoader.Cursor c = new DataLoader.Cursor(3, 17);
        Map<String, String> m = c.toMap();
        assertEquals(Map.of("epoch", "3", "batchIndex", "17"), m);
        assertEquals(c, DataLoader.Cursor.fromMap(m));
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class, () -> DataLoader.Cursor.fromMap(Map.of("epoch", "1")));
        assertTrue(missing.getMessage().contains("batchIndex"), missing.getMessage());
        assertThrows(IllegalArgumentException.class, () -> DataLoader.Cursor.fromMap(Map.of("epoch", "x", "batchIndex", "0")));
        assertThrows(IllegalArgumentException.class, () -> new DataLoader.Cursor(-1, 0));
    }

    @Test
    void aRestoredLoaderYieldsExactlyTheRemainingBatchesOfTheEpoch() {
        DataLoader loader = DataLoader.builder(numbered(103)).batchSize(8).shuffle(11).build();
        List<String> full = labelsOf(loader.epoch(2)).stream().map(Arrays::toString).toList();
        Map<String, String> saved;
        try (DataLoader.Iteration it = loader.epoch(2)) {
            for (int i = 0; i < 5; i++) it.next();
            saved = it.cursor().toMap();
        }
        assertEquals(Map.of("epoch", "2", "batchIndex", "5"), saved);
        DataLoader fresh = DataLoader.builder(numbered(103)).batchSize(8).shuffle(11).build();
        List<String> rest = labelsOf(fresh.resume(DataLoader.Cursor.fromMap(saved))).stream().map(Arrays::toString).toList();
        assertEquals(full.subList(5, full.size()), rest);
    }

    @Test
    void cursorAfterTheLastBatchPointsAtTheNextEpoch() {
        DataLoader loader = DataLoader.builder(numbered(10)).batchSize(4).build();
        try (DataLoader.Iteration it = loader.epoch(4)) {
            assertEquals(new DataLoader.Cursor(4, 0), it.cursor());
            while (it.hasNext()) it.next();
            assertEquals(new DataLoader.Cursor(5, 0), it.cursor());
            assertThrows(NoSuchElementException.class, it::next);
        }
        try (DataLoader.Iteration it = loader.resume(new DataLoader.Cursor(4, 3))) {
            assertFalse(it.hasNext(), "a cursor at the end of an epoch has nothing left");
        }
        assertThrows(IllegalArgumentException.class, () -> loader.resume(new DataLoader.Cursor(0, 4)));
    }

    @Test
    void prefetchThreadIsADaemonAndEndsWhenTheEpochIsDone() throws InterruptedException {
        DataLoader loader = DataLoader.builder(numbered(64)).batchSize(8).build();
        try (DataLoader.Iteration it = loader.epoch(0)) {
            assertTrue(Thread.getAllStackTraces().keySet().stream()
                    .filter(t -> t.getName().startsWith(THREAD_PREFIX)).allMatch(Thread::isDaemon));
            int n = 0;
            while (it.hasNext()) {
                it.next();
                n++;
            }
            assertEquals(8, n);
            assertFalse(it.isPrefetching());
        }
        assertTrue(waitForNoPrefetchThreads(2000));
    }

    @Test
    void closingMidEpochStopsThePrefetchThread() throws InterruptedException {
        DataLoader loader = DataLoader.builder(numbered(1000)).batchSize(2).prefetch(2).build();
        DataLoader.Iteration it = loader.epoch(0);
        it.next();
        assertTrue(prefetchThreads() >= 1, "a prefetch thread runs while batches are left");
        it.close();
        assertFalse(it.isPrefetching());
        assertFalse(it.hasNext());
        assertThrows(IllegalStateException.class, it::next);
        assertTrue(waitForNoPrefetchThreads(2000));
    }

    @Test
    void anAbandonedIterationStopsItsThreadAfterGarbageCollection() throws InterruptedException {
        DataLoader loader = DataLoader.builder(numbered(1000)).batchSize(2).build();
        abandon(loader);
        assertTrue(waitForNoPrefetchThreads(10_000), "the thread of an unreachable iteration must end");
    }

    private static void abandon(DataLoader loader) {
        DataLoader.Iteration it = loader.epoch(0);
        it.next();
        assertTrue(it.isPrefetching());
    }

    @Test
    void prefetchRunsAheadButNoFurtherThanTheQueueAllows() throws InterruptedException {
        AtomicInteger calls = new AtomicInteger();
        TensorDataset base = numbered(100);
        Dataset counting = new Dataset() {
            public int size() { return base.size(); }

            public Batch get(int... indices) {
                calls.incrementAndGet();
                return base.get(indices);
            }
        };
        try (DataLoader.Iteration it = DataLoader.builder(counting).batchSize(5).prefetch(2).build().epoch(0)) {
            long end = System.nanoTime() + 2_000_000_000L;
            while (calls.get() < 3 && System.nanoTime() < end) Thread.sleep(5);
            Thread.sleep(100);
            assertEquals(3, calls.get(), "two batches queued and one waiting to be queued");
            it.next();
            assertTrue(calls.get() <= 4);
        }
    }

    @Test
    void anErrorInTheDatasetReachesTheConsumer() {
        TensorDataset base = numbered(40);
        Dataset failing = new Dataset() {
            public int size() { return base.size(); }

            public Batch get(int... indices) {
                if (indices[0] >= 20) throw new IndexOutOfBoundsException("broken sample " + indices[0]);
                return base.get(indices);
            }
        };
        for (int prefetch : new int[] {0, 2}) {
            try (DataLoader.Iteration it = DataLoader.builder(failing).batchSize(10).prefetch(prefetch).build().epoch(0)) {
                it.next();
                it.next();
                IndexOutOfBoundsException e = assertThrows(IndexOutOfBoundsException.class, it::next);
                assertTrue(e.getMessage().contains("broken sample 20"));
            }
        }
    }

    @Test
    void invalidSettingsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> DataLoader.builder(numbered(3)).batchSize(0));
        assertThrows(IllegalArgumentException.class, () -> DataLoader.builder(numbered(3)).prefetch(-1));
        assertThrows(IllegalArgumentException.class, () -> DataLoader.builder(null));
        assertNotEquals(0, DataLoader.of(numbered(1)).batchesPerEpoch());
    }
}
