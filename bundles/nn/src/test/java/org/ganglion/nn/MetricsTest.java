package org.ganglion.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.ganglion.core.ShapeMismatchException;
import org.ganglion.core.Tensor;
import org.ganglion.graph.ComponentRegistry;
import org.ganglion.graph.Config;
import org.ganglion.graph.Metric;
import org.junit.jupiter.api.Test;

/** Expected values are the documented examples of Keras and scikit-learn, worked by hand. */
class MetricsTest {
    private static Metric metric(String name, Object... options) { return ComponentRegistry.global().metric(name, Config.of(name, options)); }

    private static Tensor oneHot(int classes, long... labels) {
        double[] v = new double[labels.length * classes];
        for (int i = 0; i < labels.length; i++) v[i * classes + (int) labels[i]] = 1;
        return Tensor.of(v, labels.length, classes);
    }

    @Test
    void accuracyModesFromKerasDocs() {
        Metric binary = metric("binary_accuracy");
        binary.update(T.d(new int[] {4, 1}, 0.98, 1, 0, 0.6), T.d(new int[] {4, 1}, 1, 1, 0, 0));
        assertEquals(0.75, binary.result(), 1e-15);
        Tensor scores = T.d(new int[] {2, 3}, 0.1, 0.9, 0.8, 0.05, 0.95, 0);
        Metric categorical = metric("categorical_accuracy");
        categorical.update(scores, T.d(new int[] {2, 3}, 0, 0, 1, 0, 1, 0));
        assertEquals(0.5, categorical.result(), 1e-15);
        Metric sparse = metric("sparse_categorical_accuracy");
        sparse.update(scores, T.labels(2, 1));
        assertEquals(0.5, sparse.result(), 1e-15);
        Metric top2 = metric("top_k_accuracy", "k", 2);
        top2.update(scores, T.labels(2, 1));
        assertEquals(1.0, top2.result(), 1e-15);
        Metric top1 = metric("top_k_accuracy", "k", 1);
        top1.update(scores, T.d(new int[] {2, 3}, 0, 0, 1, 0, 1, 0)); // one-hot targets too
        assertEquals(0.5, top1.result(), 1e-15);
        top1.reset();
        top1.update(T.d(new int[] {1, 3}, 0.5, 0.5, 0.1), T.labels(1)); // tied with the top score: inside
        assertEquals(1.0, top1.result(), 1e-15);
    }

    @Test
    void accuracyPicksItsModeFromShapesAndStreams() {
        Accuracy a = (Accuracy) metric("accuracy");
        a.update(T.d(0.2, 0.7, 0.9), T.d(0, 1, 0));
        assertEquals(Accuracy.Mode.BINARY, a.resolvedMode());
        a.update(T.d(0.6), T.d(1));
        assertEquals(0.75, a.result(), 1e-15);
        a.reset();
        assertEquals(0, a.result());
        Tensor scores = T.d(new int[] {3, 3}, 1, 0, 0, 0, 1, 0, 0, 0, 1);
        a.update(scores, T.labels(0, 1, 1));
        assertEquals(Accuracy.Mode.SPARSE_CATEGORICAL, a.resolvedMode());
        assertEquals(2 / 3.0, a.result(), 1e-15);
        a.reset();
        a.update(scores, Tensor.of(new long[] {0, 1, 2}, 3, 1));
        assertEquals(Accuracy.Mode.SPARSE_CATEGORICAL, a.resolvedMode());
        a.reset();
        a.update(scores, oneHot(3, 0, 2, 2));
        assertEquals(Accuracy.Mode.CATEGORICAL, a.resolvedMode());
        assertEquals(2 / 3.0, a.result(), 1e-15);
        ShapeMismatchException e = assertThrows(ShapeMismatchException.class, () -> metric("sparse_categorical_accuracy").update(scores, T.labels(0, 1)));
        assertTrue(e.getMessage().startsWith("sparse_categorical_accuracy: prediction [3, 3] and target [2]"), e.getMessage());
    }

    @Test
    void precisionRecallF1FromTheScikitLearnExample() {
        // y_true = [0, 1, 2, 0, 1, 2], y_pred = [0, 2, 1, 0, 0, 1] (precision_recall_fscore_support docs)
        Tensor pred = oneHot(3, 0, 2, 1, 0, 0, 1), labels = T.labels(0, 1, 2, 0, 1, 2);
        ClassificationMetric p = (ClassificationMetric) metric("precision", "average", "macro");
        p.update(pred, labels);
        assertEquals(2 / 9.0, p.result(), 1e-12);
        assertArrayEquals(new double[] {2 / 3.0, 0, 0}, p.perClass(), 1e-12);
        assertArrayEquals(new long[][] {{2, 0, 0}, {1, 0, 1}, {0, 2, 0}}, p.confusionMatrix());
        Metric r = metric("recall", "average", "macro"), f = metric("f1", "average", "macro"), fMicro = metric("f1", "average", "micro"),
                fWeighted = metric("f1_score", "average", "weighted"), f0 = metric("f1", "class_id", 0);
        for (Metric m : new Metric[] {r, f, fMicro, fWeighted, f0}) m.update(pred, labels);
        assertEquals(1 / 3.0, r.result(), 1e-12);
        assertEquals(0.8 / 3, f.result(), 1e-12);
        assertEquals(1 / 3.0, fMicro.result(), 1e-12);
        assertEquals(0.8 / 3, fWeighted.result(), 1e-12);
        assertEquals(0.8, f0.result(), 1e-12);
    }

