package org.deepae.cli;

import java.io.PrintStream;
import java.time.temporal.ChronoUnit;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.deepae.train.TrainingHistory;
import org.deepae.train.TrainingListener;
import org.deepae.train.TrainingPlan;

/**
 * Draws a progress bar per epoch (images per second, ETA, current batch loss) on a terminal stream. The bar of an
 * epoch is closed by the epoch's last batch, so it is gone before anyone prints the epoch's summary.
 */
public final class ProgressBarListener implements TrainingListener {

    private final PrintStream terminal;
    private TrainingPlan plan;
    private ProgressBar bar;

    /** @param terminal where to draw; it should be a terminal, since the bar redraws its line */
    public ProgressBarListener(PrintStream terminal) {
        this.terminal = terminal;
    }

    @Override
    public void onTrainingBegin(TrainingPlan plan) {
        this.plan = plan;
    }

    @Override
    public void onBatchEnd(int epoch, int step, int rows, float loss) {
        if (bar == null) {
            bar = new ProgressBarBuilder()
                    .setTaskName("Epoch " + epoch + "/" + plan.epochs())
                    .setInitialMax(plan.trainRows())
                    .setUnit(" img", 1)
                    .showSpeed()
                    .setSpeedUnit(ChronoUnit.SECONDS)
                    .setStyle(ProgressBarStyle.COLORFUL_UNICODE_BLOCK)
                    .setUpdateIntervalMillis(250)
                    .setConsumer(new ConsoleProgressBarConsumer(terminal))
                    .clearDisplayOnFinish()
                    .build();
        }
        bar.stepBy(rows);
        bar.setExtraMessage(String.format(java.util.Locale.ROOT, "  loss %.4f", loss));
        if (step == plan.stepsPerEpoch()) {
            closeBar();
        }
    }

    @Override
    public void onTrainingEnd(TrainingHistory history, boolean completed) {
        closeBar();
    }

    private void closeBar() {
        if (bar != null) {
            bar.close();
            bar = null;
        }
    }
}
