package org.ganglion.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.ganglion.graph.Optimizer;
import org.junit.jupiter.api.Test;

/** The plateau policy epoch by epoch, as Keras's callback behaves. */
class ReduceLROnPlateauTest {

    @Test
    void reducesAfterPatienceEpochsWithoutImprovement() {
        ReduceLROnPlateau p = new ReduceLROnPlateau().factor(0.5).patience(2).minDelta(0);
        double lr = 1.0;
        lr = p.onEpochEnd(1.0, lr);  // best 1.0
        assertEquals(1.0, lr);
        lr = p.onEpochEnd(0.9, lr);  // best 0.9
        lr = p.onEpochEnd(0.95, lr); // wait 1
        assertEquals(1.0, lr);
        assertEquals(1, p.waitCount());
        lr = p.onEpochEnd(0.9, lr);  // equal is not better: wait 2 = patience → 0.5
        assertEquals(0.5, lr);
        assertEquals(0, p.waitCount());
        assertEquals(1, p.reductions());
        lr = p.onEpochEnd(0.8, lr);  // improvement
        assertEquals(0.5, lr);
        assertEquals(0.8, p.best());
    }

    @Test
    void minDeltaIsAbsolute() {
        ReduceLROnPlateau p = new ReduceLROnPlateau().patience(1).minDelta(0.1).factor(0.1);
        assertEquals(1.0, p.onEpochEnd(1.0, 1.0));
        // 0.95 is better by 0.05 < 0.1: not an improvement → wait 1 = patience → 0.1
        assertEquals(0.1, p.onEpochEnd(0.95, 1.0), 1e-15);
        assertEquals(1.0, p.best());
    }

    @Test
    void cooldownPausesCounting() {
        // patience 1, cooldown 2: reduce at epoch 2, then epochs 3 and 4 are cooldown (counter 2 → 1 → 0);
        // Keras counts again in the epoch where the counter reaches 0, so epoch 4 already waits and reduces.
        ReduceLROnPlateau p = new ReduceLROnPlateau().patience(1).cooldown(2).factor(0.5).minDelta(0);
        double lr = 1.0;
        lr = p.onEpochEnd(1.0, lr);             // epoch 1: best
        lr = p.onEpochEnd(1.0, lr);             // epoch 2: wait 1 → reduce, cooldown 2
        assertEquals(0.5, lr);
        lr = p.onEpochEnd(1.0, lr);             // epoch 3: counter 2 → 1, still in cooldown
        assertEquals(0.5, lr);
        assertEquals(1, p.cooldownCounter());
        lr = p.onEpochEnd(1.0, lr);             // epoch 4: counter 1 → 0, counting: wait 1 → reduce
        assertEquals(0.25, lr);
    }

    @Test
    void neverBelowMinLr() {
        ReduceLROnPlateau p = new ReduceLROnPlateau().patience(0).factor(0.1).minLr(0.05);
        double lr = 1.0;
        lr = p.onEpochEnd(1.0, lr);             // improvement first (patience 0 still needs a non-improving epoch)
        lr = p.onEpochEnd(2.0, lr);             // 0.1
        assertEquals(0.1, lr, 1e-15);
        lr = p.onEpochEnd(2.0, lr);             // max(0.01, 0.05) = 0.05
        assertEquals(0.05, lr, 1e-15);
        lr = p.onEpochEnd(2.0, lr);             // lr is not above min_lr: unchanged
        assertEquals(0.05, lr, 1e-15);
        assertEquals(2, p.reductions());
    }

    @Test
    void maxModeForAccuracies() {
        assertEquals(ReduceLROnPlateau.Mode.MAX, ReduceLROnPlateau.Mode.forMonitor("val_accuracy"));
        assertEquals(ReduceLROnPlateau.Mode.MIN, ReduceLROnPlateau.Mode.forMonitor("val_loss"));
        ReduceLROnPlateau p = new ReduceLROnPlateau().mode(ReduceLROnPlateau.Mode.MAX).patience(1).factor(0.5).minDelta(0);
        assertEquals(1.0, p.onEpochEnd(0.7, 1.0));
        assertEquals(1.0, p.onEpochEnd(0.8, 1.0));  // better
        assertEquals(0.5, p.onEpochEnd(0.75, 1.0)); // worse → reduce
    }

    @Test
    void nanIsNeverAnImprovement() {
        ReduceLROnPlateau p = new ReduceLROnPlateau().patience(2).factor(0.5);
        p.onEpochEnd(1.0, 1.0);
        p.onEpochEnd(Double.NaN, 1.0);
        assertEquals(0.5, p.onEpochEnd(Double.NaN, 1.0));
    }

    @Test
    void drivesAnOptimizerAndCheckpoints() {
        Optimizer opt = Optimizers.sgd(0.1);
        ReduceLROnPlateau p = new ReduceLROnPlateau().patience(1).factor(0.5);
        assertFalse(p.onEpochEnd(1.0, opt));
        assertTrue(p.onEpochEnd(1.0, opt));
        assertEquals(0.05, opt.learningRate(), 1e-15);
        ReduceLROnPlateau restored = new ReduceLROnPlateau().patience(1).factor(0.5);
        restored.loadStateDict(ResumeTest.viaHost(p.stateDict()));
        assertEquals(p.best(), restored.best());
        assertEquals(p.reductions(), restored.reductions());
        assertEquals(p.onEpochEnd(2.0, 0.05), restored.onEpochEnd(2.0, 0.05));
    }

    @Test
    void invalidSettings() {
        assertThrows(IllegalArgumentException.class, () -> new ReduceLROnPlateau().factor(1.0));
        assertThrows(IllegalArgumentException.class, () -> new ReduceLROnPlateau().patience(-1));
        assertThrows(IllegalArgumentException.class, () -> new ReduceLROnPlateau().minLr(-1));
    }
}
