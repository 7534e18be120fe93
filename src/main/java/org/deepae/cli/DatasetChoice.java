package org.deepae.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import org.deepae.data.Dataset;
import org.deepae.data.DatasetCatalog;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;

/**
 * The {@code --dataset} and {@code --data-dir} options, checked before any work: a catalogue name or an existing
 * directory.
 */
record DatasetChoice(String requested, Path dataDir) {

  /** Checks {@code name}; an unknown one is a bad option (exit code 2). */
  static DatasetChoice parse(CommandLine cl, String name, Path dataDir) {
    if (!DatasetCatalog.isKnown(name)) {
      throw new ParameterException(cl, "unknown dataset '" + name + "': expected one of "
          + String.join(", ", DatasetCatalog.names()) + ", or a directory holding the four IDX files");
    }
    if (dataDir != null && java.nio.file.Files.exists(dataDir) && !java.nio.file.Files.isDirectory(dataDir)) {
      throw new ParameterException(cl, "--data-dir " + dataDir + " is a file, not a directory");
    }
    return new DatasetChoice(name, dataDir);
  }

  /** Loads the dataset, printing on {@code err} any warning about how it was obtained (such as a fallback). */
  Dataset load(PrintWriter err) throws IOException {
    DatasetCatalog catalog = dataDir == null ? new DatasetCatalog() : new DatasetCatalog(dataDir);
    Dataset data = catalog.load(requested);
    if (data.info().note() != null) {
      err.println("warning: " + data.info().note());
      err.flush();
    }
    return data;
  }
}
