package org.ganglion.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.ganglion.autograd.GradCheck;
import org.ganglion.autograd.Variable;
import org.ganglion.core.DType;
import org.ganglion.core.Tensor;
import org.ganglion.graph.ComponentRegistry;
import org.ganglion.graph.Config;
import org.ganglion.graph.Loss;
import org.ganglion.graph.Loss.Reduction;
import org.junit.jupiter.api.Test;

/** Cross-entropies, hinge, focal, KL: hand-computed values, equivalences and gradchecks. */
class ClassificationLossTest {
    static final Tensor PROBS = T.d(new int[] {2, 3}, 0.7, 0.2, 0.1, 0.1, 0.3, 0.6);
    static final Tensor ONE_HOT = T.d(new int[] {2, 3}, 1, 0, 0, 0, 0, 1);
    static final Tensor LABELS = T.labels(0, 2);

    private static double value(Loss loss, Tensor p, Tensor y) { return loss.apply(Variable.of(p), y).item(); }

    private static double ln(double x) { return Math.log(x); }

    @Test
    void binaryCrossentropyOnProbabilitiesAndLogits() {
        assertEquals(-(ln(0.9) + ln(0.8) + ln(0.6)) / 3, value(new BinaryCrossentropy(), T.d(0.9, 0.2, 0.6), T.d(1, 0, 1)), 1e-12);
        // p = 1 with y = 0 is clipped to 1 - 1e-7: large but finite (Keras)
        assertEquals(-ln(1e-7), value(new BinaryCrossentropy(), T.d(1.0), T.d(0)), 1e-6);
        Tensor logits = T.d(2, -1, 0), y = T.d(1, 0, 1);
        double expected = (Math.log1p(Math.exp(-2)) + Math.log1p(Math.exp(-1)) + Math.log(2)) / 3;
        assertEquals(expected, value(new BinaryCrossentropy(true), logits, y), 1e-12);
        assertEquals(value(new BinaryCrossentropy(), logits.sigmoid(), y), value(new BinaryCrossentropy(true), logits, y), 1e-9);
        assertEquals(500, value(new BinaryCrossentropy(true), T.d(-500), T.d(1)), 1e-9); // no overflow
    }

    @Test
    void logitGradientIsSigmoidMinusTargetEvenAtZero() {
        Variable x = Variable.param(T.d(0, 0, 3, -2));
        Tensor y = T.d(1, 0, 0.3, 1);
        new BinaryCrossentropy(true, 0, Reduction.SUM).apply(x, y).backward();
        T.close(new double[] {-0.5, 0.5, 1 / (1 + Math.exp(-3)) - 0.3, 1 / (1 + Math.exp(2)) - 1}, x.grad(), 1e-12);
    }

    @Test
    void categoricalAndSparseCategoricalAgree() {
        double expected = -(ln(0.7) + ln(0.6)) / 2;
        assertEquals(expected, value(new CategoricalCrossentropy(), PROBS, ONE_HOT), 1e-12);
        assertEquals(expected, value(new SparseCategoricalCrossentropy(), PROBS, LABELS), 1e-12);
        assertEquals(expected, value(new SparseCategoricalCrossentropy(), PROBS, Tensor.of(new long[] {0, 2}, 2, 1)), 1e-12);
        assertEquals(expected, value(new SparseCategoricalCrossentropy(), PROBS, T.d(0, 2)), 1e-12); // integral floats
        assertEquals(expected, value(new CategoricalCrossentropy(), PROBS.mul(3), ONE_HOT), 1e-12); // rescaled to sum 1
        Tensor logits = T.randn(41, 4, 5), labels = T.labels(4, 0, 2, 2);
        Tensor oneHot = Tensor.zeros(DType.FLOAT64, 4, 5).scatterAdd(1, labels.unsqueeze(1), Tensor.ones(DType.FLOAT64, 4, 1));
        double fromLogits = value(new SparseCategoricalCrossentropy(true), logits, labels);
        assertEquals(fromLogits, value(new CategoricalCrossentropy(true), logits, oneHot), 1e-12);
        assertEquals(fromLogits, value(new CrossEntropy(), logits, labels), 1e-12);
        assertEquals(fromLogits, value(new SparseCategoricalCrossentropy(), Activations.softmax(Variable.of(logits)).value(), labels), 1e-9);
        IllegalArgumentException bad = assertThrows(IllegalArgumentException.class,
                () -> value(new SparseCategoricalCrossentropy(), PROBS, T.labels(0, 3)));
        assertTrue(bad.getMessage().contains("[0, 3)"), bad.getMessage());
        assertThrows(IllegalArgumentException.class, () -> value(new SparseCategoricalCrossentropy(), PROBS, T.d(0, 1.5)));
    }

