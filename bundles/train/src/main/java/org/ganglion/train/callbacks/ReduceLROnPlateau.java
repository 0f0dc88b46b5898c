package org.ganglion.train.callbacks;

import java.util.Map;
import org.ganglion.train.Callback;
import org.ganglion.train.TrainingContext;

/** Lowers the learning rate when {@code monitor} stops improving; the policy is optim's {@link org.ganglion.optim.ReduceLROnPlateau}. */
public final class ReduceLROnPlateau implements Callback {
    private final String monitor;
    private final org.ganglion.optim.ReduceLROnPlateau policy;

    public ReduceLROnPlateau(String monitor, org.ganglion.optim.ReduceLROnPlateau policy) {
        this.monitor = monitor;
        this.policy = policy;
    }

    /** Keras defaults: monitor val_loss, factor 0.1, patience 10. */
    public ReduceLROnPlateau() {
        this("val_loss", new org.ganglion.optim.ReduceLROnPlateau());
    }

    public org.ganglion.optim.ReduceLROnPlateau policy() { return policy; }

    @Override
    public void onEpochEnd(TrainingContext context, int epoch, Map<String, Double> logs) {
        Double v = logs.get(monitor);
        if (v == null) throw new IllegalStateException("ReduceLROnPlateau: metric '" + monitor + "' is not logged; available: " + logs.keySet());
        policy.onEpochEnd(v, context.optimizer());
    }
}
