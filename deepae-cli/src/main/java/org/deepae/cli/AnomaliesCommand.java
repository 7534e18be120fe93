package org.deepae.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.deepae.analysis.AnomalyRule;
import org.deepae.analysis.AnomalyScores;
import org.deepae.analysis.ColumnContributions;
import org.deepae.analysis.DetectionMetrics;
import org.deepae.analysis.PcaModel;
import org.deepae.analysis.Threshold;
import org.deepae.analysis.ThresholdFile;
import org.deepae.data.Dataset;
import org.deepae.data.Preprocessing;
import org.deepae.data.Rows;
import org.deepae.io.AtomicFiles;
import org.deepae.model.Autoencoder;
import org.deepae.run.InputChunks;
import org.deepae.run.ModelInput;
import org.deepae.store.ModelInfo;
import org.deepae.viz.DetectionCharts;
import org.deepae.viz.ErrorHistogram;
import org.deepae.viz.ImageGrid;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code deepae anomalies}: rows the model reconstructs badly, by a threshold on their reconstruction error. */
@Command(
        name = "anomalies",
        description = {
            "Score every input row by its reconstruction error and flag those above a threshold. Writes "
                    + "scores.csv, errors.png (histogram with the threshold) and worst.png (the worst rows above their "
                    + "reconstructions) into --out.",
            "The threshold: --threshold-sigma or --threshold-percentile of these rows' errors; else the threshold "
                    + "saved "
                    + "with the model (--save-threshold), else mean + 3 sigma of these rows' errors."
        })
final class AnomaliesCommand extends ModelInputCommand {

    static final class Rule {
        @Option(names = "--threshold-sigma", paramLabel = "K", description = "Flag errors above mean + K sigma.")
        Double sigma;

        @Option(
                names = "--threshold-percentile",
                paramLabel = "P",
                description = "Flag errors above the P-th percentile.")
        Double percentile;
    }

    @ArgGroup(exclusive = true)
    Rule rule;

    @Option(
            names = "--save-threshold",
            description =
                    "Choose the threshold from the errors of the model's training images with the rule, and keep it "
                            + "in the model directory for later runs.")
    boolean saveThreshold;

    @Option(
            names = "--top",
            paramLabel = "N",
            defaultValue = "20",
            description = "How many of the worst rows worst.png shows (default: ${DEFAULT-VALUE}).")
    int top;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Where the results go.")
    Path out;

    @Option(
            names = "--top-columns",
            paramLabel = "K",
            defaultValue = "3",
            description =
                    "For a model trained on a table: the K columns that contribute most to each row's error, with "
                            + "their share, in scores.csv (default: ${DEFAULT-VALUE}).")
    int topColumns;

    @Option(
            names = "--truth-column",
            paramLabel = "NAME",
            description =
                    "A table column of ground truth: rows whose value is one of --positive are the real anomalies. "
                            + "Prints ROC AUC, average precision, and precision, recall and F1 at the threshold; "
                            + "writes roc.png and "
                            + "pr.png.")
    String truthColumn;

    @Option(
            names = "--positive",
            split = ",",
            paramLabel = "V",
            description = "The --truth-column values that mark a real anomaly.")
    List<String> positive = new ArrayList<>();

    @Option(
            names = "--normal-labels",
            split = ",",
            paramLabel = "L",
            description =
                    "For labelled rows (the catalogue, class folders, a label column): rows with other labels are "
                            + "the real anomalies; evaluated as with --truth-column.")
    List<String> normalLabels = new ArrayList<>();

    @Option(
            names = "--baseline",
            paramLabel = "pca",
            description =
                    "Also score the rows with PCA of the model's code size, fitted on the model's training rows, and "
                            + "print both side by side (with --truth-column or --normal-labels, both evaluations "
                            + "and curves).")
    String baseline;

    @Option(
            names = "--score",
            paramLabel = "error|elbo",
            defaultValue = "error",
            description = "What scores a row: its mean squared reconstruction error, or (vae and conv-vae) its "
                    + "negative ELBO, the reconstruction term plus the KL divergence of its code (default: "
                    + "${DEFAULT-VALUE}).")
    String score;