    @Test
    void labelSmoothing() {
        // s = 0.3, C = 3: targets become 0.8, 0.1, 0.1
        double e = -(0.8 * ln(0.7) + 0.1 * ln(0.2) + 0.1 * ln(0.1));
        assertEquals(e, value(new CategoricalCrossentropy(false, 0.3, Reduction.MEAN), PROBS.slice(0, 0, 1), ONE_HOT.slice(0, 0, 1)), 1e-12);
        assertEquals(-(0.9 * ln(0.8) + 0.1 * ln(0.2)), value(new BinaryCrossentropy(false, 0.2, Reduction.MEAN), T.d(0.8), T.d(1)), 1e-12);
    }

    @Test
    void fusedCrossEntropyMatchesItsCompositeDefinition() {
        // logsumexp([1, 2, 3]) - 3
        assertEquals(Math.log(Math.exp(1) + Math.exp(2) + Math.exp(3)) - 3, value(new CrossEntropy(), T.d(new int[] {1, 3}, 1, 2, 3), T.labels(2)), 1e-12);
        Tensor logits = T.randn(43, 3, 4, 2), labels = Tensor.of(new long[] {0, 3, 1, 1, 2, 0}, 3, 2); // [N, C, d], [N, d]
        T.close(CrossEntropy.composite(Variable.of(logits), labels).mean(1).value().toDoubleArray(),
                new CrossEntropy(Reduction.NONE).apply(Variable.of(logits), labels).value(), 1e-12);
        Variable a = Variable.param(logits), b = Variable.param(logits);
        new CrossEntropy().apply(a, labels).backward();
        CrossEntropy.composite(b, labels).mean().backward();
        T.close(b.grad().toDoubleArray(), a.grad(), 1e-12);
        GradCheck.assertPasses(v -> new CrossEntropy().apply(v[0], labels), logits);
        assertEquals(0, value(new CrossEntropy(), T.d(new int[] {1, 2}, 1e4, -1e4), T.labels(0)), 1e-12); // stable
    }

    @Test
    void weightedCrossentropyBinarySparseAndCategorical() {
        WeightedCrossentropy binary = new WeightedCrossentropy(new double[] {1, 5});
        assertEquals((5 * -ln(0.8) + 1 * -ln(0.6)) / 2, value(binary, T.d(0.8, 0.4), T.d(1, 0)), 1e-12);
        WeightedCrossentropy w = new WeightedCrossentropy(new double[] {1, 2, 3});
        double expected = (-ln(0.7) + 3 * -ln(0.6)) / 2;
        assertEquals(expected, value(w, PROBS, LABELS), 1e-12);
        assertEquals(expected, value(w, PROBS, ONE_HOT), 1e-12);
        WeightedCrossentropy ones = new WeightedCrossentropy(new double[] {1, 1, 1}, true, Reduction.MEAN);
        Tensor logits = T.randn(44, 4, 3), labels = T.labels(2, 1, 0, 0);
        assertEquals(value(new CrossEntropy(), logits, labels), value(ones, logits, labels), 1e-12);
        assertThrows(IllegalArgumentException.class, () -> value(new WeightedCrossentropy(new double[] {1, 2}), PROBS, LABELS));
        Loss fromSpec = ComponentRegistry.global().loss("weighted_crossentropy", Config.of("w", "class_weights", Map.of("1", 5)));
        assertEquals((5 * -ln(0.8) + 1 * -ln(0.6)) / 2, value(fromSpec, T.d(0.8, 0.4), T.d(1, 0)), 1e-12);
    }

    @Test
    void hingeAndSquaredHingeWithKerasLabelConversion() {
        Tensor scores = T.d(0.3, -2, 1.5, 0.4), pm = T.d(1, -1, 1, -1), binary = T.d(1, 0, 1, 0);
        // max(0, 1 - y·ŷ) = 0.7, 0, 0, 1.4
        assertEquals(2.1 / 4, value(new Hinge(), scores, pm), 1e-12);
        assertEquals(2.1 / 4, value(new Hinge(), scores, binary), 1e-12);
        assertEquals((0.49 + 1.96) / 4, value(new Hinge(true, Reduction.MEAN), scores, pm), 1e-12);
        assertEquals("squared_hinge", ComponentRegistry.global().loss("squared_hinge").name());
    }

