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
 * @param trainRows rows the model was trained on
 * @param testRows rows it was evaluated on
 * @param finalTestLoss mean squared error on the test set after training, NaN when unknown
 * @param deepaeVersion version of deepae that wrote the model
 */
public record ModelInfo(AutoencoderSpec spec, Map<String, Object> training, DatasetInfo dataset, int trainRows,
    int testRows, double finalTestLoss, String deepaeVersion) {

  public ModelInfo {
    Objects.requireNonNull(spec, "spec");
    training = Map.copyOf(training);
    Objects.requireNonNull(deepaeVersion, "deepaeVersion");
  }
}
