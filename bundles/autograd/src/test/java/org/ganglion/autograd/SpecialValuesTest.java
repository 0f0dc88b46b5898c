package org.ganglion.autograd;

import static org.ganglion.autograd.TestTensors.assertValues;
import static org.ganglion.autograd.TestTensors.of;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.ganglion.core.DType;
import org.ganglion.core.Tensor;
import org.junit.jupiter.api.Test;

/** Ties, kinks, extreme logits and -inf masks: where finite differences cannot look. */
class SpecialValuesTest {
    private static final double INF = Double.POSITIVE_INFINITY;

    private static void assertFinite(Tensor t) {
        for (double v : t.toDoubleArray()) assertTrue(Double.isFinite(v), "non-finite value in " + t);
    }

    @Test
    void maxWithTiesSplitsTheGradient() {
        Variable x = Variable.param(of(1, 3, 3, 2));
        x.max().backward();
        assertValues(new double[] {0, 0.5, 0.5, 0}, x.grad(), 0);

        Variable y = Variable.param(Tensor.of(new double[] {5, 5, 5, 1, 2, 0}, 2, 3));
        y.min(1).sum().backward();
        assertValues(new double[] {1 / 3.0, 1 / 3.0, 1 / 3.0, 0, 0, 1}, y.grad(), 1e-15);
    }

    @Test
    void maximumAndMinimumTiesSplitHalfAndHalf() {
        Variable a = Variable.param(of(1, 2, 3)), b = Variable.param(of(1, 5, 0));
        a.maximum(b).sum().backward();
        assertValues(new double[] {0.5, 0, 1}, a.grad(), 0);
        assertValues(new double[] {0.5, 1, 0}, b.grad(), 0);
        a.zeroGrad();
        b.zeroGrad();
        a.minimum(b).sum().backward();
        assertValues(new double[] {0.5, 1, 0}, a.grad(), 0);
        assertValues(new double[] {0.5, 0, 1}, b.grad(), 0);
    }

    @Test
    void kinksFollowPyTorch() {
        Variable x = Variable.param(of(-1, 0, 2));
        x.abs().sum().backward();
        assertValues(new double[] {-1, 0, 1}, x.grad(), 0);
        x.zeroGrad();
        x.relu().sum().backward();
        assertValues(new double[] {0, 0, 1}, x.grad(), 0);
        x.zeroGrad();
        Functions.clamp(x, 0, 2).sum().backward(); // 1 on the interval's ends too
        assertValues(new double[] {0, 1, 1}, x.grad(), 0);
    }

    @Test
    void powAtZeroHasNoNaN() {
        Variable base = Variable.param(of(0, 0, 2)), exponent = Variable.param(of(0, 2, 3));
        base.pow(exponent).sum().backward();
        assertValues(new double[] {0, 0, 12}, base.grad(), 1e-12);   // 0^0: 0 (not 0·0^-1 = NaN)
        assertValues(new double[] {0, 0, 8 * Math.log(2)}, exponent.grad(), 1e-12); // 0^y·ln 0 -> 0
        Variable negative = Variable.param(of(-2, 3));
        negative.pow(2).sum().backward(); // constant exponent: no log of a negative is ever taken
        assertValues(new double[] {-4, 6}, negative.grad(), 0);
    }

    @Test
    void softmaxAtHugeLogitsIsFiniteWithCorrectGradient() {
        Tensor logits = Tensor.of(new double[] {1e4, -1e4, 0, -1e4, 1e4, 1e4}, 2, 3);
        Tensor w = Tensor.of(new double[] {1, 2, 3, 4, 5, 6}, 2, 3);
        Variable x = Variable.param(logits);
        Variable s = Functions.softmax(x, 1);
        assertValues(new double[] {1, 0, 0, 0, 0.5, 0.5}, s.value(), 1e-12);
        s.mul(Variable.of(w)).sum().backward();
        // d/dx sum(s·w) = s·(w - sum(s·w)): row 0 is saturated (all 0); row 1: 0.5·(5 - 5.5), 0.5·(6 - 5.5)
        assertFinite(x.grad());
        assertValues(new double[] {0, 0, 0, 0, -0.25, 0.25}, x.grad(), 1e-12);
    }

    @Test
    void logSoftmaxAtHugeLogitsIsFiniteWithCorrectGradient() {
        Variable x = Variable.param(Tensor.of(new double[] {1e4, -1e4, 0}, 1, 3));
        Variable ls = Functions.logSoftmax(x, 1);
        assertValues(new double[] {0, -2e4, -1e4}, ls.value(), 1e-9);
        ls.sum().backward(); // 1 - 3·softmax
        assertValues(new double[] {-2, 1, 1}, x.grad(), 1e-12);
        Variable f32 = Variable.param(Tensor.of(new float[] {-1e4f, 1e4f}, 2));
        Functions.logSoftmax(f32, 0).sum().backward();
        assertFinite(f32.grad());
        assertEquals(Math.log(2) + 1e4, Functions.logSumExp(Variable.of(of(1e4, 1e4)), false).item(), 1e-9);
    }

    @Test
    void maskedEntriesGetZeroGradientWithoutNaN() {
        Variable x = Variable.param(Tensor.of(new double[] {0, -INF, 1, -INF, 2, -INF}, 2, 3));
        Variable s = Functions.softmax(x, 1), ls = Functions.logSoftmax(x, 1), lse = Functions.logSumExp(x, false, 1);
        assertFinite(s.value());
        assertFinite(lse.value());
        s.mul(Variable.of(Tensor.of(new double[] {1, 2, 3, 4, 5, 6}, 2, 3))).sum().backward();
        assertFinite(x.grad());
        x.zeroGrad();
        ls.slice(0, 0, 1).slice(1, 0, 1).sum().add(lse.sum()).backward(); // d(x - lse)/dx at a -inf entry is 1 - 0: keep those out
        assertFinite(x.grad());
        double[] g = x.grad().toDoubleArray();
        assertEquals(0.0, g[1]);
        assertEquals(0.0, g[3]);
        assertEquals(0.0, g[5]);
    }

    @Test
    void rowOfAllMinusInfinity() {
        Variable x = Variable.param(Tensor.of(new double[] {1, 2, -INF, -INF}, 2, 2));
        Variable lse = Functions.logSumExp(x, false, 1);
        assertValues(new double[] {Math.log(Math.exp(1) + Math.exp(2)), -INF}, lse.value(), 1e-12);
        lse.slice(0, 0, 1).sum().backward();
        assertFinite(x.grad()); // the empty row gets 0, not 0/0
        assertValues(new double[] {Math.exp(1) / (Math.exp(1) + Math.exp(2)), Math.exp(2) / (Math.exp(1) + Math.exp(2)), 0, 0},
                x.grad(), 1e-12);
        x.zeroGrad();
        Functions.logSumExp(x, false, 1).exp().sum().backward(); // exp(-inf) = 0 downstream: gradients stay finite everywhere
        assertFinite(x.grad());
        assertTrue(Double.isNaN(Functions.softmax(x, 1).value().toDoubleArray()[2]), "softmax of an empty row is 0/0, as PyTorch");
    }

    @Test
    void float32GradientsStayFloat32() {
        Variable x = Variable.param(Tensor.of(new float[] {1, 2, 3}, 3));
        Functions.softmax(x, 0).mul(Variable.of(Tensor.of(new float[] {1, 0, 0}, 3))).sum().backward();
        assertEquals(DType.FLOAT32, x.grad().dtype());
    }
}
