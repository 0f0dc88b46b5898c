package org.ganglion.data;

import java.net.URI;
import java.util.Map;
import org.ganglion.data.internal.DatasetFiles;
import org.ganglion.data.internal.MnistFormat;

/**
 * MNIST handwritten digits (LeCun, Cortes and Burges): 60,000 training and 10,000 test images,
 * 28×28 grayscale, labels 0..9.
 *
 * <p>Returns x float32 {@code [N, 28, 28]} with pixels in [0,1] ({@code LoadOptions.scale(false)}:
 * 0..255) and y int64 {@code [N]}. Same four file names as {@link FashionMnist}, folder name
 * {@code mnist}; see {@link LoadOptions} for the search order. Downloads come from {@link #URL}
 * (the mirror torchvision uses) and are MD5-checked.
 */
public final class Mnist {
    public static final String NAME = "mnist";
    public static final URI URL = URI.create("https://ossci-datasets.s3.amazonaws.com/mnist/");

    static final DatasetFiles FILES = new DatasetFiles(NAME, URL, Map.of(
            MnistFormat.TRAIN_IMAGES, "f68b3c2dcbeaaa9fbdd348bbdeb94873",
            MnistFormat.TRAIN_LABELS, "d53e105ee54ea40749a09fcbcd1e9432",
            MnistFormat.TEST_IMAGES, "9fb629c4189551a2d022fa330f9573f3",
            MnistFormat.TEST_LABELS, "ec29112dd5afa0611ce80d1b7f02629c"), "");

    private Mnist() {}

    /** Loads with {@link LoadOptions#defaults()}. */
    public static TrainTest load() { return load(LoadOptions.defaults()); }

    /**
     * Loads train and test sets.
     *
     * @throws DatasetUnavailableException when no folder has the files and the download is off or fails
     * @throws DataFormatException when a file is truncated or malformed, or a download fails its MD5 check
     */
    public static TrainTest load(LoadOptions options) { return MnistFormat.load(FILES, options, 10); }

    /** True when the files are in one of the local folders of {@code options} (nothing is downloaded). */
    public static boolean isAvailableLocally(LoadOptions options) { return FILES.isLocal(options); }
}
