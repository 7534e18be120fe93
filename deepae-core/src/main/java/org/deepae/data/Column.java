package org.deepae.data;

import java.util.Arrays;
import java.util.Objects;

/**
 * One column of a {@link Table}, as read from a file: numbers, with {@code NaN} for a missing value, or text, with
 * {@code null} for a missing value. Arrays are shared, not copied: treat them as read-only.
 */
public sealed interface Column permits Column.Numeric, Column.Text {

    /** What a column holds. */
    enum Kind {
        /** Numbers (and booleans, as 0 and 1). */
        NUMERIC,
        /** Text, taken as categories. */
        TEXT
    }

    /** The column's name: its header cell, or {@code column_N} (1-based) when the file has none. */
    String name();

    /** Number of rows. */
    int size();

    /** What the column holds. */
    Kind kind();

    /** Whether row {@code row}'s value is missing. */
    boolean isMissing(int row);

    /** The value of row {@code row} as text, {@code null} when missing (numbers as Java prints a double). */
    String text(int row);

    /**
     * Row {@code row}'s value as an output cell: a number as its 32-bit float prints (the precision of the network's
     * outputs), text as it is, a missing value as {@code null} (an empty cell).
     */
    default String cell(int row) {
        if (isMissing(row)) {
            return null;
        }
        return this instanceof Numeric n ? Float.toString((float) n.values()[row]) : text(row);
    }

    /** The rows at {@code indices}, in that order. */
    Column select(int[] indices);

    /** The first {@code n} rows (all of them when there are fewer). */
    Column head(int n);

    /**
     * Numbers; {@code NaN} marks a missing value.
     *
     * @param name the column's name
     * @param values one value per row
     */
    record Numeric(String name, double[] values) implements Column {
        public Numeric {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(values, "values");
        }

        @Override
        public int size() {
            return values.length;
        }

        @Override
        public Kind kind() {
            return Kind.NUMERIC;
        }

        @Override
        public boolean isMissing(int row) {
            return Double.isNaN(values[row]);
        }

        @Override
        public String text(int row) {
            return isMissing(row) ? null : Double.toString(values[row]);
        }

        @Override
        public Numeric select(int[] indices) {
            double[] picked = new double[indices.length];
            for (int k = 0; k < indices.length; k++) {
                picked[k] = values[indices[k]];
            }
            return new Numeric(name, picked);
        }

        @Override
        public Numeric head(int n) {
            return new Numeric(name, Arrays.copyOf(values, Math.min(n, values.length)));
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Numeric c && name.equals(c.name) && Arrays.equals(values, c.values);
        }

        @Override
        public int hashCode() {
            return 31 * name.hashCode() + Arrays.hashCode(values);
        }

        @Override
        public String toString() {
            return "Numeric[" + name + ", " + values.length + " rows]";
        }
    }

    /**
     * Text; {@code null} marks a missing value.
     *
     * @param name the column's name
     * @param values one value per row
     */
    record Text(String name, String[] values) implements Column {
        public Text {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(values, "values");
        }

        @Override
        public int size() {
            return values.length;
        }

        @Override
        public Kind kind() {
            return Kind.TEXT;
        }

        @Override
        public boolean isMissing(int row) {
            return values[row] == null;
        }

        @Override
        public String text(int row) {
            return values[row];
        }

        @Override
        public Text select(int[] indices) {
            String[] picked = new String[indices.length];
            for (int k = 0; k < indices.length; k++) {
                picked[k] = values[indices[k]];
            }
            return new Text(name, picked);
        }

        @Override
        public Text head(int n) {
            return new Text(name, Arrays.copyOf(values, Math.min(n, values.length)));
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Text c && name.equals(c.name) && Arrays.equals(values, c.values);
        }

        @Override
        public int hashCode() {
            return 31 * name.hashCode() + Arrays.hashCode(values);
        }

        @Override
        public String toString() {
            return "Text[" + name + ", " + values.length + " rows]";
        }
    }
}
