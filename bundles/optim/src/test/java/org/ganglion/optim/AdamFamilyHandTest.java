package org.ganglion.optim;

import static org.ganglion.optim.Fixture.assertTrajectory;

import org.ganglion.graph.ComponentRegistry;
import org.ganglion.graph.Config;
import org.junit.jupiter.api.Test;

/**
 * Adam, its ε placements, AMSGrad, AdamW, Adamax and Nadam against hand-computed values
 * ({@code w0 = [1, -2]}, {@code g1 = [0.5, -1]}, {@code g2 = [-0.25, 2]}, {@code g3 = [0.01, 0]})
 * with Keras's defaults (lr 1e-3, β1 0.9, β2 0.999, ε 1e-7). Intermediates rounded to 10 digits;
 * the expected parameters are the exact float64 results of the formulas. Moments shared by the
 * Adam variants: m1 = [0.05, -0.1], v1 = [0.00025, 0.001]; m2 = [0.02, 0.11],
 * v2 = [0.00031225, 0.004999]; m3 = [0.019, 0.099], v3 = [0.00031203775, 0.004994001].
 */
class AdamFamilyHandTest {
    private static final ComponentRegistry REGISTRY = ComponentRegistry.global();

    @Test
    void adamKerasForm() {
        // Keras: α_t = √(1-0.999ᵗ)/(1-0.9ᵗ);  u = α_t·m/(√v + 1e-7);  w ← w - 1e-3·u
        // step 1: α = √0.001/0.1 = 0.316227766;   √v = [0.0158113883, 0.0316227766]
        //         u = [0.316227766·0.05/0.0158114883, -0.316227766·0.1/0.0316228766] = [0.9999936755, -0.9999968377]
        //         w1 = [0.9990000063, -1.999000003]
        // step 2: α = √0.001999/0.19 = 0.2353167253;  √v = [0.01767059705, 0.0707036067]
        //         u = [0.2353167253·0.02/0.01767069705, 0.2353167253·0.11/0.0707037067] = [0.2663355324, 0.3661030092]
        //         w2 = [0.9987336708, -1.999366106]
        // step 3: α = √0.002997001/0.271 = 0.2020105974;  √v = [0.01766459029, 0.07066824605]
        //         u = [0.2172809876, 0.282998687]                                      w3 = [0.9985163898, -1.999649105]
        double[][] expected = {{0.9990000063245154, -1.9990000031622677}, {0.9987336707920792, -1.9993661061715038},
                {0.998516389804469, -1.9996491048585239}};
        assertTrajectory(expected, Optimizers.adam(1e-3));
        assertTrajectory(expected, REGISTRY.optimizer("adam"));
    }

    @Test
    void adamPaperFormWithPytorchEpsilon() {
        // Kingma & Ba Algorithm 1 / PyTorch (ε 1e-8): u = m̂/(√v̂ + ε), m̂ = m/(1-0.9ᵗ), v̂ = v/(1-0.999ᵗ)
        // step 1: m̂ = [0.5, -1], v̂ = [0.25, 1];  u = [0.5/0.50000001, -1/1.00000001] = [0.99999998, -0.99999999]
        //         w1 = [0.99900000002, -1.99900000001]
        // step 2: m̂ = [0.1052631579, 0.5789473684], v̂ = [0.1562031016, 2.500750375];  u = [0.2663370329, 0.3661035247]
        //         w2 = [0.998733663, -1.999366104]
        // step 3: m̂ = [0.07011070111, 0.3653136531], v̂ = [0.1041166653, 1.666332777];  u = [0.2172822109, 0.2829990853]
        //         w3 = [0.9985163808, -1.999649103]
        double[][] expected = {{0.99900000002, -1.9990000000099999}, {0.9987336629870784, -1.9993661035347206},
                {0.9985163807761652, -1.9996491026200092}};
        assertTrajectory(expected, Optimizers.adam(1e-3, 0.9, 0.999, 1e-8, EpsilonPlacement.OUTSIDE_SQRT));
        assertTrajectory(expected, new ChainOptimizer("adam", Transforms.scaleByAdam(0.9, 0.999, 1e-8), 1e-3));
        assertTrajectory(expected, REGISTRY.optimizer("adam", Config.of("adam", "epsilon", 1e-8, "epsilon_placement", "outside")));
    }

    @Test
    void adamEpsilonInsideTheRoot() {
        // optax eps_root form: u = m̂/√(v̂ + 1e-7)
        // step 1: u = [0.5/√0.2500001, -1/√1.0000001] = [0.9999998, -0.99999995];  w1 = [0.9990000002, -1.99900000005]
        // step 2: u = [0.1052631579/√0.1562032016, 0.5789473684/√2.500750475] = [0.2663369544, 0.3661035197]
        // step 3: u = [0.07011070111/√0.1041167653, 0.3653136531/√1.666332877] = [0.2172821133, 0.282999079]
        double[][] expected = {{0.9990000001999999, -1.99900000005}, {0.9987336632455929, -1.999366103569716},
                {0.9985163811322912, -1.999649102648705}};
        assertTrajectory(expected, Optimizers.adam(1e-3, 0.9, 0.999, 1e-7, EpsilonPlacement.INSIDE_SQRT));
    }

