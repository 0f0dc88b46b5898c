package org.ganglion.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.ganglion.autograd.Variable;
import org.ganglion.core.DType;
import org.ganglion.core.RandomKey;
import org.ganglion.core.Tensor;
import org.ganglion.graph.StateDict;
import org.junit.jupiter.api.Test;

class DropoutTest {
    private static final Tensor ONES = Tensor.ones(DType.FLOAT64, 200, 100);

    @Test
    void dropsAboutRateAndScalesSurvivorsSoTheMeanIsKept() {
        Dropout d = new Dropout(0.5);
        d.setRandomKey(RandomKey.of(1));
        double[] y = d.call(ONES).toDoubleArray();
        long zeros = Arrays.stream(y).filter(v -> v == 0).count();
        assertTrue(Arrays.stream(y).allMatch(v -> v == 0 || v == 2), "survivors are scaled by 1/(1-rate)");
        assertEquals(0.5, zeros / (double) y.length, 0.02); // 20,000 draws: 5 standard deviations ≈ 0.018
        assertEquals(1.0, T.mean(y), 0.04);
        Dropout light = new Dropout(0.2);
        double[] z = light.call(ONES).toDoubleArray();
        assertEquals(0.2, Arrays.stream(z).filter(v -> v == 0).count() / (double) z.length, 0.015);
        assertEquals(1.25, Arrays.stream(z).max().getAsDouble(), 1e-12);
    }

    @Test
    void identityInEvalModeAndForRateZero() {
        Dropout d = new Dropout(0.7);
        d.eval();
        Variable x = Variable.of(ONES);
        assertSame(x, d.call(x));
        assertEquals(0, d.counter());
        Dropout none = new Dropout(0);
        assertSame(x, none.call(x));
        assertThrows(IllegalArgumentException.class, () -> new Dropout(1));
        assertThrows(IllegalArgumentException.class, () -> new Dropout(-0.1));
    }

    @Test
    void masksAreFreshEachCallAndReproducibleFromKeyAndCounter() {
        Dropout a = new Dropout(0.5), b = new Dropout(0.5);
        a.setRandomKey(RandomKey.of(9));
        b.setRandomKey(RandomKey.of(9));
        double[] a1 = a.call(ONES).toDoubleArray(), a2 = a.call(ONES).toDoubleArray();
        assertFalse(Arrays.equals(a1, a2), "a new mask per forward pass");
        assertEquals(2, a.counter());
        assertArrayEquals(a1, b.call(ONES).toDoubleArray());
        b.setCounter(1);
        assertArrayEquals(a2, b.call(ONES).toDoubleArray());
    }

    @Test
    void stateDictCarriesKeyAndCounterSoTrainingResumesTheMaskSequence() {
        Dropout original = new Dropout(0.3);
        original.call(ONES);
        original.call(ONES);
        StateDict saved = original.stateDict();
        assertArrayEquals(new int[] {2}, saved.get("rng_state").shape());
        double[] next = original.call(ONES).toDoubleArray();

        Dropout restored = new Dropout(0.3);
        restored.call(ONES); // its own key, then replaced
        restored.loadStateDict(saved, true);
        assertEquals(2, restored.counter());
        assertEquals(original.randomKey(), restored.randomKey());
        assertArrayEquals(next, restored.call(ONES).toDoubleArray());
    }

    @Test
    void gradientFlowsThroughKeptUnitsOnly() {
        Dropout d = new Dropout(0.5);
        Variable x = Variable.param(Tensor.ones(DType.FLOAT64, 4, 8));
        Variable y = d.call(x);
        y.sum().backward();
        assertArrayEquals(y.value().toDoubleArray(), x.grad().toDoubleArray(), 0);
    }
}
