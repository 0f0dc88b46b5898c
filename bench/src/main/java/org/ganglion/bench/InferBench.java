package org.ganglion.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.ganglion.autograd.NoGrad;
import org.ganglion.core.DeviceRegistry;
import org.ganglion.core.Tensor;
import org.ganglion.data.FashionMnist;
import org.ganglion.examples.FashionMnistMlp;
import org.ganglion.graph.Sequential;

/**
 * Inference throughput (samples/s) of the Fashion-MNIST MLP at batch 1 and 256, in eval mode
 * without gradient recording, the same work as the peer's {@code peer.sh infer} (argmax of each
 * batch's outputs; 1 s warm-up, 3 timed rounds of at least 2 s, median).
 */
public final class InferBench {
    private InferBench() {}

    public static void main(String[] args) {
        Tensor x = FashionMnist.load().test().x().reshape(-1, 784);
        Sequential model = FashionMnistMlp.model(0);
        model.eval();
        List<String> results = new ArrayList<>();
        try (NoGrad ng = NoGrad.enter()) {
            for (int batch : new int[] {1, 256}) {
                List<Tensor> batches = new ArrayList<>();
                for (int i = 0; i + batch <= x.shape(0); i += batch) batches.add(x.slice(0, i, i + batch).contiguous());
                run(model, batches, 1.0);
                double[] rounds = new double[3];
                for (int r = 0; r < 3; r++) rounds[r] = run(model, batches, 2.0);
                double[] sorted = rounds.clone();
                Arrays.sort(sorted);
                results.add(String.format(Locale.ROOT, "{\"batch\": %d, \"samples_per_s_rounds\": [%.0f, %.0f, %.0f], \"median\": %.0f}",
                        batch, rounds[0], rounds[1], rounds[2], sorted[1]));
                System.err.printf(Locale.ROOT, "batch %d: median %.0f samples/s%n", batch, sorted[1]);
            }
        }
        System.out.println("{\"bench\": \"ganglion_mlp_infer\", \"device\": \"" + DeviceRegistry.global().active().id()
                + "\", \"results\": [" + String.join(", ", results) + "]}");
    }

    /** Samples per second over at least {@code seconds}. */
    private static double run(Sequential model, List<Tensor> batches, double seconds) {
        long t0 = System.nanoTime(), n = 0;
        int k = 0;
        while (System.nanoTime() - t0 < seconds * 1e9) {
            Tensor b = batches.get(k++ % batches.size());
            model.call(b).argmax(1, false);
            n += b.shape(0);
        }
        return n / ((System.nanoTime() - t0) / 1e9);
    }
}