    @Mixin
    JsonOption json;

    @Override
    int run() throws IOException {
        if (top <= 0) {
            throw context.badOption("--top must be positive, got " + top);
        }
        OutputDirectory.requireDirectory(context.commandLine(), "--out", out);
        OutputDirectory.refuseRootOrHome(context.commandLine(), "--out", out);
        OutputFile.requireNoFileAbove(context.commandLine(), "--out", out);
        AnomalyRule chosen;
        try {
            chosen = rule == null
                    ? null
                    : rule.sigma != null
                            ? new AnomalyRule.Sigma(rule.sigma)
                            : new AnomalyRule.Percentile(rule.percentile);
        } catch (IllegalArgumentException e) {
            throw context.badOption(e.getMessage());
        }
        if (topColumns < 0) {
            throw context.badOption("--top-columns must be 0 or more, got " + topColumns);
        }
        if (truthColumn != null && positive.isEmpty()) {
            throw context.badOption("--truth-column needs --positive: the values that mark a real anomaly");
        }
        if (!positive.isEmpty() && truthColumn == null) {
            throw context.badOption("--positive needs --truth-column");
        }
        if (baseline != null && !baseline.equals("pca")) {
            throw context.badOption("--baseline must be pca, got '" + baseline + "'");
        }
        if (truthColumn != null && !normalLabels.isEmpty()) {
            throw context.badOption("give either --truth-column or --normal-labels, not both");
        }
        if (!score.equals("error") && !score.equals("elbo")) {
            throw context.badOption("--score must be error or elbo, got '" + score + "'");
        }
        ModelInfo info = model.info();
        boolean elbo = score.equals("elbo");
        if (elbo && !info.spec().variational()) {
            throw context.badOption("--score elbo needs a variational model (--arch vae or conv-vae); " + model.model
                    + " is " + info.spec().family());
        }
        if (elbo && baseline != null) {
            throw context.badOption("--baseline pca compares reconstruction errors: use it with --score error");
        }
        PrintWriter stdout = context.out();
        try (InputChunks chunks = input.openFor(info, truthColumn);
                Autoencoder autoencoder = model.load()) {
            if (!normalLabels.isEmpty() && !chunks.hasLabels()) {
                throw new IOException(
                        chunks.source() + ": --normal-labels needs labelled rows (a dataset, class folders, or "
                                + "--label-column for a table)");
            }
            Path spool = AtomicFiles.createTempSibling(out);
            try {
                long start = System.nanoTime();
                ScoringPass pass = ScoringPass.run(
                        chunks,
                        autoencoder,
                        spool,
                        contributions(info),
                        topColumns,
                        truthColumn == null ? null : ModelInput.matching(positive),
                        new HashSet<>(normalLabels),
                        top,
                        elbo);
                long nanos = System.nanoTime() - start;
                context.notes(chunks.notes());
                try (pass) {
                    report(autoencoder, info, chosen, chunks, pass, nanos, stdout);
                }
            } finally {
                AtomicFiles.deleteQuietly(spool);
            }
        }
        stdout.flush();
        return 0;
    }

