package org.ganglion.core.host;

import org.ganglion.core.DType;

/**
 * Typed access to a host array, so that one kernel loop serves every dtype. Floating arrays are
 * read and written through {@code double} (exact for float32; writing a float32 rounds once),
 * integer and BOOL arrays through {@code long} (BOOL reads as 0/1 and stores {@code != 0}). The
 * other accessor converts as {@link org.ganglion.core.spi.ComputeDevice#copy} does: float to
 * integer truncates toward zero, anything to BOOL means {@code != 0}.
 */
sealed interface Elements {
    DType dtype();

    double getDouble(int i);

    long getLong(int i);

    void setDouble(int i, double v);

    void setLong(int i, long v);

    /** Rounds a double to this dtype's precision (float32: to the nearest float; others unchanged). */
    default double round(double v) { return v; }

    /** Smallest value of an integer or BOOL dtype (the identity of MAX). */
    default long lowest() { throw new UnsupportedOperationException(dtype().toString()); }

    /** Largest value of an integer or BOOL dtype (the identity of MIN). */
    default long highest() { throw new UnsupportedOperationException(dtype().toString()); }

    static Elements of(HostBuffer b) {
        return switch (b.dtype()) {
            case FLOAT32 -> new F32(b.f32());
            case FLOAT64 -> new F64(b.f64());
            case INT32 -> new I32(b.i32());
            case INT64 -> new I64(b.i64());
            case BOOL -> new Bool(b.bool());
        };
    }

    /** {@code dst[j] = src[i]}, converting the dtype when they differ. */
    static void move(Elements src, int i, Elements dst, int j) {
        if (src.dtype().isFloating()) dst.setDouble(j, src.getDouble(i));
        else dst.setLong(j, src.getLong(i));
    }

    /** {@code dst[j] += src[i]} in dst's dtype (same dtype; BOOL: or). */
    static void add(Elements src, int i, Elements dst, int j) {
        if (dst.dtype().isFloating()) dst.setDouble(j, dst.getDouble(j) + src.getDouble(i));
        else dst.setLong(j, dst.getLong(j) + src.getLong(i));
    }

    record F32(float[] a) implements Elements {
        public DType dtype() { return DType.FLOAT32; }
        public double getDouble(int i) { return a[i]; }
        public long getLong(int i) { return (long) a[i]; }
        public void setDouble(int i, double v) { a[i] = (float) v; }
        public void setLong(int i, long v) { a[i] = (float) v; }
        public double round(double v) { return (float) v; }
    }

    record F64(double[] a) implements Elements {
        public DType dtype() { return DType.FLOAT64; }
        public double getDouble(int i) { return a[i]; }
        public long getLong(int i) { return (long) a[i]; }
        public void setDouble(int i, double v) { a[i] = v; }
        public void setLong(int i, long v) { a[i] = v; }
    }

    record I32(int[] a) implements Elements {
        public DType dtype() { return DType.INT32; }
        public double getDouble(int i) { return a[i]; }
        public long getLong(int i) { return a[i]; }
        public void setDouble(int i, double v) { a[i] = (int) v; }
        public void setLong(int i, long v) { a[i] = (int) v; }
        public long lowest() { return Integer.MIN_VALUE; }
        public long highest() { return Integer.MAX_VALUE; }
    }

    record I64(long[] a) implements Elements {
        public DType dtype() { return DType.INT64; }
        public double getDouble(int i) { return a[i]; }
        public long getLong(int i) { return a[i]; }
        public void setDouble(int i, double v) { a[i] = (long) v; }
        public void setLong(int i, long v) { a[i] = v; }
        public long lowest() { return Long.MIN_VALUE; }
        public long highest() { return Long.MAX_VALUE; }
    }

    record Bool(boolean[] a) implements Elements {
        public DType dtype() { return DType.BOOL; }
        public double getDouble(int i) { return a[i] ? 1 : 0; }
        public long getLong(int i) { return a[i] ? 1 : 0; }
        public void setDouble(int i, double v) { a[i] = v != 0; }
        public void setLong(int i, long v) { a[i] = v != 0; }
        public long lowest() { return 0; }
        public long highest() { return 1; }
    }
}
