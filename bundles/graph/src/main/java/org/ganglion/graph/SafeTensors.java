package org.ganglion.graph;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ganglion.core.DType;
import org.ganglion.core.Tensor;

/**
 * The safetensors layout: an 8-byte little-endian header length N, N bytes of JSON header
 * ({@code {"name": {"dtype", "shape", "data_offsets": [begin, end]}, "__metadata__": {...}}},
 * padded with spaces to a multiple of 8), then the tensors' little-endian bytes. Offsets are
 * relative to the data section, which the tensors cover exactly (no gaps, no overlaps).
 *
 * <p>Reading trusts nothing: every length, offset, dtype and shape is checked against the file
 * before anything is allocated, and everything malformed is a {@link ModelFormatException}.
 * Tensors are streamed in chunks, so memory use stays near the size of the tensors themselves.
 */
final class SafeTensors {
    /** The limit the reference implementation uses; a larger claim means a corrupt or hostile file. */
    static final long MAX_HEADER_BYTES = 100_000_000L;
    static final String METADATA = "__metadata__";
    private static final int CHUNK_ELEMENTS = 1 << 16;
    private static final Map<DType, String> CODES = Map.of(DType.FLOAT32, "F32", DType.FLOAT64, "F64", DType.INT32, "I32",
            DType.INT64, "I64", DType.BOOL, "BOOL");

    /** What a file holds, plus the SHA-256 of its data section as read. */
    record Contents(StateDict tensors, Map<String, String> metadata, String dataSha256) {}

    private record Entry(String name, DType dtype, int[] shape, long begin, long end) {}

    private SafeTensors() {}

    // ---- writing -------------------------------------------------------------------------

    /**
     * Writes {@code tensors} in order with {@code metadata}, storing the data section's SHA-256 under
     * {@code checksumKey}. The header is laid out with a placeholder digest of the same length,
     * the data streamed behind it, then the header rewritten: one pass over the tensors.
     */
    static void write(FileChannel ch, StateDict tensors, Map<String, String> metadata, String checksumKey) throws IOException {
        Map<String, String> meta = new LinkedHashMap<>(metadata);
        meta.put(checksumKey, "0".repeat(64));
        Map<String, Object> header = new LinkedHashMap<>();
        header.put(METADATA, meta);
        long offset = 0;
        for (Map.Entry<String, Tensor> e : tensors.asMap().entrySet()) {
            if (e.getKey().equals(METADATA) || e.getKey().isEmpty()) throw new IllegalArgumentException("a tensor cannot be named '" + e.getKey() + "'");
            Tensor t = e.getValue();
            long bytes = (long) t.numel() * t.dtype().byteSize();
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("dtype", CODES.get(t.dtype()));
            entry.put("shape", t.shape());
            entry.put("data_offsets", new long[] {offset, offset + bytes});
            header.put(e.getKey(), entry);
            offset += bytes;
        }
        byte[] placeholder = headerBytes(header);
        ch.position(8L + placeholder.length);
        MessageDigest digest = sha256();
        for (Tensor t : tensors.asMap().values()) writeTensor(ch, t, digest);
        meta.put(checksumKey, HexFormat.of().formatHex(digest.digest()));
        byte[] h = headerBytes(header);
        if (h.length != placeholder.length) throw new IllegalStateException("header length changed while writing");
        ByteBuffer head = ByteBuffer.allocate(8 + h.length).order(ByteOrder.LITTLE_ENDIAN).putLong(h.length).put(h).flip();
        ch.position(0);
        while (head.hasRemaining()) ch.write(head);
    }

    private static byte[] headerBytes(Map<String, Object> header) {
        String json = Json.write(header);
        int unpadded = json.getBytes(StandardCharsets.UTF_8).length;
        return (json + " ".repeat((8 - unpadded % 8) % 8)).getBytes(StandardCharsets.UTF_8);
    }

