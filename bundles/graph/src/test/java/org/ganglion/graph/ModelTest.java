package org.ganglion.graph;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.ganglion.autograd.Variable;
import org.ganglion.core.DType;
import org.ganglion.core.RandomKey;
import org.ganglion.core.ShapeMismatchException;
import org.ganglion.core.Tensor;
import org.ganglion.graph.TestLayers.Linear;
import org.ganglion.graph.TestLayers.Scale;
import org.junit.jupiter.api.Test;

class ModelTest {
    private static Tensor rand(long seed, int... shape) { return Tensor.rand(RandomKey.of(seed), DType.FLOAT32, shape); }

    @Test
    void residualBlockComputesXPlusFx() {
        Input in = Input.of(4);
        Linear f = new Linear(4);
        Node out = Merge.add(f.apply(in), in);
        assertArrayEquals(new int[] {4}, out.shape());
        Model m = Model.of(in, out);
        assertTrue(m.isBuilt());
        Tensor x = rand(1, 3, 4);
        Tensor expected = x.matmul(f.kernel.value()).add(f.bias.value()).add(x);
        assertArrayEquals(expected.toFloatArray(), m.call(x).toFloatArray(), 1e-6f);
        assertEquals(List.of("test_linear_1", "add_1"), List.copyOf(m.children().keySet()));
        assertEquals(List.of("input_1"), m.inputNames());
    }

    @Test
    void severalInputsAndOutputsWithConcatenation() {
        Input image = Input.of("image", 6), meta = Input.of("meta", 2);
        Node features = new Linear(5).apply(image);
        Node joined = Merge.concatenate(features, meta);
        assertArrayEquals(new int[] {7}, joined.shape());
        Node classes = new Linear(3).setName("classes").apply(joined);
        Node score = new Linear(1).setName("score").apply(joined);
        Model m = Model.of(List.of(image, meta), List.of(classes, score));
        assertEquals(List.of("[3]", "[1]"), TestLayers.shapes(m.outputShapes()));
        List<Variable> outs = m.callAll(List.of(Variable.of(rand(2, 8, 6)), Variable.of(rand(3, 8, 2))));
        assertArrayEquals(new int[] {8, 3}, outs.get(0).shape());
        assertArrayEquals(new int[] {8, 1}, outs.get(1).shape());
        assertThrows(IllegalStateException.class, () -> m.forward(List.of(Variable.of(rand(2, 8, 6)), Variable.of(rand(3, 8, 2)))));
        assertThrows(IllegalArgumentException.class, () -> m.forwardAll(List.of(Variable.of(rand(2, 8, 6)))));
        ShapeMismatchException wrongBatch = assertThrows(ShapeMismatchException.class,
                () -> m.callAll(List.of(Variable.of(rand(2, 8, 6)), Variable.of(rand(3, 8, 3)))));
        assertTrue(wrongBatch.getMessage().contains("[2]") && wrongBatch.getMessage().contains("[3]"), wrongBatch.getMessage());
    }

    @Test
    void concatenationValuesFollowTheInputOrder() {
        Input a = Input.of(2), b = Input.of(1);
        Model m = Model.of(List.of(a, b), List.of(Merge.concatenate(a, b)));
        Tensor out = m.forward(List.of(Variable.of(Tensor.of(new float[] {1, 2, 3, 4}, 2, 2)), Variable.of(Tensor.of(new float[] {9, 8}, 2, 1)))).value();
        assertArrayEquals(new float[] {1, 2, 9, 3, 4, 8}, out.toFloatArray());
        Input c = Input.of(2, 3), d = Input.of(4, 3);
        assertArrayEquals(new int[] {6, 3}, Merge.concatenate(1, c, d).shape());
        assertThrows(IllegalArgumentException.class, () -> Merge.concatenate(0, c, d), "the batch axis");
    }

    @Test
    void mismatchedBranchesFailWhileWiring() {
        Input in = Input.of(4);
        Node three = new Linear(3).apply(in);
        ShapeMismatchException add = assertThrows(ShapeMismatchException.class, () -> Merge.add(three, in));
        assertTrue(add.getMessage().contains("add") && add.getMessage().contains("[3], [4]"), add.getMessage());
        ShapeMismatchException cat = assertThrows(ShapeMismatchException.class, () -> Merge.concatenate(Input.of(2, 3), Input.of(3, 3)));
        assertTrue(cat.getMessage().contains("[2, 3], [3, 3]"), cat.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Merge.add(in), "one input");
        assertThrows(ShapeMismatchException.class, () -> new Linear(2).apply(Input.of(2, 2)), "the layer's own check");
    }

