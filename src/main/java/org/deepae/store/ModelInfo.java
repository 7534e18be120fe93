package org.deepae.store;

import java.util.Map;
import java.util.Objects;
import org.deepae.data.DatasetInfo;
import org.deepae.model.AutoencoderSpec;

/**
 * What {@code model.json} records beside the weights.
 *
 * @param spec the network
 * @param training every training setting, by name (for example {@code "epochs" -> 5})
 * @param dataset where the training data came from, or {@code null} when unknown
 * @param imageHeight height of the images the model was trained on, or 0 when its rows are not images
 * @param imageWidth width of those images, or 0
 * @param trainRows rows the model was trained on
 * @param testRows rows it was evaluated on
 * @param finalTestLoss mean squared error on the test set after training, NaN when unknown
 * @param deepaeVersion version of deepae that wrote the model
 */
public record ModelInfo(AutoencoderSpec spec, Map<String, Object> training, DatasetInfo dataset, int imageHeight,
    int imageWidth, int trainRows, int testRows, double finalTestLoss, String deepaeVersion) {

  public ModelInfo {
    Objects.requireNonNull(spec, "spec");
    if (imageHeight < 0 || imageWidth < 0 || (long) imageHeight * imageWidth != 0
        && (long) imageHeight * imageWidth != spec.inputSize()) {
      throw new IllegalArgumentException("image size " + imageHeight + "x" + imageWidth + " does not match the "
          + "input size " + spec.inputSize());
    }
    training = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(training));
    Objects.requireNonNull(deepaeVersion, "deepaeVersion");
  }

  /** Whether the model's rows are images of a known size. */
  public boolean hasImageSize() {
    return imageHeight > 0 && imageWidth > 0;
  }
}
