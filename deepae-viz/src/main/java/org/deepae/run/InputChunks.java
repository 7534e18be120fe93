package org.deepae.run;

import java.io.Closeable;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;
import org.deepae.data.Column;
import org.deepae.data.CsvTableReader;
import org.deepae.data.DataFormatException;
import org.deepae.data.DataSource;
import org.deepae.data.Encoded;
import org.deepae.data.LabelIndex;
import org.deepae.data.ParquetTableReader;
import org.deepae.data.Preprocessing;
import org.deepae.data.Quoted;
import org.deepae.data.Rows;
import org.deepae.data.Table;
import org.deepae.data.TableSource;
import org.deepae.run.ModelInput.Chunk;
import org.deepae.run.ModelInput.Request;
import org.deepae.store.ModelInfo;

/**
 * The rows a model works on, a chunk at a time, in order, as {@link ModelInput#open} gives them: a table read a chunk
 * at a time, so that memory does not grow with its rows, or images and arrays read whole and handed out in slices.
 * Closing it closes the file being read. Not thread-safe.
 */
public final class InputChunks implements Closeable {
    private final Producer producer;
    private final int chunkRows;
    private final String source;
    private final List<String> labelNames;
    private final boolean labelled;
    private final List<String> notes = new ArrayList<>();
    private long rows;
    private boolean done;

    private InputChunks(Producer producer, int chunkRows, String source, List<String> labelNames, boolean labelled) {
        this.producer = producer;
        this.chunkRows = chunkRows;
        this.source = source;
        this.labelNames = new ArrayList<>(labelNames);
        this.labelled = labelled;
    }

    /** The chunks of rows read whole (images, arrays, the catalogue). */
    static InputChunks of(Rows rows, int chunkRows, List<String> labelNames) {
        return new InputChunks(new WholeRows(rows), chunkRows, rows.source(), labelNames, rows.hasLabels());
    }

    /** The chunks of a table, read as they are asked for. */
    static InputChunks of(DataSource.TableFile file, Request request, ModelInfo info, int chunkRows)
            throws IOException {
        TableRows table = TableRows.open(file, request, info);
        return new InputChunks(table, chunkRows, file.name(), info.labelNames(), table.labelName != null);
    }

    /**
     * The next chunk, or {@code null} after the last one.
     *
     * @throws IOException naming the file and the row or line when a row cannot be read or does not fit the model;
     *     a table without any row is refused
     */
    public Chunk next() throws IOException {
        if (done) {
            return null;
        }
        Chunk chunk = producer.next(chunkRows, rows, labelNames);
        if (chunk == null) {
            done = true;
            if (rows == 0 && producer instanceof TableRows) {
                throw new DataFormatException(source, "the table has no rows");
            }
            producer.notes(notes);
            return null;
        }
        rows += chunk.rows().count();
        return chunk;
    }

    /** Where the rows come from, for messages and summaries. */
    public String source() {
        return source;
    }

    /** Whether the rows have labels. */
    public boolean hasLabels() {
        return labelled;
    }

    /**
     * The labels' names, by label (the model's, then those first seen in the chunks read so far); empty when labels
     * are their own names.
     */
    public List<String> labelNames() {
        return Collections.unmodifiableList(labelNames);
    }

    /** How the rows were read (values imputed, levels scored as other), one line each, once the last chunk is read. */
    public List<String> notes() {
        return List.copyOf(notes);
    }

    /** How many rows the chunks read so far hold. */
    public long rowsRead() {
        return rows;
    }

    @Override
    public void close() throws IOException {
        producer.close();
    }

    /** Where chunks come from. */
    private sealed interface Producer extends Closeable permits WholeRows, TableRows {
        /** The next at most {@code max} rows, {@code first} of them read before; {@code null} at the end. */
        Chunk next(int max, long first, List<String> labelNames) throws IOException;

        /** Adds what is to be said about the rows read, once they are all read. */
        default void notes(List<String> notes) {}

        @Override
        default void close() throws IOException {}
    }

    /** Images or arrays read whole, handed out in slices. */
    private static final class WholeRows implements Producer {
        private Rows rows;
        private boolean started;

        WholeRows(Rows rows) {
            this.rows = rows;
        }

        @Override
        public Chunk next(int max, long first, List<String> labelNames) {
            if (rows == null || (started && first >= rows.count())) {
                rows = null;
                return null;
            }
            started = true;
            int from = (int) first;
            int to = (int) Math.min(rows.count(), first + max);
            if (from == 0 && to == rows.count()) {
                return new Chunk(rows, null, 0);
            }
            int w = rows.width();
            Rows slice = new Rows(
                    Arrays.copyOfRange(rows.values(), from * w, to * w),
                    to - from,
                    w,
                    rows.labels() == null ? null : Arrays.copyOfRange(rows.labels(), from, to),
                    rows.ids() == null ? null : Arrays.copyOfRange(rows.ids(), from, to),
                    rows.shape(),
                    rows.source());
            return new Chunk(slice, null, first);
        }

        @Override
        public void close() {
            rows = null;
        }
    }

