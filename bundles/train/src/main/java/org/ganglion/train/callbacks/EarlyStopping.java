package org.ganglion.train.callbacks;

import java.util.Map;
import org.ganglion.core.Tensor;
import org.ganglion.graph.StateDict;
import org.ganglion.train.Callback;
import org.ganglion.train.TrainingContext;

/**
 * Stops when {@code monitor} (default {@code val_loss}) has not improved by more than
 * {@code minDelta} for {@code patience} epochs; optionally restores the best weights (Keras
 * semantics). Mode {@code auto} minimises losses and errors and maximises everything else.
 */
public final class EarlyStopping implements Callback {
    public enum Mode { MIN, MAX, AUTO }

    private String monitor = "val_loss";
    private int patience;
    private double minDelta;
    private Mode mode = Mode.AUTO;
    private boolean restoreBestWeights;
    private double best;
    private int wait;
    private int bestEpoch = -1;
    private int stoppedEpoch = -1;
    private StateDict bestWeights;

    public EarlyStopping monitor(String monitor) { this.monitor = monitor; return this; }

    public EarlyStopping patience(int patience) { this.patience = patience; return this; }

    public EarlyStopping minDelta(double minDelta) { this.minDelta = Math.abs(minDelta); return this; }

    public EarlyStopping mode(Mode mode) { this.mode = mode; return this; }

    public EarlyStopping restoreBestWeights(boolean restore) { this.restoreBestWeights = restore; return this; }

    private boolean minimise() {
        return switch (mode) {
            case MIN -> true;
            case MAX -> false;
            case AUTO -> monitor.contains("loss") || monitor.contains("error") || monitor.endsWith("mse") || monitor.endsWith("mae");
        };
    }

    @Override
    public void onTrainBegin(TrainingContext context) {
        best = minimise() ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY;
        wait = 0;
        bestEpoch = -1;
        stoppedEpoch = -1;
        bestWeights = null;
    }

    @Override
    public void onEpochEnd(TrainingContext context, int epoch, Map<String, Double> logs) {
        Double v = logs.get(monitor);
        if (v == null) throw new IllegalStateException("EarlyStopping: metric '" + monitor + "' is not logged; available: " + logs.keySet());
        boolean improved = minimise() ? v < best - minDelta : v > best + minDelta;
        if (improved) {
            best = v;
            bestEpoch = epoch;
            wait = 0;
            if (restoreBestWeights) bestWeights = copy(context.model().stateDict());
            return;
        }
        wait++;
        if (wait >= patience) {
            stoppedEpoch = epoch;
            context.stopTraining("early stopping: " + monitor + " did not improve for " + wait + " epochs (best " + best + " at epoch " + (bestEpoch + 1) + ")");
            if (restoreBestWeights && bestWeights != null) context.model().loadStateDict(bestWeights, true);
        }
    }

    private static StateDict copy(StateDict d) {
        StateDict c = new StateDict();
        for (Map.Entry<String, Tensor> e : d.asMap().entrySet()) c.put(e.getKey(), e.getValue().copy());
        return c;
    }

    public double best() { return best; }

    /** 0-based epoch of the best value, or -1. */
    public int bestEpoch() { return bestEpoch; }

    /** 0-based epoch at which training was stopped, or -1. */
    public int stoppedEpoch() { return stoppedEpoch; }
}
