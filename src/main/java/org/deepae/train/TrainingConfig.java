package org.deepae.train;

import java.util.Objects;
import org.deepae.model.AdamSpec;

/**
 * How to train: epochs, batch size, seed, threads and the optimizer. {@link #tutorial()} gives the tutorial's values:
 * 5 epochs of batches of 150 with Adam at learning rate 0.01.
 *
 * @param epochs passes over the training set, positive
 * @param batchSize rows per step, positive
 * @param seed seeds weight initialization and shuffling
 * @param threads TensorFlow intra-op threads; 0 means all cores
 * @param optimizer Adam's settings
 */
public record TrainingConfig(int epochs, int batchSize, long seed, int threads, AdamSpec optimizer) {

  /** The default seed. */
  public static final long DEFAULT_SEED = 42;

  public TrainingConfig {
    if (epochs <= 0) {
      throw new IllegalArgumentException("epochs must be positive, got " + epochs);
    }
    if (batchSize <= 0) {
      throw new IllegalArgumentException("batch size must be positive, got " + batchSize);
    }
    if (threads < 0) {
      throw new IllegalArgumentException("threads must be 0 (all cores) or positive, got " + threads);
    }
    Objects.requireNonNull(optimizer, "optimizer");
  }

  /** The tutorial's training: 5 epochs, batches of 150, Adam with learning rate 0.01. */
  public static TrainingConfig tutorial() {
    return new TrainingConfig(5, 150, DEFAULT_SEED, 0, AdamSpec.tutorial());
  }
}
