package org.ganglion.data;

import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.NoSuchElementException;
import org.ganglion.core.RandomKey;
import org.ganglion.data.internal.Permutations;
import org.ganglion.data.internal.Prefetcher;

/**
 * Cuts a {@link Dataset} into batches, epoch by epoch.
 *
 * <ul>
 *   <li><b>Batching:</b> {@link Builder#batchSize} samples per batch (default 32); the last batch of
 *       an epoch is smaller unless {@link Builder#dropLast} drops it.</li>
 *   <li><b>Shuffling:</b> with {@link Builder#shuffle(RandomKey)} the sample order of epoch {@code e}
 *       is a Fisher-Yates permutation driven by Philox with {@code key.fold(e)}, computed on the host:
 *       the same key gives the same order on every device and every run. Without a key the order
 *       is {@code 0 .. N-1}.</li>
 *   <li><b>Prefetch:</b> with {@link Builder#prefetch} {@code > 0} (default 2) one daemon thread makes
 *       up to that many batches ahead into a bounded queue. It ends when the epoch is done, when the
 *       {@link Iteration} is closed, or soon after an abandoned iteration is garbage collected.</li>
 *   <li><b>Checkpoints:</b> {@link Iteration#cursor()} is the position of the next batch;
 *       {@link #resume(Cursor)} yields exactly the remaining batches of that epoch in the same order.</li>
 * </ul>
 *
 * <p>Immutable and thread-safe; each {@link Iteration} belongs to one consumer thread.
 * <pre>{@code
 * DataLoader loader = DataLoader.builder(train).batchSize(64).shuffle(RandomKey.of(42)).build();
 * for (int epoch = 0; epoch < 10; epoch++)
 *     try (DataLoader.Iteration it = loader.epoch(epoch)) {
 *         for (Batch b : it) step(b.x(), b.y());
 *     }
 * }</pre>
 */
public final class DataLoader {
    private final Dataset dataset;
    private final int batchSize;
    private final RandomKey shuffleKey;
    private final boolean dropLast;
    private final int prefetch;

    private DataLoader(Builder b) {
        this.dataset = b.dataset;
        this.batchSize = b.batchSize;
        this.shuffleKey = b.shuffleKey;
        this.dropLast = b.dropLast;
        this.prefetch = b.prefetch;
    }

    public static Builder builder(Dataset dataset) { return new Builder(dataset); }

    /** A loader with default settings: batches of 32 in order, no drop-last, prefetch 2. */
    public static DataLoader of(Dataset dataset) { return builder(dataset).build(); }

    public Dataset dataset() { return dataset; }

    public int batchSize() { return batchSize; }

    public boolean dropLast() { return dropLast; }

    /** Batches per epoch: {@code ceil(N / batchSize)}, or {@code floor} with drop-last. */
    public int batchesPerEpoch() {
        int n = dataset.size();
        return dropLast ? n / batchSize : (n + batchSize - 1) / batchSize;
    }

    /** The sample order of {@code epoch}: a permutation of {@code 0 .. N-1} (identity without shuffling). */
    public int[] order(int epoch) {
        if (epoch < 0) throw new IllegalArgumentException("epoch must be >= 0, got " + epoch);
        int n = dataset.size();
        if (shuffleKey == null) {
            int[] p = new int[n];
            for (int i = 0; i < n; i++) p[i] = i;
            return p;
        }
        return Permutations.permutation(n, shuffleKey.fold(epoch));
    }

    /** The batches of {@code epoch} from its first. Close it (try-with-resources) to stop prefetching early. */
    public Iteration epoch(int epoch) { return resume(new Cursor(epoch, 0)); }

    /** The batches of {@code cursor.epoch()} from {@code cursor.batchIndex()} to the end of that epoch. */
    public Iteration resume(Cursor cursor) {
        if (cursor.batchIndex() > batchesPerEpoch())
            throw new IllegalArgumentException("cursor " + cursor + " is past the end of an epoch of " + batchesPerEpoch() + " batches");
        return new Iteration(this, cursor.epoch(), cursor.batchIndex());
    }

    Batch batch(int[] order, int b) {
        int from = b * batchSize, to = Math.min(order.length, from + batchSize);
        return dataset.get(Arrays.copyOfRange(order, from, to));
    }

    /**
     * A position in the stream of batches: the next batch to produce is batch {@code batchIndex} of
     * epoch {@code epoch}. Stored in checkpoints through {@link #toMap()}.
     */
    public record Cursor(int epoch, int batchIndex) {
        public static final String EPOCH = "epoch", BATCH_INDEX = "batchIndex";

        public Cursor {
            if (epoch < 0 || batchIndex < 0)
                throw new IllegalArgumentException("cursor needs epoch >= 0 and batchIndex >= 0, got " + epoch + ", " + batchIndex);
        }

        /** The start of the first epoch. */
        public static Cursor start() { return new Cursor(0, 0); }

