package org.deepae.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.deepae.analysis.AnomalyRule;
import org.deepae.analysis.AnomalyScores;
import org.deepae.analysis.Threshold;
import org.deepae.analysis.ThresholdFile;
import org.deepae.data.Dataset;
import org.deepae.data.CsvRows;
import org.deepae.data.Preprocessing;
import org.deepae.data.Rows;
import org.deepae.analysis.ColumnContributions;
import org.deepae.analysis.DetectionMetrics;
import org.deepae.run.ModelInput;
import org.deepae.viz.DetectionCharts;
import org.deepae.io.AtomicFiles;
import org.deepae.store.ModelInfo;
import org.deepae.model.Autoencoder;
import org.deepae.viz.ErrorHistogram;
import org.deepae.viz.ImageGrid;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code deepae anomalies}: rows the model reconstructs badly, by a threshold on their reconstruction error. */
@Command(name = "anomalies", mixinStandardHelpOptions = true, sortOptions = false,
    description = {"Score every input row by its reconstruction error and flag those above a threshold. Writes "
        + "scores.csv, errors.png (histogram with the threshold) and worst.png (the worst rows above their "
        + "reconstructions) into --out.",
        "The threshold: --threshold-sigma or --threshold-percentile of these rows' errors; else the threshold saved "
            + "with the model (--save-threshold), else mean + 3 sigma of these rows' errors."})
final class AnomaliesCommand implements Callable<Integer> {

  @Spec
  CommandSpec spec;

  @Mixin
  ModelOptions model;

  @Mixin
  InputOptionsMixin input;

  static final class Rule {
    @Option(names = "--threshold-sigma", paramLabel = "K", description = "Flag errors above mean + K sigma.")
    Double sigma;

    @Option(names = "--threshold-percentile", paramLabel = "P", description = "Flag errors above the P-th percentile.")
    Double percentile;
  }

  @ArgGroup(exclusive = true)
  Rule rule;

  @Option(names = "--save-threshold",
      description = "Choose the threshold from the errors of the model's training images with the rule, and keep it "
          + "in the model directory for later runs.")
  boolean saveThreshold;

  @Option(names = "--top", paramLabel = "N", defaultValue = "20",
      description = "How many of the worst rows worst.png shows (default: ${DEFAULT-VALUE}).")
  int top;

  @Option(names = "--out", required = true, paramLabel = "DIR", description = "Where the results go.")
  Path out;

  @Option(names = "--top-columns", paramLabel = "K", defaultValue = "3",
      description = "For a model trained on a table: the K columns that contribute most to each row's error, with "
          + "their share, in scores.csv (default: ${DEFAULT-VALUE}).")
  int topColumns;

  @Option(names = "--truth-column", paramLabel = "NAME",
      description = "A table column of ground truth: rows whose value is one of --positive are the real anomalies. "
          + "Prints ROC AUC, average precision, and precision, recall and F1 at the threshold; writes roc.png and "
          + "pr.png.")
  String truthColumn;

  @Option(names = "--positive", split = ",", paramLabel = "V",
      description = "The --truth-column values that mark a real anomaly.")
  List<String> positive = new ArrayList<>();

  @Option(names = "--normal-labels", split = ",", paramLabel = "L",
      description = "For labelled rows (the catalogue, class folders, a label column): rows with other labels are "
          + "the real anomalies; evaluated as with --truth-column.")
  List<String> normalLabels = new ArrayList<>();

  @Option(names = "--json", description = "Print the summary (counts, threshold, evaluation) as JSON.")
  boolean json;

  @Mixin
  VerboseOption verbose;

