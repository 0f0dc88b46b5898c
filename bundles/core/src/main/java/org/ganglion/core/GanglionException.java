package org.ganglion.core;

/** Base of Ganglion's typed, unchecked exceptions: each says what went wrong and where. */
public class GanglionException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public GanglionException(String message) { super(message); }

    public GanglionException(String message, Throwable cause) { super(message, cause); }
}
