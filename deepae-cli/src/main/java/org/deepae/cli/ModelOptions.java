package org.deepae.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.deepae.analysis.PcaAutoencoder;
import org.deepae.model.Autoencoder;
import org.deepae.store.ModelDirectory;
import org.deepae.store.ModelInfo;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** The {@code --model} and {@code --threads} options shared by the commands that use a trained model. */
final class ModelOptions {

    @Spec(Spec.Target.MIXEE)
    CommandSpec command;

    @Option(
            names = "--model",
            required = true,
            paramLabel = "DIR",
            description = "A model directory (a run's model/), a SavedModel written by 'deepae export', or a PCA saved "
                    + "by 'deepae pca --save'.")
    Path model;

    @Mixin
    ThreadsOption threadsOption;

    /** Checks the options before any work: the model must be an existing directory. */
    void validate() {
        var cl = command.commandLine();
        if (Files.exists(model) && !Files.isDirectory(model)) {
            throw new ParameterException(
                    cl,
                    "--model " + model + " is a file; expected a model directory (a run's "
                            + "model/, a SavedModel or a saved PCA)");
        }
        if (!Files.isDirectory(model)) {
            throw new ParameterException(cl, "--model " + model + ": no such directory");
        }
    }

    /** TensorFlow's thread count; 0 means all cores. */
    int threads() {
        return threadsOption.get();
    }

    /** Whether the model is a PCA saved by {@code deepae pca --save}. */
    boolean isPca() {
        return PcaAutoencoder.isPca(model);
    }

    /** The model's metadata, read once per command. */
    ModelInfo info() throws IOException {
        if (info == null) {
            info = isPca() ? PcaAutoencoder.load(model, threads()).info() : ModelDirectory.readInfo(model);
        }
        return info;
    }

    private ModelInfo info;

    /**
     * The model, loaded for inference: a model directory, a deepae SavedModel, or a saved PCA; the caller closes it.
     */
    Autoencoder load() throws IOException {
        return isPca() ? PcaAutoencoder.load(model, threads()) : ModelDirectory.load(model, threads());
    }
}
