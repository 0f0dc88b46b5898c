package org.ganglion.core;

/** An operation got an element type it does not accept. The message names the op and the types. */
public class DTypeMismatchException extends GanglionException {
    private static final long serialVersionUID = 1L;

    public DTypeMismatchException(String message) { super(message); }
}
