package org.deepae.run;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.deepae.train.EpochStats;
import org.deepae.train.TrainingListener;
import org.deepae.train.TrainingPlan;
import org.deepae.viz.LossChart;

/** Keeps a run's {@code loss.png} up to date: training, validation (if any) and test loss per epoch. */
public final class LossPlot implements TrainingListener {

    private final Path png;
    private final String title;
    private final List<EpochStats> epochs = new ArrayList<>();

    public LossPlot(Path png, String title) {
        this.png = png;
        this.title = title;
    }

    @Override
    public void onTrainingBegin(TrainingPlan plan) {
        epochs.clear();
        epochs.addAll(plan.completed());
    }

    @Override
    public void onEpochEnd(EpochStats stats) throws IOException {
        epochs.add(stats);
        chart().write(png, epochNumbers(), series());
    }

    private LossChart chart() {
        return LossChart.titled(title).withYAxisTitle("loss (mean per value)");
    }

    private List<Integer> epochNumbers() {
        return epochs.stream().map(EpochStats::epoch).toList();
    }

    private Map<String, double[]> series() {
        Map<String, double[]> series = new LinkedHashMap<>();
        series.put(
                "training", epochs.stream().mapToDouble(EpochStats::trainLoss).toArray());
        if (epochs.stream().anyMatch(EpochStats::hasValidation)) {
            series.put(
                    "validation",
                    epochs.stream().mapToDouble(EpochStats::validationLoss).toArray());
        }
        series.put("test", epochs.stream().mapToDouble(EpochStats::testLoss).toArray());
        return series;
    }
}
