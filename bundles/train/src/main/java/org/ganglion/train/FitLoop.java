package org.ganglion.train;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ganglion.data.Batch;
import org.ganglion.data.DataLoader;
import org.ganglion.data.Dataset;
import org.ganglion.graph.Module;
import org.ganglion.graph.Optimizer;
import org.ganglion.train.callbacks.TerminateOnNaN;

/** One run of {@link Trainer#fit}: epochs of steps, validation, callbacks. */
final class FitLoop implements TrainingContext {
    private final Trainer trainer;
    private final DataLoader loader;
    private final Dataset validation;
    private final FitOptions options;
    private final List<Callback> callbacks = new ArrayList<>();
    private final History history = new History();
    private volatile String stopReason;

    FitLoop(Trainer trainer, DataLoader loader, Dataset validation, FitOptions options) {
        this.trainer = trainer;
        this.loader = loader;
        this.validation = validation;
        this.options = options;
        if (options.verbose > 0) callbacks.add(Trainer.progressCallback(options.verbose));
        callbacks.add(new TerminateOnNaN());
        callbacks.addAll(options.callbacks);
    }

    History run() {
        callbacks.forEach(c -> c.onTrainBegin(this));
        DataLoader.Cursor cursor = trainer.cursor();
        int first = Math.max(trainer.epoch(), cursor.epoch());
        if (cursor.epoch() < first) cursor = new DataLoader.Cursor(first, 0);
        for (int epoch = first; epoch < options.epochs && stopReason == null; epoch++) {
            runEpoch(epoch, cursor.epoch() == epoch ? cursor : new DataLoader.Cursor(epoch, 0));
        }
        history.stopped(stopReason);
        callbacks.forEach(c -> c.onTrainEnd(this));
        return history;
    }

    private void runEpoch(int epoch, DataLoader.Cursor start) {
        final int e = epoch;
        callbacks.forEach(c -> c.onEpochBegin(this, e));
        trainer.resetMetrics();
        double lossSum = 0;
        long samples = 0;
        try (DataLoader.Iteration it = loader.resume(start)) {
            while (it.hasNext() && stopReason == null) {
                Batch b = it.next();
                double l = trainer.trainStep(b.x(), b.y(), Trainer.sampleWeights(options.classWeights, b.y()));
                trainer.advance(it.cursor());
                lossSum += l * b.size();
                samples += b.size();
                Map<String, Double> logs = new LinkedHashMap<>();
                logs.put("loss", lossSum / samples);
                logs.putAll(trainer.metricLogs(""));
                if (!Double.isFinite(l)) logs.put("batch_loss", l);
                long s = trainer.step();
                trainer.publish(new Trainer.Progress(epoch, s, loader.batchesPerEpoch(), lossSum / samples, logs));
                callbacks.forEach(c -> c.onBatchEnd(this, s, logs));
            }
        }
        if (stopReason != null && !history.keys().isEmpty() && samples == 0) return;
        Map<String, Double> logs = new LinkedHashMap<>();
        logs.put("loss", samples == 0 ? Double.NaN : lossSum / samples);
        logs.putAll(trainer.metricLogs(""));
        if (validation != null && stopReason == null) logs.putAll(trainer.evaluate(validation, options.batchSize, "val_"));
        logs.put("lr", trainer.optimizer().learningRate());
        if (stopReason == null) trainer.finishEpoch(epoch);
        history.add(epoch, logs);
        callbacks.forEach(c -> c.onEpochEnd(this, e, logs));
    }

    @Override public Module model() { return trainer.model(); }

    @Override public Optimizer optimizer() { return trainer.optimizer(); }

    @Override public Trainer trainer() { return trainer; }

    @Override public History history() { return history; }

    @Override public int epochs() { return options.epochs; }

    @Override public int stepsPerEpoch() { return loader.batchesPerEpoch(); }

    @Override public void stopTraining(String reason) { if (stopReason == null) stopReason = reason; }

    @Override public boolean stopRequested() { return stopReason != null; }

    String stopReason() { return stopReason; }
}
