package org.deepae.train;

import java.util.List;

/**
 * The epochs a run completed and its total wall time.
 *
 * @param epochs completed epochs, in order
 * @param totalSeconds wall time from the first step to the end of the last evaluation
 * @param finalEpoch the epoch whose weights the model ends with (the best one after early stopping)
 * @param stoppedEarly whether early stopping ended the run before its last epoch
 */
public record TrainingHistory(List<EpochStats> epochs, double totalSeconds, int finalEpoch, boolean stoppedEarly) {

    public TrainingHistory {
        epochs = List.copyOf(epochs);
    }

    /** A run that ends with its last epoch's weights. */
    public TrainingHistory(List<EpochStats> epochs, double totalSeconds) {
        this(
                epochs,
                totalSeconds,
                epochs.isEmpty() ? 0 : epochs.get(epochs.size() - 1).epoch(),
                false);
    }

    /** The test loss of the weights the model ends with, or NaN when no epoch completed. */
    public double finalTestLoss() {
        return epochs.stream()
                .filter(e -> e.epoch() == finalEpoch)
                .mapToDouble(EpochStats::testLoss)
                .findFirst()
                .orElse(Double.NaN);
    }
}
