package org.ganglion.runtime.internal;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.ganglion.core.DType;
import org.ganglion.core.DeviceRegistry;
import org.ganglion.core.RandomKey;
import org.ganglion.core.Tensor;
import org.ganglion.core.spi.ComputeDevice;
import org.ganglion.data.Dataset;
import org.ganglion.data.FashionMnist;
import org.ganglion.data.TensorDataset;
import org.ganglion.data.Transforms;
import org.ganglion.graph.ComponentRegistry;
import org.ganglion.graph.ModelSpec;
import org.ganglion.graph.Module;
import org.ganglion.train.Callback;
import org.ganglion.train.FitOptions;
import org.ganglion.train.Trainer;
import org.ganglion.train.TrainingContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;

/**
 * Gogo commands ({@code ganglion:devices}, {@code use}, {@code train}, {@code jobs}, {@code status},
 * {@code stop}, {@code plugins}). Training jobs run on daemon threads of an executor owned by this
 * component; {@link #deactivate} stops every job and waits for the threads to end.
 */
@Component(service = Object.class, property = {
    "osgi.command.scope=ganglion",
    "osgi.command.function=devices", "osgi.command.function=use", "osgi.command.function=train",
    "osgi.command.function=jobs", "osgi.command.function=status", "osgi.command.function=stop",
    "osgi.command.function=plugins"})
public class GanglionCommands {
    static final String THREAD_PREFIX = "ganglion-job-";
    static final String[] KINDS = {"layer", "loss", "optimizer", "initializer", "metric", "schedule", "regularizer"};

    enum State { QUEUED, RUNNING, STOPPING, STOPPED, FINISHED, FAILED }

    static final class Job {
        final int id;
        final String spec;
        final String data;
        final int epochs;
        final int batchSize;
        volatile State state = State.QUEUED;
        volatile boolean stopRequested;
        volatile Trainer trainer;
        volatile String error;
        volatile long startNanos, endNanos;
        volatile double finalLoss = Double.NaN;
        volatile Future<?> future;

        Job(int id, String spec, String data, int epochs, int batchSize) {
            this.id = id; this.spec = spec; this.data = data; this.epochs = epochs; this.batchSize = batchSize;
        }
    }

    private final Map<Integer, Job> jobs = new LinkedHashMap<>();
    private final AtomicInteger ids = new AtomicInteger();
    private final AtomicInteger threads = new AtomicInteger();
    private volatile ExecutorService executor;

