package org.ganglion.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.ganglion.autograd.GradCheck;
import org.ganglion.autograd.NoGrad;
import org.ganglion.autograd.Variable;
import org.ganglion.core.DType;
import org.ganglion.core.Tensor;
import org.ganglion.graph.ComponentRegistry;
import org.ganglion.graph.Config;
import org.ganglion.graph.Module;
import org.ganglion.graph.Parameter;
import org.ganglion.graph.Regularizer;
import org.junit.jupiter.api.Test;

/** L1 / L2 / elastic-net penalties, their collection over a module tree, and max-norm constraints. */
class RegularizationTest {
    static final Tensor W = T.d(new int[] {2, 2}, 1, -2, 0.5, 0);

    /** Two Dense layers under one parent, as a model would hold them. */
    static final class TwoLayers extends Module {
        final Dense first, second;

        TwoLayers(Dense first, Dense second) {
            this.first = addModule("first", first);
            this.second = addModule("second", second);
        }

        @Override
        public Variable forward(Variable x) { return second.call(first.call(x)); }
    }

    @Test
    void penaltiesByHand() {
        Variable w = Variable.of(W);
        assertEquals(0.01 * 3.5, Regularizers.l1(0.01).penalty(w).item(), 1e-15);
        assertEquals(0.01 * 5.25, Regularizers.l2(0.01).penalty(w).item(), 1e-15);
        assertEquals(0.1 * 3.5 + 0.2 * 5.25, Regularizers.l1L2(0.1, 0.2).penalty(w).item(), 1e-15); // λ1Σ|w| + λ2Σw²
        assertEquals(0, Regularizers.l1L2(0, 0).penalty(w).item(), 0);
        for (Regularizer r : new Regularizer[] {Regularizers.l1(0.3), Regularizers.l2(0.3), Regularizers.l1L2(0.3, 0.7)})
            GradCheck.assertPasses(v -> r.penalty(v[0]), T.d(new int[] {2, 2}, 1, -2, 0.5, 0.25));
        assertEquals(0.05, ((L1L2) ComponentRegistry.global().regularizer("l2", Config.of("l2", "l2", 0.05))).l2());
        assertEquals(new L1L2(0.01, 0), Regularizers.fromSpec("l1"));
        assertEquals(Map.of("name", "l1_l2", "l1", 0.1, "l2", 0.2), Regularizers.toSpec(new L1L2(0.1, 0.2)));
    }

    @Test
    void totalSumsEveryRegularizedLayerOfTheTree() {
        Dense a = new Dense(2).dtype(DType.FLOAT64).kernelInitializer(Initializers.constant(1)).kernelRegularizer(Regularizers.l2(0.1))
                .biasInitializer(Initializers.constant(-1)).biasRegularizer(Regularizers.l1(0.5));
        Dense b = new Dense(1).dtype(DType.FLOAT64).kernelInitializer(Initializers.constant(2)).kernelRegularizer(Regularizers.l1(0.01));
        TwoLayers model = new TwoLayers(a, b);
        model.call(Tensor.ones(DType.FLOAT64, 1, 3));
        // a: kernel 3×2 of 1 -> 0.1·6; bias [-1, -1] -> 0.5·2; b: kernel 2×1 of 2 -> 0.01·4
        assertEquals(0.6 + 1.0 + 0.04, Regularization.total(model).item(), 1e-12);
        assertEquals(2, Regularization.penalties(model).size()); // one per regularized module
        assertTrue(Regularization.hasPenalties(model));
        Regularization.total(model).backward();
        T.close(new double[] {0.2, 0.2, 0.2, 0.2, 0.2, 0.2}, a.kernel().grad(), 1e-12); // d(λΣw²)/dw = 2λw
        T.close(new double[] {-0.5, -0.5}, a.bias().grad(), 1e-12);
        Dense plain = new Dense(2);
        plain.build(3);
        assertNull(plain.regularizationLoss());
        assertFalse(Regularization.hasPenalties(plain));
        assertEquals(0, Regularization.total(plain).item(), 0);
    }

    @Test
    void frozenWeightsStillCountButGetNoGradient() {
        Dense d = new Dense(2).dtype(DType.FLOAT64).kernelRegularizer(Regularizers.l2(1)).seed(3);
        d.build(2);
        d.setTrainable(false);
        Variable p = Regularization.total(d);
        assertTrue(p.item() > 0);
        assertFalse(p.requiresGrad());
    }

    @Test
    void l1DrivesUselessWeightsTowardsZeroMoreThanL2() {
        // y depends on feature 0 only; with the same penalty strength L1 makes the useless weight ≈ 0
        Tensor x = T.randn(61, 64, 2), y = x.slice(1, 0, 1).mul(3);
        double l1Weight = trainUselessWeight(Regularizers.l1(0.05), x, y), l2Weight = trainUselessWeight(Regularizers.l2(0.05), x, y);
        assertTrue(Math.abs(l1Weight) < 0.02, "L1 useless weight " + l1Weight);
        assertTrue(Math.abs(l1Weight) <= Math.abs(l2Weight) + 1e-9, l1Weight + " vs " + l2Weight);
    }

    @SuppressWarnings("try")
    private static double trainUselessWeight(Regularizer r, Tensor x, Tensor y) {
        Dense d = new Dense(1).dtype(DType.FLOAT64).useBias(false).kernelInitializer(Initializers.constant(1)).kernelRegularizer(r);
        for (int step = 0; step < 300; step++) {
            Variable loss = RegressionLoss.meanSquaredError().apply(d.call(Variable.of(x)), y).add(Regularization.total(d));
            loss.backward();
            try (NoGrad ng = NoGrad.enter()) {
                Parameter k = d.kernel();
                k.assign(k.value().sub(k.grad().mul(0.05)));
                k.zeroGrad();
            }
        }
        return d.kernel().value().toDoubleArray()[1];
    }

    @Test
    void maxNormLimitsEachUnitsIncomingWeights() {
        Dense d = new Dense(2).dtype(DType.FLOAT64).kernelConstraint(Constraints.maxNorm(2)).useBias(false)
                .kernelInitializer(Initializers.constant(0)).seed(1);
        TwoLayers model = new TwoLayers(d, new Dense(1));
        model.call(Tensor.ones(DType.FLOAT64, 1, 2));
        d.kernel().assign(T.d(new int[] {2, 2}, 3, 0.6, 4, 0.8)); // column norms 5 and 1
        Constraints.apply(model);
        // column 0 scaled to norm 2 (·2/5, up to Keras' 1e-7 in the denominator), column 1 unchanged
        T.close(new double[] {1.2, 0.6, 1.6, 0.8}, d.kernel().value(), 1e-6);
        d.kernel().assign(T.d(new int[] {2, 2}, -1, 2, 1, -3));
        d.setTrainable(false);
        Constraints.apply(model);
        T.close(new double[] {-1, 2, 1, -3}, d.kernel().value(), 0); // frozen: untouched
        T.close(new double[] {0, 2, 1, 0}, new NonNeg().apply(T.d(new int[] {2, 2}, -1, 2, 1, -3)), 0);
        assertEquals(new MaxNorm(3, 1), Constraints.fromSpec(Map.of("name", "max_norm", "max_value", 3, "axis", 1)));
    }
}
