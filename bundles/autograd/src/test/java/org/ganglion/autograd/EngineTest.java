package org.ganglion.autograd;

import static org.ganglion.autograd.TestTensors.assertValues;
import static org.ganglion.autograd.TestTensors.of;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicReference;
import org.ganglion.core.DType;
import org.ganglion.core.ShapeMismatchException;
import org.ganglion.core.Tensor;
import org.junit.jupiter.api.Test;

/** The engine: hand-computed gradients, accumulation, graph lifetime, NoGrad, detach, deep graphs. */
class EngineTest {
    private static Variable scalar(double v) { return Variable.param(Tensor.scalar(v, DType.FLOAT64)); }

    @Test
    void handComputedGradients() {
        Variable x = scalar(2), y = scalar(3);
        Variable f = x.mul(y).add(x.sin()); // df/dx = y + cos x, df/dy = x
        f.backward();
        assertEquals(3 + Math.cos(2), x.grad().item(), 1e-12);
        assertEquals(2, y.grad().item(), 1e-12);

        Variable a = scalar(1.5);
        a.mul(a).mul(a).sub(a.log()).backward(); // 3a² - 1/a
        assertEquals(3 * 1.5 * 1.5 - 1 / 1.5, a.grad().item(), 1e-12);
    }

    @Test
    void variableUsedSeveralTimesSumsItsGradients() {
        Variable x = Variable.param(of(1, 2, 3));
        x.mul(x).add(x).sum().backward(); // 2x + 1
        assertValues(new double[] {3, 5, 7}, x.grad(), 1e-12);
    }

    @Test
    void broadcastGradientsAreSummedBackToEachShape() {
        Variable a = Variable.param(Tensor.ones(DType.FLOAT64, 3, 1)), b = Variable.param(Tensor.ones(DType.FLOAT64, 1, 4));
        a.mul(b.mul(2)).sum().backward();
        assertValues(new double[] {8, 8, 8}, a.grad(), 0);
        assertEquals(3, a.grad().shape(0));
        assertValues(new double[] {6, 6, 6, 6}, b.grad(), 0);
    }

    @Test
    void gradientsAccumulateUntilZeroGrad() {
        Variable x = Variable.param(of(1, -2));
        x.mul(3).sum().backward();
        x.mul(3).sum().backward();
        assertValues(new double[] {6, 6}, x.grad(), 0);
        x.zeroGrad();
        assertNull(x.grad());
        x.square().sum().backward();
        assertValues(new double[] {2, -4}, x.grad(), 0);
    }

    @Test
    void retainGraphAllowsASecondBackwardAndAccumulates() {
        Variable x = Variable.param(of(1, 2));
        Variable y = x.exp().sum();
        Tensor one = Tensor.scalar(1, DType.FLOAT64);
        y.backward(one, true);
        y.backward(one, true);
        assertValues(new double[] {2 * Math.exp(1), 2 * Math.exp(2)}, x.grad(), 1e-12);
        y.backward(one); // frees the graph
        IllegalStateException e = assertThrows(IllegalStateException.class, y::backward);
        assertTrue(e.getMessage().contains("retainGraph"), e.getMessage());
    }

    @Test
    void secondBackwardThroughAFreedSharedSubgraphFails() {
        Variable x = Variable.param(of(1, 2));
        Variable h = x.tanh();
        h.sum().backward();
        Variable other = h.mul(2).sum(); // built on the freed node
        assertThrows(IllegalStateException.class, other::backward);
    }

    @Test
    void nonLeavesKeepGradientsOnlyWhenAsked() {
        Variable x = Variable.param(of(1, 2));
        Variable h = x.mul(2), k = x.mul(3).retainGrad();
        h.add(k).square().sum().backward();
        assertNull(h.grad());
        assertFalse(h.isLeaf());
        assertNotNull(k.grad());
        double[] expected = {2 * 5, 2 * 10}; // d/dk (h+k)² = 2(h+k) = 2·5x
        assertValues(expected, k.grad(), 1e-12);
    }

    @Test
    void seedsAreChecked() {
        Variable x = Variable.param(of(1, 2, 3));
        Variable y = x.mul(2);
        assertThrows(ShapeMismatchException.class, y::backward);
        assertThrows(ShapeMismatchException.class, () -> y.backward(Tensor.ones(DType.FLOAT64, 2)));
        y.backward(of(1, 0, -1));
        assertValues(new double[] {2, 0, -2}, x.grad(), 0);
    }

    @Test
    void backwardOnAConstantFails() {
        assertThrows(IllegalStateException.class, () -> Variable.of(of(1, 2)).sum().backward());
    }

