package org.ganglion.train.callbacks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Map;
import org.ganglion.core.RandomKey;
import org.ganglion.train.Callback;
import org.ganglion.train.TrainingContext;

/**
 * Saves a checkpoint (model, optimizer state, training position) at the end of each epoch, or only
 * when {@code monitor} improves ({@code saveBestOnly}). {@code {epoch}} in the file name is replaced
 * by the 1-based epoch. Writes are atomic, so an interrupted save never damages the last good file.
 */
public final class ModelCheckpoint implements Callback {
    private final String pattern;
    private String monitor = "val_loss";
    private boolean saveBestOnly;
    private boolean maximise;
    private double best;
    private Path lastSaved;

    public ModelCheckpoint(Path file) { this.pattern = file.toString(); }

    public ModelCheckpoint monitor(String monitor, boolean maximise) {
        this.monitor = monitor;
        this.maximise = maximise;
        return this;
    }

    public ModelCheckpoint saveBestOnly(boolean only) {
        this.saveBestOnly = only;
        return this;
    }

    /** The file written last, or null. */
    public Path lastSaved() { return lastSaved; }

    @Override
    public void onTrainBegin(TrainingContext context) { best = maximise ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY; }

    @Override
    public void onEpochEnd(TrainingContext context, int epoch, Map<String, Double> logs) {
        if (context.stopRequested() && logs.get("loss") != null && !Double.isFinite(logs.get("loss"))) return;
        if (saveBestOnly) {
            Double v = logs.get(monitor);
            if (v == null) throw new IllegalStateException("ModelCheckpoint: metric '" + monitor + "' is not logged; available: " + logs.keySet());
            if (!(maximise ? v > best : v < best)) return;
            best = v;
        }
        Path file = Path.of(pattern.replace("{epoch}", Integer.toString(epoch + 1)));
        try {
            context.trainer().saveCheckpoint(file, RandomKey.of(0).fold(context.trainer().step()));
        } catch (IOException e) {
            throw new UncheckedIOException("ModelCheckpoint: cannot write " + file, e);
        }
        lastSaved = file;
    }
}