    @Test
    void everyInputTheOutputsNeedMustBeDeclared() {
        Input a = Input.of(2), b = Input.of(2);
        Node sum = Merge.add(a, b);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Model.of(a, sum));
        assertTrue(e.getMessage().contains("not among the model's inputs"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Model.of(List.of(a, a), List.of(sum)));
        assertThrows(IllegalArgumentException.class, () -> Model.of(List.of(), List.of(sum)));
    }

    @Test
    void namesMustBeUniqueAcrossLayersAndInputs() {
        Input in = Input.of("x", 2);
        Node h = new Scale(1).setName("x").apply(in);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Model.of(in, h));
        assertTrue(e.getMessage().contains("'x'"), e.getMessage());
        Input in2 = Input.of(2);
        Node twice = new Scale(1).setName("s").apply(new Scale(2).setName("s").apply(in2));
        assertThrows(IllegalArgumentException.class, () -> Model.of(in2, twice));
        assertThrows(IllegalArgumentException.class, () -> Input.of("bad.name", 2));
    }

    @Test
    void aSharedLayerIsOneChildWithOneSetOfParameters() {
        Input a = Input.of(3), b = Input.of(3);
        Linear shared = new Linear(2);
        Model m = Model.of(List.of(a, b), List.of(Merge.add(shared.apply(a), shared.apply(b))));
        assertEquals(List.of("test_linear_1", "add_1"), List.copyOf(m.children().keySet()));
        assertEquals(3 * 2 + 2, m.countParameters());
        Variable out = m.forward(List.of(Variable.of(rand(4, 5, 3)), Variable.of(rand(5, 5, 3))));
        out.sum().backward();
        assertTrue(shared.kernel.grad() != null);
        assertThrows(ShapeMismatchException.class, () -> shared.apply(Input.of(4)), "built for [3]");
    }

    @Test
    void modelsAndSequentialsNestBothWays() {
        Sequential encoder = new Sequential(new int[] {4}, new Linear(3), new Scale(2));
        encoder.setName("encoder");
        Input in = Input.of(4);
        Model m = Model.of(in, new Linear(1).apply(encoder.apply(in)));
        assertEquals(List.of("encoder.test_linear_1.kernel", "encoder.test_linear_1.bias", "encoder.test_scale_1.scale",
                "test_linear_1.kernel", "test_linear_1.bias"), List.copyOf(m.namedParameters().keySet()));
        Sequential outer = new Sequential(new int[] {4}, m, new Scale(3));
        assertArrayEquals(new int[] {5, 1}, outer.call(rand(9, 5, 4)).shape());
        assertSame(m, outer.get(0));

        Input x = Input.of(2);
        Model twoHeads = Model.of(List.of(x), List.of(new Scale(1).apply(x), new Scale(2).apply(x)));
        assertThrows(IllegalArgumentException.class, () -> twoHeads.apply(Input.of(2)));
    }

    @Test
    void functionalSummaryListsInputsAndConnections() {
        Input a = Input.of("a", 3), b = Input.of("b", 3);
        Linear shared = new Linear(3);
        shared.setName("shared");
        Model m = Model.of(List.of(a, b), List.of(Merge.add(shared.apply(a), shared.apply(b))));
        String s = m.summary();
        String[] lines = s.split("\n");
        assertEquals("Model: \"functional\"", lines[0]);
        assertEquals(98, lines[1].length());
        assertEquals("Layer (type)                    Output Shape         Param #     Connected to", lines[2]);
        assertTrue(s.contains("a (InputLayer)                  [(None, 3)]          0\n"), s);
        assertTrue(s.contains("shared (Linear)                 (None, 3)            12          a[0][0]\n"
                + "                                                                 b[0][0]\n"), s);
        assertTrue(s.contains("add_1 (Add)                     (None, 3)            0           shared[0][0]\n"
                + "                                                                 shared[1][0]\n"), s);
        assertTrue(s.endsWith("Total params: 12\nTrainable params: 12\nNon-trainable params: 0\n" + "_".repeat(98) + "\n"), s);
    }
}
