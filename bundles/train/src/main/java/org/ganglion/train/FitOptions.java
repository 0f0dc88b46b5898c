package org.ganglion.train;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.ganglion.core.RandomKey;
import org.ganglion.data.Dataset;

/**
 * Options of {@link Trainer#fit}, Keras defaults: 1 epoch, batch size 32, shuffling every epoch,
 * progress output (verbose 1). Build with {@code FitOptions.epochs(5).batchSize(128)...}.
 */
public final class FitOptions {
    int epochs = 1;
    int batchSize = 32;
    double validationSplit;
    Dataset validationData;
    Map<Integer, Double> classWeights;
    final List<Callback> callbacks = new ArrayList<>();
    boolean shuffle = true;
    RandomKey shuffleKey = RandomKey.of(0);
    int verbose = 1;
    int prefetch = 2;

    public static FitOptions defaults() { return new FitOptions(); }

    public static FitOptions epochs(int epochs) { return new FitOptions().withEpochs(epochs); }

    public FitOptions withEpochs(int epochs) {
        if (epochs < 0) throw new IllegalArgumentException("fit: epochs must be >= 0, got " + epochs);
        this.epochs = epochs;
        return this;
    }

    public FitOptions batchSize(int batchSize) {
        if (batchSize <= 0) throw new IllegalArgumentException("fit: batchSize must be positive, got " + batchSize);
        this.batchSize = batchSize;
        return this;
    }

    /** Holds out the last {@code fraction} of the training samples (before shuffling) for validation, as Keras. */
    public FitOptions validationSplit(double fraction) {
        if (!(fraction >= 0 && fraction < 1)) throw new IllegalArgumentException("fit: validationSplit must be in [0, 1), got " + fraction);
        this.validationSplit = fraction;
        return this;
    }

    public FitOptions validationData(Dataset data) {
        this.validationData = data;
        return this;
    }

    /** Class index → weight applied to each sample's loss (Keras {@code class_weight}). */
    public FitOptions classWeights(Map<Integer, Double> weights) {
        this.classWeights = Map.copyOf(weights);
        return this;
    }

    public FitOptions callbacks(Callback... cbs) {
        callbacks.addAll(List.of(cbs));
        return this;
    }

    public FitOptions shuffle(boolean shuffle) {
        this.shuffle = shuffle;
        return this;
    }

    /** The key the per-epoch shuffles derive from. */
    public FitOptions seed(long seed) {
        this.shuffleKey = RandomKey.of(seed);
        return this;
    }

    /** 0 silent, 1 progress bar (plain lines when not a terminal), 2 one line per epoch. */
    public FitOptions verbose(int verbose) {
        this.verbose = verbose;
        return this;
    }

    /** Batches prepared ahead on a background thread (0 disables). */
    public FitOptions prefetch(int batches) {
        this.prefetch = batches;
        return this;
    }
}
