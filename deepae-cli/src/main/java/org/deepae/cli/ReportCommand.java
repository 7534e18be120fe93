package org.deepae.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.deepae.data.Dataset;
import org.deepae.model.Autoencoder;
import org.deepae.run.RunReport;
import org.deepae.train.EpochStats;
import org.deepae.train.MetricsFile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code deepae report}: the single-file HTML report for any model. */
@Command(
        name = "report",
        description =
                "Write a self-contained HTML report of a model: configuration, data, loss curve, reconstructions, "
                        + "PCA comparison and latent map.")
final class ReportCommand extends ModelDatasetCommand {

    @Mixin
    OutputFileOption out;

    @Override
    int run() throws IOException {
        Path target = out.check("html");
        Dataset data = dataset.load(model);
        History history = history(model.model);
        if (history.problem() != null) {
            PrintWriter stderr = context.commandLine().getErr();
            stderr.println("deepae report: warning: the training history could not be read, so the report has no loss "
                    + "curve: " + history.problem());
            stderr.flush();
        }
        try (Autoencoder autoencoder = model.load()) {
            RunReport.write(
                    target,
                    autoencoder,
                    model.info(),
                    data,
                    history.epochs(),
                    history.problem(),
                    model.threads(),
                    dataset.pcaCache());
        }
        return context.done("Wrote the report: " + target);
    }

    /**
     * A run's training history: its epochs, and why the {@code metrics.json} that was found could not be read.
     *
     * @param epochs the epochs, empty when unknown
     * @param problem the file and the reason it could not be read, or {@code null}
     */
    record History(List<EpochStats> epochs, String problem) {}

    /** The epochs recorded in the {@code metrics.json} of the run that holds the model, if there is one. */
    static History history(Path modelDir) {
        Path parent = modelDir.toAbsolutePath().getParent();
        if (parent == null) {
            return new History(new ArrayList<>(), null);
        }
        try {
            return new History(MetricsFile.readEpochs(parent.resolve("metrics.json")), null);
        } catch (IOException e) {
            return new History(new ArrayList<>(), e.getMessage());
        }
    }
}
