package org.deepae.train;

import java.io.IOException;
import org.deepae.model.Autoencoder;

/**
 * Watches a training run. Every method has an empty default; listeners do not depend on each other's order.
 */
public interface TrainingListener {

    /** Before the first step. */
    default void onTrainingBegin(TrainingPlan plan) throws IOException {}

    /** After each step; {@code rows} is the batch's size and {@code loss} its mean squared error. */
    default void onBatchEnd(int epoch, int step, int rows, float loss) {}

    /** After each epoch's training and evaluation. */
    default void onEpochEnd(EpochStats stats) throws IOException {}

    /**
     * After each epoch's training and evaluation, with the model as it is then (for listeners that look at the weights
     * or outputs; they must not keep it). The default calls {@link #onEpochEnd(EpochStats)}.
     */
    default void onEpochEnd(EpochStats stats, Autoencoder model) throws IOException {
        onEpochEnd(stats);
    }

    /** After the last epoch, or when training stops early for any reason (then {@code completed} is false). */
    default void onTrainingEnd(TrainingHistory history, boolean completed) throws IOException {}
}
