package org.deepae.data;

import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.util.Locale;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads rows from any supported input, the one entry point for commands that take {@code --input}.
 *
 * <ul>
 *   <li>A catalogue name ({@link DatasetCatalog#names()}) or a directory holding the four standard IDX files: the
 *       dataset's chosen {@link Split}, with labels.
 *   <li>Another directory: its {@code *.png} images ({@link PngReader}).
 *   <li>A file, recognised by its content first and its extension second: NumPy {@code .npy} ({@link NpyReader}), IDX
 *       images plain or gzip ({@link IdxReader}), a single PNG image, or CSV text ({@link CsvReader}).
 * </ul>
 *
 * <p>Whatever the format, the result has at least one row, only finite values, and {@code expectedWidth} values per
 * row when that is set. Unsigned-byte data (IDX, PNG, NPY {@code uint8}) is scaled to [0, 1] as in training; float
 * data is taken as it is. Rows of the expected image size's width that have no image size of their own are given it.
 */
public final class InputReader {
    private static final Logger LOG = LoggerFactory.getLogger(InputReader.class);

    private InputReader() {}

    /**
     * Reads {@code input}, a catalogue name, a directory or a file.
     *
     * @throws NoSuchFileException if {@code input} is neither a catalogue name nor an existing path
     * @throws DataFormatException if the content is malformed, empty, not finite or of the wrong width
     */
    public static Rows read(String input, InputOptions options) throws IOException {
        Objects.requireNonNull(options, "options");
        if (input == null || input.isBlank()) {
            throw new IllegalArgumentException(
                    "input must be a dataset name, a directory or a file, got '" + input + "'");
        }
        Rows rows = check(readUnchecked(input, options), options);
        LOG.debug("read {} rows of {} values from {}", rows.count(), rows.width(), rows.source());
        return rows;
    }

    private static Rows readUnchecked(String input, InputOptions options) throws IOException {
        ImageShape expected = options.expectsImageSize()
                ? ImageShape.gray(options.expectedHeight(), options.expectedImageWidth())
                : null;
        DataSource source = DataSource.open(input, expected);
        if (source instanceof DataSource.Catalog catalog) {
            return fromCatalog(catalog.name(), options);
        }
        if (source instanceof DataSource.Arrays arrays) {
            return arrays.rows();
        }
        DataSource.TableFile table = (DataSource.TableFile) source;
        if (table.format() == DataSource.TableFormat.CSV) {
            return RowFormat.CSV.read(table.file(), options);
        }
        throw new DataFormatException(
                table.file(),
                "a Parquet table is read through the preprocessing of a model trained on a table; "
                        + "this model takes rows of numbers (" + RowFormats.readable() + ")");
    }

    private static Rows fromCatalog(String name, InputOptions options) throws IOException {
        DatasetCatalog catalog = options.catalog() == null ? new DatasetCatalog() : options.catalog();
        Dataset dataset = catalog.load(name);
        String source = dataset.info().name() + " (" + options.split().name().toLowerCase(Locale.ROOT) + " split)";
        return options.split().of(dataset).withSource(source);
    }

    /** Checks what every input must satisfy, and gives plain rows the expected image size. */
    static Rows check(Rows rows, InputOptions options) throws DataFormatException {
        if (rows.count() == 0) {
            throw new DataFormatException(rows.source(), "no rows: expected at least one");
        }
        requireFinite(rows);
        if (options.expectsImageSize()
                && rows.isImages()
                && (rows.imageHeight() != options.expectedHeight()
                        || rows.imageWidth() != options.expectedImageWidth())) {
            throw new DataFormatException(
                    rows.source(),
                    "images are " + rows.imageHeight() + "x" + rows.imageWidth() + " but the model takes "
                            + options.expectedHeight() + "x" + options.expectedImageWidth());
        }
        if (options.expectedWidth() > 0 && rows.width() != options.expectedWidth()) {
            throw new DataFormatException(
                    rows.source(),
                    "rows have " + rows.width() + " values but the model takes " + options.expectedWidth());
        }
        if (options.expectsImageSize()) {
            if (!rows.isImages() && rows.width() == options.expectedHeight() * options.expectedImageWidth()) {
                return new Rows(
                        rows.values(),
                        rows.count(),
                        rows.width(),
                        rows.labels(),
                        options.expectedHeight(),
                        options.expectedImageWidth(),
                        rows.source());
            }
        }
        return rows;
    }

    /** Rejects NaN and infinite values, naming the 0-based row and column. */
    static void requireFinite(Rows rows) throws DataFormatException {
        float[] values = rows.values();
        for (int i = 0; i < values.length; i++) {
            if (!Float.isFinite(values[i])) {
                throw new DataFormatException(
                        rows.source(),
                        "row " + (i / rows.width()) + ", column " + (i % rows.width()) + " (both counted from 0) is "
                                + values[i] + "; expected finite values");
            }
        }
    }
}
