package org.deepae.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import org.deepae.data.Dataset;
import org.deepae.model.Autoencoder;
import org.deepae.run.ModelStudy;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code deepae compare}: the autoencoder's test error beside PCA's at the same code size. */
@Command(
        name = "compare",
        description = "Compare a model's test error with PCA's at the same code size (PCA fitted on the same training "
                + "images, both measured on the same test images), overall and per class.")
final class CompareCommand extends ModelDatasetCommand {

    @Mixin
    JsonOption json;

    @Override
    int run() throws IOException {
        Dataset data = dataset.load(model);
        ModelStudy.Comparison c;
        List<List<String>> table;
        try (Autoencoder autoencoder = model.load()) {
            ModelStudy study = new ModelStudy(autoencoder, data, model.threads(), dataset.pcaCache());
            c = study.comparison();
            table = study.comparisonTable();
        }
        PrintWriter out = context.out();
        if (json.isEnabled()) {
            ObjectNode root = Json.mapper().createObjectNode();
            root.put("model", model.model.toString());
            root.put("dataset", data.info().name());
            root.put("test_rows", c.autoencoder().rows());
            root.put("code_size", c.codeSize());
            root.put("pca_components", c.pcaComponents());
            root.put("autoencoder_mse", c.autoencoder().meanSquaredError());
            root.put("pca_mse", c.pca().meanSquaredError());
            root.put("pca_explained_variance_ratio", c.pcaExplainedVariance());
            root.put("ratio", c.ratio());
            ArrayNode perClass = root.putArray("per_class");
            c.autoencoder()
                    .perClass()
                    .forEach((label, e) -> perClass.addObject()
                            .put("label", label)
                            .put("rows", e.rows())
                            .put("autoencoder_mse", e.meanSquaredError())
                            .put("pca_mse", c.pca().perClass().get(label).meanSquaredError()));
            JsonOption.print(out, root);
        } else {
            out.println(String.format(
                    Locale.ROOT,
                    "%s test set, %d images; code size %d (PCA: %d components, %.1f%% of the training variance)",
                    data.info().name(),
                    c.autoencoder().rows(),
                    c.codeSize(),
                    c.pcaComponents(),
                    100 * c.pcaExplainedVariance()));
            out.print(TextTable.format(ModelStudy.COMPARISON_HEADER, table));
            out.println(
                    c.ratio() < 1
                            ? "The autoencoder reconstructs better than PCA at this code size."
                            : "PCA reconstructs better than the autoencoder at this code size.");
        }
        out.flush();
        return 0;
    }
}