    private static void writeTensor(FileChannel ch, Tensor t, MessageDigest digest) throws IOException {
        Object a = t.toArray();
        int n = t.numel(), size = t.dtype().byteSize();
        ByteBuffer buf = ByteBuffer.allocate(CHUNK_ELEMENTS * size).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < n; i += CHUNK_ELEMENTS) {
            int m = Math.min(CHUNK_ELEMENTS, n - i);
            buf.clear();
            switch (t.dtype()) {
                case FLOAT32 -> buf.asFloatBuffer().put((float[]) a, i, m);
                case FLOAT64 -> buf.asDoubleBuffer().put((double[]) a, i, m);
                case INT32 -> buf.asIntBuffer().put((int[]) a, i, m);
                case INT64 -> buf.asLongBuffer().put((long[]) a, i, m);
                case BOOL -> { for (int j = 0; j < m; j++) buf.put(j, (byte) (((boolean[]) a)[i + j] ? 1 : 0)); }
            }
            buf.limit(m * size);
            digest.update(buf.duplicate());
            while (buf.hasRemaining()) ch.write(buf);
        }
    }

    // ---- reading -------------------------------------------------------------------------

    /** Reads and checks a whole file; {@code what} (the file name) starts every error message. */
    static Contents read(FileChannel ch, String what) throws IOException {
        long size = ch.size();
        if (size < 8) throw error(what, "file is truncated: " + size + " bytes, too short for the 8-byte header length");
        long n = readFully(ch, 0, 8).order(ByteOrder.LITTLE_ENDIAN).getLong();
        if (n < 0 || n > MAX_HEADER_BYTES)
            throw error(what, "header length " + Long.toUnsignedString(n) + " exceeds the limit of " + MAX_HEADER_BYTES + " bytes");
        if (n > size - 8) throw error(what, "header length " + n + " is larger than the rest of the file (" + (size - 8) + " bytes): truncated or corrupt");
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().decode(readFully(ch, 8, (int) n)).toString();
        } catch (CharacterCodingException e) {
            throw error(what, "header is not valid UTF-8");
        }
        if (!text.startsWith("{")) throw error(what, "header must be a JSON object starting with '{'");
        Map<String, Object> header = ModelSpec.cast(Json.parse(text, what + ": header"));
        Map<String, String> metadata = metadata(header.get(METADATA), what);
        List<Entry> entries = new ArrayList<>();
        for (Map.Entry<String, Object> e : header.entrySet()) if (!e.getKey().equals(METADATA)) entries.add(entry(e.getKey(), e.getValue(), what));
        long dataStart = 8 + n, dataSize = size - dataStart;
        checkCoverage(entries, dataSize, what);
        // Contiguous and sorted: reading in offset order streams the data section once, front to back.
        List<Entry> byOffset = entries.stream().sorted(Comparator.comparingLong(Entry::begin).thenComparingLong(Entry::end)).toList();
        Map<String, Tensor> loaded = new LinkedHashMap<>();
        MessageDigest digest = sha256();
        for (Entry e : byOffset) loaded.put(e.name, readTensor(ch, dataStart, e, digest, what));
        StateDict tensors = new StateDict();
        for (Entry e : entries) tensors.put(e.name, loaded.get(e.name));
        return new Contents(tensors, metadata, HexFormat.of().formatHex(digest.digest()));
    }

    private static Map<String, String> metadata(Object v, String what) {
        Map<String, String> out = new LinkedHashMap<>();
        if (v == null) return out;
        if (!(v instanceof Map<?, ?> m)) throw error(what, "__metadata__ must be an object of strings");
        for (Map.Entry<?, ?> e : m.entrySet()) {
            if (!(e.getValue() instanceof String s)) throw error(what, "__metadata__ value of '" + e.getKey() + "' must be a string (safetensors metadata is string to string)");
            out.put((String) e.getKey(), s);
        }
        return out;
    }

    private static Entry entry(String name, Object v, String what) {
        String where = "tensor '" + name + "'";
        if (!(v instanceof Map<?, ?> raw)) throw error(what, where + " must be an object with dtype, shape and data_offsets");
        Map<String, Object> m = ModelSpec.cast(raw);
        if (!m.keySet().equals(java.util.Set.of("dtype", "shape", "data_offsets")))
            throw error(what, where + " must have exactly the fields dtype, shape and data_offsets, got " + m.keySet());
        DType dtype = CODES.entrySet().stream().filter(c -> c.getValue().equals(m.get("dtype"))).map(Map.Entry::getKey).findFirst()
                .orElseThrow(() -> error(what, where + " has unsupported dtype " + Json.write(m.get("dtype")) + " (supported: F32, F64, I32, I64, BOOL)"));
        long[] shape = longs(m.get("shape"), what, where + " shape");
        long[] offsets = longs(m.get("data_offsets"), what, where + " data_offsets");
        if (offsets.length != 2 || offsets[0] > offsets[1]) throw error(what, where + " data_offsets must be [begin, end] with begin <= end, got " + Arrays.toString(offsets));
        long numel = 1;
        for (long d : shape) {
            if (d > Integer.MAX_VALUE) throw error(what, where + " shape " + Arrays.toString(shape) + " has a dimension above 2^31-1");
            numel *= d;
            if (numel > Integer.MAX_VALUE) throw error(what, where + " shape " + Arrays.toString(shape) + " has more than 2^31-1 elements");
        }
        if (numel * dtype.byteSize() != offsets[1] - offsets[0])
            throw error(what, where + ": shape " + Arrays.toString(shape) + " of " + CODES.get(dtype) + " needs " + numel * dtype.byteSize()
                    + " bytes but data_offsets " + Arrays.toString(offsets) + " span " + (offsets[1] - offsets[0]));
        return new Entry(name, dtype, Arrays.stream(shape).mapToInt(d -> (int) d).toArray(), offsets[0], offsets[1]);
    }

    private static long[] longs(Object v, String what, String where) {
        if (!(v instanceof List<?> l) || !l.stream().allMatch(x -> x instanceof Long d && d >= 0))
            throw error(what, where + " must be a list of non-negative integers, got " + Json.write(v));
        return l.stream().mapToLong(x -> (Long) x).toArray();
    }

    /** safetensors requires the tensors to tile the data section exactly. */
    private static void checkCoverage(List<Entry> entries, long dataSize, String what) {
        List<Entry> sorted = entries.stream().sorted(Comparator.comparingLong(Entry::begin).thenComparingLong(Entry::end)).toList();
        long expected = 0;
        String previous = null;
        for (Entry e : sorted) {
            if (e.end > dataSize)
                throw error(what, "tensor '" + e.name + "' data_offsets [" + e.begin + ", " + e.end + "] are out of range: the data section has " + dataSize + " bytes");
            if (e.begin < expected) throw error(what, "tensor '" + e.name + "' overlaps tensor '" + previous + "' (offset " + e.begin + " < " + expected + ")");
            if (e.begin > expected) throw error(what, "gap in the data section before tensor '" + e.name + "' (bytes " + expected + " to " + e.begin + " belong to no tensor)");
            expected = e.end;
            previous = e.name;
        }
        if (expected != dataSize) throw error(what, "the data section has " + dataSize + " bytes but the tensors cover " + expected + " (trailing bytes or truncated file)");
    }

    private static Tensor readTensor(FileChannel ch, long dataStart, Entry e, MessageDigest digest, String what) throws IOException {
        int n = Math.toIntExact((e.end - e.begin) / e.dtype.byteSize()), size = e.dtype.byteSize();
        Object a = e.dtype.newHostArray(n);
        for (int i = 0; i < n; i += CHUNK_ELEMENTS) {
            int m = Math.min(CHUNK_ELEMENTS, n - i);
            ByteBuffer buf = readFully(ch, dataStart + e.begin + (long) i * size, m * size);
            digest.update(buf.duplicate());
            buf.order(ByteOrder.LITTLE_ENDIAN);
            switch (e.dtype) {
                case FLOAT32 -> buf.asFloatBuffer().get((float[]) a, i, m);
                case FLOAT64 -> buf.asDoubleBuffer().get((double[]) a, i, m);
                case INT32 -> buf.asIntBuffer().get((int[]) a, i, m);
                case INT64 -> buf.asLongBuffer().get((long[]) a, i, m);
                case BOOL -> {
                    for (int j = 0; j < m; j++) {
                        byte b = buf.get(j);
                        if (b != 0 && b != 1) throw error(what, "tensor '" + e.name + "' is BOOL but holds the byte " + b + " (only 0 and 1 are valid)");
                        ((boolean[]) a)[i + j] = b == 1;
                    }
                }
            }
        }
        return e.shape.length == 0 ? Tensor.fromArray(a, 1).reshape() : Tensor.fromArray(a, e.shape);
    }

    private static ByteBuffer readFully(FileChannel ch, long position, int length) throws IOException {
        ByteBuffer buf = ByteBuffer.allocate(length);
        while (buf.hasRemaining()) {
            if (ch.read(buf, position + buf.position()) < 0) throw new java.io.EOFException("file ended while reading");
        }
        return buf.flip();
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    private static ModelFormatException error(String what, String message) { return new ModelFormatException(what + ": " + message); }
}
