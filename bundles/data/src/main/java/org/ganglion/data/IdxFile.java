package org.ganglion.data;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;
import org.ganglion.core.DType;
import org.ganglion.core.Shape;
import org.ganglion.core.Tensor;

/**
 * One IDX file, the format of MNIST and Fashion-MNIST (LeCun et al.): two zero bytes, a type byte
 * ({@code 0x08} unsigned byte, {@code 0x09} signed byte, {@code 0x0B} int16, {@code 0x0C} int32,
 * {@code 0x0D} float32, {@code 0x0E} float64), the number of dimensions, each dimension as a
 * big-endian int32, then the elements big-endian in row-major order. A gzip-compressed file is
 * recognised by its first two bytes ({@code 1f 8b}), whatever its name.
 *
 * <p>Reading is strict: a wrong magic number, a truncated body, extra bytes after the body, or a
 * corrupt gzip stream raise a {@link DataFormatException} that names the file and the problem.
 * Immutable once read.
 */
public final class IdxFile {
    private static final int MAX_RANK = 8;

    private final String source;
    private final Type type;
    private final int[] shape;
    private final byte[] body;
    private final ByteBuffer view;

    /** IDX element types with their type byte and size. */
    public enum Type {
        UBYTE(0x08, 1), BYTE(0x09, 1), SHORT(0x0B, 2), INT(0x0C, 4), FLOAT(0x0D, 4), DOUBLE(0x0E, 8);

        public final int code, size;

        Type(int code, int size) {
            this.code = code;
            this.size = size;
        }

        static Type of(int code) {
            for (Type t : values()) if (t.code == code) return t;
            return null;
        }
    }

    private IdxFile(String source, Type type, int[] shape, byte[] body) {
        this.source = source;
        this.type = type;
        this.shape = shape;
        this.body = body;
        this.view = ByteBuffer.wrap(body).asReadOnlyBuffer();
    }

    /** Reads {@code file} (raw or gzip). */
    public static IdxFile read(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, file.toString());
        } catch (NoSuchFileException e) {
            throw new DataFormatException(file.toString(), "file not found", e);
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + file + ": " + e.getMessage(), e);
        }
    }

    /** Reads an IDX stream (raw or gzip); {@code source} names it in error messages. Does not close {@code in}. */
    public static IdxFile read(InputStream in, String source) {
        try {
            BufferedInputStream b = new BufferedInputStream(in, 1 << 16);
            b.mark(2);
            int b0 = b.read(), b1 = b.read();
            b.reset();
            InputStream data = b0 == 0x1f && b1 == 0x8b ? new GZIPInputStream(b, 1 << 16) : b;
            return parse(data, source);
        } catch (EOFException | ZipException e) {
            throw new DataFormatException(source, "truncated or corrupt gzip stream (" + e.getMessage() + ")", e);
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + source + ": " + e.getMessage(), e);
        }
    }

    private static IdxFile parse(InputStream in, String source) throws IOException {
        byte[] head = in.readNBytes(4);
        if (head.length < 4) throw new DataFormatException(source, "truncated: " + head.length + " bytes, too short for an IDX header");
        if (head[0] != 0 || head[1] != 0)
            throw new DataFormatException(source, String.format("not an IDX file: magic number starts with %02x %02x, expected 00 00",
                    head[0] & 0xFF, head[1] & 0xFF));
        Type type = Type.of(head[2] & 0xFF);
        if (type == null) throw new DataFormatException(source, String.format("unknown IDX element type 0x%02x in the magic number", head[2] & 0xFF));
        int rank = head[3] & 0xFF;
        if (rank < 1 || rank > MAX_RANK) throw new DataFormatException(source, "IDX header declares " + rank + " dimensions; expected 1 to " + MAX_RANK);
        byte[] dims = in.readNBytes(4 * rank);
        if (dims.length < 4 * rank) throw new DataFormatException(source, "truncated: header ends inside the " + rank + " dimension sizes");
        ByteBuffer db = ByteBuffer.wrap(dims);
        int[] shape = new int[rank];
        long count = 1;
        for (int i = 0; i < rank; i++) {
            shape[i] = db.getInt();
            if (shape[i] < 0) throw new DataFormatException(source, "dimension " + i + " has a negative size " + shape[i]);
            count *= shape[i];
            if (count * type.size > Integer.MAX_VALUE - 16)
                throw new DataFormatException(source, "shape " + Arrays.toString(shape) + " is too large to hold in memory");
        }
        int expected = (int) count * type.size;
        byte[] body = in.readNBytes(expected);
        if (body.length < expected)
            throw new DataFormatException(source, "truncated: shape " + Arrays.toString(shape) + " of " + type + " needs " + expected
                    + " data bytes after the header, found " + body.length);
        if (in.read() >= 0) throw new DataFormatException(source, "unexpected bytes after the " + expected + " data bytes of shape " + Arrays.toString(shape));
        return new IdxFile(source, type, shape, body);
    }

    /** Where this was read from. */
    public String source() { return source; }

    public Type type() { return type; }

    public int[] shape() { return shape.clone(); }

    /** The number of elements. */
    public int count() { return Shape.numel(shape); }

    /** Element {@code i} (row-major) as a double; unsigned bytes give 0..255. */
    public double get(int i) {
        int o = i * type.size;
        return switch (type) {
            case UBYTE -> body[o] & 0xFF;
            case BYTE -> body[o];
            case SHORT -> view.getShort(o);
            case INT -> view.getInt(o);
            case FLOAT -> view.getFloat(o);
            case DOUBLE -> view.getDouble(o);
        };
    }

    /**
     * All elements as floats divided by {@code divisor} ({@code 255} for pixels in [0,1], exactly as
     * NumPy's {@code astype('float32') / 255}; {@code 1} for the raw values).
     */
    public float[] toFloatArray(float divisor) {
        int n = count();
        float[] out = new float[n];
        if (type == Type.UBYTE) {
            for (int i = 0; i < n; i++) out[i] = (body[i] & 0xFF) / divisor;
        } else {
            for (int i = 0; i < n; i++) out[i] = (float) (get(i) / divisor);
        }
        return out;
    }

    /** All elements as longs; only for integer types. */
    public long[] toLongArray() {
        if (type == Type.FLOAT || type == Type.DOUBLE)
            throw new IllegalStateException(source + ": holds " + type + " elements, not integers");
        int n = count();
        long[] out = new long[n];
        for (int i = 0; i < n; i++) out[i] = (long) get(i);
        return out;
    }

    /** A float32 tensor of this file's shape, elements divided by {@code divisor}. */
    public Tensor toFloatTensor(float divisor) { return Tensor.of(toFloatArray(divisor), shape); }

    /** An int64 tensor of this file's shape (integer types only). */
    public Tensor toLongTensor() { return Tensor.of(toLongArray(), shape); }

    /** A tensor of {@code dtype}: float32/float64 unscaled, int32/int64 for integer types. */
    public Tensor toTensor(DType dtype) {
        if (dtype == DType.FLOAT64) {
            double[] d = new double[count()];
            for (int i = 0; i < d.length; i++) d[i] = get(i);
            return Tensor.of(d, shape);
        }
        return dtype.isFloating() ? toFloatTensor(1f).to(dtype) : toLongTensor().to(dtype);
    }

    @Override
    public String toString() { return "IdxFile[" + source + ", " + type + " " + Arrays.toString(shape) + "]"; }
}
