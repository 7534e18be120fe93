package org.deepae.data;

import java.util.Objects;

/**
 * A training and a test set of images of one size, with where they came from.
 *
 * @param info provenance
 * @param train training images
 * @param test test images
 */
public record Dataset(DatasetInfo info, ImageSet train, ImageSet test) {
  public Dataset {
    Objects.requireNonNull(info, "info");
    Objects.requireNonNull(train, "train");
    Objects.requireNonNull(test, "test");
    if (train.height() != test.height() || train.width() != test.width()) {
      throw new IllegalArgumentException("training images are " + train.height() + "x" + train.width()
          + " but test images are " + test.height() + "x" + test.width());
    }
  }

  /** Number of values per image. */
  public int features() {
    return train.features();
  }
}
