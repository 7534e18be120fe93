package org.deepae.run;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.deepae.analysis.DetectionMetrics;
import org.deepae.analysis.PcaCache;
import org.deepae.analysis.Threshold;
import org.deepae.data.Dataset;
import org.deepae.data.Rows;
import org.deepae.model.Autoencoder;
import org.deepae.store.ModelInfo;
import org.deepae.tf.NormalQuantiles;
import org.deepae.train.EpochStats;
import org.deepae.viz.DetectionCharts;
import org.deepae.viz.HtmlReport;
import org.deepae.viz.ImageGrid;
import org.deepae.viz.LatentScatter;
import org.deepae.viz.LossChart;

/**
 * The single-file HTML report of a model: configuration and data provenance, the loss curve, the reconstruction
 * figure, the comparison with PCA at the model's code size, and the latent map.
 */
public final class RunReport {

    private RunReport() {}

    /**
     * Writes the report.
     *
     * @param epochs the training history, or an empty list when it is not known
     */
    public static void write(
            Path html,
            Autoencoder model,
            ModelInfo info,
            Dataset data,
            List<EpochStats> epochs,
            int threads,
            PcaCache pcas)
            throws IOException {
        write(html, model, info, data, epochs, null, threads, pcas);
    }

    /**
     * Writes the report.
     *
     * @param epochs the training history, or an empty list when it is not known
     * @param historyProblem why the training history that was found could not be read, or {@code null}
     */
    public static void write(
            Path html,
            Autoencoder model,
            ModelInfo info,
            Dataset data,
            List<EpochStats> epochs,
            String historyProblem,
            int threads,
            PcaCache pcas)
            throws IOException {
        write(html, model, info, data, epochs, historyProblem, threads, pcas, null);
    }

    /**
     * The one-class setting of a run: the labels trained on, and the threshold that flags the others.
     *
     * @param normalLabels the names of the labels trained on; empty when the run trained on every label
     * @param threshold the model's anomaly threshold
     */
    public record OneClass(List<String> normalLabels, Threshold threshold) {}

