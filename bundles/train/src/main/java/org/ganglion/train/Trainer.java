package org.ganglion.train;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ganglion.autograd.NoGrad;
import org.ganglion.autograd.Variable;
import org.ganglion.core.DType;
import org.ganglion.core.DeviceRegistry;
import org.ganglion.core.Tensor;
import org.ganglion.data.Batch;
import org.ganglion.data.DataLoader;
import org.ganglion.data.Dataset;
import org.ganglion.data.TensorDataset;
import org.ganglion.graph.Checkpoint;
import org.ganglion.graph.ComponentRegistry;
import org.ganglion.graph.Loss;
import org.ganglion.graph.Metric;
import org.ganglion.graph.Module;
import org.ganglion.graph.Optimizer;
import org.ganglion.nn.Constraints;
import org.ganglion.nn.Regularization;
import org.ganglion.train.callbacks.ProgressBar;

/**
 * Keras-style training of a {@link Module}: {@link #compile} with an optimizer, a loss and metrics
 * (objects or registered names such as {@code "adam"}, {@code "sparse_categorical_crossentropy"},
 * {@code "accuracy"}), then {@link #fit}, {@link #evaluate} and {@link #predict}.
 *
 * <p>Each training step runs under the device registry's step lock, so a device swap lands between
 * steps. A step whose loss is NaN or infinite is not applied: training stops, the message names the
 * step, and the parameters keep their last good values. The trainer remembers its epoch, step and
 * data cursor ({@link #state()}), so a fit restored from a checkpoint continues exactly where it
 * stopped. Not thread-safe.
 */
public final class Trainer {
    private final Module model;
    private final Optimizer optimizer;
    private final Loss loss;
    private final List<Metric> metrics;
    private long step;
    private int nextEpoch;
    private DataLoader.Cursor cursor = DataLoader.Cursor.start();
    private volatile Progress progress = new Progress(-1, 0, 0, Double.NaN, Map.of());

    /** What a running fit is doing, for status displays: epoch, step within the run, loss and metrics. */
    public record Progress(int epoch, long step, int stepsPerEpoch, double loss, Map<String, Double> logs) {}

    private Trainer(Module model, Optimizer optimizer, Loss loss, List<Metric> metrics) {
        this.model = model;
        this.optimizer = optimizer;
        this.loss = loss;
        this.metrics = metrics;
    }

    /**
     * Binds a model to an optimizer, a loss and metrics. Each may be an object or a registered name
     * resolved through {@link ComponentRegistry#global()}; an unknown name raises
     * {@link org.ganglion.graph.UnknownComponentException} listing the registered names.
     */
    public static Trainer compile(Module model, Object optimizer, Object loss, Object... metrics) {
        ComponentRegistry r = ComponentRegistry.global();
        Optimizer opt = optimizer instanceof Optimizer o ? o : r.optimizer(name(optimizer, "optimizer"));
        Loss l = loss instanceof Loss x ? x : r.loss(name(loss, "loss"));
        List<Metric> ms = new ArrayList<>();
        for (Object m : metrics) ms.add(m instanceof Metric x ? x : r.metric(name(m, "metric")));
        return new Trainer(model, opt, l, ms);
    }

    private static String name(Object o, String what) {
        if (o instanceof String s) return s;
        throw new IllegalArgumentException("compile: " + what + " must be a " + what + " object or a registered name, got " + o);
    }

    public Module model() { return model; }

    public Optimizer optimizer() { return optimizer; }

    public Loss loss() { return loss; }

    public List<Metric> metrics() { return List.copyOf(metrics); }

    /** Optimizer steps taken so far. */
    public long step() { return step; }

    /** The epoch the next fit starts with (0-based). */
    public int epoch() { return nextEpoch; }

    public Progress progress() { return progress; }

    // ---- fit -----------------------------------------------------------------------------

    /** Trains on arrays whose first dimension is the sample axis. */
    public History fit(Tensor x, Tensor y, FitOptions options) { return fit(new TensorDataset(x, y), options); }

    /** Trains on a dataset; validation comes from {@code options} (validationData or validationSplit). */
    public History fit(Dataset data, FitOptions options) {
        Dataset train = data, val = options.validationData;
        if (options.validationSplit > 0) {
            if (val != null) throw new IllegalArgumentException("fit: give validationData or validationSplit, not both");
            if (!(data instanceof TensorDataset td)) throw new IllegalArgumentException("fit: validationSplit needs in-memory data (a TensorDataset)");
            int cut = (int) Math.round(td.size() * (1 - options.validationSplit));
            train = td.slice(0, cut);
            val = td.slice(cut, td.size());
        }
        DataLoader.Builder b = DataLoader.builder(train).batchSize(options.batchSize).prefetch(options.prefetch);
        if (options.shuffle) b.shuffle(options.shuffleKey);
        return new FitLoop(this, b.build(), val, options).run();
    }

    /** The loop's access to the trainer's counters. */
    DataLoader.Cursor cursor() { return cursor; }

    void advance(DataLoader.Cursor next) {
        cursor = next;
        step++;
    }

    void finishEpoch(int epoch) { nextEpoch = epoch + 1; }

    void publish(Progress p) { progress = p; }

