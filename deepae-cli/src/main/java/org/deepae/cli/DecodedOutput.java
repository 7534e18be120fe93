package org.deepae.cli;

import java.io.IOException;
import java.nio.file.Path;
import org.deepae.data.CsvWriter;
import org.deepae.data.Preprocessing;
import org.deepae.data.RowFormat;
import org.deepae.data.Rows;
import org.deepae.store.ModelInfo;
import org.deepae.viz.ImageGrid;

/**
 * Where {@code decode}, {@code sample} and {@code interpolate} write what a model's decoder made: a PNG gallery of
 * images, an NPY array, or a CSV (for a model trained on a table, its columns in their original units, categorical
 * columns as their most likely level). Checked before any work, so a bad {@code --out} or {@code --scale} costs
 * nothing.
 */
final class DecodedOutput {

    /** The formats written. */
    static final RowFormat[] FORMATS = {RowFormat.PNG, RowFormat.NPY, RowFormat.CSV};

    private final OutputFile target;
    private final ModelInfo info;
    private final ImageGrid grid;
    private final int columns;

    private DecodedOutput(OutputFile target, ModelInfo info, ImageGrid grid, int columns) {
        this.target = target;
        this.info = info;
        this.grid = grid;
        this.columns = columns;
    }

    /**
     * The output for {@code count} decoded rows, {@code columns} images a row in a figure.
     *
     * @throws picocli.CommandLine.ParameterException when the file's format or the figure's size does not fit
     */
    static DecodedOutput check(
            CommandContext context, OutputFileOption out, ScaleOption scale, ModelInfo info, int count, int columns) {
        OutputFile target = out.check(FORMATS);
        boolean figure = target.is(RowFormat.PNG);
        if (figure && !info.hasImageSize()) {
            throw context.badOption("--out " + target.path()
                    + ": this model's rows are not images of a known size; write .npy or .csv");
        }
        ImageGrid grid = figure ? new ImageGrid(info.imageHeight(), info.imageWidth(), scale.get()) : null;
        if (grid != null) {
            try {
                grid.requireDrawableGallery(count, columns);
            } catch (IllegalArgumentException e) {
                throw context.badOption("--scale " + scale.get() + ": " + e.getMessage() + ", or write .npy or .csv");
            }
        }
        return new DecodedOutput(target, info, grid, columns);
    }

    /** The file written. */
    Path path() {
        return target.path();
    }

    /** Writes {@code count} decoded rows (the network's values), labelled by {@code labels} or not ({@code null}). */
    void write(float[] decoded, int count, int[] labels, String source) throws IOException {
        Preprocessing preprocessing = info.preprocessing();
        boolean table = preprocessing != null && !preprocessing.isIdentity() && !info.hasImageSize();
        if (table && target.is(RowFormat.CSV)) {
            CsvWriter.write(target.path(), preprocessing.decode(decoded, count, source));
        } else if (table) {
            target.format().write(target.path(), rows(decoded, count, labels, source), "x_"); // the network's values
        } else if (grid != null) {
            grid.write(target.path(), grid.gallery(inOriginalUnits(decoded, count), count, columns));
        } else {
            target.format().write(target.path(), rows(inOriginalUnits(decoded, count), count, labels, source), "x_");
        }
    }

    /** The decoded rows in the original units of a model with a numeric preprocessing. */
    private float[] inOriginalUnits(float[] decoded, int count) {
        Preprocessing preprocessing = info.preprocessing();
        return preprocessing != null && !preprocessing.isIdentity()
                ? preprocessing.decodeNumeric(decoded, count)
                : decoded;
    }

    private Rows rows(float[] decoded, int count, int[] labels, String source) {
        return new Rows(decoded, count, info.spec().inputSize(), labels, null, info.shape(), source);
    }
}