    @Test
    void amsgradKeepsTheLargestSecondMoment() {
        // Steps 1–2 as Adam (v grows). Step 3: v3 < v2 in both elements, so v_max = v2 = [0.00031225, 0.004999]:
        // u = α3·m3/(√v_max + 1e-7) = [0.2020105974·0.019/0.01767069705, 0.2020105974·0.099/0.0707037067]
        //   = [0.2172071278, 0.2828571525]                                            w3 = [0.9985164637, -1.999648963]
        double[][] expected = {{0.9990000063245154, -1.9990000031622677}, {0.9987336707920792, -1.9993661061715038},
                {0.9985164636643062, -1.999648963323988}};
        assertTrajectory(expected, Optimizers.amsgrad(1e-3));
        assertTrajectory(expected, REGISTRY.optimizer("amsgrad"));
        assertTrajectory(expected, REGISTRY.optimizer("adam", Config.of("adam", "amsgrad", true)));
    }

    @Test
    void adamwDecaysDecoupled() {
        // Keras AdamW (weight_decay 0.004): w ← w - 1e-3·(u_adam + 0.004·w), u_adam as in adamKerasForm
        // step 1: w1 = [1 - 1e-3·(0.9999936755 + 0.004), -2 - 1e-3·(-0.9999968377 - 0.008)] = [0.9989960063, -1.998992003]
        // step 2: w2 = w1 - 1e-3·([0.2663355324, 0.3661030092] + 0.004·w1) = [0.9987256748, -1.99935011]
        // step 3: w3 = w2 - 1e-3·([0.2172809876, 0.282998687] + 0.004·w2) = [0.9985043989, -1.999625111]
        double[][] expected = {{0.9989960063245154, -1.9989920031622677}, {0.998725674808054, -1.9993501102034912},
                {0.9985043989177446, -1.9996251114900703}};
        assertTrajectory(expected, Optimizers.adamw(1e-3, 0.004));
        assertTrajectory(expected, REGISTRY.optimizer("adamw"));
        assertTrajectory(expected, REGISTRY.optimizer("adam", Config.of("adam", "weight_decay", 0.004)));
    }

    @Test
    void adamax() {
        // m ← 0.9·m + 0.1·g;  u ← max(0.999·u, |g|);  w ← w - 1e-3·m/((1-0.9ᵗ)·(u + 1e-7))
        // step 1: m = [0.05, -0.1], u = [0.5, 1];  upd = [0.05/(0.1·0.5000001), -0.1/(0.1·1.0000001)] = [0.9999998, -0.9999999]
        //         w1 = [0.9990000002, -1.9990000001]
        // step 2: m = [0.02, 0.11], u = [max(0.4995, 0.25), max(0.999, 2)] = [0.4995, 2]
        //         upd = [0.02/(0.19·0.4995001), 0.11/(0.19·2.0000001)] = [0.2107370107, 0.2894736697]   w2 = [0.9987892632, -1.999289474]
        // step 3: m = [0.019, 0.099], u = [0.4990005, 1.998]
        //         upd = [0.019/(0.271·0.4990006), 0.099/(0.271·1.9980001)] = [0.1405022381, 0.1828396571] w3 = [0.998648761, -1.999472313]
        double[][] expected = {{0.9990000001999999, -1.9990000001}, {0.9987892631893471, -1.9992894737697366},
                {0.9986487609512597, -1.99947231342682}};
        assertTrajectory(expected, Optimizers.adamax(1e-3));
        assertTrajectory(expected, REGISTRY.optimizer("adamax"));
    }

    @Test
    void nadam() {
        // μ_t = 0.9·(1 - 0.5·0.96^(0.004·t)): μ1 = 0.4500734736, μ2 = 0.4501469352, μ3 = 0.4502203848, μ4 = 0.4502938224
        // Π_t = μ1·…·μ_t;  m̂ = μ_{t+1}/(1 - Π_t·μ_{t+1})·m + (1-μ_t)/(1-Π_t)·g;  v̂ = v/(1-0.999ᵗ);  u = m̂/(√v̂ + 1e-7)
        // step 1: Π = 0.4500734736; coefficients 0.5645177836, 1
        //         m̂ = [0.5645177836·0.05 + 0.5, -0.5645177836·0.1 - 1] = [0.5282258892, -1.056451778]; v̂ = [0.25, 1]
        //         u = [0.5282258892/0.5000001, -1.056451778/1.0000001] = [1.056451567, -1.056451673]  w1 = [0.9989435484, -1.998943548]
        // step 2: Π = 0.2025991947; coefficients 0.49540874, 0.6895566962
        //         m̂ = [0.49540874·0.02 - 0.6895566962·0.25, 0.49540874·0.11 + 0.6895566962·2] = [-0.1624809992, 1.433608354]
        //         v̂ = [0.1562031016, 2.500750375];  u = [-0.4111096252, 0.9065574354]          w2 = [0.9993546581, -1.999850106]
        // step 3: Π = 0.09121428742; coefficients 0.4695810322, 0.6049606718
        //         m̂ = [0.4695810322·0.019 + 0.6049606718·0.01, 0.4695810322·0.099] = [0.01497164633, 0.04648852219]
        //         v̂ = [0.1041166653, 1.666332777];  u = [0.04639907256, 0.03601345919]        w3 = [0.999308259, -1.999886119]
        double[][] expected = {{0.998943548432935, -1.9989435483272897}, {0.9993546580581556, -1.9998501057626425},
                {0.9993082589855912, -1.9998861192218311}};
        assertTrajectory(expected, Optimizers.nadam(1e-3));
        assertTrajectory(expected, REGISTRY.optimizer("nadam"));
    }
}
