package org.deepae.data;

import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a CSV or TSV table (UTF-8, with or without a byte order mark) into raw numeric and text columns, whole or in
 * chunks.
 *
 * <ul>
 *   <li>The delimiter is {@code ,} {@code ;} or tab, sniffed from the first lines ({@link CsvLayout#sniffDelimiter})
 *       unless the options give it.
 *   <li>Quoting follows RFC 4180: a cell in double quotes may hold the delimiter, line breaks and doubled quotes
 *       {@code ""}. A quoted cell is kept verbatim; an unquoted one is trimmed of blanks. Blank lines and, unless
 *       the options say otherwise, lines starting with {@code #} are skipped.
 *   <li>The header is decided by {@link CsvLayout#decideHeader}; names are made unique by {@link CsvLayout#names}.
 *   <li>A cell that is exactly one of {@link #MISSING} is a missing value ({@code NaN} or {@code null}).
 *   <li>A column is numeric when each of its other cells is a finite decimal number; a column with no value at all
 *       is numeric and all {@code NaN}. Any other column is text, unless the column is numeric and a cell is
 *       {@code inf}, {@code Infinity} or out of the range of a double: that is refused. Columns named in the
 *       options' text columns are text whatever they hold.
 * </ul>
 *
 * <p>Every line must have as many cells as the first. Limits of {@link CsvReader} hold, checked while reading: a
 * cell of at most {@link CsvReader#MAX_CELL_CHARS} characters, a line (record) of at most
 * {@link CsvReader#MAX_LINE_CHARS}, at most {@link CsvReader#MAX_COLUMNS} cells. Messages name the file and the
 * 1-based physical line (lines inside quoted cells count) and column.
 */
public final class CsvTableReader implements TableSource {
    private static final Logger LOG = LoggerFactory.getLogger(CsvTableReader.class);

    /** The cells that mean a missing value, matched exactly (after trimming, if unquoted). */
    public static final List<String> MISSING = List.of("", "NA", "N/A", "NaN", "nan", "null", "NULL", "?");

    /** The most distinct values of a text column shared as one string each within a chunk. */
    private static final int SHARED_TEXTS = 1 << 12;

    private static final int MISSING_CELL = 0;
    private static final int NUMBER = 1;
    private static final int NOT_FINITE = 2;
    private static final int TEXT = 3;

    private final String source;
    private final CsvLayout layout;
    private final List<ColumnHead> heads;
    private final Records records;
    private final boolean schemaGiven;
    private boolean done;
    private boolean closed;

    private CsvTableReader(CsvLayout layout, Records records, boolean schemaGiven) {
        this.source = layout.source();
        this.layout = layout;
        this.heads = layout.heads();
        this.records = records;
        this.schemaGiven = schemaGiven;
    }

    /**
     * Reads all of {@code file}, with column kinds decided over the whole file.
     *
     * @throws DataFormatException naming the file, line and column of what is wrong, or when there is no data row
     */
    public static Table read(Path file, CsvTableOptions options) throws IOException {
        try (CsvTableReader reader = open(file, options, null)) {
            return reader.next(Integer.MAX_VALUE);
        }
    }

    /**
     * Opens {@code file} to be read in chunks by {@link #next}.
     *
     * @param schema the columns the file must have, by name (any order) and kind, such as a trained model's; or
     *     {@code null} to read the whole file once first to decide each column's kind. With a schema, the options'
     *     text columns are not used, and a text cell in a column the schema says is numeric is refused.
     * @throws DataFormatException when the file does not match the schema, or (without one) when anything in it is
     *     wrong
     */
    public static CsvTableReader open(Path file, CsvTableOptions options, List<ColumnHead> schema) throws IOException {
        Objects.requireNonNull(options, "options");
        CsvLayout.Sniffed sniffed = options.delimiter() != null
                ? new CsvLayout.Sniffed(options.delimiter(), "given in the options")
                : CsvLayout.sniffDelimiter(file, options.comments());
        CsvLayout layout = null;
        if (schema == null) {
            layout = infer(file, sniffed, options);
        }
        Start start = start(file, sniffed.delimiter(), options);
        try {
            if (schema != null) {
                layout = match(file.toString(), sniffed, start, schema);
            }
            LOG.debug("{}: {}", file, String.join("; ", layout.describe()));
            return new CsvTableReader(layout, start.records, schema != null);
        } catch (IOException | RuntimeException e) {
            start.records.close();
            throw e;
        }
    }

    /**
     * The names {@code file}'s columns get, in file order, from its first record alone (the delimiter sniffed and the
     * header decided as {@link #open} does): for building a schema of a file with more columns than a model's.
     *
     * @throws DataFormatException when the file has no record
     */
    public static List<String> columnNames(Path file, CsvTableOptions options) throws IOException {
        Objects.requireNonNull(options, "options");
        char delimiter = options.delimiter() != null
                ? options.delimiter()
                : CsvLayout.sniffDelimiter(file, options.comments()).delimiter();
        Start start = start(file, delimiter, options);
        start.records.close();
        return List.copyOf(start.names);
    }

    /** What was found out about the file, and why. */
    public CsvLayout layout() {
        return layout;
    }

    @Override
    public List<ColumnHead> columns() {
        return heads;
    }

    @Override
    public String source() {
        return source;
    }

    /**
     * The next at most {@code maxRows} rows, or {@code null} when none are left; memory grows with the rows returned,
     * not with the file.
     */
    @Override
    public Table next(int maxRows) throws IOException {
        if (maxRows <= 0) {
            throw new IllegalArgumentException("row count must be positive, got " + maxRows);
        }
        if (closed) {
            throw new IllegalStateException("the reader of " + source + " is closed");
        }
        if (done) {
            return null;
        }
        int width = heads.size();
        int capacity = Math.min(maxRows, 1 << 10);
        double[][] numbers = new double[width][];
        String[][] texts = new String[width][];
        List<Map<String, String>> shared = new ArrayList<>();
        for (int c = 0; c < width; c++) {
            if (heads.get(c).kind() == Column.Kind.NUMERIC) {
                numbers[c] = new double[capacity];
            } else {
                texts[c] = new String[capacity];
            }
            shared.add(texts[c] == null ? null : new HashMap<>());
        }
        int rows = 0;
        while (rows < maxRows && records.next()) {
            if (rows == capacity) {
                if (capacity >= IdxHeader.MAX_ARRAY) {
                    throw new DataFormatException(
                            source,
                            "line " + records.line() + ": more than the " + IdxHeader.MAX_ARRAY
                                    + " rows a Java array can hold; read the file in chunks");
                }
                capacity = (int) Math.min(Math.min(maxRows, IdxHeader.MAX_ARRAY), 2L * capacity);
                for (int c = 0; c < width; c++) {
                    if (numbers[c] != null) {
                        numbers[c] = Arrays.copyOf(numbers[c], capacity);
                    } else {
                        texts[c] = Arrays.copyOf(texts[c], capacity);
                    }
                }
            }
            List<String> cells = records.cells;
            for (int c = 0; c < width; c++) {
                String cell = cells.get(c);
                if (numbers[c] != null) {
                    numbers[c][rows] = value(cell, c);
                } else if (!CsvCells.isMissing(cell)) {
                    Map<String, String> seen = shared.get(c);
                    String known = seen.get(cell);
                    if (known == null && seen.size() < SHARED_TEXTS) {
                        seen.put(cell, cell);
                    }
                    texts[c][rows] = known == null ? cell : known;
                }
            }
            rows++;
        }
        if (rows < maxRows) {
            done = true;
        }
        if (rows == 0) {
            return null;
        }
        List<Column> columns = new ArrayList<>();
        for (int c = 0; c < width; c++) {
            String name = heads.get(c).name();
            columns.add(
                    numbers[c] != null
                            ? new Column.Numeric(name, trim(numbers[c], rows))
                            : new Column.Text(
                                    name, rows == texts[c].length ? texts[c] : Arrays.copyOf(texts[c], rows)));
        }
        return new Table(source, columns, rows);
    }

    @Override
    public void close() throws IOException {
        closed = true;
        records.close();
    }

    private static double[] trim(double[] values, int rows) {
        return rows == values.length ? values : Arrays.copyOf(values, rows);
    }

    /** Cell {@code cell} of numeric column {@code c}: its value, or NaN when missing. */
    private double value(String cell, int c) throws DataFormatException {
        double fast = CsvCells.fastParseDouble(cell);
        if (!Double.isNaN(fast)) {
            return fast;
        }
        switch (classify(cell)) {
            case MISSING_CELL -> {
                return Double.NaN;
            }
            case NUMBER -> {
                return Double.parseDouble(cell);
            }
            case NOT_FINITE ->
                throw notFinite(source, records.line(), c, heads.get(c).name(), cell);
            default ->
                throw new DataFormatException(
                        source,
                        at(records.line(), c, heads.get(c).name()) + Quoted.of(cell)
                                + " is not a number, but the column is numeric"
                                + (schemaGiven ? " (as the schema says)" : ""));
        }
    }

    /** Whether {@code cell} is a finite decimal number. */
    static boolean isNumber(String cell) {
        return classify(cell) == NUMBER;
    }

    /** What {@code cell} holds: a missing value, a finite number, a number that is not finite, or text. */
    private static int classify(String cell) {
        if (!Double.isNaN(CsvCells.fastParseDouble(cell))) {
            return NUMBER;
        }
        if (CsvCells.isMissing(cell)) {
            return MISSING_CELL;
        }
        return switch (CsvCells.kind(cell)) {
            case NUMBER -> Double.isInfinite(Double.parseDouble(cell)) ? NOT_FINITE : NUMBER;
            case NOT_FINITE -> NOT_FINITE;
            default -> TEXT;
        };
    }

    private static String at(int line, int c, String name) {
        return "line " + line + ", column " + (c + 1) + " " + Quoted.of(name) + ": ";
    }

    private static DataFormatException notFinite(String source, int line, int c, String name, String cell) {
        return new DataFormatException(
                source,
                at(line, c, name) + Quoted.of(cell) + " is not a finite number; a "
                        + "numeric column holds finite numbers and missing values ("
                        + String.join(" ", MISSING.subList(1, MISSING.size())) + " or an empty cell)");
    }

    /** Reads the whole file once to decide each column's kind. */
    private static CsvLayout infer(Path file, CsvLayout.Sniffed sniffed, CsvTableOptions options) throws IOException {
        String source = file.toString();
        Start start = start(file, sniffed.delimiter(), options);
        try (Records records = start.records) {
            List<String> names = start.names;
            int width = names.size();
            boolean[] forced = new boolean[width];
            Set<String> unknown = new HashSet<>(options.textColumns());
            for (int c = 0; c < width; c++) {
                forced[c] = unknown.remove(names.get(c));
            }
            if (!unknown.isEmpty()) {
                throw new DataFormatException(
                        source,
                        "no column named " + Quoted.of(unknown.iterator().next()) + " to keep as text; the columns are "
                                + CsvLayout.list(names));
            }
            String[] text = new String[width];
            int[] textLine = new int[width];
            String[] infinite = new String[width];
            int[] infiniteLine = new int[width];
            boolean[] valued = new boolean[width];
            long rows = 0;
            while (records.next()) {
                rows++;
                List<String> cells = records.cells;
                for (int c = 0; c < width; c++) {
                    if (text[c] != null || forced[c]) {
                        continue;
                    }
                    String cell = cells.get(c);
                    switch (classify(cell)) {
                        case NUMBER -> valued[c] = true;
                        case NOT_FINITE -> {
                            valued[c] = true;
                            if (infinite[c] == null) {
                                infinite[c] = cell;
                                infiniteLine[c] = records.line();
                            }
                        }
                        case TEXT -> {
                            text[c] = cell;
                            textLine[c] = records.line();
                        }
                        default -> {}
                    }
                }
            }
            if (rows == 0) {
                throw new DataFormatException(
                        source, "line " + start.firstLine + " is the header but no data rows follow");
            }
            List<String> notes = new ArrayList<>(start.notes);
            List<CsvLayout.ColumnLayout> columns = new ArrayList<>();
            for (int c = 0; c < width; c++) {
                String name = names.get(c);
                if (forced[c]) {
                    columns.add(new CsvLayout.ColumnLayout(
                            name, Column.Kind.TEXT, "text: named in the text columns option"));
                } else if (text[c] != null) {
                    columns.add(new CsvLayout.ColumnLayout(
                            name,
                            Column.Kind.TEXT,
                            "text: line " + textLine[c] + " has " + Quoted.of(text[c]) + ", which is not a number"
                                    + CsvLayout.decimalCommaHint(text[c])));
                } else if (infinite[c] != null) {
                    throw notFinite(source, infiniteLine[c], c, name, infinite[c]);
                } else if (!valued[c]) {
                    columns.add(
                            new CsvLayout.ColumnLayout(name, Column.Kind.NUMERIC, "numeric: every cell is missing"));
                    notes.add("column " + Quoted.of(name)
                            + " has no value, every cell is missing: it is numeric and all NaN");
                } else {
                    columns.add(new CsvLayout.ColumnLayout(name, Column.Kind.NUMERIC, "numeric"));
                }
            }
            return new CsvLayout(
                    source,
                    sniffed.delimiter(),
                    sniffed.reason(),
                    start.header.header(),
                    start.header.reason(),
                    columns,
                    notes);
        }
    }

    /** The layout of a file whose columns must be those of {@code schema}. */
    private static CsvLayout match(String source, CsvLayout.Sniffed sniffed, Start start, List<ColumnHead> schema)
            throws DataFormatException {
        Map<String, Column.Kind> kinds = new HashMap<>();
        for (ColumnHead head : schema) {
            if (kinds.put(head.name(), head.kind()) != null) {
                throw new IllegalArgumentException("the schema names two columns " + Quoted.of(head.name()));
            }
        }
        List<String> missing = new ArrayList<>(kinds.keySet());
        missing.removeAll(start.names);
        List<String> extra = new ArrayList<>(start.names);
        extra.removeAll(kinds.keySet());
        if (!missing.isEmpty() || !extra.isEmpty()) {
            throw new DataFormatException(
                    source,
                    "the columns do not match the schema:"
                            + (missing.isEmpty()
                                    ? ""
                                    : " missing "
                                            + CsvLayout.list(schema.stream()
                                                    .map(ColumnHead::name)
                                                    .filter(missing::contains)
                                                    .toList()))
                            + (missing.isEmpty() || extra.isEmpty() ? "" : ";")
                            + (extra.isEmpty() ? "" : " not in the schema " + CsvLayout.list(extra))
                            + " (" + start.header.reason() + ")");
        }
        List<CsvLayout.ColumnLayout> columns = new ArrayList<>();
        for (String name : start.names) {
            Column.Kind kind = kinds.get(name);
            columns.add(new CsvLayout.ColumnLayout(
                    name, kind, (kind == Column.Kind.NUMERIC ? "numeric" : "text") + ", as the schema says"));
        }
        return new CsvLayout(
                source,
                sniffed.delimiter(),
                sniffed.reason(),
                start.header.header(),
                start.header.reason(),
                columns,
                start.notes);
    }

    /** A file opened and its first line read: the header decided, the column names made. */
    private record Start(
            Records records, CsvLayout.HeaderDecision header, List<String> names, List<String> notes, int firstLine) {}

    private static Start start(Path file, char delimiter, CsvTableOptions options) throws IOException {
        Records records = new Records(file, delimiter, options.comments());
        try {
            if (!records.next()) {
                throw new DataFormatException(file, "no data: the file is empty or holds only blank and comment lines");
            }
            int line = records.line();
            CsvLayout.HeaderDecision header = CsvLayout.decideHeader(records.cells, line, options.header());
            List<String> notes = new ArrayList<>();
            List<String> names = CsvLayout.names(header.header() ? records.cells : null, records.cells.size(), notes);
            records.width = names.size();
            records.widthSource = "as on line " + line;
            records.pending = !header.header();
            return new Start(records, header, names, notes, line);
        } catch (IOException | RuntimeException e) {
            records.close();
            throw e;
        }
    }

    /** The records of a file, each checked to have the width of the first. */
    private static final class Records implements Closeable {
        private final String source;
        private final BufferedReader in;
        private final CsvLines lines;
        private final char delimiter;
        private final boolean comments;
        final List<String> cells = new ArrayList<>();
        int width;
        String widthSource = "";
        boolean pending;

        Records(Path file, char delimiter, boolean comments) throws IOException {
            this.source = file.toString();
            this.in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
            this.lines = new CsvLines(in, source, CsvReader.MAX_LINE_CHARS);
            this.delimiter = delimiter;
            this.comments = comments;
        }

        /** Reads the next record into {@link #cells}; {@code false} at the end. */
        boolean next() throws IOException {
            if (pending) {
                pending = false;
                return true;
            }
            if (!lines.nextRecord(delimiter, comments, width, widthSource, cells)) {
                return false;
            }
            if (width > 0 && cells.size() != width) {
                throw new DataFormatException(
                        source,
                        "line " + lines.recordLine() + " has " + cells.size() + " cell" + (cells.size() == 1 ? "" : "s")
                                + ", expected " + width + " (" + widthSource + ")");
            }
            return true;
        }

        /** The line the current record began on. */
        int line() {
            return lines.recordLine();
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }
}
