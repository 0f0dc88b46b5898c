package org.ganglion.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.ganglion.core.DType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Loading MNIST-format datasets from small fixture files: search order, conversion, errors, download checks. */
class MnistLoaderTest {
    @TempDir
    Path tmp;

    /** Options that see nothing of this machine: no env, empty cache, no system folders, no download. */
    private LoadOptions isolated() {
        return LoadOptions.defaults().cacheRoot(tmp.resolve("cache")).systemRoots(List.of()).environment(k -> null).download(false);
    }

    @Test
    void loadsFromAnExplicitFolderScaledToUnitRange() throws IOException {
        Path dir = Fixtures.mnistFolder(tmp.resolve("given"), 5, 3, true);
        TrainTest d = Mnist.load(isolated().folder(dir));
        assertArrayEquals(new int[] {5, 28, 28}, d.train().x().shape());
        assertArrayEquals(new int[] {3, 28, 28}, d.test().x().shape());
        assertEquals(DType.FLOAT32, d.train().x().dtype());
        assertEquals(DType.INT64, d.train().y().dtype());
        float[] x = d.train().x().toFloatArray();
        assertEquals(Fixtures.pixel(2, 100) / 255f, x[2 * 784 + 100]);
        long[] y = d.train().y().toLongArray();
        for (int i = 0; i < 5; i++) assertEquals(Fixtures.label(i), y[i]);
    }

    @Test
    void rawOptionKeepsPixelValuesAndRawFilesWork() throws IOException {
        Path dir = Fixtures.mnistFolder(tmp.resolve("raw"), 4, 2, false);
        TrainTest d = FashionMnist.load(isolated().folder(dir).scale(false));
        float[] x = d.test().x().toFloatArray();
        assertEquals(Fixtures.pixel(1, 783), x[784 + 783]);
        assertEquals(255f, d.train().x().max().item());
    }

    @Test
    void searchOrderIsFolderThenEnvThenCacheThenSystem() throws IOException {
        Path env = tmp.resolve("env"), sys = tmp.resolve("sys");
        Fixtures.mnistFolder(env.resolve("mnist"), 2, 1, true);
        Fixtures.mnistFolder(env, 3, 1, true);
        Fixtures.mnistFolder(tmp.resolve("cache/mnist"), 4, 1, true);
        Fixtures.mnistFolder(sys.resolve("mnist"), 6, 1, true);
        Path given = Fixtures.mnistFolder(tmp.resolve("given"), 7, 1, true);
        LoadOptions o = isolated().systemRoots(List.of(sys)).environment(Map.of("GANGLION_DATA", env.toString())::get);
        assertEquals(7, Mnist.load(o.folder(given)).train().size());
        assertEquals(2, Mnist.load(o).train().size(), "$GANGLION_DATA/mnist");
        deleteTree(env.resolve("mnist"));
        assertEquals(3, Mnist.load(o).train().size(), "$GANGLION_DATA itself");
        assertEquals(4, Mnist.load(isolated().systemRoots(List.of(sys))).train().size(), "the cache");
        deleteTree(tmp.resolve("cache/mnist"));
        assertEquals(6, Mnist.load(isolated().systemRoots(List.of(sys))).train().size(), "the system folder");
        assertTrue(Mnist.isAvailableLocally(isolated().systemRoots(List.of(sys))));
        assertFalse(Mnist.isAvailableLocally(isolated()));
    }

    @Test
    void nothingAvailableOfflineNamesEveryOption() throws IOException {
        Path partial = Fixtures.mnistFolder(tmp.resolve("partial"), 2, 1, true);
        Files.delete(partial.resolve("t10k-labels-idx1-ubyte.gz"));
        DatasetUnavailableException e = assertThrows(DatasetUnavailableException.class,
                () -> FashionMnist.load(isolated().folder(partial).systemRoots(List.of(tmp.resolve("sys")))));
        String m = e.getMessage();
        assertEquals("fashion-mnist", e.dataset());
        for (String expected : List.of("fashion-mnist is not available", "folder argument " + partial, "missing t10k-labels-idx1-ubyte[.gz]",
                "$GANGLION_DATA/fashion-mnist: not set", tmp.resolve("cache/fashion-mnist").toString(), tmp.resolve("sys/fashion-mnist") + ": no such folder",
                "download from " + FashionMnist.URL + ": disabled", "dataset-fashion-mnist", "GANGLION_DATA"))
            assertTrue(m.contains(expected), "message lacks '" + expected + "':\n" + m);
    }

