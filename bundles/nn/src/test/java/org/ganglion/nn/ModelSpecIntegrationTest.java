package org.ganglion.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.ganglion.core.Tensor;
import org.ganglion.graph.Module;
import org.ganglion.graph.ModelSpec;
import org.ganglion.graph.Sequential;
import org.ganglion.graph.StateDict;
import org.junit.jupiter.api.Test;

/** nn layers inside graph's Sequential: JSON model specs and state dicts round-trip (seed example E1/E8). */
class ModelSpecIntegrationTest {
    @Test
    void e1StyleModelRoundTripsThroughItsSpecAndStateDict() {
        Sequential model = new Sequential(new InputLayer(28, 28), new Flatten(), new Dense(128, "relu"), new Dropout(0.2),
                new Dense(64, "relu"), new BatchNormalization(), new Dense(10, "softmax"));
        assertTrue(model.isBuilt(), "an InputLayer first builds the model eagerly");
        assertEquals(109_386 + 2 * 64, model.countTrainableParameters()); // E1 plus batch norm's γ and β
        String json = ModelSpec.of(model).toJson();
        assertTrue(json.contains("\"batch_normalization\"") && json.contains("\"rate\": 0.2"), json);

        Module again = ModelSpec.parse(json).toModel();
        assertEquals(json, ModelSpec.of(again).toJson());
        StateDict state = model.stateDict();
        assertTrue(state.contains("dropout_1.rng_state") && state.contains("batch_normalization_1.moving_variance"), state.toString());
        again.loadStateDict(state, true);

        Tensor x = T.randn(5, 3, 28, 28).to(org.ganglion.core.DType.FLOAT32);
        model.eval();
        again.eval();
        assertArrayEquals(model.call(x).toFloatArray(), again.call(x).toFloatArray());
        model.train();
        again.train();
        assertArrayEquals(model.call(x).toFloatArray(), again.call(x).toFloatArray(), "same dropout masks after loading");
        assertEquals(List.of(3, 10), java.util.Arrays.stream(model.call(x).shape()).boxed().toList());
    }
}