        /** {@code {"epoch": "3", "batchIndex": "17"}}; prefix the keys yourself when merging maps. */
        public Map<String, String> toMap() {
            Map<String, String> m = new LinkedHashMap<>();
            m.put(EPOCH, Integer.toString(epoch));
            m.put(BATCH_INDEX, Integer.toString(batchIndex));
            return m;
        }

        /** The inverse of {@link #toMap()}; an {@link IllegalArgumentException} names a missing or bad key. */
        public static Cursor fromMap(Map<String, String> map) {
            return new Cursor(read(map, EPOCH), read(map, BATCH_INDEX));
        }

        private static int read(Map<String, String> map, String key) {
            String v = map.get(key);
            if (v == null) throw new IllegalArgumentException("data cursor: key '" + key + "' is missing in " + map);
            try {
                return Integer.parseInt(v.trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("data cursor: key '" + key + "' is not an integer: '" + v + "'", e);
            }
        }
    }

    /**
     * The remaining batches of one epoch. Single use; iterate it directly or with for-each.
     * {@link #close()} stops the prefetch thread; an abandoned iteration stops it after GC.
     */
    public static final class Iteration implements Iterator<Batch>, Iterable<Batch>, AutoCloseable {
        private final int epoch, end;
        private final int batchSize;
        private int next;
        private final DataLoader loader;
        private final int[] order;
        private final Prefetcher<Batch> prefetcher;
        private boolean closed;

        Iteration(DataLoader loader, int epoch, int first) {
            this.loader = loader;
            this.epoch = epoch;
            this.end = loader.batchesPerEpoch();
            this.batchSize = loader.batchSize;
            this.next = first;
            this.order = loader.order(epoch);
            int[] ord = order;
            DataLoader l = loader;   // the producer must not capture this iteration (see Prefetcher)
            this.prefetcher = loader.prefetch > 0 && first < end
                    ? Prefetcher.start(this, loader.prefetch, first, end, b -> l.batch(ord, b)) : null;
        }

        /** The position of the next batch; after the last batch of epoch {@code e}, {@code (e + 1, 0)}. */
        public Cursor cursor() { return next < end ? new Cursor(epoch, next) : new Cursor(epoch + 1, 0); }

        public int epoch() { return epoch; }

        /** Batches left in this epoch. */
        public int remaining() { return end - next; }

        @Override
        public boolean hasNext() { return !closed && next < end; }

        @Override
        public Batch next() {
            if (next >= end) throw new NoSuchElementException("epoch " + epoch + " has no more batches (" + end + " in all)");
            if (closed) throw new IllegalStateException("this data iteration was closed");
            Batch b = prefetcher != null ? prefetcher.take() : loader.batch(order, next);
            next++;
            if (next == end) close();
            return b;
        }

        @Override
        public Iterator<Batch> iterator() { return this; }

        /** True while this iteration's prefetch thread is running. */
        public boolean isPrefetching() { return prefetcher != null && prefetcher.isRunning(); }

        /** Stops prefetching; the iteration then has no more batches. Idempotent. */
        @Override
        public void close() {
            closed = true;
            if (prefetcher != null) prefetcher.close();
        }

        @Override
        public String toString() { return "DataLoader.Iteration[epoch " + epoch + ", next batch " + next + " of " + end + ", batch size " + batchSize + "]"; }
    }

    /** Settings of a {@link DataLoader}. */
    public static final class Builder {
        private final Dataset dataset;
        private int batchSize = 32;
        private RandomKey shuffleKey;
        private boolean dropLast;
        private int prefetch = 2;

        Builder(Dataset dataset) {
            if (dataset == null) throw new IllegalArgumentException("DataLoader needs a dataset");
            this.dataset = dataset;
        }

        /** Samples per batch, at least 1 (default 32). */
        public Builder batchSize(int batchSize) {
            if (batchSize < 1) throw new IllegalArgumentException("batch size must be at least 1, got " + batchSize);
            this.batchSize = batchSize;
            return this;
        }

        /** Shuffle every epoch with {@code key.fold(epoch)}; {@code null} keeps the dataset order. */
        public Builder shuffle(RandomKey key) {
            this.shuffleKey = key;
            return this;
        }

        /** Shuffle with {@code RandomKey.of(seed)}. */
        public Builder shuffle(long seed) { return shuffle(RandomKey.of(seed)); }

        /** Drop the last, incomplete batch of each epoch (default false). */
        public Builder dropLast(boolean dropLast) {
            this.dropLast = dropLast;
            return this;
        }

        /** Batches made ahead on a background thread (default 2); 0 makes each batch on the caller's thread. */
        public Builder prefetch(int batches) {
            if (batches < 0) throw new IllegalArgumentException("prefetch must be >= 0, got " + batches);
            this.prefetch = batches;
            return this;
        }

        public DataLoader build() { return new DataLoader(this); }
    }
}
