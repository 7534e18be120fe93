package org.deepae.data;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.deepae.io.AtomicFiles;

/**
 * Writes rows as comma-separated text, atomically: a header {@code <prefix>0,<prefix>1,...} (plus {@code label} when
 * the rows are labelled), then one line per row. Values are printed with {@link Float#toString(float)}, so
 * {@link CsvReader} reads back exactly the same floats.
 */
public final class CsvWriter {
    private CsvWriter() {}

    /**
     * Writes {@code rows} to {@code file} with columns named {@code columnPrefix + index}, for example {@code code_0}.
     *
     * @throws IllegalArgumentException if the prefix is empty, contains a comma, quote or line break, or a value is
     *     not finite (it could not be read back)
     */
    public static void write(Path file, Rows rows, String columnPrefix) throws IOException {
        Objects.requireNonNull(rows, "rows");
        checkPrefix(columnPrefix);
        checkFinite(rows);
        AtomicFiles.write(file, out -> {
            Writer text = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
            StringBuilder line = new StringBuilder(rows.width() * 12);
            for (int c = 0; c < rows.width(); c++) {
                line.append(c == 0 ? "" : ",").append(columnPrefix).append(c);
            }
            if (rows.hasLabels()) {
                line.append(',').append(CsvReader.LABEL_HEADER);
            }
            text.append(line).append('\n');
            float[] values = rows.values();
            for (int r = 0; r < rows.count(); r++) {
                line.setLength(0);
                int base = r * rows.width();
                for (int c = 0; c < rows.width(); c++) {
                    if (c > 0) {
                        line.append(',');
                    }
                    line.append(values[base + c]);
                }
                if (rows.hasLabels()) {
                    line.append(',').append(rows.labels()[r]);
                }
                text.append(line).append('\n');
            }
            text.flush();
        });
    }

    /** What writes a CSV a row at a time, given its {@link Lines}. */
    @FunctionalInterface
    public interface Body {
        void write(Lines lines) throws IOException;
    }

    /**
     * Writes a CSV file of any length atomically, a row at a time, cells quoted as {@link CsvRows} quotes them:
     * {@code body} gives the header (once, before any row) and the rows. Nothing is written when it gives no header.
     */
    public static void write(Path file, Body body) throws IOException {
        AtomicFiles.write(file, out -> {
            Lines lines = new Lines(out);
            body.write(lines);
            lines.flush();
        });
    }

    /** Writes {@code table} as CSV atomically: its column names, then each row's cells. */
    public static void write(Path file, Table table) throws IOException {
        write(file, lines -> {
            lines.header(table.names());
            lines.table(table, null);
        });
    }

    /** The lines of a CSV being written by {@link #write(Path, Body)}. */
    public static final class Lines {
        private final OutputStream out;
        private final List<String> cells = new ArrayList<>();
        private CsvRows rows;

        private Lines(OutputStream out) {
            this.out = out;
        }

        /** Whether the header is written. */
        public boolean hasHeader() {
            return rows != null;
        }

        /** Writes the header; once, before any row. */
        public void header(List<String> columns) throws IOException {
            if (rows != null) {
                throw new IllegalStateException("the header is written already");
            }
            rows = new CsvRows(out, columns);
        }

        /** Writes one row of as many cells as the header has. */
        public void row(List<String> cells) throws IOException {
            if (rows == null) {
                throw new IllegalStateException("write the header first");
            }
            rows.row(cells);
        }

        /**
         * Writes each row of {@code table}, after a first cell {@code first.apply(row)} when {@code first} is not
         * {@code null} (an id or an index).
         */
        public void table(Table table, java.util.function.IntFunction<String> first) throws IOException {
            for (int i = 0; i < table.rows(); i++) {
                cells.clear();
                if (first != null) {
                    cells.add(first.apply(i));
                }
                for (Column column : table.columns()) {
                    cells.add(column.cell(i));
                }
                row(cells);
            }
        }

        private void flush() throws IOException {
            if (rows != null) {
                rows.flush();
            }
        }
    }

    private static void checkPrefix(String prefix) {
        Objects.requireNonNull(prefix, "columnPrefix");
        if (prefix.isBlank()
                || prefix.chars().anyMatch(ch -> ch == ',' || ch == '"' || ch == '\n' || ch == '\r')
                || !prefix.equals(prefix.strip())
                || prefix.startsWith("#")) {
            throw new IllegalArgumentException(
                    "column prefix must be non-blank text without commas, quotes, line breaks, "
                            + "surrounding spaces or a leading '#', got '" + prefix + "'");
        }
        if (CsvCells.kind(prefix + "0") != CsvCells.Kind.TEXT) {
            throw new IllegalArgumentException("column prefix '" + prefix
                    + "' makes numeric column names, so the header could not be told from data");
        }
    }

    private static void checkFinite(Rows rows) {
        float[] values = rows.values();
        for (int i = 0; i < values.length; i++) {
            if (!Float.isFinite(values[i])) {
                throw new IllegalArgumentException(
                        rows.source() + ": row " + (i / rows.width()) + ", column " + (i % rows.width())
                                + " (both 0-based) is " + values[i] + "; only finite values can be written");
            }
        }
    }
}