    /** The threshold, the evaluation, the files and the summary, once every row is scored. */
    private void report(
            Autoencoder autoencoder,
            ModelInfo info,
            AnomalyRule chosen,
            InputChunks chunks,
            ScoringPass pass,
            long nanos,
            PrintWriter stdout)
            throws IOException {
        int count = pass.count();
        String source = chunks.source();
        float[] errors = pass.errors();
        boolean[] truth = pass.truth();
        Threshold threshold = threshold(autoencoder, chosen, errors, stdout);
        AnomalyScores scores = new AnomalyScores(errors, threshold);
        DetectionMetrics evaluation = null;
        if (truth != null) {
            try {
                evaluation = DetectionMetrics.of(errors, truth, threshold.value());
            } catch (IllegalArgumentException e) {
                throw new IOException(source + ": cannot evaluate: " + e.getMessage(), e);
            }
        }
        Baseline pca = baseline == null ? null : baseline(info, count, truth);
        Files.createDirectories(out);
        pass.writeScores(out.resolve("scores.csv"), chunks.labelNames(), scores);
        if (evaluation != null) {
            Map<String, DetectionMetrics> curves = new java.util.LinkedHashMap<>();
            curves.put("autoencoder", evaluation);
            if (pca != null) {
                curves.put(pca.name(), pca.evaluation());
            }
            DetectionCharts.standard().writeRoc(out.resolve("roc.png"), curves);
            DetectionCharts.standard().writePrecisionRecall(out.resolve("pr.png"), curves);
        }
        ErrorHistogram.titled("Reconstruction errors of " + count + " rows of " + source)
                .write(
                        out.resolve("errors.png"),
                        errors,
                        new ErrorHistogram.Threshold(threshold.value(), threshold.rule()));
        List<ScoringPass.Worst> worst = pass.worst();
        Rows first = pass.first();
        boolean drawn = first != null && first.isImages() && first.shape().isGray() && !worst.isEmpty();
        if (drawn) {
            int width = first.width();
            float[] shown = new float[worst.size() * width];
            for (int i = 0; i < worst.size(); i++) {
                System.arraycopy(worst.get(i).values(), 0, shown, i * width, width);
            }
            ImageGrid grid = ImageGrid.fittingPairs(first.imageHeight(), first.imageWidth(), 4, worst.size(), 10);
            grid.write(
                    out.resolve("worst.png"),
                    grid.pairs(shown, autoencoder.reconstruct(shown, worst.size()), worst.size(), 10));
        }
        String speed = InputOptionsMixin.throughput(count, nanos);
        if (json.isEnabled()) {
            var root = toJson(count, scores, threshold, evaluation);
            if (pca != null) {
                var node = root.putObject("baseline");
                node.put("method", "pca");
                node.put("components", pca.components());
                node.put("flagged", pca.scores().flaggedCount());
                node.put("threshold", pca.scores().threshold().value());
                if (pca.evaluation() != null) {
                    node.set(
                            "evaluation",
                            Json.mapper().valueToTree(pca.evaluation().toMap()));
                }
            }
            root.put("rows_per_second", count / (Math.max(nanos, 1) / 1e9));
            root.put("seconds", nanos / 1e9);
            JsonOption.print(stdout, root);
            return;
        }
        stdout.println(String.format(
                Locale.ROOT,
                "%d of %d rows flagged: %s above %.6f (%s); scored %s",
                scores.flaggedCount(),
                count,
                score.equals("elbo") ? "negative ELBO" : "reconstruction error",
                threshold.value(),
                threshold.rule(),
                speed));
        if (!worst.isEmpty()) {
            stdout.println(String.format(
                    Locale.ROOT,
                    "worst row: %s, " + (score.equals("elbo") ? "negative ELBO" : "error") + " %.6f",
                    worst.get(0).id(),
                    worst.get(0).error()));
        }
        if (evaluation != null) {
            stdout.println(String.format(
                    Locale.ROOT,
                    "against the truth (%d anomalies in %d rows): ROC AUC %.4f, "
                            + "average precision %.4f; at the threshold precision %.4f, recall %.4f, F1 %.4f",
                    evaluation.positives(),
                    count,
                    evaluation.rocAuc(),
                    evaluation.averagePrecision(),
                    evaluation.precision(),
                    evaluation.recall(),
                    evaluation.f1()));
        }
        if (pca != null) {
            stdout.println(String.format(
                            Locale.ROOT,
                            "%s: %d of %d rows flagged above %.6f (%s)",
                            pca.name(),
                            pca.scores().flaggedCount(),
                            count,
                            pca.scores().threshold().value(),
                            pca.scores().threshold().rule())
                    + (pca.evaluation() == null
                            ? ""
                            : String.format(
                                    Locale.ROOT,
                                    "; ROC AUC %.4f, average precision %.4f; "
                                            + "at its threshold precision %.4f, recall %.4f, F1 %.4f",
                                    pca.evaluation().rocAuc(),
                                    pca.evaluation().averagePrecision(),
                                    pca.evaluation().precision(),
                                    pca.evaluation().recall(),
                                    pca.evaluation().f1())));
        }
        stdout.println("Wrote " + out.resolve("scores.csv") + ", " + out.resolve("errors.png")
                + (drawn ? ", " + out.resolve("worst.png") : "")
                + (evaluation != null ? ", " + out.resolve("roc.png") + ", " + out.resolve("pr.png") : ""));
    }

