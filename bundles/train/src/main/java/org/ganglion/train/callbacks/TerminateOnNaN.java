package org.ganglion.train.callbacks;

import java.util.Map;
import org.ganglion.train.Callback;
import org.ganglion.train.TrainingContext;

/**
 * Stops training when a batch loss is NaN or infinite, naming the step. The trainer never applies
 * such a step, so the parameters (and any checkpoint written before) keep their last good values.
 * Always installed by {@code fit}.
 */
public final class TerminateOnNaN implements Callback {
    @Override
    public void onBatchEnd(TrainingContext context, long step, Map<String, Double> logs) {
        Double l = logs.get("batch_loss");
        if (l != null && !Double.isFinite(l))
            context.stopTraining("loss became " + l + " at step " + step + "; that step was not applied and training stopped");
    }
}
