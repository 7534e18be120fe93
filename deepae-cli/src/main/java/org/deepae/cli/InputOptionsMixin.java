package org.deepae.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.deepae.data.DatasetCatalog;
import org.deepae.data.InputOptions;
import org.deepae.data.InputReader;
import org.deepae.data.Rows;
import org.deepae.data.Split;
import org.deepae.run.InputChunks;
import org.deepae.run.ModelInput;
import org.deepae.store.ModelInfo;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** The {@code --input} option and its companions, shared by the commands that read rows. */
final class InputOptionsMixin {

    @Spec(Spec.Target.MIXEE)
    CommandSpec command;

    @Option(
            names = "--input",
            required = true,
            paramLabel = "X",
            description =
                    "A dataset name or directory, an IDX image file, a CSV or NPY file, or a directory of PNG images.")
    String input;

    @Option(
            names = "--split",
            paramLabel = "train|test",
            defaultValue = "test",
            description = "Which half of a dataset to read (default: ${DEFAULT-VALUE}).")
    Split split;

    @Option(
            names = "--label-column",
            paramLabel = "NAME|INDEX",
            description = "The table column holding labels (default: the model's label column, or for a model of plain "
                    + "rows a column named 'label', if any).")
    String labelColumn;

    @Option(
            names = "--id-column",
            paramLabel = "NAME|INDEX",
            description = "A table's id column, carried into per-row outputs (default: the model's id column, if the "
                    + "table has it).")
    String idColumn;

    @Mixin
    DataDirOption dataDir = new DataDirOption();

    @Option(
            names = "--chunk-rows",
            hidden = true,
            paramLabel = "N",
            defaultValue = "" + ModelInput.CHUNK_ROWS,
            description = "Rows read, scored and written at a time (default: ${DEFAULT-VALUE}).")
    int chunkRows;

    /**
     * Checks the options before any work, the model's first: the input must be a dataset name or an existing file or
     * directory.
     */
    void validate(ModelOptions model) {
        model.validate();
        var cl = command.commandLine();
        if (!DatasetCatalog.isKnown(input) && !Files.exists(Path.of(input))) {
            throw new ParameterException(
                    cl,
                    "--input " + input + ": no such file or directory, nor a dataset name ("
                            + String.join(", ", DatasetCatalog.names()) + ")");
        }
        if (chunkRows <= 0) {
            throw new ParameterException(cl, "--chunk-rows must be positive, got " + chunkRows);
        }
    }

    /**
     * Opens the input for the model {@code info} describes, to be read in chunks preprocessed as its training rows
     * were.
     *
     * @param truthColumn a table column of ground truth to keep, or {@code null}
     */
    InputChunks openFor(ModelInfo info, String truthColumn) throws IOException {
        try {
            return ModelInput.open(
                    new ModelInput.Request(
                            input,
                            split,
                            labelColumn,
                            idColumn,
                            truthColumn,
                            null,
                            DatasetChoice.catalog(dataDir.get(), List.of())),
                    info,
                    chunkRows);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(command.commandLine(), e.getMessage());
        }
    }

    /**
     * Reads the rows for {@code info}'s model: each must have its input width, and be a grayscale image of its size
     * when it was trained on grayscale images (colour rows are checked by their width, as {@code ModelInput} does).
     */
    Rows read(ModelInfo info) throws IOException {
        boolean gray = info.hasImageSize() && info.imageChannels() == 1;
        return read(info.spec().inputSize(), gray ? info.imageHeight() : 0, gray ? info.imageWidth() : 0);
    }

    /** Reads the rows, checking that each has {@code width} values (and is an image of the given size, if known). */
    Rows read(int width, int imageHeight, int imageWidth) throws IOException {
        InputOptions options = InputOptions.defaults()
                .withSplit(split)
                .withLabelColumn(labelColumn)
                .withCatalog(DatasetChoice.catalog(dataDir.get(), List.of()));
        options = imageHeight > 0
                ? options.withExpectedImageSize(imageHeight, imageWidth)
                : options.withExpectedWidth(width);
        return InputReader.read(input, options);
    }

    /** A read-and-score loop's throughput for a summary line: {@code 412,000 rows/s, 4.85 s}. */
    static String throughput(long rows, long nanos) {
        double seconds = Math.max(nanos, 1) / 1e9;
        return String.format(Locale.ROOT, "%,.0f rows/s, %.2f s", rows / seconds, seconds);
    }
}
