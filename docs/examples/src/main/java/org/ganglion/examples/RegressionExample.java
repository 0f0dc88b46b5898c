package org.ganglion.examples;

import java.util.LinkedHashMap;
import java.util.Map;
import org.ganglion.core.DType;
import org.ganglion.core.RandomKey;
import org.ganglion.core.Tensor;
import org.ganglion.graph.Sequential;
import org.ganglion.nn.Dense;
import org.ganglion.nn.Seeding;
import org.ganglion.optim.Optimizers;
import org.ganglion.train.FitOptions;
import org.ganglion.train.Trainer;

/**
 * Regression: an MLP learns {@code y = sin(2x) + 0.5x} on [-2, 2] from 2,000 noisy samples (σ 0.1),
 * once with MSE and once with Huber loss; both reach a test MSE against the noiseless function
 * below 0.01. With 5% gross outliers in the targets, Huber stays close while MSE is pulled away.
 */
public final class RegressionExample {
    private RegressionExample() {}

    static double f(double x) { return Math.sin(2 * x) + 0.5 * x; }

    /** Test MSE against the true function, per loss ({@code mse}, {@code huber}), trained with or without outliers. */
    public static Map<String, Double> run(boolean outliers, boolean print) {
        int n = 2000;
        RandomKey key = RandomKey.of(11);
        float[] xs = Tensor.rand(key.fold(1), DType.FLOAT32, n).mul(4).sub(2).toFloatArray();
        float[] noise = Tensor.randn(key.fold(2), DType.FLOAT32, n).mul(0.1).toFloatArray();
        float[] u = Tensor.rand(key.fold(3), DType.FLOAT32, n).toFloatArray();
        float[] ys = new float[n];
        for (int i = 0; i < n; i++) ys[i] = (float) f(xs[i]) + noise[i] + (outliers && u[i] < 0.05f ? 8f : 0f);
        Tensor x = Tensor.of(xs, n, 1), y = Tensor.of(ys, n, 1);
        float[] gx = new float[200], gy = new float[200];
        for (int i = 0; i < 200; i++) { gx[i] = -2 + 4f * i / 199; gy[i] = (float) f(gx[i]); }
        Tensor tx = Tensor.of(gx, 200, 1), ty = Tensor.of(gy, 200, 1);
        Map<String, Double> err = new LinkedHashMap<>();
        for (String loss : new String[] {"mse", "huber"}) {
            Sequential m = Seeding.seed(new Sequential(new Dense(64, "tanh"), new Dense(64, "tanh"), new Dense(1)), 5);
            m.build(1);
            Trainer t = Trainer.compile(m, Optimizers.adam(3e-3), loss);
            t.fit(x, y, FitOptions.epochs(60).batchSize(64).verbose(0).seed(5));
            double mse = t.predict(tx).sub(ty).square().mean().item();
            err.put(loss, mse);
            if (print) System.out.printf("%-6s test MSE vs sin(2x)+x/2: %.5f%s%n", loss, mse, outliers ? " (5% outliers in training)" : "");
        }
        return err;
    }

    public static void main(String[] args) {
        run(false, true);
        run(true, true);
    }

}
