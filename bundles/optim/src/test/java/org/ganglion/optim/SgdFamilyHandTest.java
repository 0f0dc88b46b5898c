package org.ganglion.optim;

import static org.ganglion.optim.Fixture.assertTrajectory;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import org.ganglion.core.Tensor;
import org.ganglion.graph.ComponentRegistry;
import org.ganglion.graph.Config;
import org.junit.jupiter.api.Test;

/**
 * SGD, both momentum forms and Nesterov against hand-computed values: {@code w0 = [1, -2]},
 * gradients {@code g1 = [0.5, -1]}, {@code g2 = [-0.25, 2]}, {@code g3 = [0.01, 0]}, default
 * hyperparameters (lr 0.01, μ 0.9). Each optimizer is checked both from {@link Optimizers} and by
 * its registered name.
 */
class SgdFamilyHandTest {
    private static final ComponentRegistry REGISTRY = ComponentRegistry.global();

    @Test
    void sgd() {
        // w1 = w0 - 0.01·g1 = [1 - 0.005, -2 + 0.01]            = [0.995, -1.99]
        // w2 = w1 - 0.01·g2 = [0.995 + 0.0025, -1.99 - 0.02]    = [0.9975, -2.01]
        // w3 = w2 - 0.01·g3 = [0.9975 - 0.0001, -2.01 - 0]      = [0.9974, -2.01]
        double[][] expected = {{0.995, -1.99}, {0.9975, -2.01}, {0.9974, -2.01}};
        assertTrajectory(expected, Optimizers.sgd(0.01));
        assertTrajectory(expected, REGISTRY.optimizer("sgd"));
    }

    @Test
    void heavyBallMomentum() {
        // v ← 0.9·v + g;  w ← w - 0.01·v
        // v1 = g1 = [0.5, -1]                                   w1 = [0.995, -1.99]
        // v2 = 0.9·[0.5, -1] + [-0.25, 2] = [0.2, 1.1]           w2 = [0.995 - 0.002, -1.99 - 0.011] = [0.993, -2.001]
        // v3 = 0.9·[0.2, 1.1] + [0.01, 0] = [0.19, 0.99]          w3 = [0.993 - 0.0019, -2.001 - 0.0099] = [0.9911, -2.0109]
        double[][] expected = {{0.995, -1.99}, {0.993, -2.001}, {0.9911, -2.0109}};
        assertTrajectory(expected, Optimizers.momentum(0.01, 0.9));
        assertTrajectory(expected, Optimizers.sgd(0.01, 0.9, false));
        assertTrajectory(expected, REGISTRY.optimizer("momentum"));
        assertTrajectory(expected, REGISTRY.optimizer("sgd", Config.of("sgd", "momentum", 0.9)));
    }

    @Test
    void emaMomentum() {
        // v ← 0.9·v + 0.1·g;  w ← w - 0.01·v
        // v1 = 0.1·g1 = [0.05, -0.1]                                      w1 = [0.9995, -1.999]
        // v2 = 0.9·[0.05, -0.1] + 0.1·[-0.25, 2] = [0.02, 0.11]            w2 = [0.9993, -2.0001]
        // v3 = 0.9·[0.02, 0.11] + 0.1·[0.01, 0] = [0.019, 0.099]           w3 = [0.99911, -2.00109]
        double[][] expected = {{0.9995, -1.999}, {0.9993, -2.0001}, {0.99911, -2.00109}};
        assertTrajectory(expected, Optimizers.emaMomentum(0.01, 0.9));
        assertTrajectory(expected, REGISTRY.optimizer("momentum", Config.of("momentum", "ema", true)));
    }

