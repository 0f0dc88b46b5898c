package org.ganglion.bench;

import java.util.Locale;
import org.ganglion.autograd.Variable;
import org.ganglion.core.DType;
import org.ganglion.core.RandomKey;
import org.ganglion.core.Tensor;
import org.ganglion.examples.FashionMnistMlp;
import org.ganglion.graph.Loss;
import org.ganglion.graph.Optimizer;
import org.ganglion.graph.Sequential;
import org.ganglion.nn.CrossEntropy;
import org.ganglion.optim.EpsilonPlacement;
import org.ganglion.optim.Optimizers;

/**
 * Where one training step of the Fashion-MNIST MLP (batch 128) spends its time on the active device:
 * forward + loss, backward, optimizer, averaged over 1,000 steps after 500 warm-up steps; then each
 * of the step's GEMM shapes timed alone (GFLOP/s). Add {@code -Xlog:gc} to JAVA_OPTS to see the
 * allocation rate. Usage: {@code bench/e2e.sh StepProfile}.
 */
public final class StepProfile {
    private StepProfile() {}

    public static void main(String[] args) {
        Sequential model = FashionMnistMlp.model(0);
        Optimizer opt = Optimizers.adam(1e-3, 0.9, 0.999, 1e-8, EpsilonPlacement.OUTSIDE_SQRT);
        Loss loss = new CrossEntropy(Loss.Reduction.MEAN);
        Tensor x = Tensor.rand(RandomKey.of(1), DType.FLOAT32, 128, 784);
        Tensor y = Tensor.randint(RandomKey.of(2), 0, 10, 128);
        long forward = 0, backward = 0, update = 0;
        int warmup = 500, steps = 1000;
        for (int it = 0; it < warmup + steps; it++) {
            if (it == warmup) forward = backward = update = 0;
            long t0 = System.nanoTime();
            Variable l = loss.apply(model.call(Variable.of(x)), y);
            l.item();
            long t1 = System.nanoTime();
            model.parameters().forEach(p -> p.zeroGrad());
            l.backward();
            long t2 = System.nanoTime();
            opt.step(model.namedParameters());
            long t3 = System.nanoTime();
            forward += t1 - t0;
            backward += t2 - t1;
            update += t3 - t2;
        }
        System.out.printf(Locale.ROOT, "per step: forward+loss %.3f ms, backward %.3f ms, optimizer %.3f ms%n",
                forward / 1e6 / steps, backward / 1e6 / steps, update / 1e6 / steps);
        // {m, n, k, transA, transB}: the forward and backward products of the MLP
        int[][] shapes = {{128, 256, 784, 0, 0}, {128, 128, 256, 0, 0}, {128, 10, 128, 0, 0},
                          {784, 256, 128, 1, 0}, {256, 128, 128, 1, 0}, {128, 256, 128, 0, 1}};
        for (int[] s : shapes) {
            Tensor a = Tensor.rand(RandomKey.of(3), DType.FLOAT32, s[3] == 1 ? new int[] {s[2], s[0]} : new int[] {s[0], s[2]});
            Tensor b = Tensor.rand(RandomKey.of(4), DType.FLOAT32, s[4] == 1 ? new int[] {s[1], s[2]} : new int[] {s[2], s[1]});
            Tensor aa = s[3] == 1 ? a.t() : a, bb = s[4] == 1 ? b.t() : b;
            for (int i = 0; i < 1000; i++) aa.matmul(bb);
            int reps = 3000;
            long t0 = System.nanoTime();
            for (int i = 0; i < reps; i++) aa.matmul(bb);
            double secs = (System.nanoTime() - t0) / 1e9;
            System.out.printf(Locale.ROOT, "matmul m=%d n=%d k=%d transA=%d transB=%d: %.1f us, %.0f GFLOP/s%n",
                    s[0], s[1], s[2], s[3], s[4], secs / reps * 1e6, 2.0 * s[0] * s[1] * s[2] * reps / secs / 1e9);
        }
    }
}
