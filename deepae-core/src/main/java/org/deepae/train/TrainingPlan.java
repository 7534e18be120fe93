package org.deepae.train;

import java.util.List;

/**
 * What a training run is about to do, given to listeners before the first step.
 *
 * @param epochs number of epochs
 * @param trainRows rows in the training set
 * @param testRows rows in the test set
 * @param batchSize rows per step (the last batch of an epoch may be smaller)
 * @param completed epochs already completed before this run started (when it resumes a checkpoint), in order
 */
public record TrainingPlan(int epochs, int trainRows, int testRows, int batchSize, List<EpochStats> completed) {

    public TrainingPlan {
        completed = List.copyOf(completed);
    }

    /** A plan for a fresh run. */
    public TrainingPlan(int epochs, int trainRows, int testRows, int batchSize) {
        this(epochs, trainRows, testRows, batchSize, List.of());
    }

    /** Steps per epoch, counting the final partial batch. */
    public int stepsPerEpoch() {
        return (trainRows + batchSize - 1) / batchSize;
    }
}
