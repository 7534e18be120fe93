package org.deepae.data;

import java.util.Arrays;
import java.util.Objects;

/**
 * A matrix of float rows with optional labels and an optional image shape: what a model encodes, decodes or
 * reconstructs.
 *
 * <p>Row {@code i} occupies {@code values[i * width .. (i + 1) * width)}. The arrays are shared, not copied: treat them
 * as read-only.
 *
 * @param values row-major values, {@code count * width} of them
 * @param count number of rows
 * @param width number of values in each row, positive
 * @param labels one label per row, or {@code null} when the rows are unlabelled
 * @param imageHeight image height when each row is an image, else 0
 * @param imageWidth image width when each row is an image, else 0
 * @param source the file, directory or dataset the rows came from, for messages
 */
public record Rows(float[] values, int count, int width, int[] labels, int imageHeight, int imageWidth,
    String source) {

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
    if (imageHeight < 0 || imageWidth < 0 || (imageHeight == 0) != (imageWidth == 0)) {
      throw new IllegalArgumentException("image size must be both positive or both 0, got " + imageHeight + "x"
          + imageWidth);
    }
    if (imageHeight > 0 && (long) imageHeight * imageWidth != width) {
      throw new IllegalArgumentException("images of " + imageHeight + "x" + imageWidth + " need rows of "
          + ((long) imageHeight * imageWidth) + " values, got " + width);
    }
  }

  /** Rows that are not images. */
  public Rows(float[] values, int count, int width, int[] labels, String source) {
    this(values, count, width, labels, 0, 0, source);
  }

  /** Every row of {@code set}, keeping its labels and image size. */
  public static Rows of(ImageSet set, String source) {
    return new Rows(set.pixels(), set.rows(), set.features(), set.labels(), set.height(), set.width(), source);
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
        throw new IllegalArgumentException("row " + i + " has " + row.length + " values, expected " + width
            + " like row 0");
      }
      System.arraycopy(row, 0, values, i * width, width);
    }
    return new Rows(values, rows.length, width, null, source);
  }

  /** Whether every row has a label. */
  public boolean hasLabels() {
    return labels != null;
  }

  /** Whether each row is an image of {@code imageHeight x imageWidth}. */
  public boolean isImages() {
    return imageHeight > 0;
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
    for (int k = 0; k < indices.length; k++) {
      int i = indices[k];
      checkIndex(i);
      System.arraycopy(values, i * width, picked, k * width, width);
      if (pickedLabels != null) {
        pickedLabels[k] = labels[i];
      }
    }
    return new Rows(picked, indices.length, width, pickedLabels, imageHeight, imageWidth, source);
  }

  /** The first {@code n} rows, or all of them when there are fewer. */
  public Rows head(int n) {
    if (n < 0) {
      throw new IllegalArgumentException("row count must not be negative, got " + n);
    }
    int m = Math.min(n, count);
    return new Rows(Arrays.copyOf(values, m * width), m, width, labels == null ? null : Arrays.copyOf(labels, m),
        imageHeight, imageWidth, source);
  }

  /**
   * These rows as images.
   *
   * @throws IllegalStateException if the rows are not images
   */
  public ImageSet toImageSet() {
    if (!isImages()) {
      throw new IllegalStateException(source + ": rows of " + width + " values have no image size");
    }
    return new ImageSet(values, labels, count, imageHeight, imageWidth);
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
    return o instanceof Rows r && count == r.count && width == r.width && imageHeight == r.imageHeight
        && imageWidth == r.imageWidth && source.equals(r.source) && Arrays.equals(values, r.values)
        && Arrays.equals(labels, r.labels);
  }

  @Override
  public int hashCode() {
    return Objects.hash(Arrays.hashCode(values), count, width, Arrays.hashCode(labels), imageHeight, imageWidth,
        source);
  }

  @Override
  public String toString() {
    return "Rows[" + count + " x " + width + (isImages() ? " (" + imageHeight + "x" + imageWidth + " images)" : "")
        + (hasLabels() ? ", labelled" : "") + ", from " + source + "]";
  }
}
