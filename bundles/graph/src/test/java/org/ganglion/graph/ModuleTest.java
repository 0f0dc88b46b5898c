package org.ganglion.graph;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.ganglion.autograd.Variable;
import org.ganglion.core.DType;
import org.ganglion.core.ShapeMismatchException;
import org.ganglion.core.Tensor;
import org.ganglion.graph.TestLayers.Bare;
import org.ganglion.graph.TestLayers.Center;
import org.ganglion.graph.TestLayers.Linear;
import org.ganglion.graph.TestLayers.Scale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ModuleTest {
    private static Sequential twoLevels() {
        Sequential inner = new Sequential(new Scale(2.0));
        inner.setName("block");
        return new Sequential(new int[] {4}, new Linear(3), inner, new Center());
    }

    @Test
    void parametersAndBuffersHaveDottedPathsInRegistrationOrder() {
        Sequential m = twoLevels();
        assertEquals(List.of("test_linear_1.kernel", "test_linear_1.bias", "block.test_scale_1.scale"), List.copyOf(m.namedParameters().keySet()));
        assertEquals(List.of("test_center_1.running_mean"), List.copyOf(m.namedBuffers().keySet()));
        assertEquals(List.of("test_linear_1.kernel", "test_linear_1.bias", "block.test_scale_1.scale", "test_center_1.running_mean"),
                List.copyOf(m.stateDict().asMap().keySet()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"a.b", "1x", "", "has space", "dash-ed"})
    void malformedNamesAreRejected(String name) {
        Bare b = new Bare();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> b.param(name));
        assertTrue(e.getMessage().contains("invalid name"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> b.child(name, new Bare()));
        assertThrows(IllegalArgumentException.class, () -> b.addBuffer(name));
    }

    @Test
    void duplicateNamesAreRejectedAcrossParametersChildrenAndBuffers() {
        Bare b = new Bare();
        b.param("w");
        b.child("sub", new Bare());
        b.addBuffer("stat");
        for (String n : List.of("w", "sub", "stat")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> b.param(n));
            assertTrue(e.getMessage().contains("already used"), e.getMessage());
            assertThrows(IllegalArgumentException.class, () -> b.child(n, new Bare()));
        }
    }

    @Test
    void countsAndTrainableFlagsPerLayerAndPerParameter() {
        Sequential m = twoLevels();
        assertEquals(4 * 3 + 3 + 3, m.countParameters());
        assertEquals(18, m.countTrainableParameters());
        m.get(0).setTrainable(false);
        assertEquals(3, m.countTrainableParameters());
        assertFalse(m.get(0).isTrainable());
        assertTrue(m.isTrainable());
        m.get(0).namedParameters().get("bias").setTrainable(true);
        assertEquals(6, m.countTrainableParameters());
        assertTrue(m.get(0).isTrainable(), "a layer with one trainable parameter counts as trainable");
        m.setTrainable(false);
        assertEquals(0, m.countTrainableParameters());
        assertEquals(List.of(), m.trainableParameters());
    }

    @Test
    void frozenParametersGetNoGradient() {
        Sequential m = new Sequential(new int[] {4}, new Linear(3), new Scale(1.0));
        m.get(0).setTrainable(false);
        Variable loss = m.call(Variable.of(Tensor.ones(2, 4))).sum();
        loss.backward();
        Linear lin = (Linear) m.get(0);
        assertNull(lin.kernel.grad());
        assertNull(lin.bias.grad());
        assertNotNull(((Scale) m.get(1)).scale.grad());
    }

    @Test
    void trainAndEvalReachEveryDescendant() {
        Sequential m = twoLevels();
        assertTrue(m.isTraining());
        m.eval();
        assertFalse(m.isTraining());
        assertFalse(((Sequential) m.get(1)).get(0).isTraining());
        m.train();
        assertTrue(((Sequential) m.get(1)).get(0).isTraining());
        assertTrue(m.get(2).isTraining());
    }

    @Test
    void buildsOnceAndRejectsAnotherShape() {
        Linear l = new Linear(3);
        assertFalse(l.isBuilt());
        l.call(Tensor.ones(2, 4));
        assertArrayEquals(new int[] {4}, l.inputShape());
        assertArrayEquals(new int[] {3}, l.outputShape());
        ShapeMismatchException e = assertThrows(ShapeMismatchException.class, () -> l.call(Tensor.ones(2, 5)));
        assertTrue(e.getMessage().contains("[4]") && e.getMessage().contains("[5]"), e.getMessage());
        assertThrows(ShapeMismatchException.class, () -> l.call(Variable.of(Tensor.scalar(1))));
    }

    @Test
    void strictLoadingCopiesEverything() {
        Sequential a = twoLevels(), b = new Sequential(new int[] {4}, new Linear(3, 99), new Sequential(new Scale(5.0)).setName("block"), new Center());
        StateDict.LoadResult r = b.loadStateDict(a.stateDict(), true);
        assertTrue(r.clean());
        Tensor x = Tensor.rand(org.ganglion.core.RandomKey.of(3), DType.FLOAT32, 2, 4);
        assertArrayEquals(a.call(x).toFloatArray(), b.call(x).toFloatArray());
    }

    @Test
    void strictLoadingListsMissingUnexpectedAndConflictingKeys() {
        Sequential m = twoLevels();
        StateDict state = m.stateDict();
        StateDict bad = new StateDict();
        state.asMap().forEach((k, v) -> { if (!k.equals("test_linear_1.bias")) bad.put(k, v); });
        bad.put("test_linear_1.kernel", Tensor.zeros(5, 3));
        bad.put("extra.weight", Tensor.zeros(1));
        ModelFormatException e = assertThrows(ModelFormatException.class, () -> m.loadStateDict(bad, true));
        assertTrue(e.getMessage().contains("missing keys [test_linear_1.bias]"), e.getMessage());
        assertTrue(e.getMessage().contains("unexpected keys [extra.weight]"), e.getMessage());
        assertTrue(e.getMessage().contains("test_linear_1.kernel [5, 3] vs [4, 3]"), e.getMessage());
        assertArrayEquals(state.get("test_linear_1.kernel").toFloatArray(), m.stateDict().get("test_linear_1.kernel").toFloatArray(),
                "strict failure changes nothing");
    }

    @Test
    void nonStrictLoadingCopiesWhatFitsAndReportsTheRest() {
        Sequential m = twoLevels();
        Tensor oldKernel = m.stateDict().get("test_linear_1.kernel");
        StateDict partial = new StateDict()
                .put("test_linear_1.kernel", Tensor.zeros(5, 3))
                .put("block.test_scale_1.scale", Tensor.full(7, DType.FLOAT64, 3))
                .put("test_center_1.running_mean", Tensor.ones(3))
                .put("head.bias", Tensor.zeros(2));
        StateDict.LoadResult r = m.loadStateDict(partial, false);
        assertEquals(List.of("test_linear_1.bias"), r.missing());
        assertEquals(List.of("head.bias"), r.unexpected());
        assertEquals(1, r.shapeConflicts().size());
        assertFalse(r.clean());
        assertArrayEquals(new float[] {7, 7, 7}, m.stateDict().get("block.test_scale_1.scale").toFloatArray(), "loaded and converted to float32");
        assertEquals(DType.FLOAT32, m.stateDict().get("block.test_scale_1.scale").dtype());
        assertArrayEquals(new float[] {1, 1, 1}, m.stateDict().get("test_center_1.running_mean").toFloatArray(), "buffers load too");
        assertArrayEquals(oldKernel.toFloatArray(), m.stateDict().get("test_linear_1.kernel").toFloatArray(), "conflicting entry skipped");
    }

    @Test
    void multiInputModulesBuildFromEveryShape() {
        Merge.Add add = new Merge.Add();
        Variable out = add.call(List.of(Variable.of(Tensor.ones(2, 3)), Variable.of(Tensor.ones(2, 3))));
        assertArrayEquals(new float[] {2, 2, 2, 2, 2, 2}, out.value().toFloatArray());
        assertEquals(List.of("[3]", "[3]"), TestLayers.shapes(add.inputShapes()));
        assertThrows(ShapeMismatchException.class, () -> add.call(List.of(Variable.of(Tensor.ones(2, 3)), Variable.of(Tensor.ones(2, 4)))));
        assertThrows(IllegalArgumentException.class, () -> new Linear(2).call(List.of(Variable.of(Tensor.ones(2, 3)), Variable.of(Tensor.ones(2, 3)))));
    }
}
