package org.ganglion.train.callbacks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.ganglion.train.Callback;
import org.ganglion.train.History;
import org.ganglion.train.TrainingContext;

/**
 * Writes an SVG chart of the training curves after every epoch: one panel per metric (loss,
 * accuracy, …) with its training and validation ({@code val_}) lines over the epochs.
 */
public final class TrainingPlot implements Callback {
    private static final int W = 420, H = 260, PAD = 44;
    private final Path file;

    public TrainingPlot(Path file) { this.file = file; }

    @Override
    public void onEpochEnd(TrainingContext context, int epoch, Map<String, Double> logs) { write(context.history(), file); }

    /** Renders a history to an SVG file. */
    public static void write(History history, Path file) {
        List<String> panels = new ArrayList<>();
        for (String k : history.keys()) if (!k.startsWith("val_") && !k.equals("lr") && !k.equals("batch_loss")) panels.add(k);
        StringBuilder svg = new StringBuilder();
        svg.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" font-family=\"sans-serif\" font-size=\"11\">\n",
                W * Math.max(1, panels.size()), H));
        for (int i = 0; i < panels.size(); i++) panel(svg, history, panels.get(i), i * W);
        svg.append("</svg>\n");
        try {
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            Files.writeString(tmp, svg);
            Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("TrainingPlot: cannot write " + file, e);
        }
    }

    private static void panel(StringBuilder svg, History h, String key, int x0) {
        List<Double> train = h.get(key), val = h.get("val_" + key);
        double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
        for (List<Double> s : List.of(train, val)) for (double v : s) if (Double.isFinite(v)) { lo = Math.min(lo, v); hi = Math.max(hi, v); }
        if (!(hi >= lo)) { lo = 0; hi = 1; }
        if (hi == lo) { hi += 0.5; lo -= 0.5; }
        int n = Math.max(train.size(), val.size());
        svg.append(String.format(Locale.ROOT, "<g transform=\"translate(%d,0)\"><rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"none\" stroke=\"#888\"/>\n",
                x0, PAD, 20, W - PAD - 10, H - PAD - 20));
        svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"14\">%s</text>", PAD, key));
        svg.append(String.format(Locale.ROOT, "<text x=\"2\" y=\"%d\">%.3g</text><text x=\"2\" y=\"%d\">%.3g</text>", 26, hi, H - PAD, lo));
        svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\">epoch 1..%d</text>\n", PAD, H - 8, n));
        line(svg, train, lo, hi, n, "#1f77b4");
        line(svg, val, lo, hi, n, "#ff7f0e");
        svg.append("<text x=\"").append(W - 120).append("\" y=\"14\" fill=\"#1f77b4\">train</text>");
        if (!val.isEmpty()) svg.append("<text x=\"").append(W - 70).append("\" y=\"14\" fill=\"#ff7f0e\">validation</text>");
        svg.append("</g>\n");
    }

    private static void line(StringBuilder svg, List<Double> v, double lo, double hi, int n, String color) {
        if (v.isEmpty()) return;
        StringBuilder pts = new StringBuilder();
        for (int i = 0; i < v.size(); i++) {
            if (!Double.isFinite(v.get(i))) continue;
            double x = PAD + (n == 1 ? 0.5 : (double) i / (n - 1)) * (W - PAD - 10);
            double y = 20 + (hi - v.get(i)) / (hi - lo) * (H - PAD - 20);
            pts.append(String.format(Locale.ROOT, "%.1f,%.1f ", x, y));
        }
        svg.append("<polyline fill=\"none\" stroke=\"").append(color).append("\" stroke-width=\"2\" points=\"").append(pts.toString().trim()).append("\"/>\n");
    }
}
