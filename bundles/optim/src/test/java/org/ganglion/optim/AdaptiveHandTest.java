package org.ganglion.optim;

import static org.ganglion.optim.Fixture.assertTrajectory;

import org.ganglion.graph.ComponentRegistry;
import org.ganglion.graph.Config;
import org.junit.jupiter.api.Test;

/**
 * AdaGrad, RMSprop and AdaDelta against hand-computed values ({@code w0 = [1, -2]},
 * {@code g1 = [0.5, -1]}, {@code g2 = [-0.25, 2]}, {@code g3 = [0.01, 0]}) with Keras's default
 * hyperparameters (lr 1e-3, ε 1e-7 inside the square root). Intermediate values are rounded to 10
 * digits in the comments; the expected parameters are the exact float64 results of the formulas.
 * A zero gradient (element 1, step 3) leaves the parameter unchanged.
 */
class AdaptiveHandTest {
    private static final ComponentRegistry REGISTRY = ComponentRegistry.global();

    @Test
    void adagrad() {
        // s ← s + g², s0 = 0.1;  u = g / √(s + 1e-7);  w ← w - 1e-3·u
        // step 1: s = [0.1 + 0.25, 0.1 + 1] = [0.35, 1.1]
        //         u = [0.5/√0.3500001, -1/√1.1000001] = [0.845154134, -0.9534625459]      w1 = [0.9991548459, -1.999046537]
        // step 2: s = [0.35 + 0.0625, 1.1 + 4] = [0.4125, 5.1]
        //         u = [-0.25/√0.4125001, 2/√5.1000001] = [-0.3892494249, 0.8856148769]   w2 = [0.9995440953, -1.999932152]
        // step 3: s = [0.4126, 5.1];  u = [0.01/√0.4126001, 0] = [0.01556809007, 0]       w3 = [0.9995285272, -1.999932152]
        double[][] expected = {{0.9991548458660078, -1.9990465374540936}, {0.9995440952909068, -1.9999321523309512},
                {0.9995285272008373, -1.9999321523309512}};
        assertTrajectory(expected, Optimizers.adagrad(1e-3));
        assertTrajectory(expected, REGISTRY.optimizer("adagrad"));
    }

    @Test
    void rmsprop() {
        // v ← 0.9·v + 0.1·g²;  u = g / √(v + 1e-7);  w ← w - 1e-3·u
        // step 1: v = [0.025, 0.1];    u = [0.5/√0.0250001, -1/√0.1000001] = [3.162271336, -3.162276079]
        //         w1 = [1 - 0.003162271336, -2 + 0.003162276079] = [0.9968377287, -1.996837724]
        // step 2: v = [0.0225 + 0.00625, 0.09 + 0.4] = [0.02875, 0.49]
        //         u = [-0.25/√0.0287501, 2/√0.4900001] = [-1.474416997, 2.857142566]    w2 = [0.9983121457, -1.999694866]
        // step 3: v = [0.025875 + 0.00001, 0.441] = [0.025885, 0.441]
        //         u = [0.01/√0.0258851, 0] = [0.06215485769, 0]                         w3 = [0.998249990804, -1.999694866]
        double[][] expected = {{0.9968377286643679, -1.9968377239209694}, {0.9983121456617157, -1.999694866486567},
                {0.9982499908040227, -1.999694866486567}};
        assertTrajectory(expected, Optimizers.rmsprop(1e-3));
        assertTrajectory(expected, REGISTRY.optimizer("rmsprop"));
    }

