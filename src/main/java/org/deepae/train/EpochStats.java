package org.deepae.train;

/**
 * What one epoch achieved.
 *
 * @param epoch 1-based epoch number
 * @param trainLoss mean training loss over the epoch's batches, weighted by batch size
 * @param testLoss mean squared error over the whole test set after the epoch
 * @param seconds wall time of the epoch's training steps and evaluation
 */
public record EpochStats(int epoch, double trainLoss, double testLoss, double seconds) {}