    @Test
    void binaryPrecisionRecallAndTheImbalancedMajorityPredictor() {
        // predictions [1, 1, 0, 1, 0] vs [1, 0, 1, 1, 0]: TP 2, FP 1, FN 1
        Tensor scores = T.d(0.9, 0.6, 0.4, 0.8, 0.1), y = T.d(1, 0, 1, 1, 0);
        for (String name : new String[] {"precision", "recall", "f1"}) {
            Metric m = metric(name);
            m.update(scores, y);
            assertEquals(2 / 3.0, m.result(), 1e-12, name);
        }
        // 95 negatives, 5 positives, always predicting 0: accuracy 0.95 but recall 0 on the minority class
        double[] labels = new double[100];
        for (int i = 95; i < 100; i++) labels[i] = 1;
        Tensor always0 = Tensor.zeros(100), truth = Tensor.of(labels, 100);
        Metric acc = metric("accuracy"), recall = metric("recall");
        acc.update(always0, truth);
        recall.update(always0, truth);
        assertEquals(0.95, acc.result(), 1e-12);
        assertEquals(0, recall.result(), 0);
    }

    @Test
    void confusionMatrixFromTheScikitLearnExampleAndStreaming() {
        ConfusionMatrix cm = (ConfusionMatrix) metric("confusion_matrix");
        // y_true = [2, 0, 2, 2, 0, 1], y_pred = [0, 0, 2, 2, 0, 2], in two batches
        cm.update(oneHot(3, 0, 0, 2), T.labels(2, 0, 2));
        cm.update(oneHot(3, 2, 0, 2), T.labels(2, 0, 1));
        assertArrayEquals(new long[][] {{2, 0, 0}, {0, 0, 1}, {1, 0, 2}}, cm.matrix());
        assertEquals(4 / 6.0, cm.result(), 1e-12);
        ConfusionMatrix fixed = new ConfusionMatrix(2, 0.5);
        fixed.update(T.d(0.7, 0.2), T.d(1, 1));
        assertArrayEquals(new long[][] {{0, 0}, {1, 1}}, fixed.matrix());
        assertThrows(IllegalArgumentException.class, () -> fixed.update(oneHot(3, 2), T.labels(2)));
        cm.reset();
        assertEquals(0, cm.total());
    }

    @Test
    void rocAucExactWithTies() {
        Metric auc = metric("roc_auc");
        auc.update(T.d(0.1, 0.4, 0.35, 0.8), T.d(0, 0, 1, 1)); // roc_auc_score docs: 0.75
        assertEquals(0.75, auc.result(), 1e-15);
        auc.reset();
        // positives {0.5, 0.9}, negatives {0.5, 0.2}: pairs 0.5/0.5 tie (½), three wins -> 3.5/4
        auc.update(T.d(new int[] {2, 1}, 0.5, 0.5), T.d(new int[] {2, 1}, 0, 1));
        auc.update(T.d(new int[] {2, 1}, 0.2, 0.9), T.d(new int[] {2, 1}, 0, 1));
        assertEquals(0.875, auc.result(), 1e-15);
        auc.reset();
        auc.update(T.d(3, 2, 1), T.d(1, 1, 1));
        assertTrue(Double.isNaN(auc.result()), "undefined with one class");
    }

    @Test
    void rocAucOneVsRestMacro() {
        Tensor scores = T.d(new int[] {4, 3}, 0.8, 0.1, 0.1, 0.2, 0.6, 0.2, 0.3, 0.3, 0.4, 0.1, 0.6, 0.3);
        // class 0: 1; class 1: positive 0.6 vs {0.1, 0.3, 0.6}: (1 + 1 + ½)/3; class 2: 1
        double expected = (1 + 2.5 / 3 + 1) / 3;
        Metric auc = metric("auc");
        auc.update(scores, T.labels(0, 1, 2, 2));
        assertEquals(expected, auc.result(), 1e-12);
        Metric onehot = metric("roc_auc");
        onehot.update(scores, oneHot(3, 0, 1, 2, 2));
        assertEquals(expected, onehot.result(), 1e-12);
        assertThrows(ShapeMismatchException.class, () -> onehot.update(T.d(0.3), T.d(1)));
    }

    @Test
    void regressionMetricsFromTheScikitLearnExamples() {
        Metric mse = metric("mse"), mae = metric("mean_absolute_error"), r2 = metric("r2");
        // y_true = [3, -0.5, 2, 7], y_pred = [2.5, 0.0, 2, 8] in two batches
        for (Metric m : new Metric[] {mse, mae, r2}) {
            m.update(T.d(2.5, 0.0), T.d(3, -0.5));
            m.update(T.d(2, 8), T.d(2, 7));
        }
        assertEquals(0.375, mse.result(), 1e-15);
        assertEquals(0.5, mae.result(), 1e-15);
        assertEquals(0.9486081370449679, r2.result(), 1e-12);
        // multi-output, uniform average: y_true [[0.5, 1], [-1, 1], [7, -6]], y_pred [[0, 2], [-1, 2], [8, -5]]
        Metric r2m = metric("r2_score"), msem = metric("mse");
        r2m.update(T.d(new int[] {1, 2}, 0, 2), T.d(new int[] {1, 2}, 0.5, 1));
        r2m.update(T.d(new int[] {2, 2}, -1, 2, 8, -5), T.d(new int[] {2, 2}, -1, 1, 7, -6));
        msem.update(T.d(new int[] {3, 2}, 0, 2, -1, 2, 8, -5), T.d(new int[] {3, 2}, 0.5, 1, -1, 1, 7, -6));
        assertEquals(0.9368005266622779, r2m.result(), 1e-12);
        assertEquals(0.7083333333333334, msem.result(), 1e-12);
        Metric constant = metric("r2");
        constant.update(T.d(2, 2), T.d(2, 2));
        assertEquals(1.0, constant.result());
        assertThrows(ShapeMismatchException.class, () -> metric("mae").update(T.d(new int[] {2, 1}, 1, 2), T.d(1, 2)));
    }
}
