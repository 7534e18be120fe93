package org.deepae.data;

import java.util.Objects;

/**
 * Raw unsigned-byte images as stored in an IDX file: {@code count} images of {@code height x width}, row-major.
 *
 * @param pixels {@code count * height * width} bytes, each an unsigned value 0..255; shared, not copied
 * @param count number of images
 * @param height image height in pixels
 * @param width image width in pixels
 */
public record IdxImages(byte[] pixels, int count, int height, int width) {
    public IdxImages {
        Objects.requireNonNull(pixels, "pixels");
        if (count < 0) {
            throw new IllegalArgumentException("image count must not be negative, got " + count);
        }
        if (height <= 0 || width <= 0) {
            throw new IllegalArgumentException("image size must be positive, got " + height + "x" + width);
        }
        if ((long) count * height * width != pixels.length) {
            throw new IllegalArgumentException("expected " + ((long) count * height * width) + " bytes for " + count
                    + " images of " + height + "x" + width + ", got " + pixels.length);
        }
    }

    /** These images scaled to [0, 1] as {@code value / 255}, with the given labels (or {@code null}). */
    public ImageSet toImageSet(int[] labels) {
        float[] values = new float[pixels.length];
        for (int i = 0; i < pixels.length; i++) {
            values[i] = (pixels[i] & 0xFF) / 255f;
        }
        return new ImageSet(values, labels, count, height, width);
    }
}
