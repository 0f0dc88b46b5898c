package org.ganglion.train;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.ganglion.core.RandomKey;
import org.ganglion.data.TensorDataset;
import org.ganglion.optim.Optimizers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Save mid-training, load in a NEW JVM, continue: the losses of the continued epochs equal those of
 * an uninterrupted run bit for bit (compared as the exact decimal strings of the doubles).
 */
class FreshProcessResumeTest {
    static final int SEED = 4;

    static Trainer trainer() {
        return Trainer.compile(TrainerTest.mlp(SEED), Optimizers.adam(0.01), "sparse_categorical_crossentropy");
    }

    static FitOptions options(int epochs) { return FitOptions.epochs(epochs).batchSize(32).verbose(0).seed(5); }

    /** Child process: restore the checkpoint given as args[0], finish 4 epochs, print each epoch's loss. */
    public static void main(String[] args) throws Exception {
        Trainer t = trainer();
        t.restoreCheckpoint(Path.of(args[0]));
        History h = t.fit(TrainerTest.blobs(320, SEED), options(4));
        for (double l : h.get("loss")) System.out.println("loss=" + l);
    }

    @Test
    void aFreshJvmContinuesTheLossTrajectoryExactly(@TempDir Path dir) throws Exception {
        TensorDataset data = TrainerTest.blobs(320, SEED);
        History full = trainer().fit(data, options(4));
        Trainer first = trainer();
        first.fit(data, options(2));
        Path ckpt = dir.resolve("mid.safetensors");
        first.saveCheckpoint(ckpt, RandomKey.of(5));

        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> cmd = new ArrayList<>(List.of(java, "--add-modules", "jdk.incubator.vector", "-cp", System.getProperty("java.class.path"),
                FreshProcessResumeTest.class.getName(), ckpt.toString()));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(dir.resolve("child.log").toFile()).start();
        assertEquals(0, p.waitFor(), () -> "child failed: " + read(dir.resolve("child.log")));
        List<String> childLosses = Files.readAllLines(dir.resolve("child.log")).stream().filter(l -> l.startsWith("loss=")).toList();
        List<String> expected = full.get("loss").subList(2, 4).stream().map(l -> "loss=" + l).toList();
        assertEquals(expected, childLosses);
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (Exception e) {
            return e.toString();
        }
    }
}
