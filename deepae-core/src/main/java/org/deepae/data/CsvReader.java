package org.deepae.data;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads comma-separated numeric rows from a UTF-8 text file.
 *
 * <ul>
 *   <li>Blank lines and lines starting with {@code #} are skipped; cells are trimmed and may be double-quoted.
 *   <li>The first remaining line is a header when none of its cells is a number (an empty cell is not one), and data
 *       when all are; a first line that mixes numbers and text is refused, naming its text cells, rather than taken
 *       as a header and lost.
 *   <li>The label column is chosen by {@code labelColumn}: a header name (exact match), else a 0-based column index.
 *       When {@code labelColumn} is {@code null} and the header has a column named exactly {@code label}, that column
 *       holds the labels. Labels must be whole numbers &ge; 0; the label column is not part of the values.
 *   <li>Values must be finite: {@code NaN}, {@code inf} and their spellings are rejected.
 * </ul>
 *
 * <p>Lines are read with their cells counted ({@link CsvLines}): a line with more cells than the first, a cell longer
 * than {@link #MAX_CELL_CHARS}, a line longer than {@link #MAX_LINE_CHARS} or wider than {@link #MAX_COLUMNS} is
 * refused as soon as that shows, before the rest of the line is read.
 *
 * <p>Messages name the file and the 1-based line and column, as text editors count them.
 */
public final class CsvReader {
    private static final Logger LOG = LoggerFactory.getLogger(CsvReader.class);

    /** The most characters one cell may have: 1 MiB = 1,048,576; a longer cell is refused as soon as it is read. */
    public static final int MAX_CELL_CHARS = 1 << 20;

    /**
     * The most characters one line may have: 64 MiB = 67,108,864 (a line is held as a string while its cells are
     * parsed, so this bounds that at 64-128 MB).
     */
    public static final int MAX_LINE_CHARS = 1 << 26;

    /** The most columns one line may have: 2^20 = 1,048,576 (a 1024 x 1024 image per row). */
    public static final int MAX_COLUMNS = 1 << 20;

    /** The header name that marks the label column when none is given. */
    public static final String LABEL_HEADER = "label";

    private CsvReader() {}

    /** Reads {@code file}, taking labels from a {@code label} header column if there is one. */
    public static Rows read(Path file) throws IOException {
        return read(file, null);
    }

    /** Reads {@code file} with labels from {@code labelColumn} (a header name, a 0-based index, or {@code null}). */
    public static Rows read(Path file, String labelColumn) throws IOException {
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return read(in, file.toString(), labelColumn, MAX_LINE_CHARS);
        }
    }

    /**
     * Reads CSV text from {@code in}, naming {@code source} in messages, with lines of at most {@code maxLineChars}.
     */
    static Rows read(Reader in, String source, String labelColumn, int maxLineChars) throws IOException {
        return new Parse(source, labelColumn).run(new CsvLines(in, source, maxLineChars));
    }

    /** The state of reading one file. */
    private static final class Parse {
        private final String source;
        private final String labelColumn;
        private int lineNo;
        private int columns = -1;
        private int labelIndex = -1;
        private int headerLine;
        private int firstDataLine;
        private float[] values = new float[1 << 12];
        private int filled;
        private int[] labels;
        private int count;

        Parse(String source, String labelColumn) {
            this.source = source;
            this.labelColumn = labelColumn;
        }

        Rows run(CsvLines in) throws IOException {
            List<String> cells = new ArrayList<>();
            String line;
            while ((line = in.next(Math.max(columns, 0), "as on line " + (headerLine > 0 ? headerLine : firstDataLine)))
                    != null) {
                lineNo = in.lineNo();
                String trimmed = line.strip();
                if (lineNo == 1 && trimmed.startsWith("\ufeff")) {
                    trimmed = trimmed.substring(1).strip();
                }
                if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                    continue;
                }
                if (CsvCells.split(trimmed, cells) == null) {
                    throw error("line " + lineNo + ": a quoted cell is not closed, or text follows its closing quote");
                }
                if (columns < 0) {
                    start(trimmed, cells);
                    if (headerLine == lineNo) {
                        continue;
                    }
                }
                addRow(cells);
            }
            if (count == 0) {
                throw error(
                        headerLine > 0
                                ? "line " + headerLine + " is a header but no data rows follow"
                                : "no data: the file is empty or holds only blank and comment lines");
            }
            int width = columns - (labelIndex >= 0 ? 1 : 0);
            return new Rows(
                    Arrays.copyOf(values, filled),
                    count,
                    width,
                    labels == null ? null : Arrays.copyOf(labels, count),
                    source);
        }

        /** Takes the first content line: decides whether it is a header, and where the labels are. */
        private void start(String line, List<String> cells) throws DataFormatException {
            if (cells.size() == 1 && CsvCells.kind(cells.get(0)) == CsvCells.Kind.TEXT) {
                String hint = CsvCells.delimiterHint(line);
                if (hint != null) {
                    throw error("line " + lineNo + ": found a single column; " + hint);
                }
            }
            columns = cells.size();
            List<String> header = null;
            StringBuilder text = new StringBuilder();
            int textCells = 0;
            for (int c = 0; c < cells.size(); c++) {
                String cell = cells.get(c);
                if (CsvCells.kind(cell) == CsvCells.Kind.TEXT) {
                    if (++textCells <= 3) {
                        text.append(textCells == 1 ? "" : ", ")
                                .append("cell ")
                                .append(c + 1)
                                .append(' ')
                                .append(cell.isEmpty() ? "(empty)" : Quoted.of(cell));
                    }
                }
            }
            if (textCells == cells.size()) {
                header = List.copyOf(cells);
                headerLine = lineNo;
                LOG.debug("{}: line {} is the header, since none of its {} cells is a number", source, lineNo, columns);
            } else if (textCells > 0) {
                throw error("line " + lineNo + " mixes numbers and text: " + text
                        + (textCells > 3 ? " and " + (textCells - 3) + " more" : "")
                        + "; a header must have no numeric cell, and a data row only numbers");
            } else {
                LOG.debug("{}: no header, since line {} holds only numbers", source, lineNo);
            }
            labelIndex = labelIndex(header);
            if (labelIndex >= 0) {
                labels = new int[1 << 10];
            }
            if (columns - (labelIndex >= 0 ? 1 : 0) == 0) {
                throw error(
                        "line " + lineNo + ": the only column is the label column; expected at least one value column");
            }
        }

        private int labelIndex(List<String> header) throws DataFormatException {
            if (labelColumn == null) {
                return header == null ? -1 : header.indexOf(LABEL_HEADER);
            }
            if (header != null && header.contains(labelColumn)) {
                return header.indexOf(labelColumn);
            }
            int index = parseIndex(labelColumn.strip());
            if (index < 0) {
                throw error(
                        header == null
                                ? "label column " + Quoted.of(labelColumn)
                                        + " must be a 0-based column index, since the file has no header"
                                : "line " + headerLine + ": no column named " + Quoted.of(labelColumn)
                                        + " in the header " + Quoted.of(String.join(",", header)));
            }
            if (index >= columns) {
                throw error("line " + lineNo + ": label column " + index + " (0-based) is out of range; the line has "
                        + columns + " columns");
            }
            return index;
        }

        private static int parseIndex(String s) {
            if (s.isEmpty() || s.length() > 9) {
                return -1;
            }
            for (int i = 0; i < s.length(); i++) {
                if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                    return -1;
                }
            }
            return Integer.parseInt(s);
        }

        private void addRow(List<String> cells) throws DataFormatException {
            if (count == 0) {
                firstDataLine = lineNo;
            }
            if (cells.size() != columns) {
                String hint = cells.size() == 1 ? CsvCells.delimiterHint(cells.get(0)) : null;
                throw error("line " + lineNo + " has " + cells.size() + " column" + (cells.size() == 1 ? "" : "s")
                        + ", expected " + columns + " (as on line " + (headerLine > 0 ? headerLine : firstDataLine)
                        + ")"
                        + (hint == null ? "" : "; " + hint));
            }
            int width = columns - (labelIndex >= 0 ? 1 : 0);
            if (filled + width > values.length) {
                grow(width);
            }
            for (int c = 0; c < columns; c++) {
                String cell = cells.get(c);
                if (c == labelIndex) {
                    int label = parseLabel(cell, c); // may grow the array, so read the field only afterwards
                    labels[count] = label;
                } else {
                    values[filled++] = parseValue(cell, c);
                }
            }
            count++;
        }

        private void grow(int width) throws DataFormatException {
            long needed = (long) filled + width;
            if (needed > IdxHeader.MAX_ARRAY) {
                throw error(
                        "line " + lineNo + ": more than the " + IdxHeader.MAX_ARRAY + " values a Java array can hold");
            }
            values = Arrays.copyOf(values, (int) Math.min(IdxHeader.MAX_ARRAY, Math.max(needed, 2L * values.length)));
        }

        private float parseValue(String cell, int column) throws DataFormatException {
            float fast = CsvCells.fastParse(cell);
            if (!Float.isNaN(fast)) {
                if (Float.isInfinite(fast)) {
                    throw error(at(column) + Quoted.of(cell) + " is too large for a 32-bit float");
                }
                return fast;
            }
            switch (CsvCells.kind(cell)) {
                case NUMBER -> {
                    float v = Float.parseFloat(cell);
                    if (Float.isInfinite(v)) {
                        throw error(at(column) + Quoted.of(cell) + " is too large for a 32-bit float");
                    }
                    return v;
                }
                case NOT_FINITE ->
                    throw error(at(column) + Quoted.of(cell) + " is not a finite number; expected finite values");
                default -> {
                    String hint = CsvCells.delimiterHint(cell);
                    throw error(at(column) + (cell.isEmpty() ? "empty cell" : Quoted.of(cell)) + " is not a number"
                            + (hint == null ? "" : "; " + hint));
                }
            }
        }

        private int parseLabel(String cell, int column) throws DataFormatException {
            if (labels.length <= count) {
                labels = Arrays.copyOf(labels, (int) Math.min(IdxHeader.MAX_ARRAY, 2L * labels.length + 1));
            }
            if (CsvCells.kind(cell) == CsvCells.Kind.NUMBER) {
                double d = Double.parseDouble(cell);
                if (d >= 0 && d <= Integer.MAX_VALUE && d == Math.rint(d)) {
                    return (int) d;
                }
            }
            throw error(at(column) + "label " + Quoted.of(cell) + " is not a whole number >= 0");
        }

        private String at(int column) {
            return "line " + lineNo + ", column " + (column + 1) + ": ";
        }

        private DataFormatException error(String problem) {
            return new DataFormatException(source, problem);
        }
    }
}
