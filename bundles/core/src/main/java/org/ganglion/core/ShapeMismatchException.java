package org.ganglion.core;

import java.util.Arrays;
import java.util.stream.Collectors;

/** Shapes that do not fit an operation. The message names the op and every shape involved. */
public class ShapeMismatchException extends GanglionException {
    private static final long serialVersionUID = 1L;

    public ShapeMismatchException(String message) { super(message); }

    /** {@code op: reason; shapes [2, 3], [4]}. */
    public static ShapeMismatchException of(String op, String reason, int[]... shapes) {
        String s = Arrays.stream(shapes).map(Arrays::toString).collect(Collectors.joining(", "));
        return new ShapeMismatchException(op + ": " + reason + "; shapes " + s);
    }
}
