package org.deepae.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.Locale;
import org.deepae.data.ClassNames;
import org.deepae.data.Dataset;
import org.deepae.data.Rows;
import org.deepae.data.Split;
import org.deepae.model.Autoencoder;
import org.deepae.model.Evaluation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code deepae evaluate}: reconstruction error on a dataset's test set, overall and per class. */
@Command(
        name = "evaluate",
        description = "Measure a model's reconstruction error on a dataset: mean squared error, PSNR, and per class.")
final class EvaluateCommand extends ModelDatasetCommand {

    @Option(
            names = "--split",
            paramLabel = "train|test",
            defaultValue = "test",
            description = "Which half to evaluate on (default: ${DEFAULT-VALUE}).")
    Split split;

    @Mixin
    JsonOption json;

    @Override
    int run() throws IOException {
        Dataset data = dataset.load(model);
        Rows images = split.of(data);
        Evaluation evaluation;
        try (Autoencoder autoencoder = model.load()) {
            evaluation = autoencoder.evaluate(images);
        }
        PrintWriter stdout = context.out();
        if (json.isEnabled()) {
            JsonOption.print(stdout, toJson(data, evaluation));
        } else {
            String unit = data.isImages() ? "images" : "rows";
            stdout.println(String.format(
                    Locale.ROOT,
                    "%s, %s split: %d %s",
                    data.info().name(),
                    split.name().toLowerCase(Locale.ROOT),
                    evaluation.rows(),
                    unit));
            stdout.println(String.format(
                    Locale.ROOT,
                    "mean squared error  %.6f%s",
                    evaluation.meanSquaredError(),
                    data.isImages() ? "" : " (in standardised units)"));
            if (data.isImages()) {
                // PSNR is for values whose peak is 1, such as pixels
                stdout.println(String.format(Locale.ROOT, "PSNR                %.2f dB", evaluation.psnr()));
            }
            if (!evaluation.perClass().isEmpty()) {
                stdout.println("per class:");
                stdout.println(String.format(Locale.ROOT, "  label  class         %6s  mean squared error", unit));
                evaluation
                        .perClass()
                        .forEach((label, error) -> stdout.println(String.format(
                                Locale.ROOT,
                                "  %5d  %-12s  %6d  %.6f",
                                label,
                                className(data, label),
                                error.rows(),
                                error.meanSquaredError())));
            }
        }
        stdout.flush();
        return 0;
    }

    /** A label's name: the dataset's own (a table's label values, class folders), else the catalogue's. */
    private static String className(Dataset data, int label) {
        return data.labelNames().isEmpty() ? ClassNames.name(data.info().name(), label) : data.labelName(label);
    }

    private ObjectNode toJson(Dataset data, Evaluation evaluation) {
        ObjectNode root = Json.mapper().createObjectNode();
        root.put("model", model.model.toString());
        ObjectNode source = root.putObject("dataset");
        source.put("name", data.info().name());
        source.put("source", data.info().source());
        source.put("split", split.name().toLowerCase(Locale.ROOT));
        root.put("rows", evaluation.rows());
        root.put("mean_squared_error", evaluation.meanSquaredError());
        root.put("psnr_db", evaluation.psnr());
        ArrayNode perClass = root.putArray("per_class");
        evaluation
                .perClass()
                .forEach((label, error) -> perClass.addObject()
                        .put("label", label)
                        .put("name", className(data, label))
                        .put("rows", error.rows())
                        .put("mean_squared_error", error.meanSquaredError()));
        return root;
    }
}