    /**
     * Writes the report; with {@code oneClass} (nullable) naming the labels trained on, it also evaluates the test
     * rows of other labels as anomalies, beside PCA's reconstruction error at the same code size.
     */
    public static void write(
            Path html,
            Autoencoder model,
            ModelInfo info,
            Dataset data,
            List<EpochStats> epochs,
            String historyProblem,
            int threads,
            PcaCache pcas,
            OneClass oneClass)
            throws IOException {
        String unit = data.isImages() ? "images" : "rows";
        String network = info.spec().describe();
        ModelStudy study = new ModelStudy(model, data, threads, pcas);
        ModelStudy.Comparison comparison = study.comparison();
        HtmlReport report =
                HtmlReport.titled("deepae: " + network + " on " + data.info().name());
        report.paragraph(String.format(
                Locale.ROOT,
                "Test mean squared error %.6f over %,d test %s; PCA with %d "
                        + "components (%s), fitted on the same %,d training %s, reaches %.6f. The autoencoder's error "
                        + "is %.3f times PCA's: %s.",
                comparison.autoencoder().meanSquaredError(),
                comparison.autoencoder().rows(),
                unit,
                comparison.pcaComponents(),
                comparison.componentsRule(),
                data.train().count(),
                unit,
                comparison.pca().meanSquaredError(),
                comparison.ratio(),
                comparison.ratio() < 1 ? "the autoencoder reconstructs better" : "PCA reconstructs better"));

        report.section("Configuration").keyValues(strings(info.training()));
        Map<String, String> provenance = new LinkedHashMap<>();
        provenance.put("dataset", data.info().name());
        provenance.put("source", data.info().source());
        provenance.put("content SHA-256", data.info().sha256());
        provenance.put("training " + unit, String.valueOf(data.train().count()));
        provenance.put("test " + unit, String.valueOf(data.test().count()));
        provenance.put(
                data.isImages() ? "image size" : "values per row",
                data.isImages()
                        ? data.train().imageHeight() + " x " + data.train().imageWidth()
                                + (data.shape().isGray()
                                        ? ""
                                        : " x " + data.shape().channels())
                        : String.valueOf(data.features()));
        provenance.put("deepae version", info.deepaeVersion());
        report.section("Data").keyValues(provenance);

        report.section("Training");
        if (historyProblem != null) {
            report.paragraph("The training history beside this model could not be read: " + historyProblem);
        } else if (epochs.isEmpty()) {
            report.paragraph("No training history was found beside this model (metrics.json).");
        } else {
            Map<String, double[]> series = new LinkedHashMap<>();
            series.put(
                    "training",
                    epochs.stream().mapToDouble(EpochStats::trainLoss).toArray());
            if (epochs.stream().anyMatch(EpochStats::hasValidation)) {
                series.put(
                        "validation",
                        epochs.stream().mapToDouble(EpochStats::validationLoss).toArray());
            }
            series.put("test", epochs.stream().mapToDouble(EpochStats::testLoss).toArray());
            report.image(
                    LossChart.titled("Loss per epoch")
                            .withYAxisTitle("loss (mean per value)")
                            .render(epochs.stream().map(EpochStats::epoch).toList(), series),
                    "Training and test loss per epoch",
                    "Loss per epoch (the mean over each epoch's batches for training).");
        }

        if (TrainingRun.drawsImages(data)) {
            Rows shown = data.test().head(TrainingRun.FIGURE_IMAGES);
            ImageGrid grid = ImageGrid.fittingPairs(
                    shown.imageHeight(), shown.imageWidth(), 4, shown.count(), TrainingRun.FIGURE_IMAGES);
            report.section("Reconstructions")
                    .image(
                            grid.render(grid.pairs(
                                    shown.values(),
                                    model.reconstruct(shown.values(), shown.count()),
                                    shown.count(),
                                    TrainingRun.FIGURE_IMAGES)),
                            "The first test images above their reconstructions",
                            "The first " + shown.count() + " test images (top) and their reconstructions (bottom).");
        }

        report.section("Autoencoder and PCA")
                .paragraph(String.format(
                        Locale.ROOT,
                        "PCA with %d components explains "
                                + "%.1f%% of the training variance. Both are measured on the same test images.",
                        comparison.pcaComponents(),
                        100 * comparison.pcaExplainedVariance()));
        report.table(ModelStudy.COMPARISON_HEADER, study.comparisonTable());

        if (oneClass != null && !oneClass.normalLabels().isEmpty()) {
            oneClassSection(report, model, data, study, oneClass);
        }

        ModelStudy.LatentMap latent = study.latent();
        LatentScatter scatter = ModelStudy.scatter(data, latent);
        report.section("Latent map")
                .image(
                        latent.labels() == null
                                ? scatter.render(latent.points())
                                : scatter.render(latent.points(), latent.labels()),
                        latent.labels() == null
                                ? "The test codes in two dimensions"
                                : "The test codes in two dimensions, one colour per class",
                        latent.title() + ".");
        if (info.spec().variational() && info.spec().codeSize() == 2 && TrainingRun.drawsImages(data)) {
            manifoldSection(report, model, data);
        }
        report.write(html);
    }

    /** Sides of the latent manifold's grid of decoded codes. */
    static final int MANIFOLD_SIDE = 15;

    /**
     * A VAE's two-value code space as Keras's VAE example draws it: the decoder's images over a grid of the prior's
     * quantiles, the first code value growing to the right, the second upwards.
     */
    private static void manifoldSection(HtmlReport report, Autoencoder model, Dataset data) {
        int n = MANIFOLD_SIDE;
        double[] q = NormalQuantiles.grid(n);
        float[] codes = new float[n * n * 2];
        for (int row = 0; row < n; row++) {
            for (int column = 0; column < n; column++) {
                int at = 2 * (row * n + column);
                codes[at] = (float) q[column];
                codes[at + 1] = (float) q[n - 1 - row];
            }
        }
        float[] decoded = model.decode(codes, n * n);
        ImageGrid grid =
                ImageGrid.fittingPairs(data.train().imageHeight(), data.train().imageWidth(), 2, n * n, n);
        report.section("Latent manifold")
                .image(
                        grid.render(grid.gallery(decoded, n * n, n)),
                        "Decoded images over a grid of the prior's quantiles",
                        String.format(
                                Locale.ROOT,
                                "The decoder's images for codes on a %d x %d grid of the prior N(0, I)'s quantiles "
                                        + "(%.2f to %.2f): the first code value grows to the right, the second "
                                        + "upwards.",
                                n,
                                n,
                                q[0],
                                q[n - 1]));
    }

