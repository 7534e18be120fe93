package org.deepae.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.deepae.data.DatasetCatalog;
import org.deepae.data.InputOptions;
import org.deepae.data.InputReader;
import org.deepae.data.Rows;
import org.deepae.data.Split;
import picocli.CommandLine;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** The {@code --input} option and its companions, shared by the commands that read rows. */
final class InputOptionsMixin {

  @Option(names = "--input", required = true, paramLabel = "X",
      description = "A dataset name or directory, an IDX image file, a CSV or NPY file, or a directory of PNG images.")
  String input;

  @Option(names = "--split", paramLabel = "train|test", defaultValue = "test",
      description = "Which half of a dataset to read (default: ${DEFAULT-VALUE}).")
  Split split;

  @Option(names = "--label-column", paramLabel = "NAME|INDEX",
      description = "The CSV column holding labels (default: a column named 'label', if any).")
  String labelColumn;

  @Option(names = "--data-dir", paramLabel = "DIR",
      description = "Cache for downloaded datasets (default: $DEEPAE_HOME or ~/.cache/deepae).")
  Path dataDir;

  /** Checks the options before any work: the input must be a dataset name or an existing file or directory. */
  void validate(CommandLine cl) {
    if (!DatasetCatalog.isKnown(input) && !Files.exists(Path.of(input))) {
      throw new ParameterException(cl, "--input " + input + ": no such file or directory, nor a dataset name ("
          + String.join(", ", DatasetCatalog.names()) + ")");
    }
  }

  /** Reads the rows, checking that each has {@code width} values (and is an image of the given size, if known). */
  Rows read(int width, int imageHeight, int imageWidth) throws IOException {
    InputOptions options = InputOptions.defaults().withSplit(split).withLabelColumn(labelColumn)
        .withCatalog(DatasetChoice.catalog(dataDir, List.of()));
    options = imageHeight > 0 ? options.withExpectedImageSize(imageHeight, imageWidth)
        : options.withExpectedWidth(width);
    return InputReader.read(input, options);
  }
}
