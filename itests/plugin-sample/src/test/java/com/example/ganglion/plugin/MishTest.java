package com.example.ganglion.plugin;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.ganglion.autograd.Variable;
import org.ganglion.core.DType;
import org.ganglion.core.Tensor;
import org.ganglion.graph.ComponentRegistry;
import org.ganglion.graph.Config;
import org.ganglion.graph.Module;
import org.ganglion.graph.ModelSpec;
import org.ganglion.graph.Sequential;
import org.junit.jupiter.api.Test;

class MishTest {
    /** tanh(ln a) = (a² − 1)/(a² + 1), so mish(x) = x·((1+eˣ)² − 1)/((1+eˣ)² + 1). */
    static double mish(double x) {
        double a = 1 + Math.exp(x);
        return x * (a * a - 1) / (a * a + 1);
    }

    @Test
    void values() {
        // mish(0) = 0; mish(1) = ((1+e)²−1)/((1+e)²+1) = 0.865098; mish(−1) = −0.303401; mish(2) = 1.943959; mish(−3) = −0.145647
        Tensor x = Tensor.of(new double[] {0, 1, -1, 2, -3, 30}, 2, 3);
        double[] got = new Mish().call(x).toDoubleArray();
        double[] want = {0, 0.8650983882673103, -0.30340146137410895, 1.9439589595339946, -0.1456474612756246, 30};
        assertArrayEquals(want, got, 1e-9);
        for (int i = 0; i < 5; i++) assertEquals(mish(x.toDoubleArray()[i]), got[i], 1e-9);
    }

    @Test
    void gradientAtZeroIsTanhLn2() {
        // d/dx [x·tanh(softplus x)] at 0 = tanh(ln 2) = (4−1)/(4+1) = 0.6
        Variable x = Variable.param(Tensor.of(new double[] {0, 0}, 1, 2));
        new Mish().call(x).sum().backward();
        assertArrayEquals(new double[] {0.6, 0.6}, x.grad().toDoubleArray(), 1e-9);
    }

    @Test
    void noParametersAndShapePreserved() {
        Mish m = new Mish();
        assertArrayEquals(new int[] {4, 5}, m.build(4, 5));
        assertEquals(0, m.countParameters());
        assertEquals(DType.FLOAT32, new Mish().call(Tensor.zeros(2, 3)).dtype());
    }

    @Test
    void registeredOnThePlainClasspathAndInSpecs() {
        ComponentRegistry reg = ComponentRegistry.fromClasspath(getClass().getClassLoader());
        assertTrue(reg.has("layer", "mish"));
        assertTrue(reg.has("optimizer", "lion"));
        assertTrue(reg.has("loss", "squared_log_error"));
        Sequential model = new Sequential(new int[] {3}, new Mish());
        String json = ModelSpec.of(model).toJson();
        System.out.println(json);
        assertTrue(json.contains("\"type\": \"mish\"") || json.contains("\"type\":\"mish\""), json);
        Module back = ModelSpec.parse(json).toModel(reg);
        Tensor x = Tensor.of(new float[] {-1, 0, 1}, 1, 3);
        assertArrayEquals(model.call(x).toFloatArray(), back.call(x).toFloatArray(), 0f);
        assertEquals(Mish.class, new PluginComponents.MishFactory().create(Config.empty("mish")).getClass());
    }
}