    @Test
    void rmspropCenteredWithMomentum() {
        // Keras RMSprop(momentum=0.9, centered=True): v ← 0.9·v + 0.1·g², mg ← 0.9·mg + 0.1·g,
        // u = g/√(v - mg² + 1e-7), b ← 0.9·b + u, w ← w - 1e-3·b
        // step 1: v = [0.025, 0.1], mg = [0.05, -0.1], v - mg² = [0.0225, 0.09]
        //         u = [0.5/√0.0225001, -1/√0.0900001] = [3.333325926, -3.333331481] = b      w1 = [0.9966666741, -1.996666669]
        // step 2: v = [0.02875, 0.49], mg = [0.045 - 0.025, -0.09 + 0.2] = [0.02, 0.11], v - mg² = [0.02835, 0.4779]
        //         u = [-0.25/√0.0283501, 2/√0.4779001] = [-1.484782059, 2.893086608]
        //         b = [0.9·3.333325926 - 1.484782059, -0.9·3.333331481 + 2.893086608] = [1.515211275, -0.1069117253]
        //         w2 = [0.9966666741 - 0.001515211275, -1.996666669 + 0.0001069117253] = [0.9951514628, -1.996559757]
        // step 3: v = [0.025885, 0.441], mg = [0.019, 0.099], v - mg² = [0.025524, 0.431199]
        //         u = [0.01/√0.0255241, 0] = [0.0625928579, 0];  b = [1.426283005, -0.0962205528]
        //         w3 = [0.9951514628 - 0.001426283005, -1.996559757 + 0.0000962205528] = [0.9937251798, -1.996463536]
        double[][] expected = {{0.9966666740740494, -1.996666668518517}, {0.9951514627993242, -1.9965597567931799},
                {0.9937251797941713, -1.9964635362403764}};
        assertTrajectory(expected, Optimizers.rmsprop(1e-3, 0.9, 0.9, 1e-7, true));
        assertTrajectory(expected, REGISTRY.optimizer("rmsprop", Config.of("rmsprop", "momentum", 0.9, "centered", true)));
    }

    @Test
    void adadeltaKerasDefaults() {
        // E ← 0.95·E + 0.05·g²;  Δ = √(D + 1e-7)/√(E + 1e-7)·g;  D ← 0.95·D + 0.05·Δ²;  w ← w - 1e-3·Δ
        // step 1: E = [0.0125, 0.05];  Δ = [√1e-7/√0.0125001·0.5, √1e-7/√0.0500001·(-1)] = [0.001414207906, -0.001414212148]
        //         D = 0.05·Δ² = [9.999920001e-8, 9.99998e-8]                           w1 = [0.9999985858, -1.999998586]
        // step 2: E = [0.011875 + 0.003125, 0.0475 + 0.2] = [0.015, 0.2475]
        //         Δ = [√1.9999920001e-7/√0.0150001·(-0.25), √1.99999800e-7/√0.2475001·2] = [-0.0009128660606, 0.001797865038]
        //         D = [1.366654622e-7, 2.566157447e-7]                                 w2 = [0.9999994987, -2.000000384]
        // step 3: E = [0.014255, 0.235125];  Δ = [√2.366654622e-7/√0.0142551·0.01, 0] = [4.074574921e-5, 0]
        //         w3 = [0.9999994987 - 4.074574921e-8, -2.000000384] = [0.9999994579, -2.000000384]
        double[][] expected = {{0.9999985857920944, -1.999998585787852}, {0.999999498658155, -2.00000038365289},
                {0.9999994579124057, -2.00000038365289}};
        assertTrajectory(expected, Optimizers.adadelta(1e-3));
        assertTrajectory(expected, REGISTRY.optimizer("adadelta"));
    }

    @Test
    void adadeltaZeilerForm() {
        // Zeiler 2012 Algorithm 1 (no learning rate, i.e. lr 1; ρ 0.95, ε 1e-6):
        // step 1: E = [0.0125, 0.05];  Δ = [√1e-6/√0.012501·0.5, √1e-6/√0.050001·(-1)] = [0.00447195708, -0.004472091234]
        //         w1 = [1 - 0.00447195708, -2 + 0.004472091234] = [0.9955280429, -1.995527909];  D = [9.999200064e-7, 9.999800004e-7]
        // step 2: E = [0.015, 0.2475];  Δ = [√1.9999200064e-6/√0.015001·(-0.25), √1.9999800004e-6/√0.247501·2]
        //           = [-0.002886597397, 0.005685312524]                               w2 = [0.9984146403, -2.001213221]
        // step 3: E = [0.014255, 0.235125];  D = [1.366546233e-6, …];  Δ = [√2.366546233e-6/√0.014256·0.01, 0] = [0.0001288423547, 0]
        //         w3 = [0.998285798, -2.001213221]
        double[][] expected = {{0.9955280429197062, -1.9955279087656892}, {0.998414640316359, -2.0012132212901057},
                {0.9982857979616727, -2.0012132212901057}};
        assertTrajectory(expected, Optimizers.adadelta(1.0, 0.95, 1e-6));
        assertTrajectory(expected, REGISTRY.optimizer("adadelta", Config.of("adadelta", "learning_rate", 1.0, "epsilon", 1e-6)));
    }
}
