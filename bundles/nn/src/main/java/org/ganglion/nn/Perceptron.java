package org.ganglion.nn;

import java.util.Arrays;
import java.util.Map;
import org.ganglion.autograd.Variable;
import org.ganglion.core.DType;
import org.ganglion.core.ShapeMismatchException;
import org.ganglion.core.Tensor;
import org.ganglion.graph.Module;
import org.ganglion.graph.Parameter;

/**
 * The Rosenblatt perceptron (Rosenblatt 1958): one neuron {@code z = w·x + b} with a threshold
 * output, trained by the perceptron learning rule rather than by gradients.
 *
 * <p>Output: Heaviside {@code 1 if z >= 0 else 0} (labels {0, 1}), or with {@link Output#SIGN}
 * {@code +1 if z >= 0 else -1} (labels {-1, +1}). Shapes: input {@code [n, features]}, output
 * {@code [n]}. Parameters {@code weight [features]} and {@code bias []}, float64, initialised to 0.
 *
 * <p>Learning rule ({@link #fit}): examples are visited in order; for each misclassified one,
 * {@code w += lr·(y - ŷ)·x} and {@code b += lr·(y - ŷ)} (correct ones leave the weights unchanged,
 * since {@code y - ŷ = 0}). Training stops after the first epoch without a mistake. On linearly
 * separable data this happens after finitely many updates (Novikoff 1962); on data that are not
 * linearly separable, such as XOR, no epoch is ever error-free. The rule runs on the host, one
 * example at a time, as the algorithm is sequential; prediction ({@link #forward}) runs on the device.
 */
public class Perceptron extends Module {
    /** The threshold function of the output. */
    public enum Output { STEP, SIGN }

    /**
     * What {@link #fit} did: {@code epochs} run, whether the last one was error-free
     * ({@code converged}), and the number of misclassified examples in each epoch.
     */
    public record FitResult(int epochs, boolean converged, int[] errorsPerEpoch) {
        /** The epoch (1-based) of the first error-free pass, or -1 when training did not converge. */
        public int epochsToConvergence() { return converged ? epochs : -1; }
    }

    private final Output output;
    private Parameter weight, bias;

    public Perceptron() { this(Output.STEP); }

    public Perceptron(Output output) { this.output = output; }

    public Output output() { return output; }

    public Parameter weight() { return weight; }

    public Parameter bias() { return bias; }

    @Override
    protected int[] doBuild(int[] inputShape) {
        if (inputShape.length != 1)
            throw ShapeMismatchException.of(describe(), "needs inputs [n, features]", inputShape);
        weight = addParameter("weight", Tensor.zeros(DType.FLOAT64, inputShape[0]));
        bias = addParameter("bias", Tensor.zeros(DType.FLOAT64));
        return new int[0];
    }

    /** The thresholded outputs {@code [n]} (0/1 or -1/+1) as a constant: the threshold has no useful gradient. */
    @Override
    public Variable forward(Variable x) {
        Variable z = x.to(DType.FLOAT64).matmul(weight.variable()).add(bias.variable());
        Variable s = Activations.step(z);
        return output == Output.STEP ? s : s.mul(2).sub(1);
    }

    /** Predictions for {@code x [n, features]} as a float64 {@code [n]} tensor. */
    public Tensor predict(Tensor x) { return call(x); }

    /**
     * Trains with the perceptron rule for at most {@code maxEpochs} passes over {@code x [n, features]}
     * and labels {@code y [n]} (0/1 for STEP, -1/+1 for SIGN), stopping after the first error-free pass.
     */
    public FitResult fit(Tensor x, Tensor y, int maxEpochs, double learningRate) {
        if (x.rank() != 2 || y.rank() != 1 || y.shape(0) != x.shape(0))
            throw ShapeMismatchException.of(describe() + " fit", "need x [n, features] and y [n]", x.shape(), y.shape());
        build(x.shape(1));
        int n = x.shape(0), f = x.shape(1);
        double[] xs = x.toDoubleArray(), ys = y.toDoubleArray();
        checkLabels(ys);
        double[] w = weight.value().toDoubleArray();
        double b = bias.value().item();
        int[] errors = new int[maxEpochs];
        int epoch = 0;
        boolean converged = false;
        while (epoch < maxEpochs && !converged) {
            int mistakes = 0;
            for (int i = 0; i < n; i++) {
                double z = b;
                for (int j = 0; j < f; j++) z += w[j] * xs[i * f + j];
                double predicted = z >= 0 ? 1 : output == Output.STEP ? 0 : -1;
                double delta = learningRate * (ys[i] - predicted);
                if (delta == 0) continue;
                mistakes++;
                for (int j = 0; j < f; j++) w[j] += delta * xs[i * f + j];
                b += delta;
            }
            errors[epoch++] = mistakes;
            converged = mistakes == 0;
        }
        weight.assign(Tensor.of(w, f));
        bias.assign(Tensor.scalar(b, DType.FLOAT64));
        return new FitResult(epoch, converged, Arrays.copyOf(errors, epoch));
    }

    private void checkLabels(double[] ys) {
        double low = output == Output.STEP ? 0 : -1;
        for (double v : ys)
            if (v != low && v != 1)
                throw new IllegalArgumentException(describe() + ": labels must be " + (int) low + " or 1 for " + output + " output, got " + v);
    }

    @Override
    public String typeName() { return "perceptron"; }

    @Override
    public Map<String, Object> config() { return Map.of("output", output.name().toLowerCase(java.util.Locale.ROOT)); }
}
