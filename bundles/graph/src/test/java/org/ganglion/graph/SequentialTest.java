package org.ganglion.graph;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.ganglion.autograd.Variable;
import org.ganglion.core.DType;
import org.ganglion.core.RandomKey;
import org.ganglion.core.ShapeMismatchException;
import org.ganglion.core.Tensor;
import org.ganglion.graph.TestLayers.Center;
import org.ganglion.graph.TestLayers.Linear;
import org.ganglion.graph.TestLayers.Scale;
import org.junit.jupiter.api.Test;

class SequentialTest {
    private static final Tensor X = Tensor.rand(RandomKey.of(7), DType.FLOAT32, 2, 4);

    @Test
    void aDeclaredInputShapeBuildsEveryLayerAtOnce() {
        Sequential m = new Sequential(new int[] {4}, new Linear(8), new Linear(3));
        assertTrue(m.isBuilt());
        assertArrayEquals(new int[] {3}, m.outputShape());
        assertEquals(4 * 8 + 8 + 8 * 3 + 3, m.countParameters());
        Sequential viaInput = new Sequential(Input.of(4), new Linear(8), new Linear(3));
        assertArrayEquals(new int[] {3}, viaInput.outputShape());
        assertEquals(m.countParameters(), viaInput.countParameters());
    }

    @Test
    void aFirstLayerThatDeclaresItsInputShapeBuildsTheModelEagerly() {
        Sequential m = new Sequential(new TestLayers.Declares(4), new Linear(3));
        assertTrue(m.isBuilt());
        assertArrayEquals(new int[] {3}, m.outputShape());
        assertFalse(new Sequential(new TestLayers.Declares(-1), new Linear(3)).isBuilt(), "a free dimension: build on first call");
        assertFalse(new Sequential(new Linear(3), new TestLayers.Declares(3)).isBuilt(), "only the first layer declares the model's input");
    }

    @Test
    void withoutAnInputShapeTheModelBuildsOnItsFirstCall() {
        Sequential m = new Sequential(new Linear(3), new Scale(2.0));
        assertFalse(m.isBuilt());
        assertEquals(0, m.countParameters());
        Tensor y = m.call(X);
        assertTrue(m.isBuilt());
        assertArrayEquals(new int[] {4}, m.inputShape());
        assertArrayEquals(new int[] {2, 3}, y.shape());
        Linear l = (Linear) m.get(0);
        Tensor expected = X.matmul(l.kernel.value()).add(l.bias.value()).mul(2.0);
        assertArrayEquals(expected.toFloatArray(), y.toFloatArray(), 1e-6f);
    }

    @Test
    void addBuildsTheNewLayerWhenTheModelIsBuilt() {
        Sequential m = new Sequential(new int[] {4});
        assertArrayEquals(new int[] {4}, m.outputShape());
        m.add(new Linear(5));
        assertArrayEquals(new int[] {5}, m.outputShape());
        assertNotNull(((Linear) m.get(0)).kernel, "built at add");
        m.add(new Scale(1.0)).add(new Linear(2));
        assertArrayEquals(new int[] {2}, m.outputShape());
        assertArrayEquals(new int[] {2, 2}, m.call(X).shape());
    }

    @Test
    void aMismatchNamesTheLayerAndLeavesTheModelUnchanged() {
        Sequential m = new Sequential(new int[] {4}, new Linear(5));
        Linear builtFor3 = new Linear(2);
        builtFor3.build(3);
        ShapeMismatchException e = assertThrows(ShapeMismatchException.class, () -> m.add(builtFor3));
        assertTrue(e.getMessage().contains("layer 1 'test_linear_2' (test_linear) cannot take inputs of shape [5]"), e.getMessage());
        assertEquals(1, m.layers().size());
        assertArrayEquals(new int[] {5}, m.outputShape());
        assertFalse(m.children().containsKey("test_linear_2"));

        ShapeMismatchException eager = assertThrows(ShapeMismatchException.class, () -> new Sequential(new int[] {2, 3}, new Scale(1), new Linear(4)));
        assertTrue(eager.getMessage().contains("layer 1") && eager.getMessage().contains("[2, 3]"), eager.getMessage());
        Sequential lazy = new Sequential(new Linear(4));
        ShapeMismatchException onCall = assertThrows(ShapeMismatchException.class, () -> lazy.call(Tensor.ones(2, 2, 3)));
        assertTrue(onCall.getMessage().contains("layer 0 'test_linear_1'"), onCall.getMessage());
    }

