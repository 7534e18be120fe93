package org.deepae.train;

import org.deepae.model.ElboTerms;

/**
 * What one epoch achieved.
 *
 * @param epoch 1-based epoch number
 * @param trainLoss mean training loss over the epoch's batches, weighted by batch size
 * @param validationLoss loss on the held-out validation rows after the epoch, NaN without a validation split
 * @param testLoss loss over the whole test set after the epoch
 * @param seconds wall time of the epoch's training steps and evaluation
 * @param testTerms a variational model's two terms of the negative ELBO on the test set (their weighted sum is the
 *     test loss), or {@code null} for other models and without test rows
 */
public record EpochStats(
        int epoch, double trainLoss, double validationLoss, double testLoss, double seconds, ElboTerms testTerms) {

    /** An epoch of a model that is not variational. */
    public EpochStats(int epoch, double trainLoss, double validationLoss, double testLoss, double seconds) {
        this(epoch, trainLoss, validationLoss, testLoss, seconds, null);
    }

    /** An epoch without validation. */
    public EpochStats(int epoch, double trainLoss, double testLoss, double seconds) {
        this(epoch, trainLoss, Double.NaN, testLoss, seconds);
    }

    /** Whether a validation loss was measured. */
    public boolean hasValidation() {
        return !Double.isNaN(validationLoss);
    }
}
