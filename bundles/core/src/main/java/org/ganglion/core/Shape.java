package org.ganglion.core;

import java.util.Arrays;

/** Shape arithmetic shared by tensor operations: element counts, NumPy broadcasting, axis checks. */
public final class Shape {
    private Shape() {}

    public static int numel(int... shape) {
        long n = 1;
        for (int d : shape) {
            if (d < 0) throw new ShapeMismatchException("negative dimension in shape " + Arrays.toString(shape));
            n *= d;
        }
        if (n > Integer.MAX_VALUE) throw new ShapeMismatchException("shape " + Arrays.toString(shape) + " has more than 2^31-1 elements");
        return (int) n;
    }

    /** NumPy broadcasting of several shapes; a {@link ShapeMismatchException} names {@code op} and every shape. */
    public static int[] broadcast(String op, int[]... shapes) {
        int rank = 0;
        for (int[] s : shapes) rank = Math.max(rank, s.length);
        int[] out = new int[rank];
        Arrays.fill(out, 1);
        for (int[] s : shapes) {
            for (int i = 0; i < s.length; i++) {
                int o = rank - s.length + i, d = s[i];
                if (d == out[o] || d == 1) continue;
                if (out[o] == 1) out[o] = d;
                else throw ShapeMismatchException.of(op, "shapes cannot be broadcast together", shapes);
            }
        }
        return out;
    }

    /** Resolves a possibly negative axis against {@code rank}, or throws naming {@code op}. */
    public static int axis(String op, int axis, int rank) {
        int a = axis < 0 ? axis + rank : axis;
        if (a < 0 || a >= rank)
            throw new ShapeMismatchException(op + ": axis " + axis + " is out of range for a tensor of rank " + rank);
        return a;
    }

    public static String toString(int[] shape) { return Arrays.toString(shape); }
}
