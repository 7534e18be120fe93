package org.deepae.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.deepae.analysis.AnomalyRule;
import org.deepae.analysis.AnomalyScores;
import org.deepae.analysis.Threshold;
import org.deepae.analysis.ThresholdFile;
import org.deepae.data.Dataset;
import org.deepae.data.Rows;
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
    ModelInfo info = model.info();
    Rows rows = input.read(info.spec().inputSize(), info.imageHeight(), info.imageWidth());
    PrintWriter stdout = spec.commandLine().getOut();
    try (Autoencoder autoencoder = model.load()) {
      float[] errors = autoencoder.rowErrors(rows.values(), rows.count());
      Threshold threshold = threshold(autoencoder, info, chosen, errors, stdout);
      AnomalyScores scores = new AnomalyScores(errors, threshold);
      Files.createDirectories(out);
      writeScores(out.resolve("scores.csv"), rows, scores);
      ErrorHistogram.titled("Reconstruction errors of " + rows.count() + " rows of " + rows.source())
          .write(out.resolve("errors.png"), errors, new ErrorHistogram.Threshold(threshold.value(), threshold.rule()));
      int[] worst = scores.worst(top);
      int height = info.hasImageSize() ? info.imageHeight() : rows.imageHeight();
      if (height > 0) {
        Rows shown = rows.select(worst);
        ImageGrid grid = ImageGrid.fittingPairs(height, rows.width() / height, 4, shown.count(), 10);
        grid.write(out.resolve("worst.png"), grid.pairs(shown.values(),
            autoencoder.reconstruct(shown.values(), shown.count()), shown.count(), 10));
      }
      stdout.println(String.format(Locale.ROOT, "%d of %d rows flagged: reconstruction error above %.6f (%s)",
          scores.flaggedCount(), rows.count(), threshold.value(), threshold.rule()));
      stdout.println(String.format(Locale.ROOT, "worst row: %d, error %.6f", worst[0], errors[worst[0]]));
      stdout.println("Wrote " + out.resolve("scores.csv") + ", " + out.resolve("errors.png")
          + (height > 0 ? ", " + out.resolve("worst.png") : ""));
    }
    stdout.flush();
    return 0;
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

  private static void writeScores(Path file, Rows rows, AnomalyScores scores) throws IOException {
    StringBuilder csv = new StringBuilder(rows.hasLabels() ? "index,label,error,flagged\n" : "index,error,flagged\n");
    for (int i = 0; i < rows.count(); i++) {
      csv.append(i).append(',');
      if (rows.hasLabels()) {
        csv.append(rows.labels()[i]).append(',');
      }
      csv.append(scores.errors()[i]).append(',').append(scores.flagged(i)).append('\n');
    }
    AtomicFiles.write(file, csv.toString().getBytes(StandardCharsets.UTF_8));
  }
}
