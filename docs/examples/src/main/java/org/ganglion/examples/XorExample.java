package org.ganglion.examples;

import org.ganglion.autograd.Variable;
import org.ganglion.core.DType;
import org.ganglion.core.DeviceRegistry;
import org.ganglion.core.RandomKey;
import org.ganglion.core.Tensor;
import org.ganglion.core.spi.Activation;

/**
 * A two-layer perceptron built by hand from Variables learns XOR with plain gradient descent on the
 * CPU device: the smallest end-to-end use of tensors, autograd and a device.
 */
public final class XorExample {
    private XorExample() {}

    /** Trains and returns the final accuracy (1.0 when every case is right). */
    public static double run(boolean print) {
        Tensor x = Tensor.of(new float[] {0, 0, 0, 1, 1, 0, 1, 1}, 4, 2);
        Tensor y = Tensor.of(new float[] {0, 1, 1, 0}, 4, 1);
        RandomKey key = RandomKey.of(42);
        Variable w1 = Variable.param(Tensor.randn(key.fold(1), DType.FLOAT32, 2, 4));
        Variable b1 = Variable.param(Tensor.zeros(4));
        Variable w2 = Variable.param(Tensor.randn(key.fold(2), DType.FLOAT32, 4, 1));
        Variable b2 = Variable.param(Tensor.zeros(1));
        Variable[] params = {w1, b1, w2, b2};
        double lr = 1.0;
        if (print) System.out.println("device: " + DeviceRegistry.global().active().id());
        Variable p = null;
        for (int epoch = 0; epoch <= 1000; epoch++) {
            Variable h = Variable.linear(Variable.of(x), w1, b1, Activation.TANH);
            p = Variable.linear(h, w2, b2, Activation.SIGMOID);
            Variable t = Variable.of(y);
            // binary cross-entropy on probabilities, clipped away from 0 and 1
            Variable pc = org.ganglion.autograd.Functions.clamp(p, 1e-7, 1 - 1e-7);
            Variable loss = t.mul(pc.log()).add(t.neg().add(1).mul(pc.neg().add(1).log())).neg().mean();
            for (Variable v : params) v.zeroGrad();
            loss.backward();
            for (Variable v : params) v.assign(v.value().sub(v.grad().mul(lr)));
            if (print && epoch % 200 == 0) System.out.printf("epoch %4d  loss %.5f%n", epoch, loss.item());
        }
        float[] out = p.value().toFloatArray(), truth = y.toFloatArray();
        int right = 0;
        for (int i = 0; i < 4; i++) {
            if ((out[i] > 0.5f) == (truth[i] > 0.5f)) right++;
            if (print) System.out.printf("xor(%s) = %.4f%n", i == 0 ? "0,0" : i == 1 ? "0,1" : i == 2 ? "1,0" : "1,1", out[i]);
        }
        if (print) System.out.println("accuracy: " + right / 4.0);
        return right / 4.0;
    }

    public static void main(String[] args) { run(true); }
}
