package org.ganglion.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.ganglion.core.DeviceRegistry;
import org.ganglion.core.Tensor;
import org.ganglion.data.FashionMnist;
import org.ganglion.data.TrainTest;
import org.ganglion.examples.FashionMnistMlp;
import org.ganglion.optim.EpsilonPlacement;
import org.ganglion.optim.Optimizers;
import org.ganglion.train.Callback;
import org.ganglion.train.FitOptions;
import org.ganglion.train.Trainer;
import org.ganglion.train.TrainingContext;

/**
 * End-to-end benchmark: the Fashion-MNIST MLP 784-256-128-10 (ReLU, Adam 1e-3, batch 128) on the
 * active device, the same work as the peer's {@code peer.sh mlp}. Prints JSON with per-epoch train
 * seconds, test accuracy, and heap used after a full GC at the end of each epoch (flat = no leak).
 * Usage: MlpBench [epochs]
 */
public final class MlpBench {
    private MlpBench() {}

    public static void main(String[] args) {
        int epochs = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        TrainTest data = FashionMnist.load();
        Tensor x = data.train().x().reshape(-1, 784), y = data.train().y();
        Tensor xt = data.test().x().reshape(-1, 784), yt = data.test().y();
        Trainer trainer = Trainer.compile(FashionMnistMlp.model(0), Optimizers.adam(1e-3, 0.9, 0.999, 1e-8, EpsilonPlacement.OUTSIDE_SQRT),
                "cross_entropy", "sparse_categorical_accuracy");
        List<String> rows = new ArrayList<>();
        MemoryMXBean mem = ManagementFactory.getMemoryMXBean();
        long[] start = new long[1];
        Callback timer = new Callback() {
            @Override public void onEpochBegin(TrainingContext c, int epoch) { start[0] = System.nanoTime(); }

            @Override public void onEpochEnd(TrainingContext c, int epoch, Map<String, Double> logs) {
                double secs = (System.nanoTime() - start[0]) / 1e9;
                double acc = c.trainer().evaluate(xt, yt).get("sparse_categorical_accuracy");
                System.gc();
                long heap = mem.getHeapMemoryUsage().getUsed();
                rows.add(String.format(Locale.ROOT, "{\"epoch\": %d, \"train_s\": %.3f, \"samples_per_s\": %.0f, \"test_acc\": %.4f, \"heap_mb\": %.1f}",
                        epoch + 1, secs, x.shape(0) / secs, acc, heap / 1048576.0));
                System.err.println(rows.get(rows.size() - 1));
            }
        };
        trainer.fit(x, y, FitOptions.epochs(epochs).batchSize(128).verbose(0).seed(0).callbacks(timer));
        System.out.println("{\"bench\": \"ganglion_mlp\", \"device\": \"" + DeviceRegistry.global().active().id() + "\", \"threads\": "
                + Integer.getInteger("ganglion.cpu.threads", Runtime.getRuntime().availableProcessors()) + ", \"java\": \""
                + System.getProperty("java.version") + "\", \"epochs\": [" + String.join(", ", rows) + "]}");
    }
}
