package org.ganglion.train.callbacks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.ganglion.train.Callback;
import org.ganglion.train.TrainingContext;

/** Appends one CSV row per epoch ({@code epoch,loss,...}); the header is written with the first row. */
public final class CsvLogger implements Callback {
    private final Path file;
    private final boolean append;
    private List<String> keys;

    public CsvLogger(Path file) { this(file, false); }

    public CsvLogger(Path file, boolean append) {
        this.file = file;
        this.append = append;
    }

    @Override
    public void onTrainBegin(TrainingContext context) {
        keys = null;
        if (!append) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                throw new UncheckedIOException("CsvLogger: cannot reset " + file, e);
            }
        }
    }

    @Override
    public void onEpochEnd(TrainingContext context, int epoch, Map<String, Double> logs) {
        StringBuilder sb = new StringBuilder();
        if (keys == null) {
            keys = new ArrayList<>(logs.keySet());
            if (!Files.exists(file)) sb.append("epoch,").append(String.join(",", keys)).append('\n');
        }
        sb.append(epoch + 1);
        for (String k : keys) sb.append(',').append(logs.containsKey(k) ? Double.toString(logs.get(k)) : "");
        sb.append('\n');
        try {
            Files.writeString(file, sb, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("CsvLogger: cannot write " + file, e);
        }
    }
}
