package org.deepae.train;

import java.util.List;
import org.deepae.tf.TfAutoencoder;

/**
 * Follows the monitored loss (validation if measured, else training) for early stopping: remembers the best epoch and
 * its weights, and says when patience has run out.
 */
final class Monitor {

    private final EarlyStopping rule;
    private double best = Double.POSITIVE_INFINITY;
    private int bestEpoch;
    private int sinceBest;
    private List<float[]> bestWeights;
    private boolean stopped;

    /** @param rule the early-stopping rule, or {@code null} to only track the best epoch */
    Monitor(EarlyStopping rule) {
        this.rule = rule;
    }

    void observe(EpochStats stats, TfAutoencoder model) {
        double loss = stats.hasValidation() ? stats.validationLoss() : stats.trainLoss();
        double minDelta = rule == null ? 0 : rule.minDelta();
        if (loss < best - minDelta) {
            best = loss;
            bestEpoch = stats.epoch();
            sinceBest = 0;
            if (rule != null) {
                bestWeights = model.parameters();
            }
        } else {
            sinceBest++;
            stopped = rule != null && sinceBest >= rule.patience();
        }
    }

    /** What a checkpoint keeps of the monitor, to resume it. */
    record State(double best, int bestEpoch, int sinceBest, boolean stopped, List<float[]> bestWeights) {}

    State state() {
        return new State(best, bestEpoch, sinceBest, stopped, bestWeights);
    }

    void restore(State state) {
        best = state.best();
        bestEpoch = state.bestEpoch();
        sinceBest = state.sinceBest();
        stopped = state.stopped();
        bestWeights = state.bestWeights();
    }

    boolean shouldStop() {
        return stopped;
    }

    boolean stoppedEarly() {
        return stopped;
    }

    /** The epoch whose weights the model ends with: the best one with early stopping, else the last observed. */
    int bestEpoch() {
        return bestEpoch;
    }

    /** With early stopping, puts the best epoch's weights back. */
    void restoreBest(TfAutoencoder model) {
        if (rule != null && bestWeights != null) {
            model.setParameters(bestWeights);
        }
    }
}
