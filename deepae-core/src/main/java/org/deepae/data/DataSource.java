package org.deepae.data;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Where rows come from: whatever {@code train --dataset}, {@code --test} and every {@code --input} name, recognised
 * once, by one set of rules, so that anything one command reads the others read too.
 *
 * <ul>
 *   <li>{@link Catalog}: a catalogue name ({@link DatasetCatalog#names()}) or a directory holding the four standard
 *       IDX files; it has its own training and test split.
 *   <li>{@link Arrays}: images or arrays, read at once: a folder of PNG images (with one subfolder per class, or
 *       not), one PNG image, a NumPy {@code .npy} array, an IDX image file.
 *   <li>{@link TableFile}: a CSV or TSV text file, or a Parquet file, read when asked (whole or in chunks).
 * </ul>
 *
 * <p>A file is recognised by its content first (NPY, PNG, gzip/IDX and Parquet magic numbers) and its extension
 * second; text is a CSV/TSV table.
 */
public sealed interface DataSource permits DataSource.Catalog, DataSource.Arrays, DataSource.TableFile {

    /** The formats of a {@link TableFile}. */
    enum TableFormat {
        /** Comma-, semicolon- or tab-separated text. */
        CSV,
        /** Apache Parquet. */
        PARQUET
    }

    /** What the source is called in messages and summaries. */
    String name();

    /**
     * A catalogue dataset or IDX directory, not yet loaded.
     *
     * @param name the catalogue name or the directory
     */
    record Catalog(String name) implements DataSource {}

    /**
     * Images or arrays read into memory.
     *
     * @param rows the rows, with their image shape, labels and ids when the source gives them
     * @param classes the name of each label (the class folders' names), empty when unlabelled
     * @param pixels whether the values are pixels already scaled to [0, 1] (PNG, IDX, images in NPY), which are not
     *     scaled again by default
     */
    record Arrays(Rows rows, List<String> classes, boolean pixels) implements DataSource {
        public Arrays {
            Objects.requireNonNull(rows, "rows");
            classes = List.copyOf(classes);
        }

        @Override
        public String name() {
            return rows.source();
        }
    }

    /**
     * A table in a file, not yet read.
     *
     * @param file the file
     * @param format its format
     */
    record TableFile(Path file, TableFormat format) implements DataSource {
        @Override
        public String name() {
            return file.toString();
        }
    }

    /**
     * Recognises {@code input}; images and arrays are read at once, with {@code expected} (nullable) the image shape a
     * model takes, checked before decoding.
     *
     * @throws NoSuchFileException if {@code input} is neither a catalogue name nor an existing path
     * @throws DataFormatException if a file's content is of no supported format, or an image or array is malformed
     */
    static DataSource open(String input, ImageShape expected) throws IOException {
        if (input == null || input.isBlank()) {
            throw new IllegalArgumentException(
                    "input must be a dataset name, a directory or a file, got '" + input + "'");
        }
        if (DatasetCatalog.names().contains(input)) {
            return new Catalog(input);
        }
        Path path;
        try {
            path = Path.of(input);
        } catch (InvalidPathException e) {
            throw new NoSuchFileException(
                    input, null, "not a valid path, and not one of the datasets " + DatasetCatalog.names());
        }
        if (Files.isDirectory(path)) {
            if (IdxDirectory.missing(path).size() < IdxDirectory.STANDARD_NAMES.size()) {
                return new Catalog(input); // some IDX files: the catalogue names those missing
            }
            if (expected != null
                    && expected.isGray()
                    && !PngReader.pngFiles(path).isEmpty()) {
                // a grayscale model reads colour images as gray, as it always has
                return new Arrays(PngReader.readDirectory(path, expected.height(), expected.width()), List.of(), true);
            }
            ImageFolder folder = PngReader.readFolder(path, expected);
            return new Arrays(folder.rows(), folder.classes(), true);
        }
        if (!Files.exists(path)) {
            throw new NoSuchFileException(
                    input, null, "no such file or directory, and not one of the datasets " + DatasetCatalog.names());
        }
        return openFile(path, expected);
    }

    private static DataSource openFile(Path file, ImageShape expected) throws IOException {
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(Sniff.BYTES);
        }
        if (head.length == 0) {
            throw new DataFormatException(file, "the file is empty, expected NPY, IDX, PNG, Parquet or CSV data");
        }
        int h = expected == null ? 0 : expected.height();
        int w = expected == null ? 0 : expected.width();
        RowFormat named = RowFormats.find(file).orElse(null);
        if (Sniff.startsWith(head, NpyReader.MAGIC) || (named == RowFormat.NPY && !Sniff.looksLikeText(head))) {
            Rows rows = NpyReader.read(file);
            return new Arrays(rows, List.of(), rows.isImages());
        }
        if (Sniff.startsWith(head, PngHeader.SIGNATURE)) {
            return new Arrays(PngReader.readFile(file, h, w), List.of(), true);
        }
        if (Sniff.startsWith(head, Sniff.PARQUET_MAGIC)) {
            return new TableFile(file, TableFormat.PARQUET);
        }
        if (Sniff.isGzip(head) || Sniff.isIdx(head)) {
            return new Arrays(fromIdx(file, head), List.of(), true);
        }
        if (named == RowFormat.CSV || Sniff.looksLikeText(head)) {
            return new TableFile(file, TableFormat.CSV);
        }
        if (named == RowFormat.PARQUET) {
            return new TableFile(file, TableFormat.PARQUET);
        }
        if (named == RowFormat.IDX) {
            return new Arrays(fromIdx(file, head), List.of(), true);
        }
        throw new DataFormatException(
                file,
                "unrecognised content: expected " + RowFormats.supported() + ", found binary bytes starting "
                        + Sniff.hex(java.util.Arrays.copyOf(head, Math.min(8, head.length))));
    }

    private static Rows fromIdx(Path file, byte[] head) throws IOException {
        if (head.length >= 4 && head[0] == 0 && head[1] == 0 && head[2] == 8 && head[3] == 1) {
            throw new DataFormatException(
                    file, "expected IDX images (magic 0x00000803), found an IDX label file (magic 0x00000801)");
        }
        return RowFormat.IDX.read(file, InputOptions.defaults());
    }

    /** How a file's first bytes are recognised. */
    final class Sniff {
        static final int BYTES = 4096;
        static final byte[] PARQUET_MAGIC = {'P', 'A', 'R', '1'};

        private Sniff() {}

        static boolean startsWith(byte[] head, byte[] magic) {
            return head.length >= magic.length
                    && java.util.Arrays.equals(head, 0, magic.length, magic, 0, magic.length);
        }

        static boolean isGzip(byte[] head) {
            return head.length >= 2 && (head[0] & 0xFF) == 0x1f && (head[1] & 0xFF) == 0x8b;
        }

        static boolean isIdx(byte[] head) {
            return head.length >= 4 && head[0] == 0 && head[1] == 0 && head[2] == 8 && (head[3] == 3 || head[3] == 1);
        }

        /** Whether the sniffed bytes have no NUL and few control characters, as text does. */
        static boolean looksLikeText(byte[] head) {
            int control = 0;
            for (byte b : head) {
                if (b == 0) {
                    return false;
                }
                if (b > 0 && b < 0x20 && b != '\n' && b != '\r' && b != '\t' && b != '\f') {
                    control++;
                }
            }
            return control * 20 < head.length;
        }

        static String hex(byte[] bytes) {
            StringBuilder text = new StringBuilder();
            for (byte b : bytes) {
                text.append(String.format("%02X ", b & 0xFF));
            }
            return text.toString().strip();
        }
    }
}
