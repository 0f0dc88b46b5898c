package org.ganglion.train.callbacks;

import java.io.PrintStream;
import java.util.Map;
import org.ganglion.train.Callback;
import org.ganglion.train.TrainingContext;

/**
 * Keras-style progress: {@code Epoch 1/5}, then {@code 375/375 [======] - 2s 5ms/step - loss: 0.51 -
 * accuracy: 0.82 - val_loss: ...}. On a terminal the bar redraws in place (at most every 100 ms);
 * otherwise (a log file, CI) it prints plain lines at each quarter of the epoch and at its end.
 * Verbose 2 prints only the end-of-epoch line.
 */
public final class ProgressBar implements Callback {
    private static final int WIDTH = 30;
    private final int verbose;
    private final PrintStream out;
    private final boolean terminal;
    private long epochStart;
    private long lastDraw;
    private int done;

    public ProgressBar(int verbose) { this(verbose, System.out, System.console() != null && System.getenv("GANGLION_QUIET") == null); }

    public ProgressBar(int verbose, PrintStream out, boolean terminal) {
        this.verbose = verbose;
        this.out = out;
        this.terminal = terminal;
    }

    @Override
    public void onEpochBegin(TrainingContext context, int epoch) {
        epochStart = System.nanoTime();
        lastDraw = 0;
        done = 0;
        if (verbose == 1) out.println("Epoch " + (epoch + 1) + "/" + context.epochs());
    }

    @Override
    public void onBatchEnd(TrainingContext context, long step, Map<String, Double> logs) {
        if (verbose != 1) return;
        int total = context.stepsPerEpoch();
        done++;
        long now = System.nanoTime();
        if (terminal) {
            if (now - lastDraw < 100_000_000L && done < total) return;
            lastDraw = now;
            out.print("\r" + line(done, total, now, logs));
            out.flush();
        } else if (done < total && isQuarter(done, total)) {
            out.println(line(done, total, now, logs));
        }
    }

    private static boolean isQuarter(int done, int total) {
        for (int q = 1; q < 4; q++) if (done == Math.max(1, total * q / 4)) return true;
        return false;
    }

    @Override
    public void onEpochEnd(TrainingContext context, int epoch, Map<String, Double> logs) {
        if (verbose == 0) return;
        int total = context.stepsPerEpoch();
        String l = line(total, total, System.nanoTime(), logs);
        if (verbose == 2) l = "Epoch " + (epoch + 1) + "/" + context.epochs() + " - " + l.substring(l.indexOf(" - ") + 3);
        out.println(terminal && verbose == 1 ? "\r" + l : l);
        out.flush();
    }

    @Override
    public void onTrainEnd(TrainingContext context) { out.flush(); }

    private String line(int done, int total, long now, Map<String, Double> logs) {
        StringBuilder sb = new StringBuilder();
        String t = Integer.toString(total);
        sb.append(" ".repeat(Math.max(0, t.length() - Integer.toString(done).length()))).append(done).append('/').append(t).append(" [");
        int filled = total == 0 ? WIDTH : (int) ((long) WIDTH * done / total);
        sb.append("=".repeat(Math.max(0, filled - (done < total ? 1 : 0)))).append(done < total && filled > 0 ? ">" : "")
          .append(".".repeat(WIDTH - Math.max(filled, 0))).append(']');
        double secs = (now - epochStart) / 1e9;
        if (done < total && done > 0) sb.append(" - ETA: ").append(seconds(secs / done * (total - done)));
        else sb.append(" - ").append(seconds(secs)).append(' ').append(perStep(secs, done));
        logs.forEach((k, v) -> { if (!k.equals("batch_loss")) sb.append(" - ").append(k).append(": ").append(fmt(v)); });
        return sb.toString();
    }

    private static String seconds(double s) { return s < 10 ? String.format(java.util.Locale.ROOT, "%.1fs", s) : Math.round(s) + "s"; }

    private static String perStep(double secs, int steps) {
        if (steps == 0) return "";
        double ms = secs * 1000 / steps;
        return ms >= 1 ? Math.round(ms) + "ms/step" : Math.round(ms * 1000) + "us/step";
    }

    private static String fmt(double v) {
        if (Math.abs(v) < 1e-3 && v != 0) return String.format(java.util.Locale.ROOT, "%.4e", v);
        return String.format(java.util.Locale.ROOT, "%.4f", v);
    }
}
