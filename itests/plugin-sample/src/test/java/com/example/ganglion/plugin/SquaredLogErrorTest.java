package com.example.ganglion.plugin;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.ganglion.autograd.Variable;
import org.ganglion.core.ShapeMismatchException;
import org.ganglion.core.Tensor;
import org.junit.jupiter.api.Test;

class SquaredLogErrorTest {
    static final double LN2 = Math.log(2);

    @Test
    void valueAndGradient() {
        // pred [0, 1, 3], target [1, 0, 3]: log1p differences −ln2, ln2, 0 → mean = 2·ln²2/3 = 0.320302
        Variable pred = Variable.param(Tensor.of(new double[] {0, 1, 3}, 3));
        Tensor target = Tensor.of(new double[] {1, 0, 3}, 3);
        Variable loss = new SquaredLogError().apply(pred, target);
        assertEquals(0, loss.rank());
        assertEquals(2 * LN2 * LN2 / 3, loss.item(), 1e-12);
        // d/dp = 2·(log1p p − log1p t)/((1+p)·n): −2ln2/3, 2ln2/(2·3) = ln2/3, 0
        loss.backward();
        assertArrayEquals(new double[] {-2 * LN2 / 3, LN2 / 3, 0}, pred.grad().toDoubleArray(), 1e-12);
    }

    @Test
    void twoDimensionalAndPerSample() {
        // rows: [e−1, 0] vs [0, 0] → (1² + 0)/2 = 0.5 ; [3, 1] vs [1, 3] → (ln2² + ln2²)/2 = ln²2
        double e1 = Math.E - 1;
        Variable pred = Variable.of(Tensor.of(new double[] {e1, 0, 3, 1}, 2, 2));
        Tensor target = Tensor.of(new double[] {0, 0, 1, 3}, 2, 2);
        SquaredLogError l = new SquaredLogError();
        assertArrayEquals(new double[] {0.5, LN2 * LN2}, l.perSample(pred, target).value().toDoubleArray(), 1e-12);
        assertEquals((0.5 + LN2 * LN2) / 2, l.apply(pred, target).item(), 1e-12);
    }

    @Test
    void zeroWhenEqual() {
        Tensor t = Tensor.of(new float[] {0.5f, 2f, 7f}, 3, 1);
        assertEquals(0, new SquaredLogError().apply(Variable.of(t), t).item(), 0);
    }

    @Test
    void shapeMismatchIsRejected() {
        Variable pred = Variable.of(Tensor.zeros(4, 1));
        ShapeMismatchException e = assertThrows(ShapeMismatchException.class, () -> new SquaredLogError().apply(pred, Tensor.zeros(4)));
        assertTrue(e.getMessage().contains("squared_log_error"), e.getMessage());
    }
}
