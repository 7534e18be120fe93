package org.deepae.run;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;
import org.deepae.data.Column;
import org.deepae.data.CsvTableOptions;
import org.deepae.data.DataFormatException;
import org.deepae.data.DataSource;
import org.deepae.data.DatasetCatalog;
import org.deepae.data.InputOptions;
import org.deepae.data.InputReader;
import org.deepae.data.LabelIndex;
import org.deepae.data.Preprocessing;
import org.deepae.data.Rows;
import org.deepae.data.Split;
import org.deepae.data.Table;
import org.deepae.data.TrainingData;
import org.deepae.store.ModelInfo;

/**
 * The rows a model works on, read from any input and preprocessed as the model's training rows were: a table's
 * columns matched to the model's by name and encoded by its preprocessing (its id, label and truth columns taken
 * out, other columns left alone), images and arrays scaled by it, or used as read when the model has none.
 */
public final class ModelInput {

    /** The id and label columns a model was trained with, as {@code model.json} records them. */
    public static final String ID_COLUMN = "id_column";

    /** See {@link #ID_COLUMN}. */
    public static final String LABEL_COLUMN = "label_column";

    /** The rows read, scored and written at a time by {@link #open(Request, ModelInfo)}. */
    public static final int CHUNK_ROWS = 8192;

    private ModelInput() {}

    /**
     * What to read.
     *
     * @param input a catalogue name, a directory or a file
     * @param split which half of a catalogue dataset
     * @param labelColumn a table's label column, or {@code null} for the model's own (if any)
     * @param idColumn a table's id column, or {@code null} for the model's own (if any)
     * @param truthColumn a table's column of ground truth for evaluation, or {@code null}
     * @param csv how CSV files are read
     * @param catalog where catalogue names are looked up
     */
    public record Request(
            String input,
            Split split,
            String labelColumn,
            String idColumn,
            String truthColumn,
            CsvTableOptions csv,
            DatasetCatalog catalog) {
        public Request {
            Objects.requireNonNull(input, "input");
            split = split == null ? Split.TEST : split;
            csv = csv == null ? CsvTableOptions.DEFAULT : csv;
            Objects.requireNonNull(catalog, "catalog");
        }
    }

    /**
     * What was read.
     *
     * @param rows the rows as the network takes them, with ids and labels when the input has them
     * @param truth each row's ground-truth value as text (a table's truth column), or {@code null}
     * @param labelNames the labels' names, by label; empty when labels are their own names
     * @param notes how the rows were read (values imputed, levels scored as other), one line each
     */
    public record Read(Rows rows, String[] truth, List<String> labelNames, List<String> notes) {}

    /**
     * A chunk of the rows, as the network takes them.
     *
     * @param rows the chunk's rows, with ids and labels when the input has them
     * @param truth each row's ground-truth value as text (a table's truth column), or {@code null}
     * @param first the 0-based index of the chunk's first row in the input
     */
    public record Chunk(Rows rows, String[] truth, long first) {
        public Chunk {
            Objects.requireNonNull(rows, "rows");
            if (truth != null && truth.length != rows.count()) {
                throw new IllegalArgumentException("expected " + rows.count() + " truth values, got " + truth.length);
            }
            if (first < 0) {
                throw new IllegalArgumentException("first row must not be negative, got " + first);
            }
        }

        /** Row {@code i}'s id, or its index in the input when the rows have no ids. */
        public String id(int i) {
            return rows.hasIds() ? rows.id(i) : Long.toString(first + i);
        }
    }

    /**
     * Reads {@code request}'s input whole for the model described by {@code info} (the chunks of {@link #open} put
     * together).
     *
     * @throws IOException naming the input and the problem when it cannot be read or does not fit the model
     */
    public static Read read(Request request, ModelInfo info) throws IOException {
        try (InputChunks chunks = open(request, info, Integer.MAX_VALUE - 8)) {
            List<Chunk> all = new ArrayList<>();
            Chunk chunk;
            while ((chunk = chunks.next()) != null) {
                all.add(chunk);
            }
            return new Read(
                    concat(all),
                    all.get(0).truth() == null ? null : concatTruth(all),
                    chunks.labelNames(),
                    chunks.notes());
        }
    }

    /**
     * Opens {@code request}'s input for the model described by {@code info}, to be read in chunks of at most
     * {@link #CHUNK_ROWS} rows: a table is read a chunk at a time, so that memory does not grow with its rows; images
     * and arrays are read whole, as they are bounded by a Java array anyway, and handed out in chunks.
     *
     * @throws IOException naming the input and the problem when it cannot be opened or does not fit the model (a
     *     problem found further in, such as a bad cell, is thrown by {@link InputChunks#next})
     */
    public static InputChunks open(Request request, ModelInfo info) throws IOException {
        return open(request, info, CHUNK_ROWS);
    }

