package org.deepae.data;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * A file format of rows, the one list of what deepae reads and writes: each format's file name endings, whether it is
 * read as rows and whether rows can be written in it, and its reader and writer. {@link RowFormats} finds a format by
 * a file's name or by a format's name.
 */
public enum RowFormat {
    /** Comma-, semicolon- or tab-separated text ({@link CsvReader}, {@link CsvWriter}). */
    CSV("CSV text", true, true, "csv", "tsv", "txt") {
        @Override
        Rows readRows(Path file, InputOptions options) throws IOException {
            return CsvReader.read(file, options.labelColumn());
        }

        @Override
        void writeRows(Path file, Rows rows, String columnPrefix) throws IOException {
            CsvWriter.write(file, rows, columnPrefix);
        }
    },
    /** A NumPy array ({@link NpyReader}, {@link NpyWriter}: float32). */
    NPY("NumPy .npy", true, true, "npy") {
        @Override
        Rows readRows(Path file, InputOptions options) throws IOException {
            return NpyReader.read(file);
        }

        @Override
        void writeRows(Path file, Rows rows, String columnPrefix) throws IOException {
            NpyWriter.write(file, rows);
        }
    },
    /** Unsigned-byte IDX images, plain or gzip ({@link IdxReader}). */
    IDX("IDX images", true, false, "idx", "ubyte", "idx3-ubyte", "gz") {
        @Override
        Rows readRows(Path file, InputOptions options) throws IOException {
            return Rows.of(IdxReader.readImageBytes(file).toImageSet(null), file.toString());
        }
    },
    /** A PNG image ({@link PngReader}); figures of rows are drawn by the viz layer, not written here. */
    PNG("PNG", true, false, "png") {
        @Override
        Rows readRows(Path file, InputOptions options) throws IOException {
            return options.expectsImageSize()
                    ? PngReader.readFile(file, options.expectedHeight(), options.expectedImageWidth())
                    : PngReader.readFile(file, 0, 0);
        }
    },
    /** An Apache Parquet table, read through the preprocessing of a model trained on a table, not as rows. */
    PARQUET("Parquet", false, false, "parquet");

    private final String title;
    private final boolean readable;
    private final boolean writable;

    @SuppressWarnings("ImmutableEnumChecker") // List.of(...) below: unmodifiable
    private final List<String> suffixes;

    RowFormat(String title, boolean readable, boolean writable, String... suffixes) {
        this.title = title;
        this.readable = readable;
        this.writable = writable;
        this.suffixes = List.of(suffixes);
    }

    /** What the format is called in messages: {@code CSV text}, {@code NumPy .npy}. */
    public String title() {
        return title;
    }

    /** The format's short name, as {@link RowFormats#forName} takes it: {@code csv}, {@code npy}. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The file name endings (without the dot, lower case) the format is recognised by; the first is its own. */
    public List<String> suffixes() {
        return suffixes;
    }

    /** The ending a file written in this format has: {@code csv}, {@code npy}. */
    public String suffix() {
        return suffixes.get(0);
    }

    /** Whether {@link #read} reads a file of this format as rows. */
    public boolean isReadable() {
        return readable;
    }

    /** Whether {@link #write} writes rows in this format. */
    public boolean isWritable() {
        return writable;
    }

    /**
     * Reads {@code file} as rows of this format, unchecked (see {@link InputReader} for the checks every input has).
     *
     * @throws UnsupportedOperationException if the format is not read as rows
     */
    public Rows read(Path file, InputOptions options) throws IOException {
        if (!readable) {
            throw new UnsupportedOperationException(title + " is not read as rows");
        }
        return readRows(file, options);
    }

    /**
     * Writes {@code rows} to {@code file} atomically, CSV columns named {@code columnPrefix + index}.
     *
     * @throws UnsupportedOperationException if rows are not written in this format
     */
    public void write(Path file, Rows rows, String columnPrefix) throws IOException {
        if (!writable) {
            throw new UnsupportedOperationException("rows are not written as " + title);
        }
        writeRows(file, rows, columnPrefix);
    }

    Rows readRows(Path file, InputOptions options) throws IOException {
        throw new UnsupportedOperationException(title + " is not read as rows");
    }

    void writeRows(Path file, Rows rows, String columnPrefix) throws IOException {
        throw new UnsupportedOperationException("rows are not written as " + title);
    }
}
