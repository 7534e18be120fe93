package org.deepae.data;

import java.util.Objects;
import java.util.Set;

/**
 * How {@link CsvTableReader} reads a CSV or TSV table.
 *
 * @param delimiter the cell delimiter, or {@code null} to sniff {@code ,} {@code ;} or tab from the first lines
 * @param header whether the first line is a header
 * @param textColumns names of columns kept as text even when every cell is a number (such as zip codes or ids)
 * @param comments whether lines whose first non-blank character is {@code #} are skipped as comments
 */
public record CsvTableOptions(Character delimiter, Header header, Set<String> textColumns, boolean comments) {

    /** Sniffed delimiter, header decided from the first line, no forced text columns, {@code #} comments skipped. */
    public static final CsvTableOptions DEFAULT = new CsvTableOptions(null, Header.AUTO, Set.of(), true);

    /** Whether the first line is a header. */
    public enum Header {
        /** The first line is the header when none of its cells is a number. */
        AUTO,
        /** The first line is the header, whatever it holds. */
        PRESENT,
        /**
         * There is no header: the first line is data and the columns are named {@code column_1}, {@code column_2}...
         */
        ABSENT
    }

    public CsvTableOptions {
        Objects.requireNonNull(header, "header");
        textColumns = Set.copyOf(textColumns);
        if (delimiter != null) {
            char d = delimiter;
            if (d == '"'
                    || d == '\n'
                    || d == '\r'
                    || (d != '\t' && Character.isWhitespace(d))
                    || d == '\u00a0'
                    || d == '\ufeff') {
                throw new IllegalArgumentException(
                        "the delimiter must not be a quote, a line break or a blank other than tab, got U+"
                                + String.format("%04X", (int) d));
            }
        }
    }

    /** These options with {@code delimiter} (null to sniff it). */
    public CsvTableOptions withDelimiter(Character delimiter) {
        return new CsvTableOptions(delimiter, header, textColumns, comments);
    }

    /** These options with {@code header}. */
    public CsvTableOptions withHeader(Header header) {
        return new CsvTableOptions(delimiter, header, textColumns, comments);
    }

    /** These options with {@code textColumns} kept as text. */
    public CsvTableOptions withTextColumns(Set<String> textColumns) {
        return new CsvTableOptions(delimiter, header, textColumns, comments);
    }

    /** These options with {@code #} comment lines skipped or not. */
    public CsvTableOptions withComments(boolean comments) {
        return new CsvTableOptions(delimiter, header, textColumns, comments);
    }
}
