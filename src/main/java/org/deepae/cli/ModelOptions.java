package org.deepae.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.deepae.store.ModelDirectory;
import org.deepae.store.ModelInfo;
import org.deepae.tf.TfAutoencoder;
import picocli.CommandLine;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** The {@code --model} and {@code --threads} options shared by the commands that use a trained model. */
final class ModelOptions {

  @Option(names = "--model", required = true, paramLabel = "DIR",
      description = "A model directory (a run's model/) or a SavedModel written by 'deepae export'.")
  Path model;

  @Mixin
  ThreadsOption threadsOption;

  /** Checks the options before any work: the model must be an existing directory. */
  void validate(CommandLine cl) {
    if (!Files.isDirectory(model)) {
      throw new ParameterException(cl, "--model " + model + ": no such directory");
    }
  }

  /** TensorFlow's thread count; 0 means all cores. */
  int threads() {
    return threadsOption.get();
  }

  /** The model's metadata. */
  ModelInfo info() throws IOException {
    return ModelDirectory.readInfo(model);
  }

  /** The model, loaded for inference; the caller closes it. */
  TfAutoencoder load() throws IOException {
    return ModelDirectory.load(model, threads());
  }
}
