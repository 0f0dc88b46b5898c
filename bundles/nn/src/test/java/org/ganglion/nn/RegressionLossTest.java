package org.ganglion.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.ganglion.autograd.GradCheck;
import org.ganglion.autograd.Variable;
import org.ganglion.core.DType;
import org.ganglion.core.DTypeMismatchException;
import org.ganglion.core.ShapeMismatchException;
import org.ganglion.core.Tensor;
import org.ganglion.graph.ComponentRegistry;
import org.ganglion.graph.Config;
import org.ganglion.graph.Loss;
import org.ganglion.graph.Loss.Reduction;
import org.junit.jupiter.api.Test;

/** MSE, MAE, Huber, log-cosh, Poisson, cosine similarity; shape checks and reductions of every loss. */
class RegressionLossTest {
    static final Tensor P = T.d(new int[] {2, 2}, 1, 2, 3, 4), Y = T.d(new int[] {2, 2}, 1, 1, 1, 1);

    private static double value(Loss loss, Tensor p, Tensor y) { return loss.apply(Variable.of(p), y).item(); }

    @Test
    void meanSquaredAndAbsoluteErrorByHand() {
        // errors 0, 1, 2, 3
        assertEquals(3.5, value(RegressionLoss.meanSquaredError(), P, Y), 1e-12);
        assertEquals(1.5, value(RegressionLoss.meanAbsoluteError(), P, Y), 1e-12);
        assertEquals(7.0, value(RegressionLoss.meanSquaredError(Reduction.SUM), P, Y), 1e-12); // Keras: sum of per-sample means
        T.close(new double[] {0.5, 6.5}, RegressionLoss.meanSquaredError(Reduction.NONE).apply(Variable.of(P), Y).value(), 1e-12);
        T.close(new double[] {0.5, 2.5}, RegressionLoss.meanAbsoluteError(Reduction.NONE).apply(Variable.of(P), Y).value(), 1e-12);
        assertEquals(2.5, value(RegressionLoss.meanSquaredError(), T.d(1, 3), T.d(2, 1)), 1e-12); // rank 1: one element per example
    }

    @Test
    void huberIsQuadraticInsideDeltaAndLinearOutside() {
        Tensor e = T.d(0.5, -2, 1, 3), zero = T.d(0, 0, 0, 0);
        // δ=1: ½·0.25, 1·(2 - ½), ½·1, 1·(3 - ½)
        assertEquals((0.125 + 1.5 + 0.5 + 2.5) / 4, value(RegressionLoss.huber(), e, zero), 1e-12);
        // δ=2: ½·0.25, ½·4, ½·1, 2·(3 - 1)
        assertEquals((0.125 + 2 + 0.5 + 4) / 4, value(RegressionLoss.huber(2, Reduction.MEAN), e, zero), 1e-12);
        // small errors: like ½·MSE; large: grows like δ·|e| (MAE-like), the opposite of the seed's wording
        assertEquals(0.5 * 0.01, value(RegressionLoss.huber(), T.d(0.1), T.d(0)), 1e-15);
        assertEquals(99.5, value(RegressionLoss.huber(), T.d(100), T.d(0)), 1e-12);
    }

    @Test
    void logCoshIsStableForLargeErrors() {
        Tensor e = T.d(0.5, -2, 30), zero = T.d(0, 0, 0);
        double expected = (Math.log(Math.cosh(0.5)) + Math.log(Math.cosh(2)) + Math.log(Math.cosh(30))) / 3;
        assertEquals(expected, value(RegressionLoss.logCosh(), e, zero), 1e-12);
        assertEquals(1000 - Math.log(2), value(RegressionLoss.logCosh(), T.d(-1000), T.d(0)), 1e-9); // cosh overflows here
    }

