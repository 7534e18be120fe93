package org.deepae.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.deepae.analysis.PcaCache;
import org.deepae.data.Dataset;
import org.deepae.data.DatasetCatalog;
import org.deepae.store.ModelInfo;
import picocli.CommandLine;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** The {@code --dataset} and {@code --data-dir} options of the analysis commands. */
final class DatasetOptions {

  @Option(names = "--dataset", paramLabel = "NAME|DIR",
      description = "mnist, mnist-sample, fashion-mnist or an IDX directory (default: the model's training data).")
  String dataset;

  @Option(names = "--data-dir", paramLabel = "DIR",
      description = "Cache for downloaded datasets (default: $DEEPAE_HOME or ~/.cache/deepae).")
  Path dataDir;

  /** Where PCAs of datasets are kept (see {@link DatasetChoice#pcaCache}). */
  PcaCache pcaCache() {
    return DatasetChoice.pcaCache(dataDir);
  }

  /**
   * Loads the dataset (by default the one the model was trained on), checking that its images fit the model.
   *
   * @throws IOException when the data cannot be read or does not fit the model
   */
  Dataset load(CommandLine cl, ModelOptions model) throws IOException {
    ModelInfo info = model.info();
    if (dataset == null && info.training().containsKey("data_kind")) {
      throw new ParameterException(cl, "the model " + model.model + " was trained on your own data ("
          + info.dataset().source() + "); its run directory's report.html holds this comparison, and anomalies, "
          + "encode and reconstruct take the data with --input");
    }
    String name = dataset != null ? dataset : info.dataset() == null ? null : info.dataset().name();
    if (name == null) {
      throw new ParameterException(cl, "the model does not say what it was trained on; name a dataset with --dataset");
    }
    if (dataset == null && !DatasetCatalog.names().contains(name) && !info.dataset().source().isEmpty()) {
      name = info.dataset().source(); // an IDX directory is recorded by its name and, in full, as the source
    }
    Dataset data = DatasetChoice.parse(cl, name, dataDir, List.of()).load(cl.getErr());
    if (data.features() != info.spec().inputSize()) {
      throw new IOException(data.info().source() + ": images have " + data.features() + " values but the model "
          + model.model + " takes " + info.spec().inputSize());
    }
    return data;
  }
}