  @Override
  public Integer call() throws IOException {
    model.validate(spec.commandLine());
    input.validate(spec.commandLine());
    if (top <= 0) {
      throw new ParameterException(spec.commandLine(), "--top must be positive, got " + top);
    }
    if (Files.exists(out) && !Files.isDirectory(out)) {
      throw new ParameterException(spec.commandLine(), "--out " + out + " is a file, not a directory");
    }
    OutputDirectory.refuseRootOrHome(spec.commandLine(), "--out", out);
    OutputFile.requireNoFileAbove(spec.commandLine(), "--out", out);
    AnomalyRule chosen;
    try {
      chosen = rule == null ? null : rule.sigma != null ? new AnomalyRule.Sigma(rule.sigma)
          : new AnomalyRule.Percentile(rule.percentile);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }
    if (topColumns < 0) {
      throw new ParameterException(spec.commandLine(), "--top-columns must be 0 or more, got " + topColumns);
    }
    if (truthColumn != null && positive.isEmpty()) {
      throw new ParameterException(spec.commandLine(), "--truth-column needs --positive: the values that mark a "
          + "real anomaly");
    }
    if (!positive.isEmpty() && truthColumn == null) {
      throw new ParameterException(spec.commandLine(), "--positive needs --truth-column");
    }
    if (truthColumn != null && !normalLabels.isEmpty()) {
      throw new ParameterException(spec.commandLine(), "give either --truth-column or --normal-labels, not both");
    }
    ModelInfo info = model.info();
    ModelInput.Read read = input.readFor(spec.commandLine(), info, truthColumn);
    Rows rows = read.rows();
    boolean[] truth = truth(read);
    PrintWriter stdout = spec.commandLine().getOut();
    PrintWriter stderr = spec.commandLine().getErr();
    read.notes().forEach(note -> stderr.println("note: " + note));
    stderr.flush();
    try (Autoencoder autoencoder = model.load()) {
      float[] reconstructed = autoencoder.reconstruct(rows.values(), rows.count());
      float[] squared = squaredErrors(rows.values(), reconstructed);
      float[] errors = rowMeans(squared, rows.count(), rows.width());
      Threshold threshold = threshold(autoencoder, info, chosen, errors, stdout);
      AnomalyScores scores = new AnomalyScores(errors, threshold);
      DetectionMetrics evaluation = null;
      if (truth != null) {
        try {
          evaluation = DetectionMetrics.of(errors, truth, threshold.value());
        } catch (IllegalArgumentException e) {
          throw new IOException(rows.source() + ": cannot evaluate: " + e.getMessage(), e);
        }
      }
      ColumnContributions.TopColumns columns = contributions(info, squared, rows.count());
      Files.createDirectories(out);
      writeScores(out.resolve("scores.csv"), rows, read.labelNames(), scores, columns);
      if (evaluation != null) {
        Map<String, DetectionMetrics> curves = Map.of("autoencoder", evaluation);
        DetectionCharts.standard().writeRoc(out.resolve("roc.png"), curves);
        DetectionCharts.standard().writePrecisionRecall(out.resolve("pr.png"), curves);
      }
      ErrorHistogram.titled("Reconstruction errors of " + rows.count() + " rows of " + rows.source())
          .write(out.resolve("errors.png"), errors, new ErrorHistogram.Threshold(threshold.value(), threshold.rule()));
      int[] worst = scores.worst(top);
      boolean drawn = rows.isImages() && rows.shape().isGray();
      if (drawn) {
        Rows shown = rows.select(worst);
        ImageGrid grid = ImageGrid.fittingPairs(rows.imageHeight(), rows.imageWidth(), 4, shown.count(), 10);
        grid.write(out.resolve("worst.png"), grid.pairs(shown.values(),
            autoencoder.reconstruct(shown.values(), shown.count()), shown.count(), 10));
      }
      if (json) {
        stdout.println(toJson(rows, scores, threshold, evaluation).toPrettyString());
      } else {
        stdout.println(String.format(Locale.ROOT, "%d of %d rows flagged: reconstruction error above %.6f (%s)",
            scores.flaggedCount(), rows.count(), threshold.value(), threshold.rule()));
        stdout.println(String.format(Locale.ROOT, "worst row: %s, error %.6f", rows.id(worst[0]),
            errors[worst[0]]));
        if (evaluation != null) {
          stdout.println(String.format(Locale.ROOT, "against the truth (%d anomalies in %d rows): ROC AUC %.4f, "
              + "average precision %.4f; at the threshold precision %.4f, recall %.4f, F1 %.4f",
              evaluation.positives(), rows.count(), evaluation.rocAuc(), evaluation.averagePrecision(),
              evaluation.precision(), evaluation.recall(), evaluation.f1()));
        }
        stdout.println("Wrote " + out.resolve("scores.csv") + ", " + out.resolve("errors.png")
            + (drawn ? ", " + out.resolve("worst.png") : "")
            + (evaluation != null ? ", " + out.resolve("roc.png") + ", " + out.resolve("pr.png") : ""));
      }
    }
    stdout.flush();
    return 0;
  }

  /** Which rows are real anomalies, from --truth-column and --positive or --normal-labels; {@code null} without. */
  private boolean[] truth(ModelInput.Read read) throws IOException {
    Rows rows = read.rows();
    if (truthColumn != null) {
      java.util.Set<String> marks = new java.util.HashSet<>(positive);
      boolean[] truth = new boolean[rows.count()];
      for (int i = 0; i < truth.length; i++) {
        truth[i] = marks.contains(read.truth()[i]);
      }
      return truth;
    }
    if (normalLabels.isEmpty()) {
      return null;
    }
    if (!rows.hasLabels()) {
      throw new IOException(rows.source() + ": --normal-labels needs labelled rows (a dataset, class folders, or "
          + "--label-column for a table)");
    }
    java.util.Set<String> normal = new java.util.HashSet<>(normalLabels);
    boolean[] truth = new boolean[rows.count()];
    for (int i = 0; i < truth.length; i++) {
      int label = rows.labels()[i];
      String name = label < read.labelNames().size() ? read.labelNames().get(label) : String.valueOf(label);
      truth[i] = !normal.contains(name) && !normal.contains(String.valueOf(label));
    }
    return truth;
  }

