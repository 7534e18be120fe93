package org.deepae.analysis;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Which source columns make up a row's reconstruction error: each column's share of the row's total squared error,
 * summed over the encoded features that come from it (all one-hot features of a categorical column count for that
 * column), as H2O's per-feature reconstruction error does. Shares are in [0, 1] and a row's shares sum to 1; a row
 * reconstructed exactly gives every column a share of 0.
 */
public final class ColumnContributions {

    private final int[] featureColumns;
    private final List<String> columnNames;

    /**
     * A column's share of a row's squared error.
     *
     * @param column the column's index among the source columns
     * @param name the column's name
     * @param share its part of the row's total squared error, in [0, 1]
     */
    public record Share(int column, String name, double share) {
        public Share {
            Objects.requireNonNull(name, "name");
        }
    }

    /**
     * The top columns of many rows, kept flat: row {@code r}'s {@code i}th largest share is at {@code r * k + i}.
     *
     * @param k how many columns each row keeps
     * @param columns the columns' indices, {@code rows * k} of them
     * @param shares their shares, as {@code columns}
     * @param columnNames the source columns' names, by index
     */
    public record TopColumns(int k, int[] columns, double[] shares, List<String> columnNames) {
        public TopColumns {
            if (columns.length != shares.length || (k == 0 ? columns.length != 0 : columns.length % k != 0)) {
                throw new IllegalArgumentException(
                        "got " + columns.length + " columns and " + shares.length + " shares for " + k + " a row");
            }
            columns = columns.clone();
            shares = shares.clone();
            columnNames = List.copyOf(columnNames);
        }

        @Override
        public int[] columns() {
            return columns.clone();
        }

        @Override
        public double[] shares() {
            return shares.clone();
        }

        /** The number of rows. */
        public int rows() {
            return k == 0 ? 0 : columns.length / k;
        }

        /** The index of row {@code row}'s {@code rank}th column (0 is the largest share). */
        public int column(int row, int rank) {
            return columns[offset(row, rank)];
        }

        /** Row {@code row}'s {@code rank}th largest share. */
        public double share(int row, int rank) {
            return shares[offset(row, rank)];
        }

        /** Row {@code row}'s top columns, the largest share first. */
        public List<Share> row(int row) {
            List<Share> top = new ArrayList<>(k);
            for (int rank = 0; rank < k; rank++) {
                int column = column(row, rank);
                top.add(new Share(column, columnNames.get(column), share(row, rank)));
            }
            return top;
        }

        private int offset(int row, int rank) {
            Objects.checkIndex(rank, k);
            Objects.checkIndex(row, rows());
            return row * k + rank;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof TopColumns other
                    && k == other.k
                    && Arrays.equals(columns, other.columns)
                    && Arrays.equals(shares, other.shares)
                    && columnNames.equals(other.columnNames);
        }

        @Override
        public int hashCode() {
            return Objects.hash(k, Arrays.hashCode(columns), Arrays.hashCode(shares), columnNames);
        }

        @Override
        public String toString() {
            return "TopColumns[" + rows() + " rows, top " + k + "]";
        }
    }

    /**
     * Contributions of source columns named {@code columnNames}, encoded feature {@code f} coming from column
     * {@code featureColumns[f]}.
     */
    public ColumnContributions(int[] featureColumns, List<String> columnNames) {
        Objects.requireNonNull(featureColumns, "featureColumns");
        this.columnNames = List.copyOf(Objects.requireNonNull(columnNames, "columnNames"));
        if (featureColumns.length == 0) {
            throw new IllegalArgumentException("column contributions need at least one encoded feature");
        }
        for (int f = 0; f < featureColumns.length; f++) {
            if (featureColumns[f] < 0 || featureColumns[f] >= this.columnNames.size()) {
                throw new IllegalArgumentException("feature " + f + " comes from column " + featureColumns[f]
                        + ", not one of the " + this.columnNames.size() + " columns");
            }
        }
        this.featureColumns = featureColumns.clone();
    }

    /** Contributions where each encoded feature is its own column, named {@code names}. */
    public static ColumnContributions perFeature(List<String> names) {
        int[] identity = new int[names.size()];
        Arrays.setAll(identity, f -> f);
        return new ColumnContributions(identity, names);
    }

    /** The number of encoded features a row has. */
    public int width() {
        return featureColumns.length;
    }

