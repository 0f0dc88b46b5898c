package org.ganglion.graph;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ModelSpecTest {
    private static final ComponentRegistry REGISTRY = TestLayers.registry();

    static Model functional() {
        Input image = Input.of("image", 6), meta = Input.of("meta", 2);
        Linear shared = new Linear(4, 11);
        Node a = shared.apply(image);
        Node b = shared.apply(new Scale(0.5).apply(image));
        Node joined = Merge.concatenate(Merge.add(a, b), meta);
        Sequential head = new Sequential(new int[] {6}, new Linear(3), new Center());
        head.setName("head");
        return Model.of(List.of(image, meta), List.of(head.apply(joined), new Linear(1).apply(joined)));
    }

    @Test
    void aSequentialSpecIsReadableJson() {
        Sequential m = new Sequential(new int[] {784}, new Linear(128, 1), new Scale(2.0));
        String expected = String.join("\n",
                "{",
                "  \"format\": \"ganglion-model\",",
                "  \"version\": 1,",
                "  \"model\": \"sequential\",",
                "  \"input_shape\": [784],",
                "  \"layers\": [",
                "    {",
                "      \"type\": \"test_linear\",",
                "      \"name\": \"test_linear_1\",",
                "      \"config\": {",
                "        \"units\": 128,",
                "        \"seed\": 1",
                "      }",
                "    },",
                "    {",
                "      \"type\": \"test_scale\",",
                "      \"name\": \"test_scale_1\",",
                "      \"config\": {",
                "        \"init\": 2.0",
                "      }",
                "    }",
                "  ]",
                "}");
        assertEquals(expected, ModelSpec.of(m).toJson());
    }

    @Test
    void sequentialRoundTripsThroughTextAndThroughTheRegistry() {
        Sequential m = new Sequential(new int[] {4}, new Linear(3), new Scale(2.0), new Center());
        m.setName("classifier");
        m.get(1).setTrainable(false);
        ModelSpec spec = ModelSpec.of(m);
        ModelSpec reread = ModelSpec.parse(spec.toJson());
        assertEquals(spec, reread);
        assertEquals(spec.hashCode(), reread.hashCode());
        assertEquals(spec.toJson(), reread.toJson());

        Module rebuilt = reread.toModel(REGISTRY);
        assertInstanceOf(Sequential.class, rebuilt);
        assertEquals("classifier", rebuilt.name());
        assertEquals(spec, ModelSpec.of(rebuilt));
        assertEquals(List.copyOf(m.stateDict().asMap().keySet()), List.copyOf(rebuilt.stateDict().asMap().keySet()));
        assertEquals(m.countTrainableParameters(), rebuilt.countTrainableParameters(), "trainable: false survives");
        rebuilt.loadStateDict(m.stateDict(), true);
        Tensor x = Tensor.rand(RandomKey.of(5), DType.FLOAT32, 2, 4);
        assertArrayEquals(m.call(x).toFloatArray(), rebuilt.call(x).toFloatArray());
    }

    @Test
    void functionalModelsRoundTripWithSharedLayersMergesAndNesting() {
        Model m = functional();
        ModelSpec spec = ModelSpec.of(m);
        String json = spec.toJson();
        assertTrue(json.contains("\"inputs\": [\"test_scale_1\"]") && json.contains("\"test_linear_1@1\""), json);
        assertTrue(json.contains("\"type\": \"sequential\""), json);
        assertEquals("functional", spec.modelType());
        Module rebuilt = ModelSpec.parse(json).toModel(REGISTRY);
        assertEquals(spec, ModelSpec.of(rebuilt));
        rebuilt.loadStateDict(m.stateDict(), true);
        List<Variable> in = List.of(Variable.of(Tensor.rand(RandomKey.of(1), DType.FLOAT32, 3, 6)), Variable.of(Tensor.rand(RandomKey.of(2), DType.FLOAT32, 3, 2)));
        List<Variable> expected = m.forwardAll(in), actual = ((Model) rebuilt).forwardAll(in);
        for (int i = 0; i < 2; i++) assertArrayEquals(expected.get(i).value().toFloatArray(), actual.get(i).value().toFloatArray());
    }

    @Test
    void aSpecWithoutInputShapeBuildsOnFirstCall() {
        String json = "{\"format\": \"ganglion-model\", \"version\": 1, \"layers\": [{\"type\": \"test_dense\", \"name\": \"d\", \"config\": {\"units\": 2}}]}";
        Module m = ModelSpec.parse(json).toModel(REGISTRY);
        assertFalse(m.isBuilt());
        assertArrayEquals(new int[] {5, 2}, m.call(Tensor.ones(5, 3)).shape());
        assertNotEquals(ModelSpec.parse(json), ModelSpec.of(m), "now it knows its input shape");
    }

    @Test
    void anUnknownLayerTypeListsTheRegisteredOnes() {
        String json = "{\"format\": \"ganglion-model\", \"version\": 1, \"layers\": [{\"type\": \"conv9d\", \"name\": \"c\"}]}";
        ModelSpec spec = ModelSpec.parse(json);
        UnknownComponentException e = assertThrows(UnknownComponentException.class, () -> spec.toModel(REGISTRY));
        assertEquals("conv9d", e.name());
        assertEquals("layer", e.kind());
        assertTrue(e.getMessage().contains("registered layers: test_center, test_dense, test_linear, test_scale"), e.getMessage());
    }

    @Test
    void modulesThatCannotBeDescribedAreRejectedByName() {
        Untyped u = new Untyped();
        u.setName("custom");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ModelSpec.of(new Sequential(new Linear(2), u)));
        assertTrue(e.getMessage().contains("layer 'custom'") && e.getMessage().contains("no typeName()"), e.getMessage());
        IllegalArgumentException plain = assertThrows(IllegalArgumentException.class, () -> ModelSpec.of(new Linear(2)));
        assertTrue(plain.getMessage().contains("wrap a single layer in a Sequential"), plain.getMessage());
    }

    @Test
    void factoryAndShapeErrorsNameTheLayer() {
        String noUnits = "{\"format\": \"ganglion-model\", \"version\": 1, \"layers\": [{\"type\": \"test_linear\", \"name\": \"d\", \"config\": {}}]}";
        ModelFormatException e = assertThrows(ModelFormatException.class, () -> ModelSpec.parse(noUnits).toModel(REGISTRY));
        assertTrue(e.getMessage().contains("layers[0]: layer 'd' (test_linear): test_linear: missing required option 'units'"), e.getMessage());
        String misfit = "{\"format\": \"ganglion-model\", \"version\": 1, \"input_shape\": [2, 3], \"layers\": [{\"type\": \"test_linear\", \"name\": \"d\", \"config\": {\"units\": 2}}]}";
        ModelFormatException shape = assertThrows(ModelFormatException.class, () -> ModelSpec.parse(misfit).toModel(REGISTRY));
        assertTrue(shape.getMessage().contains("layers[0]") && shape.getMessage().contains("[2, 3]"), shape.getMessage());
    }

    private static final String HEAD = "{\"format\": \"ganglion-model\", \"version\": 1, ";
    private static final String LAYER = "{\"type\": \"test_scale\", \"name\": \"s\"}";

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{\"format\": \"keras\", \"version\": 1, \"layers\": []}                   | 'format' must be \"ganglion-model\"",
        "{\"format\": \"ganglion-model\", \"version\": 2, \"layers\": []}          | unsupported version 2",
        "{\"format\": \"ganglion-model\", \"layers\": []}                          | unsupported version null",
        "HEAD \"model\": \"recurrent\", \"layers\": []}                            | unknown model type 'recurrent'",
        "HEAD \"layer\": []}                                                       | unknown key 'layer'",
        "HEAD \"input_shape\": [4]}                                                | missing 'layers'",
        "HEAD \"layers\": {}}                                                      | layers: must be a list",
        "HEAD \"layers\": [3]}                                                     | layers[0]: must be an object",
        "HEAD \"input_shape\": [-1], \"layers\": []}                               | input_shape: dimensions must be integers",
        "HEAD \"input_shape\": [1.5], \"layers\": []}                              | input_shape: dimensions must be integers",
        "HEAD \"layers\": [{\"name\": \"s\"}]}                                     | layers[0]: missing 'type'",
        "HEAD \"layers\": [{\"type\": \"test_scale\", \"name\": \"a.b\"}]}         | layers[0].name: 'a.b' is not a valid name",
        "HEAD \"layers\": [{\"type\": \"test_scale\", \"name\": \"s\", \"config\": 1}]}  | layers[0].config: must be an object",
        "HEAD \"layers\": [{\"type\": \"test_scale\", \"name\": \"s\", \"trainable\": 0}]} | layers[0].trainable: must be true or false",
        "HEAD \"layers\": [{\"type\": \"test_scale\", \"name\": \"s\", \"units\": 1}]}    | layers[0]: unknown key 'units'",
        "HEAD \"layers\": [LAYER, LAYER]}                                           | layers[1]: duplicate layer name 's'",
        "HEAD \"layers\": [{\"type\": \"sequential\", \"name\": \"n\", \"config\": {\"layers\": [7]}}]} | layers[0].config.layers[0]: must be an object",
        "HEAD \"model\": \"functional\", \"inputs\": [], \"layers\": [], \"nodes\": [], \"outputs\": []}  | inputs: a functional model needs at least one input",
        "HEAD \"model\": \"functional\", \"inputs\": [{\"name\": \"x\", \"shape\": [2]}], \"layers\": [LAYER], \"nodes\": [{\"layer\": \"t\", \"inputs\": [\"x\"]}], \"outputs\": [\"s\"]} | nodes[0].layer: no layer named 't'",
        "HEAD \"model\": \"functional\", \"inputs\": [{\"name\": \"x\", \"shape\": [2]}], \"layers\": [LAYER], \"nodes\": [{\"layer\": \"s\", \"inputs\": [\"s\"]}], \"outputs\": [\"s\"]} | nodes[0].inputs[0]: 's' is not an input or an earlier node",
        "HEAD \"model\": \"functional\", \"inputs\": [{\"name\": \"x\", \"shape\": [2]}], \"layers\": [LAYER], \"nodes\": [], \"outputs\": [\"x\"]} | layer 's' is not used by any node",
        "HEAD \"model\": \"functional\", \"inputs\": [{\"name\": \"x\", \"shape\": [2]}], \"layers\": [LAYER], \"nodes\": [{\"layer\": \"s\", \"inputs\": [\"x\"]}], \"outputs\": []} | outputs: a functional model needs at least one output",
        "HEAD \"model\": \"functional\", \"inputs\": [{\"name\": \"s\", \"shape\": [2]}], \"layers\": [LAYER], \"nodes\": [{\"layer\": \"s\", \"inputs\": [\"s\"]}], \"outputs\": [\"s\"]} | the name 's' is already used",
        "HEAD \"model\": \"functional\", \"inputs\": [{\"name\": \"x\", \"shape\": [2]}, {\"name\": \"x\", \"shape\": [2]}], \"layers\": [], \"nodes\": [], \"outputs\": [\"x\"]} | duplicate input name 'x'",
        "HEAD \"model\": \"functional\", \"inputs\": [{\"name\": \"x\"}], \"layers\": [], \"nodes\": [], \"outputs\": [\"x\"]} | inputs[0].shape: must be a list of dimensions",
        "[1, 2]                                                                    | the document must be a JSON object",
        "HEAD \"layers\": [}                                                       | expected a value at line 1, column 55",
    })
    void structuralErrorsNameTheirPlace(String json, String message) {
        String text = json.replace("HEAD ", HEAD).replace("LAYER", LAYER);
        ModelFormatException e = assertThrows(ModelFormatException.class, () -> ModelSpec.parse(text));
        assertTrue(e.getMessage().startsWith("model spec: ") && e.getMessage().contains(message), e.getMessage());
    }

    @Test
    void structuralErrorsInsideAFunctionalGraphAreFoundWhenBuildingToo() {
        String json = HEAD + "\"model\": \"functional\", \"inputs\": [{\"name\": \"a\", \"shape\": [2]}, {\"name\": \"b\", \"shape\": [3]}],"
                + " \"layers\": [{\"type\": \"add\", \"name\": \"sum\"}], \"nodes\": [{\"layer\": \"sum\", \"inputs\": [\"a\", \"b\"]}], \"outputs\": [\"sum\"]}";
        ModelSpec spec = ModelSpec.parse(json);
        ModelFormatException e = assertThrows(ModelFormatException.class, () -> spec.toModel(REGISTRY));
        assertTrue(e.getMessage().contains("nodes[0]: layer 'sum'") && e.getMessage().contains("[2], [3]"), e.getMessage());
    }

    @Test
    void specsAreReadAndWrittenAsFiles(@TempDir Path dir) throws Exception {
        ModelSpec spec = ModelSpec.of(functional());
        Path file = dir.resolve("model.json");
        spec.write(file);
        assertTrue(Files.readString(file).endsWith("}\n"));
        assertEquals(spec, ModelSpec.read(file));
        Files.write(file, new byte[] {'{', (byte) 0xC3, '}'});
        assertThrows(ModelFormatException.class, () -> ModelSpec.read(file));
        assertThrows(UnsupportedOperationException.class, () -> spec.asMap().put("x", 1), "read-only");
    }
}