    /** The test rows of labels not trained on as anomalies: ROC and precision-recall beside PCA's. */
    private static void oneClassSection(
            HtmlReport report, Autoencoder model, Dataset data, ModelStudy study, OneClass oneClass)
            throws IOException {
        Rows test = data.test();
        if (!test.hasLabels()) {
            return;
        }
        boolean[] anomalies = new boolean[test.count()];
        int positives = 0;
        for (int i = 0; i < anomalies.length; i++) {
            anomalies[i] = !oneClass.normalLabels().contains(data.labelName(test.labels()[i]));
            positives += anomalies[i] ? 1 : 0;
        }
        report.section("Anomaly detection");
        if (positives == 0 || positives == anomalies.length) {
            report.paragraph("The model was trained on the labels " + String.join(", ", oneClass.normalLabels())
                    + "; the test rows hold " + (positives == 0 ? "no other label" : "no row of them")
                    + ", so detection cannot be evaluated.");
            return;
        }
        float[] errors = model.rowErrors(test.values(), test.count());
        DetectionMetrics autoencoder =
                DetectionMetrics.of(errors, anomalies, oneClass.threshold().value());
        float[] pcaErrors = study.pcaRowErrors();
        Map<String, DetectionMetrics> curves = new LinkedHashMap<>();
        curves.put("autoencoder", autoencoder);
        curves.put(
                "PCA, " + study.comparison().pcaComponents() + " components",
                DetectionMetrics.of(pcaErrors, anomalies, percentileOfNormal(pcaErrors, anomalies)));
        report.paragraph(String.format(
                Locale.ROOT,
                "Trained on the labels %s only; the %,d test rows of other labels "
                        + "are taken as the anomalies, the %,d others as normal. The autoencoder's reconstruction "
                        + "error separates "
                        + "them with ROC AUC %.4f and average precision %.4f; at the model's threshold (%s, %.6f) "
                        + "precision is %.4f, "
                        + "recall %.4f, F1 %.4f. PCA's reconstruction error at the same code size reaches ROC AUC "
                        + "%.4f and average "
                        + "precision %.4f.",
                String.join(", ", oneClass.normalLabels()),
                positives,
                anomalies.length - positives,
                autoencoder.rocAuc(),
                autoencoder.averagePrecision(),
                oneClass.threshold().rule(),
                oneClass.threshold().value(),
                autoencoder.precision(),
                autoencoder.recall(),
                autoencoder.f1(),
                curves.values().stream().skip(1).findFirst().orElseThrow().rocAuc(),
                curves.values().stream().skip(1).findFirst().orElseThrow().averagePrecision()));
        DetectionCharts charts = DetectionCharts.standard();
        report.image(charts.rocPng(curves), "ROC curves of the autoencoder and PCA", "ROC curve on the test rows.");
        report.image(
                charts.precisionRecallPng(curves),
                "Precision-recall curves of the autoencoder and PCA",
                "Precision-recall curve on the test rows (anomalies are the positives).");
    }

    /** PCA has no threshold of its own: the 99th percentile of the normal rows' errors stands in for the curves. */
    private static double percentileOfNormal(float[] errors, boolean[] anomalies) {
        float[] normal = new float[errors.length];
        int n = 0;
        for (int i = 0; i < errors.length; i++) {
            if (!anomalies[i]) {
                normal[n++] = errors[i];
            }
        }
        float[] sorted = java.util.Arrays.copyOf(normal, n);
        java.util.Arrays.sort(sorted);
        return sorted[Math.min(n - 1, (int) Math.floor(0.99 * n))];
    }

    private static Map<String, String> strings(Map<String, Object> values) {
        Map<String, String> out = new LinkedHashMap<>();
        values.forEach((k, v) -> out.put(k, String.valueOf(v)));
        return out;
    }
}
