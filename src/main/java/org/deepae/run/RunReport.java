package org.deepae.run;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.deepae.analysis.PcaCache;
import org.deepae.data.Dataset;
import org.deepae.data.Rows;
import org.deepae.store.ModelInfo;
import org.deepae.model.Autoencoder;
import org.deepae.train.EpochStats;
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
  public static void write(Path html, Autoencoder model, ModelInfo info, Dataset data, List<EpochStats> epochs,
      int threads, PcaCache pcas) throws IOException {
    write(html, model, info, data, epochs, null, threads, pcas);
  }

  /**
   * Writes the report.
   *
   * @param epochs the training history, or an empty list when it is not known
   * @param historyProblem why the training history that was found could not be read, or {@code null}
   */
  public static void write(Path html, Autoencoder model, ModelInfo info, Dataset data, List<EpochStats> epochs,
      String historyProblem, int threads, PcaCache pcas) throws IOException {
    String network = info.spec().layerSizes().stream().map(String::valueOf).collect(Collectors.joining("-"));
    ModelStudy study = new ModelStudy(model, data, threads, pcas);
    ModelStudy.Comparison comparison = study.comparison();
    HtmlReport report = HtmlReport.titled("deepae: " + network + " on " + data.info().name());
    report.paragraph(String.format(Locale.ROOT, "Test mean squared error %.6f over %,d test images; PCA with %d "
        + "components (%s), fitted on the same %,d training images, reaches %.6f. The autoencoder's error "
        + "is %.3f times PCA's: %s.", comparison.autoencoder().meanSquaredError(), comparison.autoencoder().rows(),
        comparison.pcaComponents(), comparison.componentsRule(), data.train().count(), comparison.pca().meanSquaredError(), comparison.ratio(),
        comparison.ratio() < 1 ? "the autoencoder reconstructs better" : "PCA reconstructs better"));

    report.section("Configuration").keyValues(strings(info.training()));
    Map<String, String> provenance = new LinkedHashMap<>();
    provenance.put("dataset", data.info().name());
    provenance.put("source", data.info().source());
    provenance.put("content SHA-256", data.info().sha256());
    provenance.put("training images", String.valueOf(data.train().count()));
    provenance.put("test images", String.valueOf(data.test().count()));
    provenance.put(data.isImages() ? "image size" : "values per row", data.isImages()
        ? data.train().imageHeight() + " x " + data.train().imageWidth()
        + (data.shape().isGray() ? "" : " x " + data.shape().channels()) : String.valueOf(data.features()));
    provenance.put("deepae version", info.deepaeVersion());
    report.section("Data").keyValues(provenance);

    report.section("Training");
    if (historyProblem != null) {
      report.paragraph("The training history beside this model could not be read: " + historyProblem);
    } else if (epochs.isEmpty()) {
      report.paragraph("No training history was found beside this model (metrics.json).");
    } else {
      Map<String, double[]> series = new LinkedHashMap<>();
      series.put("training", epochs.stream().mapToDouble(EpochStats::trainLoss).toArray());
      if (epochs.stream().anyMatch(EpochStats::hasValidation)) {
        series.put("validation", epochs.stream().mapToDouble(EpochStats::validationLoss).toArray());
      }
      series.put("test", epochs.stream().mapToDouble(EpochStats::testLoss).toArray());
      report.image(LossChart.titled("Loss per epoch").withYAxisTitle("loss (mean per value)")
              .render(epochs.stream().map(EpochStats::epoch).toList(), series),
          "Training and test loss per epoch", "Loss per epoch (the mean over each epoch's batches for training).");
    }

    if (TrainingRun.drawsImages(data)) {
      Rows shown = data.test().head(TrainingRun.FIGURE_IMAGES);
      ImageGrid grid = ImageGrid.fittingPairs(shown.imageHeight(), shown.imageWidth(), 4, shown.count(),
          TrainingRun.FIGURE_IMAGES);
      report.section("Reconstructions").image(grid.render(grid.pairs(shown.values(),
              model.reconstruct(shown.values(), shown.count()), shown.count(), TrainingRun.FIGURE_IMAGES)),
          "The first test images above their reconstructions", "The first " + shown.count()
              + " test images (top) and their reconstructions (bottom).");
    }

    report.section("Autoencoder and PCA").paragraph(String.format(Locale.ROOT, "PCA with %d components explains "
        + "%.1f%% of the training variance. Both are measured on the same test images.", comparison.pcaComponents(),
        100 * comparison.pcaExplainedVariance()));
    report.table(ModelStudy.COMPARISON_HEADER, study.comparisonTable());

    ModelStudy.LatentMap latent = study.latent();
    LatentScatter scatter = ModelStudy.scatter(data, latent);
    report.section("Latent map").image(latent.labels() == null ? scatter.render(latent.points())
            : scatter.render(latent.points(), latent.labels()),
        latent.labels() == null ? "The test codes in two dimensions" : "The test codes in two dimensions, one colour "
            + "per class", latent.title() + ".");
    report.write(html);
  }

  private static Map<String, String> strings(Map<String, Object> values) {
    Map<String, String> out = new LinkedHashMap<>();
    values.forEach((k, v) -> out.put(k, String.valueOf(v)));
    return out;
  }
}