    @Test
    void nesterov() {
        // v ← 0.9·v + g;  w ← w - 0.01·(g + 0.9·v)
        // v1 = [0.5, -1];   u1 = [0.5, -1] + 0.9·[0.5, -1] = [0.95, -1.9]          w1 = [0.9905, -1.981]
        // v2 = [0.2, 1.1];  u2 = [-0.25, 2] + 0.9·[0.2, 1.1] = [-0.07, 2.99]       w2 = [0.9912, -2.0109]
        // v3 = [0.19, 0.99]; u3 = [0.01, 0] + 0.9·[0.19, 0.99] = [0.181, 0.891]    w3 = [0.98939, -2.01981]
        double[][] expected = {{0.9905, -1.981}, {0.9912, -2.0109}, {0.98939, -2.01981}};
        assertTrajectory(expected, Optimizers.nesterov(0.01, 0.9));
        assertTrajectory(expected, Optimizers.sgd(0.01, 0.9, true));
        assertTrajectory(expected, REGISTRY.optimizer("nesterov"));
        assertTrajectory(expected, REGISTRY.optimizer("sgd", Config.of("sgd", "momentum", 0.9, "nesterov", true)));
    }

    @Test
    void coupledWeightDecayEntersTheMomentum() {
        // PyTorch SGD(lr=0.01, momentum=0.9, weight_decay=0.1): g' = g + 0.1·w, v ← 0.9·v + g', w ← w - 0.01·v
        // g'1 = [0.5 + 0.1, -1 - 0.2] = [0.6, -1.2];  v1 = g'1;                        w1 = [0.994, -1.988]
        // g'2 = [-0.25 + 0.0994, 2 - 0.1988] = [-0.1506, 1.8012]
        // v2 = 0.9·[0.6, -1.2] + g'2 = [0.3894, 0.7212];                               w2 = [0.990106, -1.995212]
        double[][] expected = {{0.994, -1.988}, {0.990106, -1.995212}};
        assertTrajectory(expected, REGISTRY.optimizer("momentum", Config.of("momentum", "coupled_weight_decay", 0.1)));
        assertTrajectory(expected, new ChainOptimizer("sgd", Transforms.chain(Transforms.addL2(0.1), Transforms.trace(0.9)), 0.01));
    }

    @Test
    void decoupledWeightDecayStaysOutOfTheMomentum() {
        // Keras SGD(momentum=0.9, weight_decay=0.1): v ← 0.9·v + g, w ← w - 0.01·(v + 0.1·w)
        // v1 = [0.5, -1];  u1 = [0.6, -1.2];                                           w1 = [0.994, -1.988]
        // v2 = [0.2, 1.1]; u2 = [0.2 + 0.0994, 1.1 - 0.1988] = [0.2994, 0.9012];       w2 = [0.991006, -1.997012]
        double[][] expected = {{0.994, -1.988}, {0.991006, -1.997012}};
        assertTrajectory(expected, REGISTRY.optimizer("momentum", Config.of("momentum", "weight_decay", 0.1)));
        assertTrajectory(expected,
                new ChainOptimizer("sgd", Transforms.chain(Transforms.trace(0.9), Transforms.addDecayedWeights(0.1)), 0.01));
    }

    @Test
    void scaleByLearningRateNegatesAndFollowsItsSchedule() {
        // A pure chain used without ChainOptimizer: updates = -lr(step)·g with lr = 0.1, then 0.05 (step schedule)
        GradientTransformation t = Transforms.chain(Transforms.identity(), Transforms.scaleByLearningRate(Schedules.step(0.1, 1, 0.5)));
        Map<String, Tensor> g = Map.of("w", Tensor.of(new double[] {0.5, -1.0}));
        GradientTransformation.State s0 = t.init(Map.of());
        GradientTransformation.Update u1 = t.update(g, s0, Map.of());
        GradientTransformation.Update u2 = t.update(g, u1.state(), Map.of());
        assertArrayEquals(new double[] {-0.05, 0.1}, u1.updates().get("w").toDoubleArray());
        assertArrayEquals(new double[] {-0.025, 0.05}, u2.updates().get("w").toDoubleArray());
        // s0 is untouched: updating from it again gives the first result
        assertArrayEquals(new double[] {-0.05, 0.1}, t.update(g, s0, Map.of()).updates().get("w").toDoubleArray());
    }

    @Test
    void nesterovNameInsistsOnNesterov() {
        assertThrows(IllegalArgumentException.class, () -> REGISTRY.optimizer("nesterov", Config.of("nesterov", "nesterov", false)));
    }
}
