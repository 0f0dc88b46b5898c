package org.ganglion.core;

/**
 * Element types. Floating types carry data and gradients; integer types carry labels and indices;
 * {@code BOOL} carries masks. Host arrays: {@code float[]}, {@code double[]}, {@code int[]},
 * {@code long[]}, and {@code boolean[]} respectively.
 */
public enum DType {
    FLOAT32(4), FLOAT64(8), INT32(4), INT64(8), BOOL(1);

    private final int byteSize;

    DType(int byteSize) { this.byteSize = byteSize; }

    /** Bytes per element in the checkpoint format (little-endian). */
    public int byteSize() { return byteSize; }

    public boolean isFloating() { return this == FLOAT32 || this == FLOAT64; }

    public boolean isInteger() { return this == INT32 || this == INT64; }

    /** Allocates a zeroed host array of this type. */
    public Object newHostArray(int size) {
        return switch (this) {
            case FLOAT32 -> new float[size];
            case FLOAT64 -> new double[size];
            case INT32 -> new int[size];
            case INT64 -> new long[size];
            case BOOL -> new boolean[size];
        };
    }

    /** The type of a host array, or an {@link IllegalArgumentException} naming what was given. */
    public static DType ofHostArray(Object array) {
        if (array instanceof float[]) return FLOAT32;
        if (array instanceof double[]) return FLOAT64;
        if (array instanceof int[]) return INT32;
        if (array instanceof long[]) return INT64;
        if (array instanceof boolean[]) return BOOL;
        throw new IllegalArgumentException("not a host array of a supported type: "
                + (array == null ? "null" : array.getClass().getSimpleName()));
    }

    /** Length of a host array of any supported type. */
    public static int hostLength(Object array) {
        return java.lang.reflect.Array.getLength(array);
    }

    /** The type two operands promote to (float64 &gt; float32 &gt; int64 &gt; int32 &gt; bool). */
    public static DType promote(DType a, DType b) {
        if (a == b) return a;
        if (a == FLOAT64 || b == FLOAT64) return FLOAT64;
        if (a == FLOAT32 || b == FLOAT32) return FLOAT32;
        if (a == INT64 || b == INT64) return INT64;
        if (a == INT32 || b == INT32) return INT32;
        return BOOL;
    }
}
