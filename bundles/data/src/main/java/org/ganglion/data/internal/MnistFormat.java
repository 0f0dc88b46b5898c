package org.ganglion.data.internal;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import org.ganglion.core.Tensor;
import org.ganglion.data.DataFormatException;
import org.ganglion.data.IdxFile;
import org.ganglion.data.LoadOptions;
import org.ganglion.data.TensorDataset;
import org.ganglion.data.TrainTest;

/** Reads the four IDX files shared by MNIST-style datasets into train and test {@link TensorDataset}s. */
public final class MnistFormat {
    public static final String TRAIN_IMAGES = "train-images-idx3-ubyte", TRAIN_LABELS = "train-labels-idx1-ubyte",
            TEST_IMAGES = "t10k-images-idx3-ubyte", TEST_LABELS = "t10k-labels-idx1-ubyte";

    private MnistFormat() {}

    /** Locates (or downloads) and reads the files; x float32 [N, 28, 28], y int64 [N] with labels in [0, classes). */
    public static TrainTest load(DatasetFiles files, LoadOptions options, int classes) {
        Map<String, Path> paths = files.resolve(options);
        float divisor = options.scale() ? 255f : 1f;
        TensorDataset train = read(paths.get(TRAIN_IMAGES), paths.get(TRAIN_LABELS), divisor, classes);
        TensorDataset test = read(paths.get(TEST_IMAGES), paths.get(TEST_LABELS), divisor, classes);
        return new TrainTest(train, test);
    }

    static TensorDataset read(Path imagesFile, Path labelsFile, float divisor, int classes) {
        IdxFile images = IdxFile.read(imagesFile), labels = IdxFile.read(labelsFile);
        int[] is = images.shape(), ls = labels.shape();
        if (images.type() != IdxFile.Type.UBYTE || is.length != 3 || is[1] != 28 || is[2] != 28)
            throw new DataFormatException(imagesFile.toString(), "expected unsigned-byte images [N, 28, 28], found "
                    + images.type() + " " + Arrays.toString(is));
        if (labels.type() != IdxFile.Type.UBYTE || ls.length != 1)
            throw new DataFormatException(labelsFile.toString(), "expected unsigned-byte labels [N], found " + labels.type() + " " + Arrays.toString(ls));
        if (ls[0] != is[0])
            throw new DataFormatException(labelsFile.toString(), ls[0] + " labels for " + is[0] + " images in " + imagesFile);
        long[] y = labels.toLongArray();
        for (int i = 0; i < y.length; i++)
            if (y[i] >= classes) throw new DataFormatException(labelsFile.toString(), "label " + y[i] + " at index " + i + " is not a class in [0, " + classes + ")");
        return new TensorDataset(images.toFloatTensor(divisor), Tensor.of(y, y.length));
    }
}
