package org.ganglion.graph;

import org.ganglion.core.GanglionException;

/** A model file, checkpoint or model spec is malformed; the message says what and where. */
public class ModelFormatException extends GanglionException {
    private static final long serialVersionUID = 1L;

    public ModelFormatException(String message) { super(message); }

    public ModelFormatException(String message, Throwable cause) { super(message, cause); }
}
