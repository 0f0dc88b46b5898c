package org.ganglion.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.ganglion.core.RandomKey;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Checks the real Fashion-MNIST files wherever the default search finds them (for example Debian's
 * dataset-fashion-mnist package). Skipped when they are absent, unless GANGLION_REQUIRE lists
 * {@code fashion-mnist}: then their absence fails. Never downloads.
 */
class FashionMnistRealTest {
    private static TrainTest data;
    private static long loadMillis;

    @BeforeAll
    static void load() {
        LoadOptions local = LoadOptions.defaults().download(false);
        Fixtures.assumeOrRequire("fashion-mnist", FashionMnist.isAvailableLocally(local),
                "Fashion-MNIST files not found locally (install Debian's dataset-fashion-mnist, set GANGLION_DATA, "
                        + "or copy them to ~/.ganglion/datasets/fashion-mnist)");
        long t0 = System.nanoTime();
        data = FashionMnist.load(local);
        loadMillis = (System.nanoTime() - t0) / 1_000_000;
        System.out.println("Fashion-MNIST: loaded 70000 images in " + loadMillis + " ms");
    }

    @Test
    void sizesAndShapes() {
        assertArrayEquals(new int[] {60000, 28, 28}, data.train().x().shape());
        assertArrayEquals(new int[] {60000}, data.train().y().shape());
        assertArrayEquals(new int[] {10000, 28, 28}, data.test().x().shape());
        assertEquals(10000, data.test().size());
    }

    @Test
    void everyClassHas6000TrainingAnd1000TestImages() {
        long[] train = Resampling.classCounts(data.train()), test = Resampling.classCounts(data.test());
        for (int c = 0; c < 10; c++) {
            assertEquals(6000, train[c], "train class " + c);
            assertEquals(1000, test[c], "test class " + c);
        }
    }

    @Test
    void firstTrainingImageIsAnAnkleBoot() {
        long first = data.train().y().slice(0, 0, 1).toLongArray()[0];
        assertEquals(9, first);
        assertEquals("Ankle boot", FashionMnist.CLASS_NAMES.get((int) first));
    }

    @Test
    void pixelsAreScaledToTheUnitInterval() {
        assertEquals(0.0, data.train().x().min().item());
        assertEquals(1.0, data.train().x().max().item());
        assertEquals(0.0, data.test().x().min().item());
        assertEquals(1.0, data.test().x().max().item());
        double mean = data.train().x().mean().item();
        assertTrue(mean > 0.27 && mean < 0.30, "mean pixel of Fashion-MNIST train is about 0.286, got " + mean);
    }

    @Test
    void aShuffledEpochCoversEverySampleOnce() {
        DataLoader loader = DataLoader.builder(data.test()).batchSize(500).shuffle(RandomKey.of(3)).build();
        long[] seen = new long[10];
        int batches = 0;
        try (DataLoader.Iteration it = loader.epoch(0)) {
            for (Batch b : it) {
                batches++;
                assertArrayEquals(new int[] {500, 28, 28}, b.x().shape());
                for (long y : b.y().toLongArray()) seen[(int) y]++;
            }
        }
        assertEquals(20, batches);
        for (long s : seen) assertEquals(1000, s);
    }
}
