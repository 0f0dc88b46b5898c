package org.ganglion.data;

import org.ganglion.core.GanglionException;

/**
 * A data file that cannot be read as what it claims to be: a bad magic number, a truncated file,
 * a CSV row of the wrong width, a checksum that does not match. The message names the file and
 * the problem: {@code "/data/train-images-idx3-ubyte.gz: truncated: ..."}.
 */
public class DataFormatException extends GanglionException {
    private static final long serialVersionUID = 1L;

    private final String file;
    private final String problem;

    public DataFormatException(String file, String problem) {
        super(file + ": " + problem);
        this.file = file;
        this.problem = problem;
    }

    public DataFormatException(String file, String problem, Throwable cause) {
        super(file + ": " + problem, cause);
        this.file = file;
        this.problem = problem;
    }

    /** The file (or URL, or stream name) that is at fault. */
    public String file() { return file; }

    /** What is wrong with it, without the file name. */
    public String problem() { return problem; }
}
