package org.deepae.data;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * What {@link CsvTableReader} found out about a file, and why, in words a user can check: the delimiter, whether the
 * first line is the header, and each column's name and kind.
 *
 * @param source the file
 * @param delimiter the cell delimiter
 * @param delimiterReason why that delimiter, such as {@code "';' gives 4 cells on each of the first 20 lines"}
 * @param header whether the first line is the header
 * @param headerReason the header rule that decided, such as
 *     {@code "line 1 is the header: none of its 5 cells is a number"}
 * @param columns each column's name, kind and why it has that kind, in file order
 * @param notes what else was changed or is worth knowing: renamed header cells, columns with no value
 */
public record CsvLayout(
        String source,
        char delimiter,
        String delimiterReason,
        boolean header,
        String headerReason,
        List<ColumnLayout> columns,
        List<String> notes) {

    /** How many lines the delimiter is sniffed from. */
    public static final int SNIFF_LINES = 20;

    /** The candidates for the delimiter, in order of preference (tab first for {@code .tsv} files). */
    private static final char[] CANDIDATES = {',', ';', '\t'};

    public CsvLayout {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(delimiterReason, "delimiterReason");
        Objects.requireNonNull(headerReason, "headerReason");
        columns = List.copyOf(columns);
        notes = List.copyOf(notes);
    }

    /**
     * A column's name and kind, and why it has that kind.
     *
     * @param name the column's name
     * @param kind what it holds
     * @param reason why, such as {@code "text: line 7 has 'n/a yet'"}, {@code "numeric"} or
     *     {@code "text: named in the text columns option"}
     */
    public record ColumnLayout(String name, Column.Kind kind, String reason) {}

    /** The name and kind of each column. */
    public List<TableSource.ColumnHead> heads() {
        return columns.stream()
                .map(c -> new TableSource.ColumnHead(c.name(), c.kind()))
                .toList();
    }

    /** The layout as lines for a person: delimiter, header, then one line per text column and one per note. */
    public List<String> describe() {
        List<String> lines = new ArrayList<>();
        lines.add("delimiter " + name(delimiter) + ": " + delimiterReason);
        lines.add(headerReason);
        long numeric =
                columns.stream().filter(c -> c.kind() == Column.Kind.NUMERIC).count();
        lines.add(columns.size() + " columns: " + numeric + " numeric, " + (columns.size() - numeric) + " text");
        for (ColumnLayout c : columns) {
            if (c.kind() == Column.Kind.TEXT) {
                lines.add("column " + Quoted.of(c.name()) + " is " + c.reason());
            }
        }
        lines.addAll(notes);
        return lines;
    }

    /** Names quoted and joined for a message, the first ten and how many more. */
    static String list(List<String> names) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < Math.min(10, names.size()); i++) {
            s.append(i == 0 ? "" : ", ").append(Quoted.of(names.get(i)));
        }
        return names.size() > 10 ? s + " and " + (names.size() - 10) + " more" : s.toString();
    }

    /** A hint when {@code text} is a number written with a decimal comma, such as {@code 3,5}; else empty. */
    static String decimalCommaHint(String text) {
        int comma = text.indexOf(',');
        if (comma < 0
                || comma != text.lastIndexOf(',')
                || !CsvTableReader.isNumber(text.substring(0, comma) + '.' + text.substring(comma + 1))) {
            return "";
        }
        return " (a decimal comma? numbers are read with a decimal point)";
    }

    /** A delimiter as a message names it: {@code ','} or {@code tab}. */
    static String name(char delimiter) {
        return delimiter == '\t' ? "tab" : "'" + delimiter + "'";
    }

    /**
     * A delimiter and why.
     *
     * @param delimiter the delimiter
     * @param reason why it was taken
     */
    record Sniffed(char delimiter, String reason) {}

    /**
     * Sniffs the delimiter from the first {@link #SNIFF_LINES} lines (records, quoted line breaks included; blank and
     * comment lines skipped): a candidate fits when it splits every one of them into the same number of cells, at
     * least 2. The first candidate that fits wins, in the order {@code ,} {@code ;} tab ({@code .tsv} files: tab
     * first).
     * Else, when only one candidate splits any line at all, it is taken (the read then names the ragged line); when no
     * line holds any candidate outside quotes, the file has one column. Otherwise the delimiter is ambiguous.
     *
     * @throws DataFormatException naming the file and suggesting the delimiter option when no candidate fits
     */
    static Sniffed sniffDelimiter(Path file, boolean comments) throws IOException {
        String source = file.toString();
        char[] order = file.getFileName() != null
                        && file.getFileName()
                                .toString()
                                .toLowerCase(Locale.ROOT)
                                .endsWith(".tsv")
                ? new char[] {'\t', ',', ';'}
                : CANDIDATES;
        int[] min = new int[order.length];
        int[] max = new int[order.length];
        int lines = 0;
        IOException firstError = null;
        List<String> cells = new ArrayList<>();
        for (int k = 0; k < order.length; k++) {
            min[k] = Integer.MAX_VALUE;
            try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                CsvLines records = new CsvLines(in, source, CsvReader.MAX_LINE_CHARS);
                int n = 0;
                while (n < SNIFF_LINES && records.nextRecord(order[k], comments, 0, "", cells)) {
                    n++;
                    min[k] = Math.min(min[k], cells.size());
                    max[k] = Math.max(max[k], cells.size());
                }
                lines = Math.max(lines, n);
            } catch (DataFormatException e) {
                // this candidate does not fit (say, a quote it leaves unclosed); remember why, should none fit
                firstError = firstError == null ? e : firstError;
                min[k] = -1;
            }
        }
        String span = lines == 1 ? "on line 1" : "on each of the first " + lines + " lines";
        for (int k = 0; k < order.length; k++) {
            if (min[k] >= 2 && min[k] == max[k]) {
                return new Sniffed(order[k], name(order[k]) + " gives " + min[k] + " cells " + span);
            }
        }
        boolean single = true;
        for (int k = 0; k < order.length; k++) {
            single &= min[k] == max[k] && max[k] <= 1;
        }
        if (single && lines > 0) {
            return new Sniffed(order[0], "one column: no line holds ',', ';' or a tab outside quotes");
        }
        if (lines == 0 && firstError == null) {
            return new Sniffed(order[0], "the file holds no line to sniff from");
        }
        int present = -1;
        int presentCount = 0;
        for (int k = 0; k < order.length; k++) {
            if (max[k] >= 2) {
                present = k;
                presentCount++;
            }
        }
        if (presentCount == 1 && min[present] >= 1) {
            return new Sniffed(
                    order[present],
                    name(order[present]) + " is the only candidate found outside quotes (it gives " + min[present]
                            + " to " + max[present] + " cells a line)");
        }
        if (min[0] < 0 && firstError != null) {
            throw firstError;
        }
        StringBuilder found = new StringBuilder();
        for (int k = 0; k < order.length; k++) {
            found.append(k == 0 ? "" : ", ").append(name(order[k]));
            found.append(
                    min[k] < 0 ? " fails" : " gives " + (min[k] == max[k] ? "" + min[k] : min[k] + " to " + max[k]));
        }
        throw new DataFormatException(
                source,
                "cannot tell the delimiter: on the first " + lines + " lines " + found
                        + " cells, and none gives the same number (at least 2) on every line; give the delimiter "
                        + "explicitly"
                        + " (delimiter option)");
    }

    /**
     * Whether the first line is the header, and a one-line explanation.
     *
     * @param header whether it is
     * @param reason the rule that decided
     */
    record HeaderDecision(boolean header, String reason) {}

    /**
     * Decides whether {@code cells}, the first line ({@code line}), is the header: as {@code option} says, or, when it
     * says {@link CsvTableOptions.Header#AUTO}, when none of its cells is a number (empty cells, missing-value tokens
     * and {@code inf} are not numbers).
     */
    static HeaderDecision decideHeader(List<String> cells, int line, CsvTableOptions.Header option) {
        switch (option) {
            case PRESENT -> {
                return new HeaderDecision(true, "line " + line + " is the header, as the options say");
            }
            case ABSENT -> {
                return new HeaderDecision(
                        false,
                        "no header, as the options say: line " + line + " is data and the "
                                + "columns are named column_1 to column_" + cells.size());
            }
            default -> {
                StringBuilder numbers = new StringBuilder();
                int count = 0;
                for (int c = 0; c < cells.size(); c++) {
                    if (CsvTableReader.isNumber(cells.get(c)) && ++count <= 3) {
                        numbers.append(count == 1 ? "" : ", ")
                                .append("column ")
                                .append(c + 1)
                                .append(' ')
                                .append(Quoted.of(cells.get(c)));
                    }
                }
                if (count == 0) {
                    return new HeaderDecision(
                            true,
                            "line " + line + " is the header: none of its " + cells.size() + " cell"
                                    + (cells.size() == 1 ? " is a number" : "s is a number"));
                }
                return new HeaderDecision(
                        false,
                        "no header: line " + line + " has numeric cells (" + numbers
                                + (count > 3 ? " and " + (count - 3) + " more" : "") + "), so it is data");
            }
        }
    }

    /**
     * The column names: {@code header}'s cells made unique ({@code a}, {@code a_2}, {@code a_3}...; an empty cell is
     * named {@code column_N}, 1-based), or {@code column_1} to {@code column_width} when {@code header} is
     * {@code null}. Each change is described in {@code notes}.
     */
    static List<String> names(List<String> header, int width, List<String> notes) {
        List<String> base = new ArrayList<>();
        for (int c = 0; c < width; c++) {
            String cell = header == null ? "" : header.get(c);
            if (header != null && cell.isEmpty()) {
                notes.add("column " + (c + 1) + " has an empty header cell; named column_" + (c + 1));
            }
            base.add(cell.isEmpty() ? "column_" + (c + 1) : cell);
        }
        Set<String> given = new HashSet<>(base);
        Set<String> taken = new HashSet<>();
        List<String> names = new ArrayList<>();
        for (int c = 0; c < width; c++) {
            String name = base.get(c);
            if (!taken.add(name)) {
                int k = 2;
                while (given.contains(name + "_" + k) || taken.contains(name + "_" + k)) {
                    k++;
                }
                String unique = name + "_" + k;
                taken.add(unique);
                notes.add("column " + (c + 1) + ": the header " + Quoted.of(name) + " repeats column "
                        + (base.indexOf(name) + 1) + "'s; named " + Quoted.of(unique));
                name = unique;
            }
            names.add(name);
        }
        return names;
    }
}
