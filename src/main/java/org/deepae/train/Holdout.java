package org.deepae.train;

import java.util.Arrays;
import java.util.Random;
import org.deepae.data.ImageSet;

/**
 * A seeded split of the training rows into rows to train on and rows held out for validation.
 *
 * @param train the rows trained on
 * @param validation the held-out rows, or {@code null} when nothing is held out
 */
record Holdout(ImageSet train, ImageSet validation) {

  /** Holds out {@code round(fraction * rows)} rows chosen by a shuffle seeded with {@code seed}. */
  static Holdout of(ImageSet all, double fraction, long seed) {
    int held = (int) Math.round(fraction * all.rows());
    if (held == 0) {
      return new Holdout(all, null);
    }
    if (held >= all.rows()) {
      throw new IllegalArgumentException("a validation split of " + fraction + " leaves no training rows out of "
          + all.rows());
    }
    int[] order = new int[all.rows()];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    Trainer.shuffle(order, new Random(seed ^ 0x5DEECE66DL));
    int[] trainRows = Arrays.copyOfRange(order, 0, order.length - held);
    int[] validationRows = Arrays.copyOfRange(order, order.length - held, order.length);
    Arrays.sort(trainRows);
    Arrays.sort(validationRows);
    return new Holdout(select(all, trainRows), select(all, validationRows));
  }

  private static ImageSet select(ImageSet all, int[] rows) {
    int f = all.features();
    float[] pixels = new float[rows.length * f];
    int[] labels = all.hasLabels() ? new int[rows.length] : null;
    for (int i = 0; i < rows.length; i++) {
      System.arraycopy(all.pixels(), rows[i] * f, pixels, i * f, f);
      if (labels != null) {
        labels[i] = all.labels()[rows[i]];
      }
    }
    return new ImageSet(pixels, labels, rows.length, all.height(), all.width());
  }
}