  /** Each row's top columns by share of its error, for a model trained on a table; {@code null} otherwise. */
  private ColumnContributions.TopColumns contributions(ModelInfo info, float[] squared, int count) {
    if (topColumns == 0 || !info.hasPreprocessing() || info.hasImageSize()) {
      return null;
    }
    Preprocessing preprocessing = info.preprocessing();
    List<String> names = preprocessing.inputs().stream().map(h -> h.name()).toList();
    return new ColumnContributions(preprocessing.featureColumns(), names).top(squared, count, topColumns);
  }

  private static float[] squaredErrors(float[] values, float[] reconstructed) {
    float[] squared = new float[values.length];
    for (int i = 0; i < values.length; i++) {
      float d = values[i] - reconstructed[i];
      squared[i] = d * d;
    }
    return squared;
  }

  private static float[] rowMeans(float[] squared, int count, int width) {
    float[] means = new float[count];
    for (int r = 0; r < count; r++) {
      double sum = 0;
      for (int j = r * width; j < (r + 1) * width; j++) {
        sum += squared[j];
      }
      means[r] = (float) (sum / width);
    }
    return means;
  }

  private static com.fasterxml.jackson.databind.node.ObjectNode toJson(Rows rows, AnomalyScores scores,
      Threshold threshold, DetectionMetrics evaluation) {
    var root = Json.mapper().createObjectNode();
    root.put("rows", rows.count());
    root.put("flagged", scores.flaggedCount());
    root.put("threshold", threshold.value());
    root.put("rule", threshold.rule());
    if (evaluation != null) {
      root.set("evaluation", Json.mapper().valueToTree(evaluation.toMap()));
    }
    return root;
  }

  private Threshold threshold(Autoencoder autoencoder, ModelInfo info, AnomalyRule chosen, float[] errors,
      PrintWriter stdout) throws IOException {
    if (saveThreshold) {
      AnomalyRule ruleForTraining = chosen != null ? chosen : new AnomalyRule.Sigma(3);
      Dataset training = new DatasetOptions().load(spec.commandLine(), model);
      float[] trainingErrors = autoencoder.rowErrors(training.train().values(), training.train().count());
      Threshold threshold = ruleForTraining.apply(trainingErrors);
      String reference = "training set of " + training.info().name() + " (" + training.train().count() + " images)";
      ThresholdFile.save(model.model, threshold, reference);
      stdout.println("Saved the threshold with the model: " + threshold.rule() + " of the " + reference);
      return threshold;
    }
    if (chosen != null) {
      return chosen.apply(errors);
    }
    Optional<ThresholdFile.Saved> saved = ThresholdFile.load(model.model);
    if (saved.isPresent()) {
      Threshold t = saved.get().threshold();
      return new Threshold(t.value(), t.rule() + " of the " + saved.get().reference() + ", saved with the model");
    }
    return new AnomalyRule.Sigma(3).apply(errors);
  }

  private void writeScores(Path file, Rows rows, List<String> labelNames, AnomalyScores scores,
      ColumnContributions.TopColumns columns) throws IOException {
    List<String> header = new ArrayList<>(List.of(rows.hasIds() ? "id" : "index"));
    if (rows.hasLabels()) {
      header.add("label");
    }
    header.addAll(List.of("error", "flagged"));
    int k = columns == null ? 0 : columns.k();
    for (int rank = 1; rank <= k; rank++) {
      header.add("top_column_" + rank);
      header.add("top_share_" + rank);
    }
    AtomicFiles.write(file, out -> {
      CsvRows csv = new CsvRows(out, header);
      List<String> cells = new ArrayList<>(header.size());
      for (int i = 0; i < rows.count(); i++) {
        cells.clear();
        cells.add(rows.id(i));
        if (rows.hasLabels()) {
          int label = rows.labels()[i];
          cells.add(label < labelNames.size() ? labelNames.get(label) : String.valueOf(label));
        }
        cells.add(Float.toString(scores.errors()[i]));
        cells.add(String.valueOf(scores.flagged(i)));
        for (int rank = 0; rank < k; rank++) {
          boolean present = rank < columns.row(i).size();
          cells.add(present ? columns.row(i).get(rank).name() : "");
          cells.add(present ? String.format(Locale.ROOT, "%.4f", columns.row(i).get(rank).share()) : "");
        }
        csv.row(cells);
      }
      csv.flush();
    });
  }
}
