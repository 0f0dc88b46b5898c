package org.ganglion.data;

import java.net.URI;
import java.util.List;
import java.util.Map;
import org.ganglion.data.internal.DatasetFiles;
import org.ganglion.data.internal.MnistFormat;

/**
 * Fashion-MNIST (Xiao, Rasul and Vollgraf, 2017): 60,000 training and 10,000 test images of
 * clothing, 28×28 grayscale, 10 classes, 6,000 training images per class.
 *
 * <p>Returns x float32 {@code [N, 28, 28]} with pixels in [0,1] ({@code LoadOptions.scale(false)}:
 * 0..255) and y int64 {@code [N]} in [0, 10); see {@link #CLASS_NAMES}. The files (see
 * {@link LoadOptions} for the search order) are {@code train-images-idx3-ubyte.gz},
 * {@code train-labels-idx1-ubyte.gz}, {@code t10k-images-idx3-ubyte.gz},
 * {@code t10k-labels-idx1-ubyte.gz}, gzip or raw; folder name {@code fashion-mnist}. Debian's
 * {@code dataset-fashion-mnist} package installs them in {@code /usr/share/datasets/fashion-mnist}.
 * Downloads come from {@link #URL} and are checked against the MD5 sums published in the
 * zalandoresearch/fashion-mnist README.
 */
public final class FashionMnist {
    public static final String NAME = "fashion-mnist";
    public static final URI URL = URI.create("http://fashion-mnist.s3-website.eu-central-1.amazonaws.com/");
    /** Class {@code i} is {@code CLASS_NAMES.get(i)}. */
    public static final List<String> CLASS_NAMES = List.of("T-shirt/top", "Trouser", "Pullover", "Dress", "Coat",
            "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot");

    static final DatasetFiles FILES = new DatasetFiles(NAME, URL, Map.of(
            MnistFormat.TRAIN_IMAGES, "8d4fb7e6c68d591d4c3dfef9ec88bf0d",
            MnistFormat.TRAIN_LABELS, "25c81989df183df01b3e8a0aad5dffbe",
            MnistFormat.TEST_IMAGES, "bef4ecab320f06d8554ea6380940ec79",
            MnistFormat.TEST_LABELS, "bb300cfdad3c16e7a12a480ee83cd310"),
            "install Debian's dataset-fashion-mnist package (/usr/share/datasets/fashion-mnist)");

    private FashionMnist() {}

    /** Loads with {@link LoadOptions#defaults()}. */
    public static TrainTest load() { return load(LoadOptions.defaults()); }

    /**
     * Loads train and test sets.
     *
     * @throws DatasetUnavailableException when no folder has the files and the download is off or fails
     * @throws DataFormatException when a file is truncated or malformed, or a download fails its MD5 check
     */
    public static TrainTest load(LoadOptions options) { return MnistFormat.load(FILES, options, CLASS_NAMES.size()); }

    /** True when the files are in one of the local folders of {@code options} (nothing is downloaded). */
    public static boolean isAvailableLocally(LoadOptions options) { return FILES.isLocal(options); }
}