    /** The source columns' names. */
    public List<String> columnNames() {
        return columnNames;
    }

    /**
     * The {@code k} columns with the largest shares of a row's squared error, the largest first, equal shares in
     * column order; fewer when there are fewer columns.
     *
     * @param squaredErrors the row's squared error of each encoded feature, finite and 0 or more
     */
    public List<Share> top(float[] squaredErrors, int k) {
        Objects.requireNonNull(squaredErrors, "squaredErrors");
        if (squaredErrors.length != width()) {
            throw new IllegalArgumentException(
                    "a row has " + width() + " encoded features, got " + squaredErrors.length);
        }
        return top(squaredErrors, 1, k).row(0);
    }

    /**
     * The top {@code k} columns of each of {@code rows} rows whose squared errors are stored row after row in
     * {@code squaredErrors} ({@code rows * width()} values).
     */
    public TopColumns top(float[] squaredErrors, int rows, int k) {
        Objects.requireNonNull(squaredErrors, "squaredErrors");
        if (k < 0) {
            throw new IllegalArgumentException("the number of top columns must be 0 or more, got " + k);
        }
        if (rows < 0 || (long) rows * width() != squaredErrors.length) {
            throw new IllegalArgumentException("expected " + rows + " rows of " + width() + " squared errors, got "
                    + squaredErrors.length + " values");
        }
        int columnCount = columnNames.size();
        int kept = Math.min(k, columnCount);
        int[] columns = new int[rows * kept];
        double[] shares = new double[rows * kept];
        double[] sums = new double[columnCount];
        int[] heap = new int[kept];
        for (int row = 0; row < rows; row++) {
            Arrays.fill(sums, 0);
            double total = 0;
            int start = row * width();
            for (int f = 0; f < width(); f++) {
                float error = squaredErrors[start + f];
                if (!(error >= 0) || error == Float.POSITIVE_INFINITY) {
                    throw new IllegalArgumentException(
                            "squared error " + f + " of row " + row + " must be finite and 0 or more, got " + error);
                }
                sums[featureColumns[f]] += error;
                total += error;
            }
            selectTop(sums, heap);
            for (int rank = 0; rank < kept; rank++) {
                int column = heap[rank];
                columns[row * kept + rank] = column;
                shares[row * kept + rank] = total > 0 ? Math.min(1, sums[column] / total) : 0;
            }
        }
        return new TopColumns(kept, columns, shares, columnNames);
    }

    /**
     * Fills {@code top} with the indices of the {@code top.length} largest {@code sums}, largest first, equal sums in
     * index order: a heap of the best so far with the worst at its root, O(C log k).
     */
    private static void selectTop(double[] sums, int[] top) {
        int size = 0;
        for (int c = 0; c < sums.length; c++) {
            if (size < top.length) {
                top[size] = c;
                siftUp(sums, top, size++);
            } else if (size > 0 && better(sums, c, top[0])) {
                top[0] = c;
                siftDown(sums, top, 0, size);
            }
        }
        // Taking the worst off the root, one at a time, leaves the best at the front.
        for (int end = size - 1; end > 0; end--) {
            int worst = top[0];
            top[0] = top[end];
            top[end] = worst;
            siftDown(sums, top, 0, end);
        }
    }

    /** Whether column {@code a} ranks before column {@code b}. */
    private static boolean better(double[] sums, int a, int b) {
        return sums[a] > sums[b] || (sums[a] == sums[b] && a < b);
    }

    private static void siftUp(double[] sums, int[] heap, int i) {
        while (i > 0) {
            int parent = (i - 1) / 2;
            if (!better(sums, heap[parent], heap[i])) {
                return;
            }
            swap(heap, parent, i);
            i = parent;
        }
    }

    private static void siftDown(double[] sums, int[] heap, int i, int size) {
        while (true) {
            int worst = i;
            int left = 2 * i + 1;
            int right = left + 1;
            if (left < size && better(sums, heap[worst], heap[left])) {
                worst = left;
            }
            if (right < size && better(sums, heap[worst], heap[right])) {
                worst = right;
            }
            if (worst == i) {
                return;
            }
            swap(heap, i, worst);
            i = worst;
        }
    }

    private static void swap(int[] a, int i, int j) {
        int t = a[i];
        a[i] = a[j];
        a[j] = t;
    }
}