    /**
     * One optimizer step on a batch; returns the loss. Skips the update and returns the value when
     * the loss is not finite.
     */
    double trainStep(Tensor x, Tensor y, Tensor sampleWeights) {
        return DeviceRegistry.global().step(() -> {
            model.train();
            Variable pred = model.call(Variable.of(x));
            Variable l = sampleWeights == null ? loss.apply(pred, y) : loss.perSample(pred, y).mul(Variable.of(sampleWeights)).mean();
            if (Regularization.hasPenalties(model)) l = l.add(Regularization.total(model));
            double value = l.item();
            if (!Double.isFinite(value)) return value;
            model.parameters().forEach(p -> p.zeroGrad());
            l.backward();
            optimizer.step(model.namedParameters());
            Constraints.apply(model);
            try (NoGrad ng = NoGrad.enter()) {
                for (Metric m : metrics) m.update(pred.value(), y);
            }
            return value;
        });
    }

    void resetMetrics() { metrics.forEach(Metric::reset); }

    Map<String, Double> metricLogs(String prefix) {
        Map<String, Double> logs = new LinkedHashMap<>();
        for (Metric m : metrics) logs.put(prefix + m.name(), m.result());
        return logs;
    }

    // ---- evaluate / predict --------------------------------------------------------------

    /** Loss and metrics on held-out data, in eval mode ({@code loss} first, then each metric). */
    public Map<String, Double> evaluate(Tensor x, Tensor y) { return evaluate(new TensorDataset(x, y), 32); }

    public Map<String, Double> evaluate(Dataset data, int batchSize) { return evaluate(data, batchSize, ""); }

    Map<String, Double> evaluate(Dataset data, int batchSize, String prefix) {
        resetMetrics();
        double sum = 0;
        long n = 0;
        DataLoader loader = DataLoader.builder(data).batchSize(batchSize).build();
        boolean wasTraining = model.isTraining();
        model.eval();
        try (NoGrad ng = NoGrad.enter(); DataLoader.Iteration it = loader.epoch(0)) {
            for (Batch batch : it) {
                double l = DeviceRegistry.global().step(() -> {
                    Variable pred = model.call(Variable.of(batch.x()));
                    for (Metric m : metrics) m.update(pred.value(), batch.y());
                    return loss.apply(pred, batch.y()).item();
                });
                sum += l * batch.size();
                n += batch.size();
            }
        } finally {
            if (wasTraining) model.train();
        }
        Map<String, Double> logs = new LinkedHashMap<>();
        logs.put(prefix + "loss", n == 0 ? Double.NaN : sum / n);
        logs.putAll(metricLogs(prefix));
        return logs;
    }

    /** Model outputs for every sample, in eval mode, computed in batches of 32. */
    public Tensor predict(Tensor x) { return predict(x, 32); }

    public Tensor predict(Tensor x, int batchSize) {
        List<Tensor> parts = new ArrayList<>();
        boolean wasTraining = model.isTraining();
        model.eval();
        try (NoGrad ng = NoGrad.enter()) {
            int n = x.shape(0);
            for (int i = 0; i < n; i += batchSize) {
                Tensor xb = x.slice(0, i, Math.min(n, i + batchSize));
                parts.add(DeviceRegistry.global().step(() -> model.call(Variable.of(xb)).value()));
            }
        } finally {
            if (wasTraining) model.train();
        }
        return parts.size() == 1 ? parts.get(0) : Tensor.concat(0, parts.toArray(Tensor[]::new));
    }

    // ---- state for checkpoints -----------------------------------------------------------

    /** Epoch, step and data cursor as strings (checkpoint metadata). */
    public Map<String, String> state() {
        Map<String, String> s = new LinkedHashMap<>(cursor.toMap());
        s.put("step", Long.toString(step));
        s.put("next_epoch", Integer.toString(nextEpoch));
        return s;
    }

    /** Restores what {@link #state()} returned; the next fit resumes from that position. */
    public void restoreState(Map<String, String> s) {
        cursor = DataLoader.Cursor.fromMap(s);
        step = Long.parseLong(s.getOrDefault("step", "0"));
        nextEpoch = Integer.parseInt(s.getOrDefault("next_epoch", Integer.toString(cursor.epoch())));
    }

    /**
     * Writes model, optimizer state and training position atomically to {@code file}; a later
     * {@link #restoreCheckpoint} on a freshly compiled trainer continues bit for bit.
     */
    public void saveCheckpoint(java.nio.file.Path file, org.ganglion.core.RandomKey rng) throws java.io.IOException {
        Checkpoint.write(file, Checkpoint.of(model, optimizer, new Checkpoint.TrainingState(nextEpoch, step, rng, state())));
    }

    /** Loads a checkpoint written by {@link #saveCheckpoint} into this trainer's model and optimizer. */
    public Checkpoint.TrainingState restoreCheckpoint(java.nio.file.Path file) throws java.io.IOException {
        Checkpoint.Contents c = Checkpoint.read(file);
        c.restore(model, optimizer);
        Checkpoint.TrainingState ts = c.trainingState()
                .orElseThrow(() -> new org.ganglion.graph.ModelFormatException(file + ": checkpoint has no training state"));
        restoreState(ts.dataCursor());
        return ts;
    }

    /** Per-sample weights for a batch from class weights; labels may be integer classes or one-hot rows. */
    static Tensor sampleWeights(Map<Integer, Double> classWeights, Tensor y) {
        if (classWeights == null) return null;
        Tensor labels = y.dtype().isInteger() ? y : y.argmax(-1, false);
        long[] ls = labels.reshape(-1).toLongArray();
        float[] w = new float[ls.length];
        for (int i = 0; i < ls.length; i++) w[i] = classWeights.getOrDefault((int) ls[i], 1.0).floatValue();
        return Tensor.of(w).to(DType.FLOAT32);
    }

    static Callback progressCallback(int verbose) { return new ProgressBar(verbose); }
}