    @Test
    void integerAndBoolTensorsNeverRequireGradients() {
        assertThrows(IllegalArgumentException.class, () -> Variable.param(Tensor.of(new int[] {1, 2})));
        assertThrows(IllegalArgumentException.class, () -> Variable.param(Tensor.of(new boolean[] {true})));
        Variable x = Variable.param(of(1.5, 2.5));
        Variable asInt = x.to(DType.INT64);
        assertFalse(asInt.requiresGrad());
        assertFalse(Variable.of(Tensor.of(new long[] {1, 2})).add(3).requiresGrad());
    }

    @Test
    void noGradRecordsNothingAndNests() {
        Variable x = Variable.param(of(1, 2));
        try (NoGrad outer = NoGrad.enter()) {
            assertFalse(x.mul(2).requiresGrad());
            try (NoGrad inner = NoGrad.enter()) {
                assertTrue(NoGrad.isActive());
            }
            assertTrue(NoGrad.isActive());
            assertFalse(x.exp().requiresGrad());
        }
        assertFalse(NoGrad.isActive());
        assertTrue(x.mul(2).requiresGrad());
    }

    @Test
    void noGradIsThreadLocal() throws InterruptedException {
        AtomicReference<Boolean> seen = new AtomicReference<>();
        try (NoGrad ng = NoGrad.enter()) {
            Thread t = new Thread(() -> seen.set(NoGrad.isActive()));
            t.start();
            t.join();
        }
        assertEquals(Boolean.FALSE, seen.get());
    }

    @Test
    void detachCutsTheGraph() {
        Variable x = Variable.param(of(2, 3));
        Variable d = x.detach();
        assertFalse(d.requiresGrad());
        assertSame(x.value(), d.value());
        x.mul(d).sum().backward(); // only the first factor carries a gradient
        assertValues(new double[] {2, 3}, x.grad(), 0);
    }

    @Test
    void gradientsComeBackInTheLeafDtype() {
        Variable x = Variable.param(Tensor.of(new float[] {1, 2}));
        Variable y = Variable.param(of(3, 4));
        x.mul(y).sum().backward();
        assertEquals(DType.FLOAT32, x.grad().dtype());
        assertEquals(DType.FLOAT64, y.grad().dtype());
        assertValues(new double[] {3, 4}, x.grad(), 0);
        Variable z = Variable.param(Tensor.of(new float[] {1, 2}));
        z.to(DType.FLOAT64).mul(0.5).sum().backward();
        assertEquals(DType.FLOAT32, z.grad().dtype());
        assertValues(new double[] {0.5, 0.5}, z.grad(), 0);
    }

    @Test
    void deepChainDoesNotOverflowTheStack() throws InterruptedException {
        int depth = 10_000;
        AtomicReference<Throwable> failure = new AtomicReference<>();
        AtomicReference<Double> grad = new AtomicReference<>();
        // A small stack: a recursive topological sort or walk would overflow here.
        Thread t = new Thread(null, () -> {
            try {
                Variable x = scalar(0.5), h = x;
                for (int i = 0; i < depth; i++) h = h.mul(1.0001);
                h.backward();
                grad.set(x.grad().item());
            } catch (Throwable e) {
                failure.set(e);
            }
        }, "deep-chain", 256 * 1024);
        t.start();
        t.join();
        if (failure.get() != null) throw new AssertionError("deep chain failed", failure.get());
        assertEquals(Math.pow(1.0001, depth), grad.get(), 1e-9);
    }

    @Test
    void assignReplacesALeafAndStaleGraphsRefuseToBackward() {
        Variable w = Variable.param(of(1, 2));
        Variable loss = w.square().sum();
        w.assign(of(5, 6));
        IllegalStateException e = assertThrows(IllegalStateException.class, loss::backward);
        assertTrue(e.getMessage().contains("assign"), e.getMessage());
        w.square().sum().backward();
        assertValues(new double[] {10, 12}, w.grad(), 0);
        assertThrows(ShapeMismatchException.class, () -> w.assign(of(1, 2, 3)));
        assertThrows(IllegalStateException.class, () -> w.mul(2).assign(of(1, 2)));
    }

    @Test
    void customRuleWithAWrongShapeIsReported() {
        Variable x = Variable.param(of(1, 2, 3));
        Variable y = Variable.custom("broken", x.value().sum(), (g, n) -> new Variable[] {g}, x);
        ShapeMismatchException e = assertThrows(ShapeMismatchException.class, y::backward);
        assertTrue(e.getMessage().contains("broken"), e.getMessage());
    }

    @Test
    void unusedBranchesGetNoGradient() {
        Variable x = Variable.param(of(1, 2)), unused = Variable.param(of(3));
        Variable.custom("firstOnly", x.value().mul(2), (g, n) -> new Variable[] {g.mul(2), null}, x, unused).sum().backward();
        assertValues(new double[] {2, 2}, x.grad(), 0);
        assertNull(unused.grad());
    }
}