    /** PCA's scores of the same rows, and its evaluation against the same truth (or {@code null}). */
    private record Baseline(String name, int components, AnomalyScores scores, DetectionMetrics evaluation) {}

    /**
     * Scores the input again with the PCA of the model's code size (all components when the code is wider), fitted on
     * the model's training rows; its threshold is mean + 3 sigma of those rows' PCA errors.
     */
    private Baseline baseline(ModelInfo info, int count, boolean[] truth) throws IOException {
        Dataset training = new DatasetOptions().load(context.commandLine(), model);
        int k = Math.min(info.spec().codeSize(), training.features());
        PcaModel pca = DatasetChoice.pcaCache(null).fitted(training, model.threads());
        Threshold threshold = new AnomalyRule.Sigma(3)
                .apply(pca.rowErrors(training.train().values(), training.train().count(), k));
        float[] errors = new float[count];
        int at = 0;
        try (InputChunks again = input.openFor(info, truthColumn)) {
            ModelInput.Chunk chunk;
            while ((chunk = again.next()) != null) {
                float[] part = pca.rowErrors(chunk.rows().values(), chunk.rows().count(), k);
                System.arraycopy(part, 0, errors, at, part.length);
                at += part.length;
            }
        }
        AnomalyScores scores = new AnomalyScores(
                errors,
                new Threshold(
                        threshold.value(),
                        threshold.rule() + " of PCA's errors on the training set of "
                                + training.info().name()));
        DetectionMetrics evaluation = truth == null ? null : DetectionMetrics.of(errors, truth, threshold.value());
        return new Baseline("PCA, " + k + " components", k, scores, evaluation);
    }

    /** How a table model's encoded features add up to its columns, for the top columns; {@code null} otherwise. */
    private ColumnContributions contributions(ModelInfo info) {
        if (topColumns == 0 || !info.hasPreprocessing() || info.hasImageSize()) {
            return null;
        }
        Preprocessing preprocessing = info.preprocessing();
        List<String> names = preprocessing.inputs().stream().map(h -> h.name()).toList();
        return new ColumnContributions(preprocessing.featureColumns(), names);
    }

    private static com.fasterxml.jackson.databind.node.ObjectNode toJson(
            int rows, AnomalyScores scores, Threshold threshold, DetectionMetrics evaluation) {
        var root = Json.mapper().createObjectNode();
        root.put("rows", rows);
        root.put("flagged", scores.flaggedCount());
        root.put("threshold", threshold.value());
        root.put("rule", threshold.rule());
        if (evaluation != null) {
            root.set("evaluation", Json.mapper().valueToTree(evaluation.toMap()));
        }
        return root;
    }

    private Threshold threshold(Autoencoder autoencoder, AnomalyRule chosen, float[] errors, PrintWriter stdout)
            throws IOException {
        if (saveThreshold) {
            AnomalyRule ruleForTraining = chosen != null ? chosen : new AnomalyRule.Sigma(3);
            Dataset training = new DatasetOptions().load(context.commandLine(), model);
            float[] trainingErrors = autoencoder.rowErrors(
                    training.train().values(), training.train().count());
            Threshold threshold = ruleForTraining.apply(trainingErrors);
            String reference = "training set of " + training.info().name() + " ("
                    + training.train().count() + " images)";
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
}
