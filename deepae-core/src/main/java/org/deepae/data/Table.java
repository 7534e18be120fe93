package org.deepae.data;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Raw columns of a table as read from a CSV, TSV or Parquet file, before any preprocessing: each column numeric
 * ({@code NaN} = missing) or text ({@code null} = missing), all of the same length, with distinct names.
 *
 * @param source the file the rows came from, for messages
 * @param columns the columns, in file order
 * @param rows number of rows
 */
public record Table(String source, List<Column> columns, int rows) {

    public Table {
        Objects.requireNonNull(source, "source");
        columns = List.copyOf(columns);
        if (rows < 0) {
            throw new IllegalArgumentException("row count must not be negative, got " + rows);
        }
        Set<String> names = new HashSet<>();
        for (Column column : columns) {
            if (column.size() != rows) {
                throw new IllegalArgumentException(
                        "column " + column.name() + " has " + column.size() + " rows, expected " + rows);
            }
            if (!names.add(column.name())) {
                throw new IllegalArgumentException("two columns are named " + Quoted.of(column.name()));
            }
        }
    }

    /** A table of {@code columns}, whose row count is that of the first column (0 when there is none). */
    public static Table of(String source, List<Column> columns) {
        return new Table(source, columns, columns.isEmpty() ? 0 : columns.get(0).size());
    }

    /**
     * The rows of {@code chunks} one after the other (chunks of one {@link TableSource}: the same columns, of the
     * same kinds, in the same order).
     */
    public static Table concat(String source, List<Table> chunks) {
        if (chunks.isEmpty()) {
            throw new IllegalArgumentException("expected at least one chunk");
        }
        if (chunks.size() == 1) {
            return chunks.get(0);
        }
        int rows = Math.toIntExact(chunks.stream().mapToLong(Table::rows).sum());
        Table first = chunks.get(0);
        List<Column> columns = new ArrayList<>();
        for (int c = 0; c < first.columns().size(); c++) {
            Column head = first.column(c);
            int at = 0;
            if (head instanceof Column.Numeric) {
                double[] values = new double[rows];
                for (Table chunk : chunks) {
                    double[] part = ((Column.Numeric) chunk.column(c)).values();
                    System.arraycopy(part, 0, values, at, part.length);
                    at += part.length;
                }
                columns.add(new Column.Numeric(head.name(), values));
            } else {
                String[] values = new String[rows];
                for (Table chunk : chunks) {
                    String[] part = ((Column.Text) chunk.column(c)).values();
                    System.arraycopy(part, 0, values, at, part.length);
                    at += part.length;
                }
                columns.add(new Column.Text(head.name(), values));
            }
        }
        return new Table(source, columns, rows);
    }

    /** The columns' names, in order. */
    public List<String> names() {
        return columns.stream().map(Column::name).toList();
    }

    /** Column {@code i} (0-based). */
    public Column column(int i) {
        return columns.get(i);
    }

    /**
     * The index of the column named by {@code nameOrIndex}: a column's exact name, else a 0-based index.
     *
     * @throws DataFormatException naming the file and the columns there are, when there is no such column
     */
    public int indexOf(String nameOrIndex) throws DataFormatException {
        Objects.requireNonNull(nameOrIndex, "nameOrIndex");
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).name().equals(nameOrIndex)) {
                return i;
            }
        }
        String s = nameOrIndex.strip();
        if (!s.isEmpty() && s.length() <= 9 && s.chars().allMatch(c -> c >= '0' && c <= '9')) {
            int index = Integer.parseInt(s);
            if (index < columns.size()) {
                return index;
            }
            throw new DataFormatException(
                    source,
                    "column index " + index + " (0-based) is out of range: the table has " + columns.size()
                            + " columns");
        }
        List<String> names = names();
        String known = names.size() <= 10
                ? String.join(", ", names)
                : String.join(", ", names.subList(0, 10)) + " and " + (names.size() - 10) + " more";
        throw new DataFormatException(
                source, "no column named " + Quoted.of(nameOrIndex) + "; the columns are " + known);
    }

    /** This table without the columns at {@code indices}. */
    public Table without(Collection<Integer> indices) {
        List<Column> kept = new ArrayList<>();
        for (int i = 0; i < columns.size(); i++) {
            if (!indices.contains(i)) {
                kept.add(columns.get(i));
            }
        }
        return new Table(source, kept, rows);
    }

    /** The rows at {@code indices}, in that order (repeats allowed). */
    public Table select(int[] indices) {
        for (int i : indices) {
            Objects.checkIndex(i, rows);
        }
        return new Table(source, columns.stream().map(c -> c.select(indices)).toList(), indices.length);
    }

    /** The first {@code n} rows, or all of them when there are fewer. */
    public Table head(int n) {
        if (n < 0) {
            throw new IllegalArgumentException("row count must not be negative, got " + n);
        }
        return new Table(source, columns.stream().map(c -> c.head(n)).toList(), Math.min(n, rows));
    }
}
