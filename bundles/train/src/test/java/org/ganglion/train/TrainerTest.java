package org.ganglion.train;

import static org.junit.jupiter.api.Assertions.*;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.ganglion.core.DType;
import org.ganglion.core.RandomKey;
import org.ganglion.core.Tensor;
import org.ganglion.data.TensorDataset;
import org.ganglion.graph.Sequential;
import org.ganglion.graph.UnknownComponentException;
import org.ganglion.nn.Dense;
import org.ganglion.nn.Dropout;
import org.ganglion.nn.Seeding;
import org.ganglion.optim.Optimizers;
import org.ganglion.train.callbacks.CsvLogger;
import org.ganglion.train.callbacks.EarlyStopping;
import org.ganglion.train.callbacks.ModelCheckpoint;
import org.ganglion.train.callbacks.ProgressBar;
import org.ganglion.train.callbacks.TrainingPlot;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainerTest {
    /** Three Gaussian blobs in 2-D, labels 0..2, shuffled. */
    static TensorDataset blobs(int n, long seed) {
        RandomKey k = RandomKey.of(seed);
        Tensor labels = Tensor.randint(k.fold(1), 0, 3, n);
        double[][] centres = {{-2, 0}, {2, 0}, {0, 2.5}};
        long[] ls = labels.toLongArray();
        float[] noise = Tensor.randn(k.fold(2), DType.FLOAT32, n, 2).mul(0.5).toFloatArray();
        float[] x = new float[n * 2];
        for (int i = 0; i < n; i++) for (int j = 0; j < 2; j++) x[i * 2 + j] = (float) centres[(int) ls[i]][j] + noise[i * 2 + j];
        return new TensorDataset(Tensor.of(x, n, 2), labels);
    }

    static Sequential mlp(long seed) {
        Sequential m = Seeding.seed(new Sequential(new Dense(16, "relu"), new Dropout(0.1), new Dense(3, "softmax")), seed);
        m.build(2);
        return m;
    }

    @Test
    void fitsByRegisteredNamesAndReportsHistory(@TempDir Path dir) throws Exception {
        TensorDataset data = blobs(600, 1);
        Trainer t = Trainer.compile(mlp(1), "adam", "sparse_categorical_crossentropy", "accuracy");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        History h = t.fit(data.x(), data.y(), FitOptions.epochs(25).batchSize(32).validationSplit(0.2).verbose(0)
                .callbacks(new ProgressBar(1, new PrintStream(out, true), false), new CsvLogger(dir.resolve("log.csv")),
                        new TrainingPlot(dir.resolve("curves.svg"))));
        assertEquals(25, h.size());
        assertTrue(h.last("accuracy") > 0.9, "train accuracy " + h.last("accuracy"));
        assertTrue(h.last("val_accuracy") > 0.9, "val accuracy " + h.last("val_accuracy"));
        assertTrue(h.get("loss").get(24) < h.get("loss").get(0), "loss decreases: " + h.get("loss"));
        String printed = out.toString();
        assertTrue(printed.contains("Epoch 25/25"), printed);
        assertTrue(printed.contains("15/15 [==============================]"), printed);
        assertTrue(printed.contains("val_accuracy: "), printed);
        List<String> csv = Files.readAllLines(dir.resolve("log.csv"));
        assertEquals(26, csv.size());
        assertTrue(csv.get(0).startsWith("epoch,loss,accuracy,val_loss,val_accuracy,lr"), csv.get(0));
        assertTrue(Files.readString(dir.resolve("curves.svg")).contains("<polyline"));
        Map<String, Double> eval = t.evaluate(data.x(), data.y());
        assertEquals(List.of("loss", "accuracy"), List.copyOf(eval.keySet()));
        Tensor p = t.predict(data.x().slice(0, 0, 5));
        assertArrayEquals(new int[] {5, 3}, p.shape());
        assertArrayEquals(new float[] {1, 1, 1, 1, 1}, p.sum(1).toFloatArray(), 1e-5f);
    }

    @Test
    void unknownNamesListWhatIsRegistered() {
        var e = assertThrows(UnknownComponentException.class, () -> Trainer.compile(mlp(1), "adamm", "mse"));
        assertTrue(e.getMessage().contains("adam"), e.getMessage());
    }

    @Test
    void earlyStoppingStopsAndRestoresTheBestWeights() {
        TensorDataset data = blobs(300, 2);
        Trainer t = Trainer.compile(mlp(2), Optimizers.sgd(0.0), "sparse_categorical_crossentropy");
        EarlyStopping es = new EarlyStopping().monitor("val_loss").patience(2).restoreBestWeights(true);
        History h = t.fit(data, FitOptions.epochs(20).validationSplit(0.25).verbose(0).callbacks(es));
        assertEquals(3, h.size(), "lr 0 never improves: stops after patience");
        assertNotNull(h.stopReason());
        assertTrue(h.stopReason().contains("early stopping"));
    }

    @Test
    void aNonFiniteLossStopsTrainingWithoutApplyingTheStep() {
        TensorDataset data = blobs(200, 3);
        Sequential m = mlp(3);
        Trainer t = Trainer.compile(m, Optimizers.sgd(1e30), "sparse_categorical_crossentropy");
        History h = t.fit(data, FitOptions.epochs(5).verbose(0));
        assertNotNull(h.stopReason(), "a diverging run must stop");
        assertTrue(h.stopReason().matches(".*at step \\d+.*"), h.stopReason());
        for (var p : m.parameters()) {
            for (float v : p.value().toFloatArray()) assertTrue(Float.isFinite(v), "parameters keep their last finite values");
        }
    }

    @Test
    void classWeightsRaiseMinorityRecall() {
        // 1-D overlapping classes: class 1 is rare; weighting it moves the boundary towards class 0.
        int n = 1000;
        RandomKey k = RandomKey.of(9);
        float[] x = new float[n];
        long[] y = new long[n];
        float[] noise = Tensor.randn(k, DType.FLOAT32, n).toFloatArray();
        for (int i = 0; i < n; i++) { y[i] = i % 10 == 0 ? 1 : 0; x[i] = (y[i] == 1 ? 1f : -1f) + 1.2f * noise[i]; }
        Tensor xs = Tensor.of(x, n, 1), ys = Tensor.of(y);
        double plain = minorityRecall(xs, ys, null), weighted = minorityRecall(xs, ys, Map.of(0, 1.0, 1, 9.0));
        assertTrue(weighted > plain + 0.2, "recall of class 1: plain " + plain + ", weighted " + weighted);
    }

    private static double minorityRecall(Tensor x, Tensor y, Map<Integer, Double> weights) {
        Sequential m = new Sequential(new int[] {1}, new Dense(2, "softmax"));
        Trainer t = Trainer.compile(m, Optimizers.adam(0.05), "sparse_categorical_crossentropy");
        FitOptions o = FitOptions.epochs(10).batchSize(50).verbose(0);
        if (weights != null) o.classWeights(weights);
        t.fit(x, y, o);
        long[] pred = t.predict(x).argmax(1, false).toLongArray(), truth = y.toLongArray();
        int tp = 0, pos = 0;
        for (int i = 0; i < truth.length; i++) if (truth[i] == 1) { pos++; if (pred[i] == 1) tp++; }
        return (double) tp / pos;
    }

    @Test
    void resumingFromACheckpointContinuesBitForBit(@TempDir Path dir) throws Exception {
        TensorDataset data = blobs(320, 4);
        FitOptions first = FitOptions.epochs(2).batchSize(32).verbose(0).seed(5);
        // Uninterrupted: 4 epochs.
        Trainer a = Trainer.compile(mlp(4), Optimizers.adam(0.01), "sparse_categorical_crossentropy");
        History full = a.fit(data, FitOptions.epochs(4).batchSize(32).verbose(0).seed(5));
        // Interrupted after 2 epochs, saved, restored into a fresh model and optimizer, continued.
        Trainer b = Trainer.compile(mlp(4), Optimizers.adam(0.01), "sparse_categorical_crossentropy");
        b.fit(data, first);
        Path ckpt = dir.resolve("mid.safetensors");
        b.saveCheckpoint(ckpt, RandomKey.of(5));
        Trainer c = Trainer.compile(mlp(4), Optimizers.adam(0.01), "sparse_categorical_crossentropy");
        c.restoreCheckpoint(ckpt);
        History rest = c.fit(data, FitOptions.epochs(4).batchSize(32).verbose(0).seed(5));
        assertEquals(2, rest.size());
        assertEquals(full.get("loss").subList(2, 4), rest.get("loss"), "loss trajectory identical bit for bit");
        for (String k : a.model().stateDict().asMap().keySet())
            assertArrayEquals(a.model().stateDict().get(k).toDoubleArray(), c.model().stateDict().get(k).toDoubleArray(), k);
    }

    @Test
    void modelCheckpointWritesTheBestEpoch(@TempDir Path dir) {
        TensorDataset data = blobs(200, 6);
        ModelCheckpoint mc = new ModelCheckpoint(dir.resolve("best-{epoch}.safetensors")).saveBestOnly(true);
        Trainer.compile(mlp(6), "adam", "sparse_categorical_crossentropy").fit(data, FitOptions.epochs(3).validationSplit(0.2).verbose(0).callbacks(mc));
        assertNotNull(mc.lastSaved());
        assertTrue(Files.exists(mc.lastSaved()));
    }
}
