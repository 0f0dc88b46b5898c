package org.ganglion.examples;

import java.util.Map;
import org.ganglion.core.Tensor;
import org.ganglion.data.FashionMnist;
import org.ganglion.data.TrainTest;
import org.ganglion.graph.Sequential;
import org.ganglion.nn.Dense;
import org.ganglion.nn.Initializers;
import org.ganglion.nn.VarianceScaling;
import org.ganglion.optim.EpsilonPlacement;
import org.ganglion.nn.Seeding;
import org.ganglion.optim.Optimizers;
import org.ganglion.train.FitOptions;
import org.ganglion.train.History;
import org.ganglion.train.Trainer;

/**
 * The benchmark MLP: 784-256-128-10 with ReLU, Adam (lr 1e-3), batch 128, trained on the full
 * Fashion-MNIST training set and measured on the test set (the peer, PyTorch, reaches 0.887 after
 * 10 epochs on this machine). Initialisation and Adam's epsilon follow PyTorch's defaults, so the two
 * runs do the same work.
 */
public final class FashionMnistMlp {
    private FashionMnistMlp() {}

    public record Result(History history, Map<String, Double> test, double secondsPerEpoch) {}

    /** The peer's model, initialised as PyTorch's {@code nn.Linear} does (uniform ±1/√fan_in for kernel and bias). */
    public static Sequential model(long seed) {
        Sequential m = Seeding.seed(new Sequential(torchLinear(784, 256, "relu"), torchLinear(256, 128, "relu"), torchLinear(128, 10, "linear")), seed);
        m.build(784);
        return m;
    }

    static Dense torchLinear(int in, int units, String activation) {
        double bound = 1 / Math.sqrt(in);
        return new Dense(units, activation)
                .kernelInitializer(new VarianceScaling(1.0 / 3, VarianceScaling.Mode.FAN_IN, VarianceScaling.Distribution.UNIFORM))
                .biasInitializer(new Initializers.RandomUniform(-bound, bound));
    }

    public static Result run(int epochs, int verbose) { return run(epochs, verbose, 0); }

    /** Trains with {@code seed} for the initial weights and the data order. */
    public static Result run(int epochs, int verbose, long seed) {
        TrainTest data = FashionMnist.load();
        Tensor x = data.train().x().reshape(-1, 784), y = data.train().y();
        Trainer trainer = Trainer.compile(model(seed), Optimizers.adam(1e-3, 0.9, 0.999, 1e-8, EpsilonPlacement.OUTSIDE_SQRT), "cross_entropy", "sparse_categorical_accuracy");
        long t0 = System.nanoTime();
        History h = trainer.fit(x, y, FitOptions.epochs(epochs).batchSize(128).verbose(verbose).seed(seed));
        double secs = (System.nanoTime() - t0) / 1e9 / Math.max(1, epochs);
        Map<String, Double> test = trainer.evaluate(data.test().x().reshape(-1, 784), data.test().y());
        if (verbose > 0) System.out.printf("test accuracy %.4f, %.2f s per epoch%n", test.get("sparse_categorical_accuracy"), secs);
        return new Result(h, test, secs);
    }

    /** Arguments: [epochs (10)] [seed (0)]. */
    public static void main(String[] args) {
        int epochs = args.length > 0 && !args[0].isBlank() ? Integer.parseInt(args[0]) : 10;
        long seed = args.length > 1 ? Long.parseLong(args[1]) : 0;
        run(epochs, 1, seed);
    }
}
