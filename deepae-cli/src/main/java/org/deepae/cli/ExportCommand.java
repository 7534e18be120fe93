package org.deepae.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.deepae.store.ModelDirectory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** {@code deepae export}: a TensorFlow SavedModel for Python, TensorFlow Serving and any TensorFlow runtime. */
@Command(
        name = "export",
        description = {
            "Export a model as a TensorFlow SavedModel (tag 'serve') with the signatures encode (x -> code), "
                    + "decode (code -> x_hat) and reconstruct (x -> x_hat); a variational model also has sample "
                    + "(count, seed -> x_hat), new rows decoded from codes drawn from the prior.",
            "A model trained on a table takes its numeric columns in raw units (the graph scales them) and its "
                    + "categorical columns one-hot encoded; the file deepae-inputs.json in assets.extra lists the "
                    + "values of "
                    + "x in order, with the levels and the fill values for missing numbers (see docs/savedmodel.md)."
        })
final class ExportCommand implements Callable<Integer> {

    @Mixin
    ModelOptions model;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "The SavedModel directory.")
    Path out;

    @Option(
            names = "--overwrite",
            description = "Replace an existing directory at --out: an empty one, a SavedModel or a deepae model.")
    boolean overwrite;

    @Mixin
    CommandContext context;

    @Override
    public Integer call() throws IOException {
        model.validate();
        if (Files.exists(out) && !overwrite) {
            throw new ParameterException(
                    context.commandLine(), "--out " + out + " already exists; add --overwrite to replace it");
        }
        OutputDirectory.requireDirectory(context.commandLine(), "--out", out);
        OutputDirectory.requireReplaceable(
                context.commandLine(), "--out", out, ModelDirectory::isModel, "a deepae model or SavedModel");
        if (model.isPca()) {
            throw new ParameterException(
                    context.commandLine(),
                    "--model " + model.model + " is a PCA; export takes a model trained by 'deepae train'");
        }
        ModelDirectory.exportSavedModel(model.model, out);
        PrintWriter stdout = context.commandLine().getOut();
        stdout.println("Exported " + model.model + " as a SavedModel: " + out);
        stdout.println("  signatures: encode (x -> code), decode (code -> x_hat), reconstruct (x -> x_hat)"
                + (model.info().spec().variational() ? ", sample (count, seed -> x_hat)" : "") + "; tag: serve");
        if (model.info().preprocessing() != null) {
            stdout.println(
                    "  x: " + model.info().preprocessing().width() + " values, numeric columns in raw units (scaled "
                            + "in the graph), categorical ones one-hot; layout: "
                            + out.resolve("assets.extra/deepae-inputs.json"));
        }
        stdout.flush();
        return 0;
    }
}
