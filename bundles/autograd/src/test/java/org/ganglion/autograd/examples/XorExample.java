package org.ganglion.autograd.examples;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import org.ganglion.autograd.Functions;
import org.ganglion.autograd.NoGrad;
import org.ganglion.autograd.Variable;
import org.ganglion.core.DType;
import org.ganglion.core.RandomKey;
import org.ganglion.core.Tensor;
import org.ganglion.core.spi.Activation;

/**
 * XOR with a 2-4-1 perceptron built by hand from variables: tanh hidden layer, sigmoid output,
 * binary cross-entropy (computed from the logits), plain gradient descent.
 *
 * <p>Run: {@code mvn -B -pl bundles/autograd test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=org.ganglion.autograd.examples.XorExample}
 */
public final class XorExample {
    static final Tensor INPUTS = Tensor.of(new float[] {0, 0, 0, 1, 1, 0, 1, 1}, 4, 2);
    static final Tensor TARGETS = Tensor.of(new float[] {0, 1, 1, 0}, 4, 1);

    /** The trained model's final loss, its accuracy on the four points, and its predicted probabilities. */
    public record Outcome(double loss, double accuracy, float[] probabilities) {}

    private XorExample() {}

    public static void main(String[] args) {
        Outcome o = train(4, 1.0, 1000, RandomKey.of(42), 100, System.out);
        float[] x = INPUTS.toFloatArray(), y = TARGETS.toFloatArray();
        for (int i = 0; i < 4; i++)
            System.out.printf(Locale.ROOT, "%.0f xor %.0f = %.0f   predicted %.4f%n", x[2 * i], x[2 * i + 1], y[i], o.probabilities()[i]);
        System.out.printf(Locale.ROOT, "final loss %.5f, accuracy %.2f%n", o.loss(), o.accuracy());
    }

    /** Trains from weights drawn with {@code key}; prints the loss every {@code printEvery} epochs when {@code log} is not null. */
    public static Outcome train(int hidden, double learningRate, int epochs, RandomKey key, int printEvery, PrintStream log) {
        Variable w1 = Variable.param(Tensor.randn(key.fold(1), DType.FLOAT32, 2, hidden));
        Variable b1 = Variable.param(Tensor.zeros(DType.FLOAT32, hidden));
        Variable w2 = Variable.param(Tensor.randn(key.fold(2), DType.FLOAT32, hidden, 1).mul(1 / Math.sqrt(hidden)));
        Variable b2 = Variable.param(Tensor.zeros(DType.FLOAT32, 1));
        List<Variable> params = List.of(w1, b1, w2, b2);
        Variable x = Variable.of(INPUTS), y = Variable.of(TARGETS);
        double loss = Double.NaN;
        for (int epoch = 1; epoch <= epochs; epoch++) {
            Variable logits = logits(x, w1, b1, w2, b2);
            // BCE from logits: mean(softplus(z) - y·z) = mean(-y·log σ(z) - (1-y)·log(1-σ(z))), without log(0)
            Variable l = Functions.softplus(logits).sub(y.mul(logits)).mean();
            l.backward();
            loss = l.item();
            try (NoGrad ng = NoGrad.enter()) {
                for (Variable p : params) {
                    p.assign(p.value().sub(p.grad().mul(learningRate)));
                    p.zeroGrad();
                }
            }
            if (log != null && (epoch % printEvery == 0 || epoch == 1))
                log.printf(Locale.ROOT, "epoch %5d  loss %.5f%n", epoch, loss);
        }
        float[] p;
        try (NoGrad ng = NoGrad.enter()) {
            p = logits(x, w1, b1, w2, b2).sigmoid().value().toFloatArray();
        }
        float[] t = TARGETS.toFloatArray();
        int correct = 0;
        for (int i = 0; i < 4; i++) if ((p[i] > 0.5f) == (t[i] > 0.5f)) correct++;
        return new Outcome(loss, correct / 4.0, p);
    }

    private static Variable logits(Variable x, Variable w1, Variable b1, Variable w2, Variable b2) {
        Variable h = Variable.linear(x, w1, b1, Activation.TANH);
        return h.matmul(w2).add(b2);
    }
}
