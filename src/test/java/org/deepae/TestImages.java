package org.deepae;

import java.util.Random;
import org.deepae.data.Rows;

/** Tiny synthetic image sets for tests: blurry bars on a 4x4 grid, with structure an autoencoder can learn. */
public final class TestImages {

  private TestImages() {}

  /** {@code rows} images of {@code size x size}, each a horizontal or vertical bar at a random position, labelled. */
  public static Rows bars(int rows, int size, long seed) {
    Random random = new Random(seed);
    float[] pixels = new float[rows * size * size];
    int[] labels = new int[rows];
    for (int r = 0; r < rows; r++) {
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
    return new Rows(pixels, rows, size * size, labels, size, size, "bars");
  }
}
