package org.deepae.train;

/** Thrown when the loss becomes NaN or infinite; the message says what to try. */
public final class TrainingDivergedException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public TrainingDivergedException(int epoch, int step, double loss) {
    super("training diverged: the loss became " + loss + " at epoch " + epoch + ", step " + step
        + "; try a lower learning rate (--learning-rate), a smaller network, or check the data for NaN or huge values");
  }
}
