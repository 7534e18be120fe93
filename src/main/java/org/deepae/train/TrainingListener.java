package org.deepae.train;

import java.io.IOException;

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

  /** After the last epoch, or when training stops early for any reason (then {@code completed} is false). */
  default void onTrainingEnd(TrainingHistory history, boolean completed) throws IOException {}
}
