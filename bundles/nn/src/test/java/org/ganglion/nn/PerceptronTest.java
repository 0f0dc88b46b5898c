package org.ganglion.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.ganglion.autograd.NoGrad;
import org.ganglion.autograd.Variable;
import org.ganglion.core.DType;
import org.ganglion.core.Tensor;
import org.ganglion.graph.Parameter;
import org.junit.jupiter.api.Test;

/**
 * The linear-separability limit, both sides of it: the Rosenblatt {@link Perceptron} with its
 * learning rule converges to 100% training accuracy on linearly separable data (AND, OR, two
 * Gaussian blobs) and never reaches it on XOR, whose classes no line separates; a multilayer
 * perceptron (Dense 2→8 tanh, Dense 8→1 sigmoid, binary cross-entropy, plain full-batch gradient
 * descent through autograd) learns XOR to 100%.
 */
class PerceptronTest {
    static final Tensor GATE_INPUTS = Tensor.of(new double[] {0, 0, 0, 1, 1, 0, 1, 1}, 4, 2);

    private static double accuracy(Tensor predicted, Tensor y) {
        double[] p = predicted.toDoubleArray(), t = y.toDoubleArray();
        int ok = 0;
        for (int i = 0; i < p.length; i++) if (p[i] == t[i]) ok++;
        return ok / (double) p.length;
    }

    @Test
    void learnsAndAndOrToFullAccuracy() {
        for (double[] labels : List.of(new double[] {0, 0, 0, 1}, new double[] {0, 1, 1, 1})) {
            Perceptron p = new Perceptron();
            Tensor y = Tensor.of(labels, 4);
            Perceptron.FitResult r = p.fit(GATE_INPUTS, y, 100, 1.0);
            assertTrue(r.converged(), "errors per epoch " + java.util.Arrays.toString(r.errorsPerEpoch()));
            assertEquals(0, r.errorsPerEpoch()[r.epochs() - 1]);
            assertEquals(r.epochs(), r.epochsToConvergence());
            assertEquals(1.0, accuracy(p.predict(GATE_INPUTS), y));
        }
    }

    @Test
    void andGateFollowsTheHandComputedRule() {
        // lr 1, w = (0, 0), b = 0; step(z) = 1 for z >= 0. Updates on the misclassified examples:
        // epoch 1: (0,0) -> b=-1; (1,1) -> w=(1,1), b=0                                   2 errors
        // epoch 2: (0,0) -> b=-1; (0,1) -> w=(1,0), b=-2; (1,1) -> w=(2,1), b=-1          3 errors
        // epoch 3: (0,1) -> w=(2,0), b=-2; (1,0) -> w=(1,0), b=-3; (1,1) -> w=(2,1), b=-2 3 errors
        // epoch 4: (1,0) -> w=(1,1), b=-3; (1,1) -> w=(2,2), b=-2                         2 errors
        // epoch 5: (0,1) -> w=(2,1), b=-3                                                 1 error
        // epoch 6: none: 2x1 + x2 - 3 >= 0 only for (1,1)
        Perceptron p = new Perceptron();
        Perceptron.FitResult r = p.fit(GATE_INPUTS, Tensor.of(new double[] {0, 0, 0, 1}, 4), 100, 1.0);
        assertArrayEquals(new int[] {2, 3, 3, 2, 1, 0}, r.errorsPerEpoch());
        assertEquals(6, r.epochsToConvergence());
        assertArrayEquals(new double[] {2, 1}, p.weight().value().toDoubleArray(), 0);
        assertEquals(-3, p.bias().value().item(), 0);
    }

    @Test
    void separatesTwoGaussianBlobs() {
        int n = 100;
        Tensor a = T.randn(21, n, 2).mul(0.5).add(Tensor.of(new double[] {2, 2}, 2));
        Tensor b = T.randn(22, n, 2).mul(0.5).sub(Tensor.of(new double[] {2, 2}, 2));
        Tensor x = Tensor.concat(0, a, b);
        double[] labels = new double[2 * n];
        for (int i = 0; i < n; i++) labels[i] = 1;
        Tensor y = Tensor.of(labels, 2 * n);
        Perceptron p = new Perceptron();
        Perceptron.FitResult r = p.fit(x, y, 1000, 0.1);
        assertTrue(r.converged());
        assertEquals(1.0, accuracy(p.predict(x), y));
    }

    @Test
    void neverFitsXor() {
        Perceptron p = new Perceptron();
        Tensor y = Tensor.of(new double[] {0, 1, 1, 0}, 4);
        Perceptron.FitResult r = p.fit(GATE_INPUTS, y, 1000, 1.0);
        assertFalse(r.converged());
        assertEquals(1000, r.epochs());
        assertEquals(-1, r.epochsToConvergence());
        for (int e : r.errorsPerEpoch()) assertTrue(e > 0);
        assertTrue(accuracy(p.predict(GATE_INPUTS), y) < 1.0);
    }

    @Test
    void signOutputUsesPlusMinusOneLabels() {
        Perceptron p = new Perceptron(Perceptron.Output.SIGN);
        Tensor y = Tensor.of(new double[] {-1, 1, 1, 1}, 4); // OR
        assertTrue(p.fit(GATE_INPUTS, y, 100, 0.5).converged());
        assertArrayEquals(y.toDoubleArray(), p.predict(GATE_INPUTS).toDoubleArray(), 0);
        assertThrows(IllegalArgumentException.class, () -> new Perceptron().fit(GATE_INPUTS, y, 10, 1));
    }

    @Test
    @SuppressWarnings("try")
    void multilayerPerceptronSolvesXor() {
        Dense hidden = new Dense(8, "tanh").seed(3), out = new Dense(1).seed(4);
        Tensor y = Tensor.of(new float[] {0, 1, 1, 0}, 4, 1);
        Variable x = Variable.of(GATE_INPUTS.to(DType.FLOAT32));
        BinaryCrossentropy bce = new BinaryCrossentropy(true);
        double loss = Double.NaN;
        for (int epoch = 0; epoch < 2000; epoch++) {
            Variable l = bce.apply(out.call(hidden.call(x)), y);
            l.backward();
            loss = l.item();
            try (NoGrad ng = NoGrad.enter()) {
                for (Parameter p : List.of(hidden.kernel(), hidden.bias(), out.kernel(), out.bias())) {
                    p.assign(p.value().sub(p.grad().mul(0.5)));
                    p.zeroGrad();
                }
            }
        }
        Tensor probabilities = out.call(hidden.call(x)).sigmoid().value();
        Accuracy acc = Accuracy.binary();
        acc.update(probabilities, y);
        assertEquals(1.0, acc.result(), "final loss " + loss + ", probabilities " + probabilities);
        assertTrue(loss < 0.1, "loss " + loss);
    }
}
