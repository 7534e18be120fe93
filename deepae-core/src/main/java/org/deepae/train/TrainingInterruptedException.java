package org.deepae.train;

/** Thrown when training was asked to stop (for example by Ctrl-C) before its last epoch. */
public final class TrainingInterruptedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int completedEpochs;

    public TrainingInterruptedException(int completedEpochs) {
        super("training was interrupted after " + completedEpochs + " complete epoch"
                + (completedEpochs == 1 ? "" : "s"));
        this.completedEpochs = completedEpochs;
    }

    /** Epochs completed (and checkpointed) before the interruption. */
    public int completedEpochs() {
        return completedEpochs;
    }
}