    @Test
    void layersAreNamedByTypeAndNamesMustBeUnique() {
        Linear named = new Linear(2);
        named.setName("head");
        Sequential m = new Sequential(new Linear(3), new Scale(1), new Linear(3), named);
        assertEquals(List.of("test_linear_1", "test_scale_1", "test_linear_2", "head"), List.copyOf(m.children().keySet()));
        assertSame(named, m.get("head"));
        assertSame(m.get(2), m.get("test_linear_2"));
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class, () -> m.get("nope"));
        assertTrue(unknown.getMessage().contains("test_scale_1"), unknown.getMessage());

        Linear clash = new Linear(2);
        clash.setName("head");
        assertThrows(IllegalArgumentException.class, () -> m.add(clash));
        assertThrows(IllegalArgumentException.class, () -> m.add(m.get(0)), "the same instance twice");
        Linear dotted = new Linear(2);
        dotted.setName("a.b");
        assertThrows(IllegalArgumentException.class, () -> m.add(dotted));
        assertEquals(4, m.layers().size());
    }

    @Test
    void sequentialsNestForTransferLearning() {
        Sequential base = new Sequential(new int[] {4}, new Linear(6), new Center());
        base.setName("features");
        base.setTrainable(false);
        Sequential model = new Sequential(new int[] {4}, base, new Linear(2));
        assertEquals(List.of("features.test_linear_1.kernel", "features.test_linear_1.bias", "test_linear_1.kernel", "test_linear_1.bias"),
                List.copyOf(model.namedParameters().keySet()));
        assertEquals(6 * 2 + 2, model.countTrainableParameters());
        model.call(Variable.of(X)).sum().backward();
        assertNull(((Linear) base.get(0)).kernel.grad(), "frozen base");
        assertNotNull(((Linear) model.get(1)).kernel.grad(), "trained head");
    }

    @Test
    void summaryIsAKerasTable() {
        Sequential m = new Sequential(new int[] {784}, new Linear(128), new Linear(10), new Center());
        m.get(1).setTrainable(false);
        String expected = String.join("\n",
                "Model: \"sequential\"",
                "_________________________________________________________________",
                "Layer (type)                 Output Shape              Param #",
                "=================================================================",
                "test_linear_1 (Linear)       (None, 128)               100480",
                "_________________________________________________________________",
                "test_linear_2 (Linear)       (None, 10)                1290",
                "_________________________________________________________________",
                "test_center_1 (Center)       (None, 10)                10",
                "=================================================================",
                "Total params: 101,780",
                "Trainable params: 100,480",
                "Non-trainable params: 1,300",
                "_________________________________________________________________",
                "");
        assertEquals(expected, m.summary());
    }

    @Test
    void summaryWidensColumnsInsteadOfCuttingNames() {
        Linear l = new Linear(2);
        l.setName("a_rather_long_layer_name_that_does_not_fit");
        String s = new Sequential(new int[] {3}, l).setName("mine").summary();
        assertTrue(s.startsWith("Model: \"mine\""), s);
        assertTrue(s.contains("a_rather_long_layer_name_that_does_not_fit (Linear) (None, 2)"), s);
    }

    @Test
    void summaryOfAnUnbuiltModelSaysHowToBuildIt() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> new Sequential(new Linear(2)).summary());
        assertTrue(e.getMessage().contains("not built"), e.getMessage());
    }
}
