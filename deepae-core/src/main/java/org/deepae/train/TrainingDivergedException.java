package org.deepae.train;

/** Thrown when the loss becomes NaN or infinite; the message says what to try. */
public final class TrainingDivergedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private static final String ADVICE = "; try a lower learning rate (--learning-rate), a smaller network, or check "
            + "the data for NaN or huge values";

    public TrainingDivergedException(int epoch, int step, double loss) {
        super("training diverged: the loss became " + loss + " at epoch " + epoch + ", step " + step + ADVICE);
    }

    /** The loss of {@code which} rows ("test", "validation") after {@code epoch}'s last update was not finite. */
    public TrainingDivergedException(int epoch, String which, double loss) {
        super("training diverged: the " + which + " loss after epoch " + epoch + " was " + loss
                + " (the epoch's last update made the weights unusable)" + ADVICE);
    }
}
