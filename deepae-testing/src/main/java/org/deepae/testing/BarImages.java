package org.deepae.testing;

import java.util.Random;

/**
 * Tiny synthetic image sets for tests: blurry bars on a square grid, with structure an autoencoder can learn.
 *
 * @param pixels {@code count} images of {@code size x size}, row-major, one after the other
 * @param labels 1 for a vertical bar, 0 for a horizontal one
 */
public record BarImages(float[] pixels, int[] labels, int count, int size) {

    /** {@code count} images of {@code size x size}, each a horizontal or vertical bar at a random position. */
    public static BarImages of(int count, int size, long seed) {
        Random random = new Random(seed);
        float[] pixels = new float[count * size * size];
        int[] labels = new int[count];
        for (int r = 0; r < count; r++) {
            boolean vertical = random.nextBoolean();
            int at = random.nextInt(size);
            labels[r] = vertical ? 1 : 0;
            for (int y = 0; y < size; y++) {
                for (int x = 0; x < size; x++) {
                    boolean on = vertical ? x == at : y == at;
                    pixels[r * size * size + y * size + x] = on ? 0.9f : 0.05f;
                }
            }
        }
        return new BarImages(pixels, labels, count, size);
    }

    /** Pixels per image. */
    public int width() {
        return size * size;
    }
}
