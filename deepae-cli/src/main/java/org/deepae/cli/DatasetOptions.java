package org.deepae.cli;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.deepae.analysis.PcaCache;
import org.deepae.data.Dataset;
import org.deepae.data.DatasetCatalog;
import org.deepae.data.TrainingData;
import org.deepae.store.ModelInfo;
import picocli.CommandLine;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** The {@code --dataset} and {@code --data-dir} options of the analysis commands. */
final class DatasetOptions {

    @Option(
            names = "--dataset",
            paramLabel = "NAME|DIR",
            description =
                    "mnist, mnist-sample, fashion-mnist or an IDX directory (default: the model's training data).")
    String dataset;

    @Mixin
    DataDirOption dataDir = new DataDirOption();

    /** The key in {@code model.json}'s training settings of the request that read a model's own training data. */
    static final String DATA_REQUEST = "data_request";

    /** The training and test rows of a model trained on your own data, read again as training read them. */
    private Dataset ownData(CommandLine cl, ModelOptions model, Map<?, ?> recorded) throws IOException {
        TrainingData.Request request;
        try {
            request = TrainingData.Request.fromMap(recorded);
        } catch (IllegalArgumentException e) {
            throw new IOException(model.model + ": model.json: training.data_request: " + e.getMessage(), e);
        }
        TrainingData.Loaded loaded = new DatasetChoice(request.dataset(), dataDir.get(), List.of()).load(cl, request);
        if (loaded.dataset().features() != model.info().spec().inputSize()) {
            throw new IOException(
                    request.dataset() + ": reads as rows of " + loaded.dataset().features()
                            + " values but the model " + model.model + " takes "
                            + model.info().spec().inputSize()
                            + "; has the file changed since training?");
        }
        return loaded.dataset();
    }

    /** Where PCAs of datasets are kept (see {@link DatasetChoice#pcaCache}). */
    PcaCache pcaCache() {
        return DatasetChoice.pcaCache(dataDir.get());
    }

    /**
     * Checks the model's options, then loads the dataset for the command that mixes {@code model} in, as
     * {@link #load(CommandLine, ModelOptions)} does.
     */
    Dataset load(ModelOptions model) throws IOException {
        model.validate();
        return load(model.command.commandLine(), model);
    }

    /**
     * Loads the dataset (by default the one the model was trained on), checking that its images fit the model.
     *
     * @throws IOException when the data cannot be read or does not fit the model
     */
    Dataset load(CommandLine cl, ModelOptions model) throws IOException {
        ModelInfo info = model.info();
        if (dataset == null && info.training().get(DATA_REQUEST) instanceof Map<?, ?> recorded) {
            return ownData(cl, model, recorded);
        }
        if (dataset == null && info.training().containsKey("data_kind")) {
            throw new ParameterException(
                    cl,
                    "the model " + model.model + " was trained on your own data ("
                            + info.dataset().source()
                            + ") but does not record how it was read; name the data with --dataset");
        }
        String name = dataset != null
                ? dataset
                : info.dataset() == null ? null : info.dataset().name();
        if (name == null) {
            throw new ParameterException(
                    cl, "the model does not say what it was trained on; name a dataset with --dataset");
        }
        if (dataset == null
                && !DatasetCatalog.names().contains(name)
                && !info.dataset().source().isEmpty()) {
            name = info.dataset().source(); // an IDX directory is recorded by its name and, in full, as the source
        }
        Dataset data = DatasetChoice.parse(cl, name, dataDir.get(), List.of()).load(cl.getErr());
        if (data.features() != info.spec().inputSize()) {
            throw new IOException(data.info().source() + ": images have " + data.features() + " values but the model "
                    + model.model + " takes " + info.spec().inputSize());
        }
        return data;
    }
}
