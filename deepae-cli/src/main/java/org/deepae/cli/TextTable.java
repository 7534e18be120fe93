package org.deepae.cli;

import java.util.List;

/** A plain-text table with aligned columns: text left-aligned, numbers right-aligned. */
final class TextTable {

    private TextTable() {}

    static String format(List<String> header, List<List<String>> rows) {
        int[] widths = new int[header.size()];
        for (int c = 0; c < widths.length; c++) {
            widths[c] = header.get(c).length();
            for (List<String> row : rows) {
                widths[c] = Math.max(widths[c], row.get(c).length());
            }
        }
        StringBuilder out = new StringBuilder();
        appendRow(out, header, widths, rows.isEmpty() ? header : rows.get(0));
        for (List<String> row : rows) {
            appendRow(out, row, widths, row);
        }
        return out.toString();
    }

    private static void appendRow(StringBuilder out, List<String> cells, int[] widths, List<String> sample) {
        out.append(' ');
        for (int c = 0; c < cells.size(); c++) {
            boolean number = sample.get(c).matches("-?[0-9.,]+(e-?[0-9]+)?");
            String cell = cells.get(c);
            String pad = " ".repeat(widths[c] - cell.length());
            out.append(' ').append(number ? pad + cell : cell + pad).append(' ');
        }
        out.setLength(out.length() - 1);
        out.append('\n');
    }
}
