package org.deepae.data;

import java.util.Arrays;
import java.util.Objects;

/**
 * A matrix of float rows with optional labels, row ids and image shape: what a model trains on, encodes, decodes or
 * reconstructs. Images are one case of it (each row an image of {@link #shape()}), tables another (each row the
 * encoded values of a table's row).
 *
 * <p>Row {@code i} occupies {@code values[i * width .. (i + 1) * width)}. The arrays are shared, not copied: treat them
 * as read-only.
 *
 * @param values row-major values, {@code count * width} of them
 * @param count number of rows
 * @param width number of values in each row, positive
 * @param labels one label per row (an index into the dataset's label names, or the catalogue's digit), or
 *     {@code null} when the rows are unlabelled
 * @param ids one id per row (a table's id column), or {@code null}
 * @param shape the image shape when each row is an image, else {@code null}
 * @param source the file, directory or dataset the rows came from, for messages
 */
public record Rows(float[] values, int count, int width, int[] labels, String[] ids, ImageShape shape, String source) {

    public Rows {
        Objects.requireNonNull(values, "values");
        Objects.requireNonNull(source, "source");
        if (count < 0) {
            throw new IllegalArgumentException("row count must not be negative, got " + count);
        }
        if (width <= 0) {
            throw new IllegalArgumentException("row width must be positive, got " + width);
        }
        if ((long) count * width != values.length) {
            throw new IllegalArgumentException("expected " + ((long) count * width) + " values for " + count
                    + " rows of " + width + ", got " + values.length);
        }
        if (labels != null && labels.length != count) {
            throw new IllegalArgumentException("expected " + count + " labels, got " + labels.length);
        }
        if (ids != null && ids.length != count) {
            throw new IllegalArgumentException("expected " + count + " ids, got " + ids.length);
        }
        if (shape != null && shape.values() != width) {
            throw new IllegalArgumentException(
                    "images of " + shape + " need rows of " + shape.values() + " values, got " + width);
        }
    }

    /**
     * Rows without ids, grayscale images of {@code imageHeight x imageWidth} when both are positive, else not images.
     */
    public Rows(float[] values, int count, int width, int[] labels, int imageHeight, int imageWidth, String source) {
        this(values, count, width, labels, null, shape(imageHeight, imageWidth), source);
    }

    /** Rows that are not images. */
    public Rows(float[] values, int count, int width, int[] labels, String source) {
        this(values, count, width, labels, null, null, source);
    }

    private static ImageShape shape(int height, int width) {
        if (height < 0 || width < 0 || (height == 0) != (width == 0)) {
            throw new IllegalArgumentException(
                    "image size must be both positive or both 0, got " + height + "x" + width);
        }
        return height == 0 ? null : ImageShape.gray(height, width);
    }

    /** Every row of {@code set}, keeping its labels and image size. */
    public static Rows of(ImageSet set, String source) {
        return new Rows(set.pixels(), set.rows(), set.features(), set.labels(), set.height(), set.width(), source);
    }

    /** These rows with {@code shape} (or none). */
    public Rows withShape(ImageShape shape) {
        return new Rows(values, count, width, labels, ids, shape, source);
    }

    /** These rows with {@code labels} (or none). */
    public Rows withLabels(int[] labels) {
        return new Rows(values, count, width, labels, ids, shape, source);
    }

    /** These rows with other values of the same width (for example the same rows preprocessed). */
    public Rows withValues(float[] values) {
        return new Rows(values, count, width, labels, ids, shape, source);
    }

    /** These rows, naming {@code source} in messages. */
    public Rows withSource(String source) {
        return new Rows(values, count, width, labels, ids, shape, source);
    }

    /** These rows with {@code ids} (or none). */
    public Rows withIds(String[] ids) {
        return new Rows(values, count, width, labels, ids, shape, source);
    }

    /** Image height when the rows are images, else 0. */
    public int imageHeight() {
        return shape == null ? 0 : shape.height();
    }

    /** Image width when the rows are images, else 0. */
    public int imageWidth() {
        return shape == null ? 0 : shape.width();
    }

    /** Values per pixel when the rows are images, else 0. */
    public int channels() {
        return shape == null ? 0 : shape.channels();
    }

    /** Whether every row has an id. */
    public boolean hasIds() {
        return ids != null;
    }

