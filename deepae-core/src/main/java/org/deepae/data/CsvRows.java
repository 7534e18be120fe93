package org.deepae.data;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Writes CSV lines (RFC 4180: a cell holding a comma, a quote or a line break is quoted, its quotes doubled) to a
 * stream, one row at a time, so that per-row outputs of any length are written without holding them.
 */
public final class CsvRows {
    private final Writer out;
    private final int width;

    /** Starts a CSV on {@code out} with the header {@code columns}; the caller closes {@code out}. */
    public CsvRows(OutputStream out, List<String> columns) throws IOException {
        this.out = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
        this.width = columns.size();
        row(columns);
    }

    /** Writes one row of exactly as many cells as the header has. */
    public void row(List<String> cells) throws IOException {
        if (cells.size() != width) {
            throw new IllegalArgumentException("expected " + width + " cells, got " + cells.size());
        }
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                out.write(',');
            }
            cell(cells.get(i));
        }
        out.write('\n');
    }

    /** Flushes what is buffered to the stream. */
    public void flush() throws IOException {
        out.flush();
    }

    private void cell(String value) throws IOException {
        if (value == null) {
            return;
        }
        boolean quote = false;
        for (int i = 0; i < value.length() && !quote; i++) {
            char c = value.charAt(i);
            quote = c == ',' || c == '"' || c == '\n' || c == '\r';
        }
        if (!quote
                && !value.isEmpty()
                && (Character.isWhitespace(value.charAt(0))
                        || Character.isWhitespace(value.charAt(value.length() - 1)))) {
            quote = true;
        }
        if (!quote) {
            out.write(value);
            return;
        }
        out.write('"');
        out.write(value.replace("\"", "\"\""));
        out.write('"');
    }
}
