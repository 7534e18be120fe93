package org.deepae.train;

import java.util.List;

/**
 * The epochs a run completed and its total wall time.
 *
 * @param epochs completed epochs, in order
 * @param totalSeconds wall time from the first step to the end of the last evaluation
 */
public record TrainingHistory(List<EpochStats> epochs, double totalSeconds) {

  public TrainingHistory {
    epochs = List.copyOf(epochs);
  }

  /** The test loss after the last completed epoch, or NaN when none completed. */
  public double finalTestLoss() {
    return epochs.isEmpty() ? Double.NaN : epochs.get(epochs.size() - 1).testLoss();
  }
}