    /** Row {@code i}'s id, or its 0-based index as text when the rows have no ids. */
    public String id(int i) {
        checkIndex(i);
        return ids == null ? Integer.toString(i) : ids[i];
    }

    /**
     * Unlabelled rows copied from a non-empty rectangular array.
     *
     * @throws IllegalArgumentException if the array is empty or ragged, naming the first row of another length
     */
    public static Rows of(float[][] rows, String source) {
        Objects.requireNonNull(rows, "rows");
        if (rows.length == 0) {
            throw new IllegalArgumentException("expected at least one row, got none");
        }
        int width = rows[0] == null ? 0 : rows[0].length;
        float[] values = new float[Math.multiplyExact(rows.length, width)];
        for (int i = 0; i < rows.length; i++) {
            float[] row = rows[i];
            if (row == null) {
                throw new IllegalArgumentException("row " + i + " is null");
            }
            if (row.length != width) {
                throw new IllegalArgumentException(
                        "row " + i + " has " + row.length + " values, expected " + width + " like row 0");
            }
            System.arraycopy(row, 0, values, i * width, width);
        }
        return new Rows(values, rows.length, width, null, source);
    }

    /** Whether every row has a label. */
    public boolean hasLabels() {
        return labels != null;
    }

    /** Whether each row is an image of {@link #shape()}. */
    public boolean isImages() {
        return shape != null;
    }

    /** A copy of row {@code i}. */
    public float[] row(int i) {
        checkIndex(i);
        return Arrays.copyOfRange(values, i * width, (i + 1) * width);
    }

    /** The rows at {@code indices}, in that order (repeats allowed), keeping labels and image size. */
    public Rows select(int[] indices) {
        Objects.requireNonNull(indices, "indices");
        float[] picked = new float[Math.multiplyExact(indices.length, width)];
        int[] pickedLabels = labels == null ? null : new int[indices.length];
        String[] pickedIds = ids == null ? null : new String[indices.length];
        for (int k = 0; k < indices.length; k++) {
            int i = indices[k];
            checkIndex(i);
            System.arraycopy(values, i * width, picked, k * width, width);
            if (pickedLabels != null) {
                pickedLabels[k] = labels[i];
            }
            if (pickedIds != null) {
                pickedIds[k] = ids[i];
            }
        }
        return new Rows(picked, indices.length, width, pickedLabels, pickedIds, shape, source);
    }

    /** The first {@code n} rows, or all of them when there are fewer. */
    public Rows head(int n) {
        if (n < 0) {
            throw new IllegalArgumentException("row count must not be negative, got " + n);
        }
        int m = Math.min(n, count);
        return new Rows(
                Arrays.copyOf(values, m * width),
                m,
                width,
                labels == null ? null : Arrays.copyOf(labels, m),
                ids == null ? null : Arrays.copyOf(ids, m),
                shape,
                source);
    }

    /**
     * These rows as images.
     *
     * @throws IllegalStateException if the rows are not images
     */
    public ImageSet toImageSet() {
        if (!isImages() || !shape.isGray()) {
            throw new IllegalStateException(source + ": rows of " + width + " values are not grayscale images");
        }
        return new ImageSet(values, labels, count, shape.height(), shape.width());
    }

    /** A copy of the values as one array per row. */
    public float[][] toArray() {
        float[][] rows = new float[count][];
        for (int i = 0; i < count; i++) {
            rows[i] = row(i);
        }
        return rows;
    }

    private void checkIndex(int i) {
        if (i < 0 || i >= count) {
            throw new IllegalArgumentException("row index " + i + " is out of range for " + count + " rows");
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Rows r
                && count == r.count
                && width == r.width
                && Objects.equals(shape, r.shape)
                && source.equals(r.source)
                && Arrays.equals(values, r.values)
                && Arrays.equals(labels, r.labels)
                && Arrays.equals(ids, r.ids);
    }

    @Override
    public int hashCode() {
        return Objects.hash(
                Arrays.hashCode(values), count, width, Arrays.hashCode(labels), Arrays.hashCode(ids), shape, source);
    }

    @Override
    public String toString() {
        return "Rows[" + count + " x " + width + (isImages() ? " (" + shape + " images)" : "")
                + (hasLabels() ? ", labelled" : "") + ", from " + source + "]";
    }
}
