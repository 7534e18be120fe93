package org.deepae.data;

/**
 * The shape of each row when the rows are images: {@code height x width} pixels of {@code channels} values each
 * (1 for grayscale, 3 for RGB, 4 with alpha), stored row-major with the channels of a pixel together (HWC).
 *
 * @param height image height in pixels, positive
 * @param width image width in pixels, positive
 * @param channels values per pixel, 1 to 4
 */
public record ImageShape(int height, int width, int channels) {

    public ImageShape {
        if (height <= 0 || width <= 0) {
            throw new IllegalArgumentException("image size must be positive, got " + height + "x" + width);
        }
        if (channels < 1 || channels > 4) {
            throw new IllegalArgumentException("images have 1 to 4 channels, got " + channels);
        }
    }

    /** A grayscale shape. */
    public static ImageShape gray(int height, int width) {
        return new ImageShape(height, width, 1);
    }

    /** Values in one image: {@code height * width * channels}. */
    public long values() {
        return (long) height * width * channels;
    }

    /** Whether each pixel is one value. */
    public boolean isGray() {
        return channels == 1;
    }

    @Override
    public String toString() {
        return height + "x" + width + (channels == 1 ? "" : "x" + channels);
    }
}
