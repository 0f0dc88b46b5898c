package org.ganglion.autograd.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.ganglion.core.RandomKey;
import org.junit.jupiter.api.Test;

/** End to end: a hand-built perceptron learns XOR with plain gradient descent. */
class XorExampleTest {
    @Test
    void learnsXor() {
        XorExample.Outcome o = XorExample.train(4, 1.0, 1000, RandomKey.of(42), 100, null);
        assertEquals(1.0, o.accuracy(), "predictions " + java.util.Arrays.toString(o.probabilities()));
        assertTrue(o.loss() < 0.05, "loss " + o.loss());
    }

    @Test
    void trainingIsReproducible() {
        XorExample.Outcome a = XorExample.train(4, 1.0, 50, RandomKey.of(7), 100, null);
        XorExample.Outcome b = XorExample.train(4, 1.0, 50, RandomKey.of(7), 100, null);
        assertEquals(a.loss(), b.loss());
    }
}
