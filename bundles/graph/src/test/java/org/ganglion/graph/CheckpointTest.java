package org.ganglion.graph;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.ganglion.autograd.Variable;
import org.ganglion.core.DType;
import org.ganglion.core.RandomKey;
import org.ganglion.core.Tensor;
import org.ganglion.graph.TestLayers.Center;
import org.ganglion.graph.TestLayers.Linear;
import org.ganglion.graph.TestLayers.Momentum;
import org.ganglion.graph.TestLayers.Untyped;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckpointTest {
    @TempDir
    Path dir;

    static StateDict everyDType() {
        return new StateDict()
                .put("f32", Tensor.of(new float[] {1.5f, -2, Float.MIN_VALUE, Float.NaN, Float.NEGATIVE_INFINITY, 0}, 2, 3))
                .put("f64", Tensor.of(new double[] {Math.PI, -0.0, Double.MAX_VALUE}, 3))
                .put("i32", Tensor.of(new int[] {Integer.MIN_VALUE, 7}, 2, 1))
                .put("i64", Tensor.of(new long[] {Long.MAX_VALUE, -1, 0, 5}, 4))
                .put("bool", Tensor.of(new boolean[] {true, false, true}, 3))
                .put("scalar", Tensor.scalar(0.25, DType.FLOAT64))
                .put("empty", Tensor.zeros(DType.FLOAT32, 0, 4))
                .put("big", Tensor.rand(RandomKey.of(1), DType.FLOAT32, 300, 301));
    }

    @Test
    void everyDTypeAndShapeRoundTripsBitForBit() throws Exception {
        Path file = dir.resolve("t.safetensors");
        Checkpoint.write(file, new Checkpoint.Contents(everyDType(), Map.of("note", "héllo \"quoted\"")));
        Checkpoint.Contents back = Checkpoint.read(file);
        StateDict expected = everyDType();
        assertEquals(List.copyOf(expected.asMap().keySet()), List.copyOf(back.tensors().asMap().keySet()));
        expected.asMap().forEach((k, v) -> {
            Tensor t = back.tensors().get(k);
            assertEquals(v.dtype(), t.dtype(), k);
            assertArrayEquals(v.shape(), t.shape(), k);
            assertEquals(java.util.Arrays.deepToString(new Object[] {v.toArray()}), java.util.Arrays.deepToString(new Object[] {t.toArray()}), k);
        });
        assertEquals("héllo \"quoted\"", back.metadata().get("note"));
        assertEquals(Checkpoint.FORMAT_VERSION, back.metadata().get(Checkpoint.FORMAT_VERSION_KEY));
        assertTrue(back.metadata().get(Checkpoint.DATA_SHA256_KEY).matches("[0-9a-f]{64}"));
        assertEquals(0, back.tensors().get("scalar").rank());
    }

    @Test
    void theHeaderIsPaddedAndTheDataContiguous() throws Exception {
        Path file = dir.resolve("t.safetensors");
        Checkpoint.write(file, new Checkpoint.Contents(everyDType(), Map.of()));
        byte[] bytes = Files.readAllBytes(file);
        long n = ByteBuffer.wrap(bytes, 0, 8).order(ByteOrder.LITTLE_ENDIAN).getLong();
        assertEquals(0, n % 8, "data starts 8-byte aligned");
        String header = new String(bytes, 8, (int) n, StandardCharsets.UTF_8);
        assertTrue(header.startsWith("{\"__metadata__\":{"), header);
        Map<String, Object> h = ModelSpec.cast(Json.parse(header));
        long end = 0;
        for (Map.Entry<String, Object> e : h.entrySet()) {
            if (e.getKey().equals("__metadata__")) continue;
            List<?> offsets = (List<?>) ModelSpec.cast(e.getValue()).get("data_offsets");
            assertEquals(end, offsets.get(0), e.getKey());
            end = (Long) offsets.get(1);
        }
        assertEquals(bytes.length - 8 - n, end);
    }

    @Test
    void modelOptimizerAndTrainingStateRoundTrip() throws Exception {
        Sequential model = new Sequential(new int[] {4}, new Linear(3), new Center());
        Momentum opt = new Momentum();
        for (int step = 0; step < 3; step++) {
            model.call(Variable.of(Tensor.rand(RandomKey.of(step), DType.FLOAT32, 5, 4))).sum().backward();
            opt.step(model.namedParameters());
            model.parameters().forEach(Parameter::zeroGrad);
        }
        opt.setLearningRate(0.05);
        Checkpoint.TrainingState state = new Checkpoint.TrainingState(2, 3, RandomKey.of(42).fold(-1), Map.of("shard", "3", "offset", "1280"));
        Path file = dir.resolve("ckpt.safetensors");
        Checkpoint.write(file, Checkpoint.of(model, opt, state));

        Checkpoint.Contents back = Checkpoint.read(file);
        assertEquals(state, back.trainingState().orElseThrow());
        assertEquals("test_momentum", back.metadata().get(Checkpoint.OPTIMIZER_KEY));
        assertEquals("3", back.metadata().get(Checkpoint.OPTIMIZER_ITERATIONS_KEY));
        assertEquals("0.05", back.metadata().get(Checkpoint.OPTIMIZER_LEARNING_RATE_KEY));
        assertTrue(back.tensors().contains("optimizer.velocity.test_linear_1.kernel"));
        assertEquals(ModelSpec.of(model), back.modelSpec().orElseThrow());

        Sequential fresh = new Sequential(new int[] {4}, new Linear(3, 77), new Center());
        Momentum freshOpt = new Momentum();
        back.restore(fresh, freshOpt);
        assertEquals(3, freshOpt.iterations());
        model.stateDict().asMap().forEach((k, v) -> assertArrayEquals(v.toFloatArray(), fresh.stateDict().get(k).toFloatArray(), k));
        opt.stateDict().asMap().forEach((k, v) -> assertArrayEquals(v.toDoubleArray(), freshOpt.stateDict().get(k).toDoubleArray(), k));
    }

    @Test
    void restoreChecksTheOptimizer() throws Exception {
        Sequential model = new Sequential(new int[] {2}, new Linear(2));
        Path file = dir.resolve("m.safetensors");
        Checkpoint.write(file, Checkpoint.of(model, null, null));
        Checkpoint.Contents c = Checkpoint.read(file);
        assertTrue(c.trainingState().isEmpty());
        assertTrue(c.optimizerState().asMap().isEmpty());
        ModelFormatException none = assertThrows(ModelFormatException.class, () -> c.restore(model, new Momentum()));
        assertTrue(none.getMessage().contains("no optimizer state"), none.getMessage());
        Checkpoint.write(file, Checkpoint.of(model, new Momentum(), null));
        Momentum other = new Momentum() {
            @Override
            public String name() { return "other"; }
        };
        ModelFormatException kind = assertThrows(ModelFormatException.class, () -> Checkpoint.read(file).restore(model, other));
        assertTrue(kind.getMessage().contains("'test_momentum'") && kind.getMessage().contains("'other'"), kind.getMessage());
        ModelFormatException strict = assertThrows(ModelFormatException.class,
                () -> Checkpoint.read(file).restore(new Sequential(new int[] {2}, new Linear(3)), null));
        assertTrue(strict.getMessage().contains("shape conflicts"), strict.getMessage());
    }

    @Test
    void aPartialTrainingStateIsAFormatError() throws Exception {
        Path file = dir.resolve("p.safetensors");
        Checkpoint.write(file, new Checkpoint.Contents(new StateDict(), Map.of(Checkpoint.STEP_KEY, "4", Checkpoint.EPOCH_KEY, "1")));
        ModelFormatException e = assertThrows(ModelFormatException.class, () -> Checkpoint.read(file).trainingState());
        assertTrue(e.getMessage().contains(Checkpoint.RNG_KEY), e.getMessage());
        Checkpoint.write(file, new Checkpoint.Contents(new StateDict(), Map.of(Checkpoint.STEP_KEY, "four", Checkpoint.EPOCH_KEY, "1", Checkpoint.RNG_KEY, "0")));
        assertThrows(ModelFormatException.class, () -> Checkpoint.read(file).trainingState());
    }

    @Test
    void modelsWithoutASpecAreSavedWithWeightsOnly() throws Exception {
        Sequential model = new Sequential(new int[] {2}, new Linear(2), new Untyped());
        Path file = dir.resolve("w.safetensors");
        Checkpoint.write(file, Checkpoint.of(model, null, null));
        Checkpoint.Contents c = Checkpoint.read(file);
        assertTrue(c.modelSpec().isEmpty());
        Sequential fresh = new Sequential(new int[] {2}, new Linear(2, 5), new Untyped());
        c.restore(fresh, null);
        assertArrayEquals(model.stateDict().get("test_linear_1.kernel").toFloatArray(), fresh.stateDict().get("test_linear_1.kernel").toFloatArray());
        Sequential clash = new Sequential(new int[] {2}, new Linear(2).setName("optimizer"));
        assertThrows(IllegalArgumentException.class, () -> Checkpoint.of(clash, null, null));
    }

    @Test
    void writingReplacesAtomicallyAndLeavesNoTemporaryFiles() throws Exception {
        Path file = dir.resolve("model.safetensors");
        Checkpoint.write(file, new Checkpoint.Contents(new StateDict().put("a", Tensor.ones(3)), Map.of()));
        Checkpoint.write(file, new Checkpoint.Contents(new StateDict().put("b", Tensor.ones(2)), Map.of()));
        assertEquals(List.of("b"), List.copyOf(Checkpoint.read(file).tensors().asMap().keySet()));
        byte[] before = Files.readAllBytes(file);
        StateDict bad = new StateDict().put("ok", Tensor.ones(1)).put("__metadata__", Tensor.ones(1));
        assertThrows(IllegalArgumentException.class, () -> Checkpoint.write(file, new Checkpoint.Contents(bad, Map.of())));
        assertArrayEquals(before, Files.readAllBytes(file), "a failed write leaves the old file");
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of(file), files.toList(), "no temporary file left behind");
        }
        Path relative = Path.of("target", "checkpoint-relative-test.safetensors");
        Checkpoint.write(relative, new Checkpoint.Contents(new StateDict(), Map.of()));
        assertTrue(Checkpoint.read(relative).tensors().asMap().isEmpty(), "a relative path writes its temporary file beside it");
        Files.delete(relative);
    }
}
