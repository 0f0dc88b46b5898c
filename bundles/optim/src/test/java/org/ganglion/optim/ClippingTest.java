package org.ganglion.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.Map;
import org.ganglion.core.DType;
import org.ganglion.core.Tensor;
import org.ganglion.graph.ComponentRegistry;
import org.ganglion.graph.Config;
import org.ganglion.graph.Parameter;
import org.junit.jupiter.api.Test;

/** Clipping by value, per-tensor norm and global norm, against hand values. */
class ClippingTest {

    private static Map<String, Tensor> grads(double[] a, double[] b) {
        Map<String, Tensor> g = new LinkedHashMap<>();
        g.put("a", Tensor.of(a));
        g.put("b", Tensor.of(b));
        return g;
    }

    private static Map<String, Tensor> apply(GradientTransformation t, Map<String, Tensor> g) {
        return t.update(g, t.init(Map.of()), Map.of()).updates();
    }

    @Test
    void byValue() {
        // clamp to [-3.5, 3.5]: [3, 4, -5] → [3, 3.5, -3.5]
        Map<String, Tensor> u = apply(Transforms.clipByValue(3.5), grads(new double[] {3, 4, -5}, new double[] {0.25}));
        assertArrayEquals(new double[] {3, 3.5, -3.5}, u.get("a").toDoubleArray());
        assertArrayEquals(new double[] {0.25}, u.get("b").toDoubleArray());
    }

    @Test
    void byNormIsPerTensor() {
        // ‖a‖ = √(9 + 16) = 5 > 1 → a·1/5 = [0.6, 0.8];  ‖b‖ = 0.5 ≤ 1 → unchanged
        Map<String, Tensor> u = apply(Transforms.clipByNorm(1), grads(new double[] {3, 4}, new double[] {0.3, -0.4}));
        assertArrayEquals(new double[] {0.6, 0.8}, u.get("a").toDoubleArray(), 1e-15);
        assertArrayEquals(new double[] {0.3, -0.4}, u.get("b").toDoubleArray());
    }

    @Test
    void byGlobalNormScalesAllTogether() {
        // N = √(3² + 4² + 12²) = √169 = 13 > 6.5 → every tensor × 6.5/13 = 0.5: a = [1.5, 2], b = [6]
        Map<String, Tensor> u = apply(Transforms.clipByGlobalNorm(6.5), grads(new double[] {3, 4}, new double[] {12}));
        assertArrayEquals(new double[] {1.5, 2}, u.get("a").toDoubleArray(), 1e-15);
        assertArrayEquals(new double[] {6}, u.get("b").toDoubleArray(), 1e-15);
        // N = 13 ≤ 13 → unchanged, bit for bit
        Map<String, Tensor> same = apply(Transforms.clipByGlobalNorm(13), grads(new double[] {3, 4}, new double[] {12}));
        assertArrayEquals(new double[] {3, 4}, same.get("a").toDoubleArray());
        assertArrayEquals(new double[] {12}, same.get("b").toDoubleArray());
    }

    @Test
    void globalNormKeepsFloat32() {
        Map<String, Tensor> g = new LinkedHashMap<>();
        g.put("a", Tensor.of(new float[] {3, 4}));
        g.put("b", Tensor.of(new float[] {12}));
        Map<String, Tensor> u = apply(Transforms.clipByGlobalNorm(6.5), g);
        assertEquals(DType.FLOAT32, u.get("a").dtype());
        assertArrayEquals(new float[] {1.5f, 2f}, u.get("a").toFloatArray(), 1e-6f);
        assertArrayEquals(new float[] {6f}, u.get("b").toFloatArray(), 1e-6f);
    }

    @Test
    void emptyGradientsPassThrough() {
        assertTrue(apply(Transforms.clipByGlobalNorm(1), Map.of()).isEmpty());
    }

    @Test
    void optimizerClipsBeforeTheMethod() {
        // sgd(lr 0.1, global_clipnorm 1): a.grad = [3, 4], b.grad = [0] → N = 5, grads × 0.2 = [0.6, 0.8]
        // a = [1, 1] - 0.1·[0.6, 0.8] = [0.94, 0.92]
        Parameter a = Fixture.param(1, 1);
        Parameter b = Fixture.param(2);
        Fixture.setGrad(a, 3, 4);
        Fixture.setGrad(b, 0);
        Map<String, Parameter> params = new LinkedHashMap<>();
        params.put("a", a);
        params.put("b", b);
        ComponentRegistry.global().optimizer("sgd", Config.of("sgd", "learning_rate", 0.1, "global_clipnorm", 1.0)).step(params);
        assertArrayEquals(new double[] {0.94, 0.92}, a.value().toDoubleArray(), 1e-15);
        assertArrayEquals(new double[] {2}, b.value().toDoubleArray());
    }

    @Test
    void optimizerClipValueAndClipNorm() {
        // clipvalue 0.5: g = [3, -0.2] → [0.5, -0.2];  w = [0, 0] - 0.1·g = [-0.05, 0.02]
        Parameter w = Fixture.param(0, 0);
        Fixture.setGrad(w, 3, -0.2);
        ComponentRegistry.global().optimizer("sgd", Config.of("sgd", "learning_rate", 0.1, "clipvalue", 0.5)).step(Map.of("w", w));
        assertArrayEquals(new double[] {-0.05, 0.02}, w.value().toDoubleArray(), 1e-15);
        // clipnorm 2: g = [3, 4] → [1.2, 1.6];  w = [0, 0] - 0.1·g = [-0.12, -0.16]
        Parameter v = Fixture.param(0, 0);
        Fixture.setGrad(v, 3, 4);
        ComponentRegistry.global().optimizer("sgd", Config.of("sgd", "learning_rate", 0.1, "clipnorm", 2.0)).step(Map.of("v", v));
        assertArrayEquals(new double[] {-0.12, -0.16}, v.value().toDoubleArray(), 1e-15);
    }

    @Test
    void atMostOneClippingOption() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ComponentRegistry.global().optimizer("adam", Config.of("adam", "clipnorm", 1.0, "clipvalue", 1.0)));
        assertTrue(e.getMessage().contains("at most one"), e.getMessage());
    }

    @Test
    void invalidLimitsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> Transforms.clipByNorm(0));
        assertThrows(IllegalArgumentException.class, () -> Transforms.clipByValue(-1));
        assertThrows(IllegalArgumentException.class, () -> Transforms.clipByGlobalNorm(Double.NaN));
    }

    @Test
    void statelessTransformsKeepTheEmptyState() {
        GradientTransformation t = Transforms.clipByValue(1);
        assertSame(GradientTransformation.EMPTY, t.init(Map.of()));
        assertSame(GradientTransformation.EMPTY, t.update(Map.of(), GradientTransformation.EMPTY, Map.of()).state());
    }
}
