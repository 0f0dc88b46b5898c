package org.ganglion.train;

import java.util.Map;

/**
 * Hooks into {@link Trainer#fit}. Logs are metric name → value ({@code loss}, {@code accuracy},
 * {@code val_loss}, {@code lr} …). Epochs and steps are 0-based; {@code step} counts optimizer
 * steps over the whole fit. Default methods do nothing.
 */
@org.osgi.annotation.versioning.ConsumerType
public interface Callback {
    default void onTrainBegin(TrainingContext context) {}

    default void onEpochBegin(TrainingContext context, int epoch) {}

    /** After each optimizer step; {@code logs} holds the running epoch averages so far. */
    default void onBatchEnd(TrainingContext context, long step, Map<String, Double> logs) {}

    /** After each epoch with training and validation logs. */
    default void onEpochEnd(TrainingContext context, int epoch, Map<String, Double> logs) {}

    default void onTrainEnd(TrainingContext context) {}
}