    @Test
    void aFailedDownloadIsReportedWithItsCause() {
        LoadOptions o = isolated().download(true).downloader(uri -> {
            throw new IOException("network is unreachable");
        });
        DatasetUnavailableException e = assertThrows(DatasetUnavailableException.class, () -> Mnist.load(o));
        assertTrue(e.getMessage().contains("failed") && e.getMessage().contains("network is unreachable"), e.getMessage());
        assertInstanceOf(IOException.class, e.getCause());
        assertEquals(0, countFiles(tmp.resolve("cache/mnist")), "nothing half-downloaded is left");
    }

    @Test
    void offlineEnvironmentVariableTurnsTheDownloadOff() {
        assertFalse(LoadOptions.defaults().environment(Map.of("GANGLION_OFFLINE", "1")::get).download());
        assertTrue(LoadOptions.defaults().environment(Map.of("GANGLION_OFFLINE", "0")::get).download());
        assertTrue(LoadOptions.defaults().environment(k -> null).download());
        assertFalse(LoadOptions.defaults().download(false).download());
    }

    @Test
    void aDownloadWithTheWrongChecksumIsRejectedAndNotKept() throws IOException {
        Path mirror = Fixtures.mnistFolder(tmp.resolve("mirror"), 2, 1, true);
        LoadOptions o = isolated().download(true).mirror(mirror.toUri());
        DataFormatException e = assertThrows(DataFormatException.class, () -> FashionMnist.load(o));
        assertTrue(e.file().startsWith("file:") && e.problem().contains("MD5 checksum mismatch"), e.getMessage());
        assertTrue(e.problem().contains("expected bef4ecab320f06d8554ea6380940ec79") || e.problem().contains("expected bb300cfdad3c16e7a12a480ee83cd310"),
                e.getMessage());
        assertEquals(0, countFiles(tmp.resolve("cache/fashion-mnist")), "no file, complete or partial, is kept");
    }

    @Test
    void malformedDatasetFilesAreDataFormatErrors() throws IOException {
        Path dir = Fixtures.mnistFolder(tmp.resolve("badlabel"), 3, 2, true);
        byte[] labels = Fixtures.idx(0x08, new int[] {3}, new byte[] {1, 10, 2});
        Files.write(dir.resolve("train-labels-idx1-ubyte.gz"), Fixtures.gzip(labels));
        DataFormatException e = assertThrows(DataFormatException.class, () -> Mnist.load(isolated().folder(dir)));
        assertTrue(e.problem().contains("label 10 at index 1"), e.getMessage());

        Files.write(dir.resolve("train-labels-idx1-ubyte.gz"), Fixtures.gzip(Fixtures.labels(4)));
        e = assertThrows(DataFormatException.class, () -> Mnist.load(isolated().folder(dir)));
        assertTrue(e.problem().contains("4 labels for 3 images"), e.getMessage());

        Files.write(dir.resolve("t10k-images-idx3-ubyte.gz"), Fixtures.gzip(Fixtures.idx(0x08, new int[] {2, 28, 27}, new byte[2 * 28 * 27])));
        Files.write(dir.resolve("train-labels-idx1-ubyte.gz"), Fixtures.gzip(Fixtures.labels(3)));
        e = assertThrows(DataFormatException.class, () -> Mnist.load(isolated().folder(dir)));
        assertTrue(e.file().endsWith("t10k-images-idx3-ubyte.gz") && e.problem().contains("[2, 28, 27]"), e.getMessage());
    }

    @Test
    void fashionMnistHasTenClassNames() {
        assertEquals(10, FashionMnist.CLASS_NAMES.size());
        assertEquals("T-shirt/top", FashionMnist.CLASS_NAMES.get(0));
        assertEquals("Ankle boot", FashionMnist.CLASS_NAMES.get(9));
    }

    private static long countFiles(Path dir) {
        if (!Files.isDirectory(dir)) return 0;
        try (Stream<Path> s = Files.list(dir)) {
            return s.count();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) Files.delete(p);
        }
    }
}
