package org.deepae.data;

import java.util.Arrays;
import java.util.Objects;

/**
 * Rows of equally sized images, stored as one row-major float array scaled to [0, 1], with optional labels.
 *
 * <p>Row {@code i} occupies {@code pixels[i * features() .. (i + 1) * features())}. The array is shared, not copied:
 * treat it as read-only.
 *
 * @param pixels row-major pixel values, {@code rows * height * width} of them
 * @param labels one label per row, or {@code null} when the rows are unlabelled
 * @param rows number of images
 * @param height image height in pixels
 * @param width image width in pixels
 */
public record ImageSet(float[] pixels, int[] labels, int rows, int height, int width) {

    public ImageSet {
        Objects.requireNonNull(pixels, "pixels");
        if (rows < 0) {
            throw new IllegalArgumentException("rows must not be negative, got " + rows);
        }
        if (height <= 0 || width <= 0) {
            throw new IllegalArgumentException("image size must be positive, got " + height + "x" + width);
        }
        if ((long) rows * height * width != pixels.length) {
            throw new IllegalArgumentException("expected " + ((long) rows * height * width) + " pixel values for "
                    + rows + " images of " + height + "x" + width + ", got " + pixels.length);
        }
        if (labels != null && labels.length != rows) {
            throw new IllegalArgumentException("expected " + rows + " labels, got " + labels.length);
        }
    }

    /** Number of values in one row: {@code height * width}. */
    public int features() {
        return height * width;
    }

    /** Whether every row has a label. */
    public boolean hasLabels() {
        return labels != null;
    }

    /** A copy of row {@code i}. */
    public float[] row(int i) {
        Objects.checkIndex(i, rows);
        return Arrays.copyOfRange(pixels, i * features(), (i + 1) * features());
    }

    /** The first {@code n} rows (or all, when there are fewer). */
    public ImageSet head(int n) {
        int m = Math.min(n, rows);
        return new ImageSet(
                Arrays.copyOf(pixels, m * features()),
                labels == null ? null : Arrays.copyOf(labels, m),
                m,
                height,
                width);
    }
}
