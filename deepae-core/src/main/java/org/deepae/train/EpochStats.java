package org.deepae.train;

/**
 * What one epoch achieved.
 *
 * @param epoch 1-based epoch number
 * @param trainLoss mean training loss over the epoch's batches, weighted by batch size
 * @param validationLoss loss on the held-out validation rows after the epoch, NaN without a validation split
 * @param testLoss loss over the whole test set after the epoch
 * @param seconds wall time of the epoch's training steps and evaluation
 */
public record EpochStats(int epoch, double trainLoss, double validationLoss, double testLoss, double seconds) {

    /** An epoch without validation. */
    public EpochStats(int epoch, double trainLoss, double testLoss, double seconds) {
        this(epoch, trainLoss, Double.NaN, testLoss, seconds);
    }

    /** Whether a validation loss was measured. */
    public boolean hasValidation() {
        return !Double.isNaN(validationLoss);
    }
}
