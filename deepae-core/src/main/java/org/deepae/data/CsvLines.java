package org.deepae.data;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.util.List;
import java.util.Locale;

/**
 * The lines of a CSV text, read with their cells counted on the way, so that a line longer or wider than allowed
 * is refused as soon as that shows instead of after it has been read whole.
 *
 * <p>Lines end at {@code \n}, {@code \r} or {@code \r\n}, as {@link java.io.BufferedReader#readLine} ends them.
 * A comment line (its first non-blank character {@code #}) is skipped without being kept and comes back as
 * {@code "#"}.
 *
 * <p>{@link #nextRecord} instead reads whole records split into cells at any delimiter, RFC 4180 quoting included:
 * a quoted cell may hold the delimiter, doubled quotes and line breaks.
 */
final class CsvLines {
    private final Reader in;
    private final String source;
    private final int maxLineChars;
    private final char[] buffer = new char[1 << 16];
    private final StringBuilder line = new StringBuilder();
    private int pos;
    private int end;
    private int lineNo;
    private boolean inLine;
    private int recordLine;
    private boolean started;

    CsvLines(Reader in, String source, int maxLineChars) {
        this.in = in;
        this.source = source;
        this.maxLineChars = maxLineChars;
    }

    /** The 1-based number of the line {@link #next} returned last. */
    int lineNo() {
        return lineNo;
    }

    /**
     * The next line without its terminator, or {@code null} at the end.
     *
     * @param maxCells the most cells the line may have, or 0 when any number up to {@link CsvReader#MAX_COLUMNS} is
     *     allowed
     * @param widthSource where {@code maxCells} comes from, for the message, such as {@code "as on line 1"}
     */
    String next(int maxCells, String widthSource) throws IOException {
        line.setLength(0);
        int cells = 1;
        int cellChars = 0;
        boolean cellStart = true;
        boolean quoted = false;
        boolean quotePending = false;
        boolean content = false;
        boolean comment = false;
        boolean bom = lineNo > 0;
        int c = read();
        if (c < 0) {
            return null;
        }
        lineNo++;
        inLine = true;
        for (; c >= 0 && c != '\n' && c != '\r'; c = read()) {
            if (comment) {
                continue;
            }
            if (!content) {
                if (c == '\ufeff' && !bom) {
                    bom = true;
                } else if (!Character.isWhitespace(c)) {
                    content = true;
                    if (c == '#') {
                        comment = true;
                        line.setLength(0);
                        line.append('#');
                        continue;
                    }
                }
            }
            if (line.length() >= maxLineChars) {
                throw new DataFormatException(
                        source,
                        "line " + lineNo + " is longer than the limit of " + count(maxLineChars)
                                + " characters per line");
            }
            line.append((char) c);
            if (quoted) {
                if (quotePending && c == '"') {
                    quotePending = false;
                } else if (quotePending) {
                    quoted = false;
                    quotePending = false;
                } else if (c == '"') {
                    quotePending = true;
                    continue;
                }
            }
            if (!quoted) {
                if (c == ',') {
                    cells++;
                    requireWidth(lineNo, cells, maxCells, widthSource, "column");
                    cellChars = 0;
                    cellStart = true;
                    continue;
                }
                if (cellStart) {
                    if (c == ' ' || c == '\t' || c == '\u00a0' || c == '\ufeff') {
                        continue;
                    }
                    cellStart = false;
                    if (c == '"') {
                        quoted = true;
                        continue;
                    }
                }
            }
            if (++cellChars > CsvReader.MAX_CELL_CHARS) {
                throw new DataFormatException(
                        source,
                        "line " + lineNo + ", column " + cells + ": a cell longer than the limit of "
                                + count(CsvReader.MAX_CELL_CHARS) + " characters");
            }
        }
        if (c == '\r' && peek() == '\n') {
            read();
        }
        inLine = false;
        return line.toString();
    }

    /** The 1-based line on which the record {@link #nextRecord} returned last began. */
    int recordLine() {
        return recordLine;
    }