    /**
     * A table read a chunk at a time: the model's columns with the kinds it was fitted on (CSV) or the file's
     * (Parquet), the id, label and truth columns beside them, a CSV file's other columns as text and a Parquet file's
     * not at all.
     */
    private static final class TableRows implements Producer {
        private final TableSource reader;
        private final Preprocessing preprocessing;
        final String labelName;
        private final String idName;
        private final String truthName;
        private final Map<String, Integer> imputed = new LinkedHashMap<>();
        private final Map<String, Integer> other = new LinkedHashMap<>();
        private LabelIndex labelIndex;
        private int label = -1;
        private int id = -1;
        private int truth = -1;
        private List<Integer> others;

        private TableRows(
                TableSource reader, Preprocessing preprocessing, String labelName, String idName, String truthName) {
            this.reader = reader;
            this.preprocessing = preprocessing;
            this.labelName = labelName;
            this.idName = idName;
            this.truthName = truthName;
        }

        static TableRows open(DataSource.TableFile file, Request request, ModelInfo info) throws IOException {
            Preprocessing preprocessing = info.preprocessing();
            Map<String, Column.Kind> fitted = new HashMap<>();
            preprocessing.inputs().forEach(h -> fitted.put(h.name(), h.kind()));
            List<TableSource.ColumnHead> heads = new ArrayList<>();
            boolean csv = file.format() == DataSource.TableFormat.CSV;
            if (csv) {
                for (String name : CsvTableReader.columnNames(file.file(), request.csv())) {
                    heads.add(new TableSource.ColumnHead(name, fitted.getOrDefault(name, Column.Kind.TEXT)));
                }
            } else {
                try (ParquetTableReader all = ParquetTableReader.open(file.file(), null)) {
                    heads.addAll(all.columns());
                }
            }
            // an empty table of the file's columns, to find columns by name or index as a read table would
            Table header = Table.of(
                    file.name(),
                    heads.stream()
                            .<Column>map(h -> new Column.Text(h.name(), new String[0]))
                            .toList());
            String labelColumn = request.labelColumn() != null
                    ? ModelInput.name(header, request.labelColumn())
                    : ModelInput.recorded(info, ModelInput.LABEL_COLUMN, header);
            String idColumn = request.idColumn() != null
                    ? ModelInput.name(header, request.idColumn())
                    : ModelInput.recorded(info, ModelInput.ID_COLUMN, header);
            String truthColumn = request.truthColumn() == null ? null : ModelInput.name(header, request.truthColumn());
            List<String> missing = new ArrayList<>(
                    preprocessing.inputs().stream().map(h -> h.name()).toList());
            missing.removeAll(header.names());
            if (!missing.isEmpty()) {
                throw new DataFormatException(
                        file.name(),
                        "the model needs the column" + (missing.size() == 1 ? " " : "s ")
                                + String.join(
                                        ", ", missing.stream().map(Quoted::of).toList())
                                + ", which the table does not have");
            }
            TableSource reader;
            if (csv) {
                reader = CsvTableReader.open(file.file(), request.csv(), heads);
            } else {
                Set<String> wanted = new HashSet<>(fitted.keySet());
                Stream.of(labelColumn, idColumn, truthColumn)
                        .filter(Objects::nonNull)
                        .forEach(wanted::add);
                reader = ParquetTableReader.open(
                        file.file(),
                        heads.stream().filter(h -> wanted.contains(h.name())).toList());
            }
            return new TableRows(reader, preprocessing, labelColumn, idColumn, truthColumn);
        }

        @Override
        public Chunk next(int max, long first, List<String> labelNames) throws IOException {
            Table table = reader.next(max);
            if (table == null) {
                return null;
            }
            if (others == null) {
                locate(table);
            }
            if (labelIndex == null) {
                labelIndex = new LabelIndex(labelNames);
            }
            int[] labels = label < 0 ? null : labelIndex.labels(table, label, first);
            for (int i = labelNames.size(); i < labelIndex.names().size(); i++) {
                labelNames.add(labelIndex.names().get(i)); // values the model did not see in training
            }
            String[] ids = id < 0 ? null : ModelInput.text(table, id);
            String[] truthValues = truth < 0 ? null : ModelInput.text(table, truth);
            Encoded encoded = preprocessing.encode(table.without(others), first + 1);
            encoded.imputed().forEach((name, n) -> imputed.merge(name, n, Integer::sum));
            encoded.other().forEach((name, n) -> other.merge(name, n, Integer::sum));
            Rows rows = new Rows(encoded.values(), encoded.rows(), encoded.width(), labels, ids, null, table.source());
            return new Chunk(rows, truthValues, first);
        }

        /** Finds the id, label, truth and other columns in the chunks' layout, which {@code table} has. */
        private void locate(Table table) throws DataFormatException {
            label = labelName == null ? -1 : table.indexOf(labelName);
            id = idName == null ? -1 : table.indexOf(idName);
            truth = truthName == null ? -1 : table.indexOf(truthName);
            Set<String> wanted = new HashSet<>(
                    preprocessing.inputs().stream().map(h -> h.name()).toList());
            others = new ArrayList<>();
            for (int c = 0; c < table.columns().size(); c++) {
                if (!wanted.contains(table.column(c).name())) {
                    others.add(c);
                }
            }
        }

        @Override
        public void notes(List<String> notes) {
            if (!imputed.isEmpty() || !other.isEmpty()) {
                notes.add(new Encoded(new float[0], 0, 1, imputed, other).summary());
            }
        }

        @Override
        public void close() throws IOException {
            reader.close();
        }
    }
}
