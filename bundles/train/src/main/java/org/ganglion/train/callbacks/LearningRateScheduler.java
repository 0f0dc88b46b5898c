package org.ganglion.train.callbacks;

import java.util.function.BiFunction;
import org.ganglion.train.Callback;
import org.ganglion.train.TrainingContext;

/** Sets the learning rate at the start of each epoch from {@code (epoch, currentLr) -> newLr} (Keras semantics). */
public final class LearningRateScheduler implements Callback {
    private final BiFunction<Integer, Double, Double> schedule;

    public LearningRateScheduler(BiFunction<Integer, Double, Double> schedule) { this.schedule = schedule; }

    @Override
    public void onEpochBegin(TrainingContext context, int epoch) {
        double lr = schedule.apply(epoch, context.optimizer().learningRate());
        if (!(lr > 0) || !Double.isFinite(lr)) throw new IllegalArgumentException("LearningRateScheduler: epoch " + epoch + " gave learning rate " + lr);
        context.optimizer().setLearningRate(lr);
    }
}
