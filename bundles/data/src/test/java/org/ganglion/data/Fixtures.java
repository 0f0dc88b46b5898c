package org.ganglion.data;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Assumptions;

/** Test helpers: IDX files, MNIST-style folders, and the GANGLION_REQUIRE rule for JUnit. */
public final class Fixtures {
    private Fixtures() {}

    /** Skips the test when {@code available} is false, unless GANGLION_REQUIRE lists {@code name}: then it fails. */
    public static void assumeOrRequire(String name, boolean available, String reason) {
        Assumptions.assumeTrue(Requirements.check(name, available, reason), reason);
    }

    /** The bytes of an IDX file: magic (00 00 type rank), big-endian dims, then {@code body}. */
    public static byte[] idx(int type, int[] shape, byte[] body) {
        ByteBuffer b = ByteBuffer.allocate(4 + 4 * shape.length + body.length);
        b.put((byte) 0).put((byte) 0).put((byte) type).put((byte) shape.length);
        for (int d : shape) b.putInt(d);
        b.put(body);
        return b.array();
    }

    public static byte[] gzip(byte[] data) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (OutputStream out = new GZIPOutputStream(bytes)) {
            out.write(data);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        return bytes.toByteArray();
    }

    /** Image pixel {@code p} of image {@code i}: a deterministic pattern covering 0..255. */
    public static int pixel(int i, int p) { return (i * 31 + p * 7) & 0xFF; }

    /** Label of sample {@code i}. */
    public static int label(int i) { return (i * 3 + 1) % 10; }

    /** The four MNIST files with {@code train} and {@code test} samples in {@code dir}; returns {@code dir}. */
    public static Path mnistFolder(Path dir, int train, int test, boolean gzip) throws IOException {
        Files.createDirectories(dir);
        write(dir, "train-images-idx3-ubyte", images(train), gzip);
        write(dir, "train-labels-idx1-ubyte", labels(train), gzip);
        write(dir, "t10k-images-idx3-ubyte", images(test), gzip);
        write(dir, "t10k-labels-idx1-ubyte", labels(test), gzip);
        return dir;
    }

    public static byte[] images(int n) {
        byte[] body = new byte[n * 784];
        for (int i = 0; i < n; i++) for (int p = 0; p < 784; p++) body[i * 784 + p] = (byte) pixel(i, p);
        return idx(0x08, new int[] {n, 28, 28}, body);
    }

    public static byte[] labels(int n) {
        byte[] body = new byte[n];
        for (int i = 0; i < n; i++) body[i] = (byte) label(i);
        return idx(0x08, new int[] {n}, body);
    }

    private static void write(Path dir, String name, byte[] data, boolean gzip) throws IOException {
        Files.write(dir.resolve(gzip ? name + ".gz" : name), gzip ? gzip(data) : data);
    }
}
