package org.deepae.train;

/**
 * What a training run is about to do, given to listeners before the first step.
 *
 * @param epochs number of epochs
 * @param trainRows rows in the training set
 * @param testRows rows in the test set
 * @param batchSize rows per step (the last batch of an epoch may be smaller)
 */
public record TrainingPlan(int epochs, int trainRows, int testRows, int batchSize) {

  /** Steps per epoch, counting the final partial batch. */
  public int stepsPerEpoch() {
    return (trainRows + batchSize - 1) / batchSize;
  }
}