    @Test
    void poissonAndCosineSimilarityByHand() {
        assertEquals(((1 - Math.log(1 + 1e-7)) + (3 - 2 * Math.log(3 + 1e-7))) / 2, value(new Poisson(), T.d(1, 3), T.d(1, 2)), 1e-12);
        // -cos 45° and -cos 180°
        Tensor p = T.d(new int[] {2, 2}, 1, 1, 0, -3), y = T.d(new int[] {2, 2}, 1, 0, 0, 2);
        T.close(new double[] {-Math.sqrt(0.5), 1}, new CosineSimilarity(Reduction.NONE).apply(Variable.of(p), y).value(), 1e-12);
        assertEquals(0, value(new CosineSimilarity(), T.d(new int[] {1, 2}, 0, 0), T.d(new int[] {1, 2}, 1, 0)), 0); // no NaN
    }

    @Test
    void gradientsMatchFiniteDifferences() {
        Tensor p = T.randn(31, 3, 4), y = T.randn(32, 3, 4);
        for (Loss loss : List.of(RegressionLoss.meanSquaredError(), RegressionLoss.meanAbsoluteError(), RegressionLoss.huber(),
                RegressionLoss.huber(0.3, Reduction.SUM), RegressionLoss.logCosh(), new CosineSimilarity()))
            GradCheck.assertPasses(v -> loss.apply(v[0], y), p);
        GradCheck.assertPasses(v -> RegressionLoss.meanSquaredError(Reduction.NONE).apply(v[0], y), p);
        Tensor rates = T.uniform(33, 0.5, 3, 3, 4), counts = Tensor.of(new double[] {0, 1, 2, 3, 0, 1, 4, 2, 1, 0, 3, 1}, 3, 4);
        GradCheck.assertPasses(v -> new Poisson().apply(v[0], counts), rates);
    }

    @Test
    void mismatchedShapesAreNeverBroadcast() {
        Variable p = Variable.of(Tensor.zeros(32, 1));
        ShapeMismatchException e = assertThrows(ShapeMismatchException.class,
                () -> RegressionLoss.meanSquaredError().apply(p, Tensor.zeros(32)));
        assertEquals("mean_squared_error: prediction [32, 1] and target [32] differ", e.getMessage());
        for (String name : List.of("mae", "huber", "log_cosh", "binary_crossentropy", "categorical_crossentropy", "hinge", "focal",
                "poisson", "kl_divergence", "cosine_similarity")) {
            Loss loss = ComponentRegistry.global().loss(name);
            ShapeMismatchException m = assertThrows(ShapeMismatchException.class, () -> loss.apply(p, Tensor.zeros(1, 32)), name);
            assertTrue(m.getMessage().startsWith(loss.name() + ": prediction [32, 1] and target [1, 32]"), m.getMessage());
        }
        assertThrows(ShapeMismatchException.class, () -> new SparseCategoricalCrossentropy().apply(Variable.of(Tensor.zeros(4, 3)),
                T.labels(0, 1, 2)));
        assertThrows(ShapeMismatchException.class, () -> new CrossEntropy().apply(Variable.of(Tensor.zeros(4, 3)), T.labels(0, 1, 2, 1, 0)));
        assertThrows(DTypeMismatchException.class, () -> RegressionLoss.meanSquaredError()
                .apply(Variable.of(Tensor.zeros(DType.INT32, 2)), Tensor.zeros(DType.INT32, 2)));
    }

    @Test
    void registryNamesAliasesAndReductionOption() {
        assertEquals("mean_squared_error", ComponentRegistry.global().loss("mse").name());
        assertEquals("mean_absolute_error", ComponentRegistry.global().loss("mae").name());
        Loss summed = ComponentRegistry.global().loss("mse", Config.of("mse", "reduction", "sum"));
        assertEquals(7.0, value(summed, P, Y), 1e-12);
        Loss huber = ComponentRegistry.global().loss("huber", Config.of("huber", "delta", 2.0));
        assertEquals(2.0, ((RegressionLoss) huber).delta());
        assertThrows(IllegalArgumentException.class, () -> ComponentRegistry.global().loss("mse", Config.of("mse", "reduction", "avg")));
    }
}
