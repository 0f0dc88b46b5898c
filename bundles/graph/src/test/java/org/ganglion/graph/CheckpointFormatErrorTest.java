package org.ganglion.graph;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import org.ganglion.core.Tensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every kind of malformed checkpoint is a {@link ModelFormatException} that says what is wrong. */
class CheckpointFormatErrorTest {
    @TempDir
    Path dir;

    /** A file with exactly this header text and {@code data}. */
    private Path file(byte[] header, byte[] data) throws Exception {
        ByteBuffer b = ByteBuffer.allocate(8 + header.length + data.length).order(ByteOrder.LITTLE_ENDIAN);
        b.putLong(header.length).put(header).put(data);
        Path p = dir.resolve("bad.safetensors");
        Files.write(p, b.array());
        return p;
    }

    private Path file(String header, int dataBytes) throws Exception { return file(header.getBytes(StandardCharsets.UTF_8), new byte[dataBytes]); }

    private static String validMeta(byte[] data) throws Exception {
        String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        return "\"__metadata__\": {\"ganglion.format_version\": \"1\", \"ganglion.data_sha256\": \"" + sha + "\"}";
    }

    private void assertRejected(Path p, String message) {
        ModelFormatException e = assertThrows(ModelFormatException.class, () -> Checkpoint.read(p));
        assertTrue(e.getMessage().startsWith("checkpoint " + p) && e.getMessage().contains(message), e.getMessage());
    }

    @Test
    void truncatedFiles() throws Exception {
        Path p = dir.resolve("short");
        Files.write(p, new byte[0]);
        assertRejected(p, "file is truncated: 0 bytes");
        Files.write(p, new byte[] {8, 0, 0, 0, 0});
        assertRejected(p, "file is truncated: 5 bytes");

        Path good = dir.resolve("good.safetensors");
        Checkpoint.write(good, new Checkpoint.Contents(new StateDict().put("w", Tensor.ones(100)), Map.of()));
        byte[] all = Files.readAllBytes(good);
        Files.write(p, java.util.Arrays.copyOf(all, all.length - 4));
        assertRejected(p, "out of range: the data section has 396 bytes");
        Files.write(p, java.util.Arrays.copyOf(all, 40));
        assertRejected(p, "is larger than the rest of the file (32 bytes)");
    }

    @Test
    void headerLengthsBeyondTheFileOrTheLimit() throws Exception {
        Path p = file(new byte[0], "{}".getBytes(StandardCharsets.UTF_8));
        ByteBuffer b = ByteBuffer.allocate(10).order(ByteOrder.LITTLE_ENDIAN).putLong(1000).put((byte) '{').put((byte) '}');
        Files.write(p, b.array());
        assertRejected(p, "header length 1000 is larger than the rest of the file (2 bytes)");
        Files.write(p, ByteBuffer.allocate(10).order(ByteOrder.LITTLE_ENDIAN).putLong(1L << 40).array());
        assertRejected(p, "header length 1099511627776 exceeds the limit of 100000000 bytes");
        Files.write(p, ByteBuffer.allocate(10).order(ByteOrder.LITTLE_ENDIAN).putLong(-1).array());
        assertRejected(p, "header length 18446744073709551615 exceeds the limit");
    }

    @Test
    void anOversizedHeaderIsRefusedBeforeItIsRead() throws Exception {
        Path p = dir.resolve("huge.safetensors");
        try (RandomAccessFile f = new RandomAccessFile(p.toFile(), "rw")) {
            f.setLength(SafeTensors.MAX_HEADER_BYTES + 64);     // sparse: costs no disk space
            f.write(ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(SafeTensors.MAX_HEADER_BYTES + 8).array());
        }
        assertRejected(p, "header length 100000008 exceeds the limit of 100000000 bytes");
    }