    @Test
    void focalLossDownWeightsEasyExamples() {
        // y=1, p=0.9 (easy): 0.1²·(-ln 0.9); y=0, p=0.9 (hard): 0.9²·(-ln 0.1)
        double easy = 0.01 * -ln(0.9), hard = 0.81 * -ln(0.1);
        T.close(new double[] {easy, hard}, new FocalLoss(2, null, false, Reduction.NONE).apply(Variable.of(T.d(0.9, 0.9)), T.d(1, 0)).value(), 1e-12);
        assertEquals((0.25 * easy + 0.75 * hard) / 2, value(new FocalLoss(2, 0.25, false, Reduction.MEAN), T.d(0.9, 0.9), T.d(1, 0)), 1e-12);
        Tensor p = T.d(0.9, 0.3, 0.55), y = T.d(1, 0, 1);
        assertEquals(value(new BinaryCrossentropy(), p, y), value(new FocalLoss(0, null, false, Reduction.MEAN), p, y), 1e-12);
        Tensor logits = T.d(2.2, -0.4, 0.1);
        assertEquals(value(new FocalLoss(), logits.sigmoid(), y), value(new FocalLoss(2, null, true, Reduction.MEAN), logits, y), 1e-9);
    }

    @Test
    void klDivergenceByHand() {
        Tensor y = T.d(new int[] {1, 2}, 0.5, 0.5), p = T.d(new int[] {1, 2}, 0.9, 0.1);
        assertEquals(0.5 * ln(0.5 / 0.9) + 0.5 * ln(0.5 / 0.1), value(new KLDivergence(), p, y), 1e-12);
        assertEquals(0, value(new KLDivergence(), y, y), 1e-15);
        assertEquals(ln(1 / 0.4), value(new KLDivergence(), T.d(new int[] {1, 2}, 0.4, 0.6), T.d(new int[] {1, 2}, 1, 0)), 1e-5);
    }

    @Test
    void gradientsMatchFiniteDifferences() {
        Tensor probs = T.uniform(51, 0.05, 0.95, 3, 4), targets = T.uniform(52, 0, 1, 3, 4);
        Tensor logits = T.randn(53, 3, 4), labels = T.labels(3, 0, 1);
        Tensor dist = Activations.softmax(Variable.of(T.randn(54, 3, 4))).value(), oneHot = T.d(new int[] {3, 4}, 0, 0, 0, 1, 1, 0, 0, 0, 0, 1, 0, 0);
        Tensor pm = T.d(new int[] {3, 4}, 1, -1, 1, 1, -1, -1, 1, -1, 1, 1, -1, 1);
        record Case(Loss loss, Tensor prediction, Tensor target) {}
        for (Case c : List.of(new Case(new BinaryCrossentropy(), probs, targets), new Case(new BinaryCrossentropy(true), logits, targets),
                new Case(new CategoricalCrossentropy(), dist, oneHot), new Case(new CategoricalCrossentropy(true), logits, oneHot),
                new Case(new SparseCategoricalCrossentropy(), dist, labels), new Case(new SparseCategoricalCrossentropy(true), logits, labels),
                new Case(new CrossEntropy(Reduction.SUM), logits, labels), new Case(new WeightedCrossentropy(new double[] {1, 2, 3, 4}), dist, labels),
                new Case(new WeightedCrossentropy(new double[] {1, 2, 3, 4}, true, Reduction.MEAN), logits, oneHot),
                new Case(new WeightedCrossentropy(new double[] {1, 5}, true, Reduction.MEAN), logits.slice(1, 0, 1), targets.slice(1, 0, 1).round()),
                new Case(new Hinge(), logits, pm), new Case(new Hinge(true, Reduction.MEAN), logits, pm),
                new Case(new FocalLoss(), probs, targets), new Case(new FocalLoss(2, 0.25, true, Reduction.MEAN), logits, targets),
                new Case(new KLDivergence(), dist, Activations.softmax(Variable.of(T.randn(55, 3, 4))).value())))
            GradCheck.assertPasses(v -> c.loss().apply(v[0], c.target()), c.prediction());
    }
}
