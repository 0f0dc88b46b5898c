package org.ganglion.graph;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.ganglion.autograd.Variable;
import org.ganglion.core.DType;
import org.ganglion.core.RandomKey;
import org.ganglion.core.Tensor;
import org.ganglion.graph.TestLayers.Center;
import org.ganglion.graph.TestLayers.Linear;
import org.ganglion.graph.TestLayers.Scale;
import org.ganglion.graph.TestLayers.Untyped;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelsTest {
    @TempDir
    Path dir;

    @Test
    void aSavedSequentialLoadsWithTheSameArchitectureWeightsAndFrozenLayers() throws Exception {
        Sequential m = new Sequential(new int[] {4}, new Linear(8), new Scale(0.5), new Linear(2), new Center());
        m.get(0).setTrainable(false);
        Path file = dir.resolve("model.safetensors");
        Models.save(m, file);
        Module loaded = Models.load(file, TestLayers.registry());
        assertInstanceOf(Sequential.class, loaded);
        assertEquals(ModelSpec.of(m), ModelSpec.of(loaded));
        assertEquals(m.countTrainableParameters(), loaded.countTrainableParameters());
        Tensor x = Tensor.rand(RandomKey.of(3), DType.FLOAT32, 5, 4);
        assertArrayEquals(m.call(x).toFloatArray(), loaded.call(x).toFloatArray());
        assertEquals(m.summary(), loaded.summary());
    }

    @Test
    void aSavedFunctionalModelLoadsToo() throws Exception {
        Model m = ModelSpecTest.functional();
        Path file = dir.resolve("graph.safetensors");
        Models.save(m, file);
        Model loaded = (Model) Models.load(file, TestLayers.registry());
        List<Variable> in = List.of(Variable.of(Tensor.rand(RandomKey.of(1), DType.FLOAT32, 2, 6)), Variable.of(Tensor.rand(RandomKey.of(2), DType.FLOAT32, 2, 2)));
        for (int i = 0; i < 2; i++)
            assertArrayEquals(m.forwardAll(in).get(i).value().toFloatArray(), loaded.forwardAll(in).get(i).value().toFloatArray());
    }

    @Test
    void loadingUsesTheGlobalRegistryByDefault() throws Exception {
        Path file = dir.resolve("g.safetensors");
        Models.save(new Sequential(new int[] {3}, new Linear(2)), file);
        assertArrayEquals(new int[] {2}, Models.load(file).outputShape(), "test layers come from META-INF/services");
    }

    @Test
    void aMissingPluginIsNamed() throws Exception {
        Path file = dir.resolve("m.safetensors");
        Models.save(new Sequential(new int[] {3}, new Linear(2), new Center()), file);
        ComponentRegistry withoutCenter = new ComponentRegistry();
        withoutCenter.add(new TestLayers.LinearFactory(), "test");
        UnknownComponentException e = assertThrows(UnknownComponentException.class, () -> Models.load(file, withoutCenter));
        assertEquals("test_center", e.name());
        assertTrue(e.getMessage().contains("registered layers: test_dense, test_linear"), e.getMessage());
    }

    @Test
    void aModelThatCannotBeDescribedIsNotSaved() {
        Path file = dir.resolve("never.safetensors");
        assertThrows(IllegalArgumentException.class, () -> Models.save(new Sequential(new int[] {2}, new Untyped()), file));
        assertFalse(Files.exists(file));
    }

    @Test
    void weightsMustMatchTheSpec() throws Exception {
        Path file = dir.resolve("w.safetensors");
        Checkpoint.write(file, Checkpoint.of(new Sequential(new int[] {2}, new Untyped()), null, null));
        ModelFormatException noSpec = assertThrows(ModelFormatException.class, () -> Models.load(file, TestLayers.registry()));
        assertTrue(noSpec.getMessage().contains("no model spec"), noSpec.getMessage());

        Sequential m = new Sequential(new int[] {3}, new Linear(2));
        String spec = Json.write(ModelSpec.of(m).asMap());
        StateDict wrong = new StateDict().put("test_linear_1.kernel", Tensor.zeros(3, 2));
        Checkpoint.write(file, new Checkpoint.Contents(wrong, Map.of(Checkpoint.MODEL_SPEC_KEY, spec)));
        ModelFormatException missing = assertThrows(ModelFormatException.class, () -> Models.load(file, TestLayers.registry()));
        assertTrue(missing.getMessage().contains("do not fit the model spec") && missing.getMessage().contains("missing keys [test_linear_1.bias]"),
                missing.getMessage());
    }
}
