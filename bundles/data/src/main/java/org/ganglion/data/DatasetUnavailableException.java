package org.ganglion.data;

import org.ganglion.core.GanglionException;

/**
 * A named dataset could not be found locally and could not be downloaded. The message lists every
 * place that was searched and how to provide the files (a folder argument, the {@code GANGLION_DATA}
 * environment variable, the cache folder, a system package, or enabling the download).
 */
public class DatasetUnavailableException extends GanglionException {
    private static final long serialVersionUID = 1L;

    private final String dataset;

    public DatasetUnavailableException(String dataset, String message, Throwable cause) {
        super(message, cause);
        this.dataset = dataset;
    }

    /** The dataset's name, e.g. {@code fashion-mnist}. */
    public String dataset() { return dataset; }
}