    @Test
    void headersThatAreNotUtf8OrNotAJsonObject() throws Exception {
        assertRejected(file(new byte[] {'{', (byte) 0xFF, '}', ' ', ' ', ' ', ' ', ' '}, new byte[0]), "header is not valid UTF-8");
        assertRejected(file("[1]     ", 0), "header must be a JSON object");
        assertRejected(file("{\"a\": }", 0), "header: unexpected '}'; expected a value at line 1, column 7");
        assertRejected(file("", 0), "header must be a JSON object");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{\"a\": {\"dtype\": \"F32\", \"shape\": [4], \"data_offsets\": [0, 16]}}                 | 8  | tensor 'a' data_offsets [0, 16] are out of range: the data section has 8 bytes",
        "{\"a\": {\"dtype\": \"F32\", \"shape\": [2], \"data_offsets\": [0, 8]}, \"b\": {\"dtype\": \"F32\", \"shape\": [2], \"data_offsets\": [4, 12]}} | 12 | tensor 'b' overlaps tensor 'a'",
        "{\"a\": {\"dtype\": \"F32\", \"shape\": [2], \"data_offsets\": [0, 8]}, \"b\": {\"dtype\": \"F32\", \"shape\": [2], \"data_offsets\": [12, 20]}} | 20 | gap in the data section before tensor 'b' (bytes 8 to 12",
        "{\"a\": {\"dtype\": \"F32\", \"shape\": [2], \"data_offsets\": [0, 8]}}                  | 12 | the data section has 12 bytes but the tensors cover 8",
        "{\"a\": {\"dtype\": \"F16\", \"shape\": [2], \"data_offsets\": [0, 4]}}                  | 4  | tensor 'a' has unsupported dtype \"F16\" (supported: F32, F64, I32, I64, BOOL)",
        "{\"a\": {\"dtype\": \"Q4\", \"shape\": [2], \"data_offsets\": [0, 1]}}                   | 1  | unsupported dtype \"Q4\"",
        "{\"a\": {\"dtype\": 5, \"shape\": [2], \"data_offsets\": [0, 1]}}                      | 1  | unsupported dtype 5",
        "{\"a\": {\"dtype\": \"F32\", \"shape\": [3], \"data_offsets\": [0, 8]}}                  | 8  | tensor 'a': shape [3] of F32 needs 12 bytes but data_offsets [0, 8] span 8",
        "{\"a\": {\"dtype\": \"I64\", \"shape\": [2, 2], \"data_offsets\": [0, 16]}}              | 16 | shape [2, 2] of I64 needs 32 bytes",
        "{\"a\": {\"dtype\": \"F32\", \"shape\": [-1], \"data_offsets\": [0, 4]}}                 | 4  | tensor 'a' shape must be a list of non-negative integers, got [-1]",
        "{\"a\": {\"dtype\": \"F32\", \"shape\": [1.0], \"data_offsets\": [0, 4]}}                | 4  | shape must be a list of non-negative integers",
        "{\"a\": {\"dtype\": \"F32\", \"shape\": \"4\", \"data_offsets\": [0, 4]}}                | 4  | shape must be a list of non-negative integers",
        "{\"a\": {\"dtype\": \"F32\", \"shape\": [65536, 65536], \"data_offsets\": [0, 4]}}       | 4  | has more than 2^31-1 elements",
        "{\"a\": {\"dtype\": \"F32\", \"shape\": [0, 4294967296], \"data_offsets\": [0, 0]}}     | 0  | has a dimension above 2^31-1",
        "{\"a\": {\"dtype\": \"F32\", \"shape\": [1], \"data_offsets\": [0]}}                     | 4  | data_offsets must be [begin, end]",
        "{\"a\": {\"dtype\": \"F32\", \"shape\": [1], \"data_offsets\": [4, 0]}}                  | 4  | data_offsets must be [begin, end] with begin <= end",
        "{\"a\": {\"dtype\": \"F32\", \"shape\": [1], \"data_offsets\": [0, -4]}}                 | 4  | data_offsets must be a list of non-negative integers",
        "{\"a\": {\"dtype\": \"F32\", \"shape\": [1]}}                                          | 4  | must have exactly the fields dtype, shape and data_offsets",
        "{\"a\": {\"dtype\": \"F32\", \"shape\": [1], \"data_offsets\": [0, 4], \"path\": \"/etc/passwd\"}} | 4 | must have exactly the fields",
        "{\"a\": 5}                                                                            | 0  | tensor 'a' must be an object",
        "{\"a\": {\"dtype\": \"F32\", \"shape\": [], \"data_offsets\": [0, 4]}, \"a\": {\"dtype\": \"F32\", \"shape\": [], \"data_offsets\": [4, 8]}} | 8 | duplicate key 'a'",
        "{\"__metadata__\": [\"x\"]}                                                             | 0  | __metadata__ must be an object of strings",
        "{\"__metadata__\": {\"epoch\": 3}}                                                      | 0  | __metadata__ value of 'epoch' must be a string",
    })
    void malformedHeadersAreRejected(String header, int dataBytes, String message) throws Exception {
        assertRejected(file(header, dataBytes), message);
    }

