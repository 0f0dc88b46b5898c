package org.ganglion.examples;

import static org.junit.jupiter.api.Assertions.*;

import java.util.Map;
import org.ganglion.core.DeviceRegistry;
import org.ganglion.data.FashionMnist;
import org.ganglion.data.LoadOptions;
import org.ganglion.data.Requirements;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** Runs every documented example and checks what the documentation claims for it. */
class ExamplesTest {
    static void needFashionMnist() {
        boolean available = FashionMnist.isAvailableLocally(LoadOptions.defaults());
        String reason = "Fashion-MNIST is not installed (apt-get install dataset-fashion-mnist, or set GANGLION_DATA)";
        Assumptions.assumeTrue(Requirements.check("fashion-mnist", available, reason), reason);
    }

    @Test
    void xorIsLearnedOnTheCpuDevice() {
        assertEquals("cpu", DeviceRegistry.global().active().id(), "the EJML CPU device is found through ServiceLoader");
        assertEquals(1.0, XorExample.run(false));
    }

    @Test
    void regressionLearnsTheFunctionWithMseAndHuber() {
        Map<String, Double> clean = RegressionExample.run(false, false);
        assertTrue(clean.get("mse") < 0.01, "MSE-trained error " + clean);
        assertTrue(clean.get("huber") < 0.01, "Huber-trained error " + clean);
        Map<String, Double> dirty = RegressionExample.run(true, false);
        assertTrue(dirty.get("huber") < dirty.get("mse"), "Huber resists outliers better: " + dirty);
    }

    @Test
    void seedExampleE1OnFashionMnist() {
        needFashionMnist();
        FashionMnistE1.Result r = FashionMnistE1.run(5, 0);
        assertEquals(109_386, r.model().countParameters());
        assertTrue(r.model().summary().contains("109,386"), r.model().summary());
        assertEquals(5, r.history().size());
        assertTrue(r.history().last("val_accuracy") > 0.85, "val accuracy " + r.history().get("val_accuracy"));
        assertTrue(r.test().get("accuracy") > 0.85, "test accuracy " + r.test());
        assertEquals(1.0, r.firstPrediction().sum().item(), 1e-4, "softmax output sums to 1");
    }

    /**
     * Seed 0, as the peer's default run. Across seeds both frameworks vary by about ±0.005 (measured:
     * PyTorch 0.8867 / 0.8852 / 0.8785 for seeds 0 / 1 / 2; Ganglion 0.8858 / 0.8791 / 0.8836), so this
     * checks one fixed, reproducible run.
     */
    @Test
    void mlpReachesThePeersAccuracy() {
        needFashionMnist();
        FashionMnistMlp.Result r = FashionMnistMlp.run(10, 0, 0);
        double acc = r.test().get("sparse_categorical_accuracy");
        assertTrue(acc >= 0.88, "test accuracy " + acc + " (PyTorch reaches 0.887 with the same setup)");
    }

    @Test
    void classWeightsAndFocalLossRaiseMinorityRecall() {
        needFashionMnist();
        Map<String, Double> recall = ImbalancedFashion.run(false);
        assertTrue(recall.get("class_weights") > recall.get("plain") + 0.1, "recall " + recall);
        assertTrue(recall.get("focal") > recall.get("plain") + 0.1, "recall " + recall);
    }
}
