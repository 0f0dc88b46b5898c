package org.ganglion.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.Map;
import org.ganglion.autograd.Variable;
import org.ganglion.core.Tensor;
import org.ganglion.graph.Optimizer;
import org.ganglion.graph.Parameter;

/** The tiny problem of the hand-computed tests: {@code w = [1.0, -2.0]} (float64) and three fixed gradients. */
final class Fixture {
    private Fixture() {}

    /** g1, g2, g3. */
    static final double[][] GRADS = {{0.5, -1.0}, {-0.25, 2.0}, {0.01, 0.0}};

    static Parameter param(double... values) { return new Parameter(Tensor.of(values)); }

    /** Makes {@code p.grad()} exactly {@code g}: the gradient of {@code sum(p * g)}. */
    static void setGrad(Parameter p, Tensor g) {
        p.zeroGrad();
        p.variable().mul(Variable.of(g)).sum().backward();
    }

    static void setGrad(Parameter p, double... g) { setGrad(p, Tensor.of(g)); }

    /** {@code w} after each of {@code steps} steps with the fixed gradients. */
    static double[][] trajectory(Optimizer opt, int steps) {
        Parameter w = param(1.0, -2.0);
        double[][] out = new double[steps][];
        for (int t = 0; t < steps; t++) {
            setGrad(w, GRADS[t]);
            opt.step(Map.of("w", w));
            out[t] = w.value().toDoubleArray();
        }
        return out;
    }

    /** Every step's values within {@code 1e-12} (float64 arithmetic in another order than the hand computation). */
    static void assertTrajectory(double[][] expected, Optimizer opt) {
        double[][] actual = trajectory(opt, expected.length);
        for (int t = 0; t < expected.length; t++)
            for (int i = 0; i < expected[t].length; i++)
                assertEquals(expected[t][i], actual[t][i], 1e-12,
                        opt.name() + " step " + (t + 1) + " element " + i + ": " + Arrays.deepToString(actual));
    }
}