    @Test
    void boolTensorsHoldOnlyZeroAndOne() throws Exception {
        byte[] data = {1, 2};
        String header = "{" + validMeta(data) + ", \"m\": {\"dtype\": \"BOOL\", \"shape\": [2], \"data_offsets\": [0, 2]}}";
        assertRejected(file(header.getBytes(StandardCharsets.UTF_8), data), "tensor 'm' is BOOL but holds the byte 2");
    }

    @Test
    void aChangedByteFailsTheChecksum() throws Exception {
        Path p = dir.resolve("c.safetensors");
        Checkpoint.write(p, new Checkpoint.Contents(new StateDict().put("w", Tensor.ones(10)), Map.of()));
        byte[] all = Files.readAllBytes(p);
        all[all.length - 3] ^= 0x01;
        Files.write(p, all);
        assertRejected(p, "checksum mismatch: the data section's SHA-256 is ");
    }

    @Test
    void requiredMetadataMustBePresentAndSupported() throws Exception {
        byte[] data = new byte[4];
        String tensor = "\"w\": {\"dtype\": \"I32\", \"shape\": [1], \"data_offsets\": [0, 4]}";
        assertRejected(file(("{" + tensor + "}").getBytes(StandardCharsets.UTF_8), data), "metadata is missing the field ganglion.format_version (not a Ganglion checkpoint?)");
        assertRejected(file(("{\"__metadata__\": {\"ganglion.format_version\": \"1\"}, " + tensor + "}").getBytes(StandardCharsets.UTF_8), data),
                "metadata is missing the field ganglion.data_sha256");
        String future = validMeta(data).replace("\"ganglion.format_version\": \"1\"", "\"ganglion.format_version\": \"2\"");
        assertRejected(file(("{" + future + ", " + tensor + "}").getBytes(StandardCharsets.UTF_8), data), "unsupported format version '2' (this reader supports 1)");
        Path ok = file(("{" + validMeta(data) + ", " + tensor + "}").getBytes(StandardCharsets.UTF_8), data);
        assertTrue(Checkpoint.read(ok).tensors().contains("w"), "the same file with valid metadata reads (so the cases above fail for their stated reason)");
    }

    @Test
    void aBrokenModelSpecInTheMetadataIsAFormatError() throws Exception {
        Path p = dir.resolve("s.safetensors");
        Checkpoint.write(p, new Checkpoint.Contents(new StateDict(), Map.of(Checkpoint.MODEL_SPEC_KEY, "{\"format\": \"ganglion-model\",")));
        Checkpoint.Contents c = Checkpoint.read(p);
        assertThrows(ModelFormatException.class, c::modelSpec);
        assertThrows(ModelFormatException.class, () -> Models.load(p, TestLayers.registry()));
    }
}