    /** {@link #open(Request, ModelInfo)} in chunks of at most {@code chunkRows} rows. */
    public static InputChunks open(Request request, ModelInfo info, int chunkRows) throws IOException {
        if (chunkRows <= 0) {
            throw new IllegalArgumentException("chunk rows must be positive, got " + chunkRows);
        }
        Preprocessing preprocessing = info.preprocessing();
        boolean tableModel = preprocessing != null && !preprocessing.isIdentity() && isTableModel(info);
        if (!tableModel) {
            if (request.truthColumn() != null) {
                throw new IllegalArgumentException(
                        "--truth-column is for tables read through a model trained on a table");
            }
            InputOptions options = InputOptions.defaults()
                    .withSplit(request.split())
                    .withLabelColumn(request.labelColumn())
                    .withCatalog(request.catalog());
            int width = preprocessing != null
                    ? preprocessing.inputs().size()
                    : info.spec().inputSize();
            options = info.hasImageSize() && info.imageChannels() == 1
                    ? options.withExpectedImageSize(info.imageHeight(), info.imageWidth())
                    : options.withExpectedWidth(width);
            Rows rows = InputReader.read(request.input(), options);
            if (preprocessing != null && !preprocessing.isIdentity()) {
                rows = rows.withValues(preprocessing.encodeNumeric(rows.values(), rows.count()));
            }
            return InputChunks.of(rows, chunkRows, info.labelNames());
        }
        DataSource source = DataSource.open(request.input(), null);
        if (!(source instanceof DataSource.TableFile file)) {
            throw new DataFormatException(
                    source.name(),
                    "the model was trained on a table, and takes a CSV, TSV or Parquet table with its columns "
                            + names(preprocessing));
        }
        return InputChunks.of(file, request, info, chunkRows);
    }

    /**
     * Whether a cell's text is one of {@code values}: the same text, or the same number written another way
     * ({@code 1.0} and {@code 1}).
     */
    public static Predicate<String> matching(Collection<String> values) {
        Set<String> texts = new HashSet<>(values);
        Set<String> numbers = new HashSet<>();
        values.forEach(v -> {
            String form = LabelIndex.numberForm(v);
            if (form != null) {
                numbers.add(form);
            }
        });
        return cell -> cell != null && (texts.contains(cell) || numbers.contains(LabelIndex.numberForm(cell)));
    }

    static String name(Table header, String nameOrIndex) throws DataFormatException {
        return header.column(header.indexOf(nameOrIndex)).name();
    }

    private static Rows concat(List<Chunk> chunks) {
        if (chunks.size() == 1) {
            return chunks.get(0).rows();
        }
        Rows head = chunks.get(0).rows();
        int count =
                Math.toIntExact(chunks.stream().mapToLong(c -> c.rows().count()).sum());
        float[] values = new float[Math.multiplyExact(count, head.width())];
        int[] labels = head.labels() == null ? null : new int[count];
        String[] ids = head.ids() == null ? null : new String[count];
        int at = 0;
        for (Chunk chunk : chunks) {
            Rows rows = chunk.rows();
            System.arraycopy(rows.values(), 0, values, at * head.width(), rows.values().length);
            if (labels != null) {
                System.arraycopy(rows.labels(), 0, labels, at, rows.count());
            }
            if (ids != null) {
                System.arraycopy(rows.ids(), 0, ids, at, rows.count());
            }
            at += rows.count();
        }
        return new Rows(values, count, head.width(), labels, ids, head.shape(), head.source());
    }

    private static String[] concatTruth(List<Chunk> chunks) {
        return chunks.stream().flatMap(c -> Arrays.stream(c.truth())).toArray(String[]::new);
    }

    /** Whether the model's preprocessing was fitted on a table (its inputs named after columns), not on arrays. */
    private static boolean isTableModel(ModelInfo info) {
        return !info.hasImageSize() && info.training().get("data_kind") instanceof String kind && kind.equals("table");
    }

    static String recorded(ModelInfo info, String key, Table table) {
        Object name = info.training().get(key);
        return name instanceof String s && table.names().contains(s) ? s : null;
    }

    private static String names(Preprocessing preprocessing) {
        List<String> names = preprocessing.inputs().stream().map(h -> h.name()).toList();
        return names.size() <= 8 ? String.join(", ", names) : String.join(", ", names.subList(0, 8)) + ", ...";
    }

    static String[] text(Table table, int c) {
        Column column = table.column(c);
        String[] out = new String[column.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = column.isMissing(i)
                    ? ""
                    : column instanceof Column.Numeric n ? TrainingData.number(n.values()[i]) : column.text(i);
        }
        return out;
    }
}
