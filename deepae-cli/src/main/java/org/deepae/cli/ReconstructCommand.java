package org.deepae.cli;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.deepae.data.Column;
import org.deepae.data.CsvWriter;
import org.deepae.data.Preprocessing;
import org.deepae.data.RowFormat;
import org.deepae.data.Rows;
import org.deepae.data.Table;
import org.deepae.model.Autoencoder;
import org.deepae.run.InputChunks;
import org.deepae.run.ModelInput;
import org.deepae.store.ModelInfo;
import org.deepae.viz.ImageGrid;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code deepae reconstruct}: the tutorial's figure, originals above reconstructions, for any rows. */
@Command(
        name = "reconstruct",
        description = {
            "Draw input images above their reconstructions (the tutorial's figure), ten per row (--out "
                    + "FILE.png), or write every row's reconstruction as a table (--out FILE.csv): for a model "
                    + "trained on a "
                    + "table, in the original units and column names, categorical columns as their most likely level."
        })
final class ReconstructCommand extends ModelInputCommand {

    /** Images per row of the figure. */
    private static final int COLUMNS = 10;

    @Option(
            names = "--count",
            paramLabel = "N",
            defaultValue = "10",
            description = "How many rows, from the first (default: ${DEFAULT-VALUE}).")
    int count;

    @Option(
            names = "--indices",
            split = ",",
            paramLabel = "I",
            description = "Which rows (0-based), instead of the first --count.")
    List<Integer> indices = new ArrayList<>();

    @Mixin
    OutputFileOption out;

    @Mixin
    ScaleOption scale;

    @Override
    int run() throws IOException {
        OutputFile target = out.check(RowFormat.PNG, RowFormat.CSV);
        if (target.is(RowFormat.CSV)) {
            return writeTable(target);
        }
        if (count <= 0) {
            throw context.badOption("--count must be positive, got " + count);
        }
        if (indices.stream().anyMatch(i -> i == null || i < 0)) {
            throw context.badOption("--indices must be 0 or more, got " + indices);
        }
        ModelInfo info = model.info();
        Rows all = input.read(info.spec().inputSize(), info.imageHeight(), info.imageWidth());
        int height = info.hasImageSize() ? info.imageHeight() : all.imageHeight();
        int width = info.hasImageSize() ? info.imageWidth() : all.imageWidth();
        if (height == 0) {
            throw context.badOption("neither the model nor " + input.input
                    + " says what image size the rows have, so they cannot be drawn");
        }
        Rows shown = indices.isEmpty()
                ? all.head(count)
                : all.select(indices.stream().mapToInt(i -> i).toArray());
        ImageGrid grid = new ImageGrid(height, width, scale.get());
        try {
            grid.requireDrawablePairs(shown.count(), COLUMNS);
        } catch (IllegalArgumentException e) {
            throw context.badOption("--scale " + scale.get() + ", --count: " + e.getMessage());
        }
        float[] reconstructed;
        try (Autoencoder autoencoder = model.load()) {
            reconstructed = autoencoder.reconstruct(shown.values(), shown.count());
        }
        grid.write(target.path(), grid.pairs(shown.values(), reconstructed, shown.count(), COLUMNS));
        return context.done("Drew " + shown.count() + " rows of " + all.source() + " above their reconstructions: "
                + target.path());
    }

    /**
     * Every row's reconstruction as CSV, in the model's original columns when it has a preprocessing: read,
     * reconstructed and written a chunk at a time.
     */
    private int writeTable(OutputFile target) throws IOException {
        ModelInfo info = model.info();
        Preprocessing preprocessing = info.preprocessing();
        long rows;
        long nanos;
        String source;
        try (InputChunks chunks = input.openFor(info, null);
                Autoencoder autoencoder = model.load()) {
            long start = System.nanoTime();
            CsvWriter.write(target.path(), csv -> {
                ModelInput.Chunk chunk;
                while ((chunk = chunks.next()) != null) {
                    Rows read = chunk.rows();
                    Table table =
                            decoded(preprocessing, info, read, autoencoder.reconstruct(read.values(), read.count()));
                    if (!csv.hasHeader()) {
                        List<String> header = new ArrayList<>(List.of(read.hasIds() ? "id" : "index"));
                        header.addAll(table.names());
                        csv.header(header);
                    }
                    csv.table(table, chunk::id);
                }
            });
            nanos = System.nanoTime() - start;
            rows = chunks.rowsRead();
            source = chunks.source();
        }
        return context.done("Reconstructed " + rows + " rows of " + source + ": " + target.path() + " ("
                + InputOptionsMixin.throughput(rows, nanos) + ")");
    }

    /** A chunk's reconstructions in the original units and columns, or as {@code x1, x2, ...} without a table. */
    private static Table decoded(Preprocessing preprocessing, ModelInfo info, Rows rows, float[] reconstructed) {
        if (preprocessing != null && !preprocessing.isIdentity() && !info.hasImageSize()) {
            return preprocessing.decode(reconstructed, rows.count(), rows.source());
        }
        float[] values = preprocessing == null || preprocessing.isIdentity()
                ? reconstructed
                : preprocessing.decodeNumeric(reconstructed, rows.count());
        List<Column> columns = new ArrayList<>();
        for (int j = 0; j < rows.width(); j++) {
            double[] column = new double[rows.count()];
            for (int i = 0; i < rows.count(); i++) {
                column[i] = values[i * rows.width() + j];
            }
            columns.add(new Column.Numeric("x" + (j + 1), column));
        }
        return new Table(rows.source(), columns, rows.count());
    }
}