    /**
     * Reads the next record into {@code cells}: the cells of one line, or of several when a quoted cell holds line
     * breaks. Cells are split at {@code delimiter} outside double quotes; an unquoted cell is trimmed of blanks
     * (spaces, tabs that are not the delimiter, no-break spaces), a quoted cell is kept verbatim between its quotes,
     * with {@code ""} read as one quote, and only blanks may surround it. A byte order mark starting the text, blank
     * lines and, when {@code comments}, lines whose first non-blank character is {@code #} are skipped. Line numbers
     * count physical lines, those inside quoted cells included.
     *
     * @param maxCells the most cells the record may have, or 0 when any number up to {@link CsvReader#MAX_COLUMNS} is
     *     allowed; the read stops at the first cell too many
     * @param widthSource where {@code maxCells} comes from, for the message, such as {@code "as on line 1"}
     * @return {@code false} at the end of the text
     * @throws DataFormatException when a limit is passed, a quote is not closed or text follows a closing quote
     */
    boolean nextRecord(char delimiter, boolean comments, int maxCells, String widthSource, List<String> cells)
            throws IOException {
        cells.clear();
        StringBuilder cell = line;
        while (true) {
            int c = read();
            if (!started) {
                started = true;
                if (c == '\ufeff') {
                    c = read();
                }
            }
            if (c < 0) {
                return false;
            }
            lineNo++;
            inLine = true;
            recordLine = lineNo;
            cell.setLength(0);
            int state = START;
            int trimmed = 0;
            int recordChars = 0;
            int cellLine = lineNo;
            for (; ; c = read()) {
                if (state == QUOTED) {
                    if (c < 0) {
                        throw new DataFormatException(
                                source,
                                "line " + cellLine + ", cell " + (cells.size() + 1) + ": the quote"
                                        + " opened there is not closed by the end of the file");
                    }
                    countChar(++recordChars);
                    if (c == '"') {
                        state = QUOTE_SEEN;
                    } else {
                        if (c == '\n' || (c == '\r' && peek() != '\n')) {
                            lineNo++;
                        }
                        append(cell, c, cells.size(), cellLine, true);
                    }
                    continue;
                }
                boolean lineEnd = c < 0 || c == '\n' || c == '\r';
                if (lineEnd && state == START && cells.isEmpty()) {
                    break; // a blank line
                }
                if (lineEnd || c == delimiter) {
                    cells.add(state == UNQUOTED ? cell.substring(0, trimmed) : cell.toString());
                    if (lineEnd) {
                        break;
                    }
                    countChar(++recordChars);
                    int next = cells.size() + 1;
                    requireWidth(recordLine, next, maxCells, widthSource, "cell");
                    cell.setLength(0);
                    state = START;
                    cellLine = lineNo;
                    continue;
                }
                countChar(++recordChars);
                if (state == START) {
                    if (isBlank(c)) {
                        continue;
                    }
                    if (c == '#' && comments && cells.isEmpty()) {
                        c = skipLine();
                        break;
                    }
                    if (c == '"') {
                        state = QUOTED;
                        cellLine = lineNo;
                        continue;
                    }
                    state = UNQUOTED;
                }
                if (state == UNQUOTED) {
                    append(cell, c, cells.size(), cellLine, false);
                    if (!isBlank(c)) {
                        trimmed = cell.length();
                    }
                } else if (state == QUOTE_SEEN && c == '"') {
                    append(cell, c, cells.size(), cellLine, true);
                    state = QUOTED;
                } else if (isBlank(c)) {
                    state = AFTER_QUOTE;
                } else {
                    throw new DataFormatException(
                            source,
                            "line " + lineNo + ", cell " + (cells.size() + 1) + ": text follows"
                                    + " the closing quote of a quoted cell (a quote inside a quoted cell is "
                                    + "written twice: \"\")");
                }
            }
            if (c == '\r' && peek() == '\n') {
                read();
            }
            inLine = false;
            if (!cells.isEmpty()) {
                return true;
            }
        }
    }

    private void countChar(int recordChars) throws DataFormatException {
        if (recordChars > maxLineChars) {
            throw new DataFormatException(
                    source,
                    (recordLine == lineNo ? "line " + lineNo : "the record on lines " + recordLine + " to " + lineNo)
                            + " is longer than the limit of " + count(maxLineChars)
                            + " characters per line");
        }
    }

    private static final int START = 0;
    private static final int UNQUOTED = 1;
    private static final int QUOTED = 2;
    private static final int QUOTE_SEEN = 3;
    private static final int AFTER_QUOTE = 4;

    private static boolean isBlank(int c) {
        return c == ' ' || c == '\t' || c == '\u00a0' || c == '\ufeff';
    }

    private void append(StringBuilder cell, int c, int index, int cellLine, boolean quoted) throws DataFormatException {
        if (cell.length() >= CsvReader.MAX_CELL_CHARS) {
            throw new DataFormatException(
                    source,
                    "line " + cellLine + ", cell " + (index + 1) + ": a cell longer than the"
                            + " limit of " + count(CsvReader.MAX_CELL_CHARS) + " characters"
                            + (quoted && lineNo > cellLine
                                    ? "; is the quote opened there missing its closing quote?"
                                    : ""));
        }
        cell.append((char) c);
    }

    /** Skips the rest of a comment line; returns its terminator ({@code -1} at the end of the text). */
    private int skipLine() throws IOException {
        int c;
        do {
            c = read();
        } while (c >= 0 && c != '\n' && c != '\r');
        return c;
    }

    /**
     * Refuses a line once its {@code at}-th {@code noun} (column or cell) is one more than {@code maxCells} (when
     * positive) or than {@link CsvReader#MAX_COLUMNS}.
     */
    private void requireWidth(int line, int at, int maxCells, String widthSource, String noun)
            throws DataFormatException {
        if (maxCells > 0 && at > maxCells) {
            throw new DataFormatException(
                    source,
                    "line " + line + " has more than " + maxCells + " " + noun
                            + (maxCells == 1 ? "" : "s") + ", expected " + maxCells + " (" + widthSource
                            + "); stopped reading it at "
                            + noun + " " + at);
        }
        if (at > CsvReader.MAX_COLUMNS) {
            throw new DataFormatException(
                    source,
                    "line " + line + " has more than the limit of " + count(CsvReader.MAX_COLUMNS) + " " + noun + "s");
        }
    }

    private static String count(int n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    private int peek() throws IOException {
        if (pos == end && !fill()) {
            return -1;
        }
        return buffer[pos];
    }

    private int read() throws IOException {
        if (pos == end && !fill()) {
            return -1;
        }
        return buffer[pos++];
    }

    private boolean fill() throws IOException {
        int n;
        try {
            n = in.read(buffer);
        } catch (CharacterCodingException e) {
            throw new DataFormatException(
                    source,
                    "line " + (inLine ? lineNo : lineNo + 1) + ": expected UTF-8 text, "
                            + "found bytes that are not; is this a binary file?",
                    e);
        }
        if (n <= 0) {
            return false;
        }
        pos = 0;
        end = n;
        return true;
    }
}
