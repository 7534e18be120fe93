package org.deepae.cli;

import java.io.PrintWriter;
import java.util.Locale;
import org.deepae.train.EpochStats;
import org.deepae.train.TrainingHistory;
import org.deepae.train.TrainingListener;
import org.deepae.train.TrainingPlan;

/** Prints one line per epoch: number, mean training loss, test loss, seconds. */
final class EpochPrinter implements TrainingListener {

    private final PrintWriter out;
    private int epochs;

    EpochPrinter(PrintWriter out) {
        this.out = out;
    }

    @Override
    public void onTrainingBegin(TrainingPlan plan) {
        epochs = plan.epochs();
        if (!plan.completed().isEmpty()) {
            out.println("Resuming after epoch " + plan.completed().size() + " of " + epochs);
            out.flush();
        }
    }

    @Override
    public void onTrainingEnd(TrainingHistory history, boolean completed) {
        if (completed && history.stoppedEarly()) {
            out.println("Stopped early: no improvement since epoch " + history.finalEpoch()
                    + "; the model keeps that epoch's weights");
            out.flush();
        }
    }

    @Override
    public void onEpochEnd(EpochStats stats) {
        int width = String.valueOf(epochs).length();
        String validation = stats.hasValidation()
                ? String.format(Locale.ROOT, "  validation loss %.6f", stats.validationLoss())
                : "";
        String terms = stats.testTerms() == null
                ? ""
                : String.format(
                        Locale.ROOT,
                        " (reconstruction %.6f, KL %.6f)",
                        stats.testTerms().reconstruction(),
                        stats.testTerms().divergence());
        out.println(String.format(
                Locale.ROOT,
                "Epoch %" + width + "d/%d  train loss %.6f%s  test loss %.6f%s  %.1f s",
                stats.epoch(),
                epochs,
                stats.trainLoss(),
                validation,
                stats.testLoss(),
                terms,
                stats.seconds()));
        out.flush();
    }
}
