package org.ganglion.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.ganglion.core.DType;
import org.ganglion.core.Tensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IdxFileTest {
    @TempDir
    Path dir;

    private static final byte[] BODY = {0, 1, 127, (byte) 128, (byte) 255, 42};

    @Test
    void readsRawAndGzipUnsignedBytes() throws IOException {
        byte[] raw = Fixtures.idx(0x08, new int[] {2, 3}, BODY);
        Path a = Files.write(dir.resolve("a-idx2-ubyte"), raw);
        Path b = Files.write(dir.resolve("b-no-gz-suffix"), Fixtures.gzip(raw));
        for (Path p : new Path[] {a, b}) {
            IdxFile f = IdxFile.read(p);
            assertEquals(IdxFile.Type.UBYTE, f.type());
            assertArrayEquals(new int[] {2, 3}, f.shape());
            assertArrayEquals(new long[] {0, 1, 127, 128, 255, 42}, f.toLongArray());
            assertArrayEquals(new float[] {0, 1 / 255f, 127 / 255f, 128 / 255f, 1, 42 / 255f}, f.toFloatArray(255f));
            Tensor t = f.toFloatTensor(1f);
            assertArrayEquals(new int[] {2, 3}, t.shape());
            assertEquals(255f, t.toFloatArray()[4]);
        }
    }

    @Test
    void readsOtherElementTypesBigEndian() {
        ByteBuffer ints = ByteBuffer.allocate(8).putInt(-5).putInt(70000);
        IdxFile i = IdxFile.read(new ByteArrayInputStream(Fixtures.idx(0x0C, new int[] {2}, ints.array())), "ints");
        assertArrayEquals(new long[] {-5, 70000}, i.toLongArray());
        assertEquals(DType.INT32, i.toTensor(DType.INT32).dtype());
        ByteBuffer doubles = ByteBuffer.allocate(16).putDouble(0.1).putDouble(-2.5);
        IdxFile d = IdxFile.read(new ByteArrayInputStream(Fixtures.idx(0x0E, new int[] {1, 2}, doubles.array())), "doubles");
        assertArrayEquals(new double[] {0.1, -2.5}, d.toTensor(DType.FLOAT64).toDoubleArray());
        assertThrows(IllegalStateException.class, d::toLongArray);
        IdxFile s = IdxFile.read(new ByteArrayInputStream(Fixtures.idx(0x09, new int[] {1}, new byte[] {-3})), "signed");
        assertEquals(-3, s.get(0));
    }

    @Test
    void badMagicNumberNamesTheFile() throws IOException {
        Path p = Files.write(dir.resolve("bad"), new byte[] {1, 2, 8, 1, 0, 0, 0, 0});
        DataFormatException e = assertThrows(DataFormatException.class, () -> IdxFile.read(p));
        assertEquals(p.toString(), e.file());
        assertTrue(e.getMessage().startsWith(p + ": not an IDX file"), e.getMessage());
        DataFormatException t = assertThrows(DataFormatException.class,
                () -> IdxFile.read(new ByteArrayInputStream(new byte[] {0, 0, 0x42, 1, 0, 0, 0, 0}), "x"));
        assertTrue(t.problem().contains("unknown IDX element type 0x42"), t.getMessage());
        DataFormatException r = assertThrows(DataFormatException.class,
                () -> IdxFile.read(new ByteArrayInputStream(new byte[] {0, 0, 8, 0}), "x"));
        assertTrue(r.problem().contains("0 dimensions"), r.getMessage());
    }

    @Test
    void truncatedFilesAreReportedWithSizes() throws IOException {
        byte[] full = Fixtures.idx(0x08, new int[] {2, 3}, BODY);
        Path body = Files.write(dir.resolve("short-body"), Arrays.copyOf(full, full.length - 2));
        DataFormatException e = assertThrows(DataFormatException.class, () -> IdxFile.read(body));
        assertTrue(e.problem().contains("truncated") && e.problem().contains("needs 6") && e.problem().contains("found 4"), e.getMessage());
        Path header = Files.write(dir.resolve("short-header"), Arrays.copyOf(full, 6));
        assertTrue(assertThrows(DataFormatException.class, () -> IdxFile.read(header)).problem().contains("truncated"));
        Path tiny = Files.write(dir.resolve("tiny"), new byte[] {0, 0});
        assertTrue(assertThrows(DataFormatException.class, () -> IdxFile.read(tiny)).problem().contains("truncated"));
        Path extra = Files.write(dir.resolve("extra"), Arrays.copyOf(full, full.length + 1));
        assertTrue(assertThrows(DataFormatException.class, () -> IdxFile.read(extra)).problem().contains("unexpected bytes"));
    }

    @Test
    void truncatedOrCorruptGzipIsReported() throws IOException {
        byte[] gz = Fixtures.gzip(Fixtures.images(3));
        Path cut = Files.write(dir.resolve("cut.gz"), Arrays.copyOf(gz, gz.length / 2));
        DataFormatException e = assertThrows(DataFormatException.class, () -> IdxFile.read(cut));
        assertEquals(cut.toString(), e.file());
        assertTrue(e.problem().contains("gzip"), e.getMessage());
        byte[] corrupt = gz.clone();
        for (int i = 20; i < 40; i++) corrupt[i] ^= 0x5A;
        Path bad = Files.write(dir.resolve("corrupt.gz"), corrupt);
        assertThrows(DataFormatException.class, () -> IdxFile.read(bad));
    }

    @Test
    void missingFileIsADataFormatExceptionNamingIt() {
        Path p = dir.resolve("nope.gz");
        DataFormatException e = assertThrows(DataFormatException.class, () -> IdxFile.read(p));
        assertTrue(e.getMessage().contains("nope.gz") && e.getMessage().contains("not found"));
    }
}