    @Activate
    void activate() {
        executor = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, THREAD_PREFIX + threads.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    @Deactivate
    void deactivate() throws InterruptedException {
        ExecutorService ex = executor;
        executor = null;
        synchronized (jobs) {
            for (Job j : jobs.values()) j.stopRequested = true;
        }
        if (ex == null) return;
        ex.shutdown();
        if (!ex.awaitTermination(20, TimeUnit.SECONDS)) {
            ex.shutdownNow();
            ex.awaitTermination(10, TimeUnit.SECONDS);
        }
    }

    // ---------------------------------------------------------------- devices

    public String devices() {
        DeviceRegistry r = DeviceRegistry.global();
        ComputeDevice active = r.active();
        StringBuilder sb = new StringBuilder();
        for (ComputeDevice d : r.devices()) {
            sb.append(d == active ? "* " : "  ").append(d.id()).append("\tkind=").append(d.kind())
              .append("\tranking=").append(d.ranking()).append(d == active ? "\tactive" : "").append('\n');
        }
        sb.append("pinned: ").append(r.pinned().orElse("auto")).append('\n');
        return sb.toString();
    }

    public String use(String id) {
        DeviceRegistry r = DeviceRegistry.global();
        if (id == null || id.isBlank() || id.equals("auto")) {
            r.pin(null);
            return "unpinned; active device: " + r.active().id();
        }
        if (r.find(id).isEmpty()) {
            List<String> known = new ArrayList<>();
            for (ComputeDevice d : r.devices()) known.add(d.id());
            return "error: unknown device '" + id + "'; known devices: " + String.join(", ", known) + " (or auto)";
        }
        r.pin(id);
        return "active device: " + r.active().id();
    }

    // ---------------------------------------------------------------- plugins

    public String plugins() {
        ComponentRegistry reg = ComponentRegistry.global();
        StringBuilder sb = new StringBuilder();
        for (String kind : KINDS) {
            List<ComponentRegistry.Entry> entries = reg.entries(kind);
            sb.append(kind).append(" (").append(entries.size()).append("):\n");
            for (ComponentRegistry.Entry e : entries)
                sb.append("  ").append(e.name()).append("\t").append(e.provider()).append('\n');
        }
        return sb.toString();
    }

    // ---------------------------------------------------------------- jobs

    /** {@code train spec.json [--data fashion-mnist|synthetic] [--epochs N] [--batch N] [--optimizer adam] [--samples N]}. */
    public String train(String specPath, String... args) {
        ExecutorService ex = executor;
        if (ex == null) return "error: the runtime is not active";
        String data = "fashion-mnist", optimizer = "adam";
        int epochs = 1, batch = 32, samples = 512;
        try {
            for (int i = 0; i < args.length; i++) {
                String a = args[i];
                String v = i + 1 < args.length ? args[i + 1] : null;
                switch (a) {
                    case "--data" -> { data = req(a, v); i++; }
                    case "--epochs" -> { epochs = Integer.parseInt(req(a, v)); i++; }
                    case "--batch" -> { batch = Integer.parseInt(req(a, v)); i++; }
                    case "--optimizer" -> { optimizer = req(a, v); i++; }
                    case "--samples" -> { samples = Integer.parseInt(req(a, v)); i++; }
                    default -> throw new IllegalArgumentException("unknown option " + a);
                }
            }
            if (!data.equals("synthetic") && !data.equals("fashion-mnist"))
                throw new IllegalArgumentException("--data must be synthetic or fashion-mnist, not " + data);
        } catch (RuntimeException e) {
            return "error: " + e.getMessage()
                + "\nusage: train <spec.json> [--data fashion-mnist|synthetic] [--epochs N] [--batch N] [--optimizer NAME] [--samples N]";
        }
        Job job = new Job(ids.incrementAndGet(), specPath, data, epochs, batch);
        synchronized (jobs) { jobs.put(job.id, job); }
        final String opt = optimizer;
        final int n = samples;
        try {
            job.future = ex.submit(() -> run(job, opt, n));
        } catch (RuntimeException e) {
            job.state = State.FAILED;
            job.error = e.toString();
            return "error: could not start job: " + e;
        }
        return "job " + job.id + " started";
    }

    private static String req(String opt, String v) {
        if (v == null) throw new IllegalArgumentException(opt + " needs a value");
        return v;
    }

    private void run(Job job, String optimizer, int samples) {
        job.startNanos = System.nanoTime();
        job.state = State.RUNNING;
        try {
            ModelSpec spec = ModelSpec.read(Path.of(job.spec));
            int[] inputShape = inputShape(spec.asMap().get("input_shape"));
            Module model = spec.toModel();
            Dataset ds;
            String loss;
            List<Object> metrics = new ArrayList<>();
            if (job.data.equals("synthetic")) {
                if (inputShape == null) inputShape = new int[] {4};
                int[] out = model.build(inputShape);
                ds = synthetic(samples, inputShape, out);
                loss = "mse";
                if (ComponentRegistry.global().has("metric", "mae")) metrics.add("mae");
            } else {
                TensorDataset train = FashionMnist.load().train();
                train = Transforms.scalePixels(train);
                if (inputShape != null && inputShape.length == 1 && inputShape[0] == 784) train = Transforms.flatten(train);
                ds = train;
                loss = "sparse_categorical_crossentropy";
                if (ComponentRegistry.global().has("metric", "accuracy")) metrics.add("accuracy");
            }
            Trainer t = Trainer.compile(model, optimizer, loss, metrics.toArray());
            job.trainer = t;
            Callback stopper = new Callback() {
                @Override public void onTrainBegin(TrainingContext c) { check(c); }
                @Override public void onBatchEnd(TrainingContext c, long step, Map<String, Double> logs) { check(c); }
                @Override public void onEpochEnd(TrainingContext c, int epoch, Map<String, Double> logs) { check(c); }
                private void check(TrainingContext c) {
                    if ((job.stopRequested || Thread.currentThread().isInterrupted()) && !c.stopRequested())
                        c.stopTraining("stopped from the console");
                }
            };
            t.fit(ds, FitOptions.epochs(job.epochs).batchSize(job.batchSize).verbose(0).prefetch(0).callbacks(stopper));
            Trainer.Progress p = t.progress();
            if (p != null) job.finalLoss = p.loss();
            job.state = job.stopRequested ? State.STOPPED : State.FINISHED;
        } catch (Throwable e) {
            job.error = e.toString();
            job.state = job.stopRequested ? State.STOPPED : State.FAILED;
        } finally {
            job.endNanos = System.nanoTime();
        }
    }

    private static int[] inputShape(Object o) {
        if (!(o instanceof List<?> l)) return null;
        int[] s = new int[l.size()];
        for (int i = 0; i < s.length; i++) s[i] = ((Number) l.get(i)).intValue();
        return s;
    }

    /** x uniform in [0, 1), y = tanh(x·W) for a fixed random W: a learnable regression target. */
    static TensorDataset synthetic(int n, int[] inputShape, int[] outputShape) {
        int in = 1, out = 1;
        for (int d : inputShape) in *= d;
        for (int d : outputShape) out *= d;
        int[] xs = new int[inputShape.length + 1];
        xs[0] = n;
        System.arraycopy(inputShape, 0, xs, 1, inputShape.length);
        Tensor x = Tensor.rand(RandomKey.of(42), DType.FLOAT32, xs);
        float[] w = Tensor.rand(RandomKey.of(43), DType.FLOAT32, in, out).toFloatArray();
        float[] xv = x.toFloatArray(), yv = new float[n * out];
        for (int i = 0; i < n; i++)
            for (int o = 0; o < out; o++) {
                double s = 0;
                for (int k = 0; k < in; k++) s += xv[i * in + k] * (w[k * out + o] - 0.5);
                yv[i * out + o] = (float) Math.tanh(s);
            }
        int[] ys = new int[outputShape.length + 1];
        ys[0] = n;
        System.arraycopy(outputShape, 0, ys, 1, outputShape.length);
        return new TensorDataset(x, Tensor.of(yv, ys));
    }

    public String jobs() {
        StringBuilder sb = new StringBuilder();
        synchronized (jobs) {
            if (jobs.isEmpty()) return "no jobs\n";
            for (Job j : jobs.values())
                sb.append(j.id).append('\t').append(j.state).append('\t').append(j.data).append('\t').append(j.spec).append('\n');
        }
        return sb.toString();
    }

    public String status(int id) {
        Job j = job(id);
        if (j == null) return "error: no job " + id + "\n" + jobs();
        Trainer t = j.trainer;
        Trainer.Progress p = t == null ? null : t.progress();
        StringBuilder sb = new StringBuilder();
        sb.append("job ").append(j.id).append(": ").append(j.state).append('\n');
        sb.append("spec: ").append(j.spec).append("  data: ").append(j.data).append('\n');
        if (p != null) {
            sb.append("epoch: ").append(p.epoch() + 1).append('/').append(j.epochs)
              .append("  step: ").append(p.step()).append("  steps/epoch: ").append(p.stepsPerEpoch()).append('\n');
            sb.append("loss: ").append(p.loss()).append('\n');
            if (p.logs() != null) sb.append("metrics: ").append(p.logs()).append('\n');
            long end = j.endNanos != 0 ? j.endNanos : System.nanoTime();
            double secs = Math.max(1e-9, (end - j.startNanos) / 1e9);
            sb.append(String.format("samples/s: %.1f%n", p.step() * (double) j.batchSize / secs));
        } else {
            sb.append("step: 0\n");
        }
        sb.append("device: ").append(DeviceRegistry.global().active().id()).append('\n');
        if (j.error != null) sb.append("error: ").append(j.error).append('\n');
        return sb.toString();
    }

    public String stop(int id) {
        Job j = job(id);
        if (j == null) return "error: no job " + id + "\n" + jobs();
        j.stopRequested = true;
        if (j.state == State.RUNNING || j.state == State.QUEUED) {
            j.state = State.STOPPING;
            Future<?> f = j.future;
            try {
                if (f != null) f.get(30, TimeUnit.SECONDS);
            } catch (Exception e) {
                return "job " + id + " stop requested (still stopping: " + e + ")";
            }
        }
        return "job " + id + ": " + j.state;
    }

    private Job job(int id) {
        synchronized (jobs) { return jobs.get(id); }
    }

    /** For tests: the job's final loss (NaN until it ends). */
    Optional<Double> finalLoss(int id) {
        Job j = job(id);
        return j == null || Double.isNaN(j.finalLoss) ? Optional.empty() : Optional.of(j.finalLoss);
    }
}
