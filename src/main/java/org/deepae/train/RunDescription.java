package org.deepae.train;

import java.util.LinkedHashMap;
import java.util.Map;
import org.deepae.model.AutoencoderSpec;

/** Every hyperparameter of a training run, by name, as recorded in {@code metrics.json} and {@code model.json}. */
public final class RunDescription {

  private RunDescription() {}

  /** The network's and the training's settings, in a stable order. */
  public static Map<String, Object> of(AutoencoderSpec spec, TrainingConfig config) {
    Map<String, Object> values = new LinkedHashMap<>();
    values.put("layer_sizes", spec.layerSizes());
    values.put("encoder_layers", spec.encoderLayers());
    values.put("code_size", spec.codeSize());
    values.put("hidden_activation", spec.hiddenActivation().id());
    values.put("output_activation", spec.outputActivation().id());
    values.put("loss", "mse");
    values.put("initializer", "variance_scaling(scale=1.0, mode=fan_in, distribution=truncated_normal)");
    values.put("bias_initializer", "zeros");
    values.put("optimizer", "adam");
    values.put("learning_rate", config.optimizer().learningRate());
    values.put("beta1", config.optimizer().beta1());
    values.put("beta2", config.optimizer().beta2());
    values.put("epsilon", config.optimizer().epsilon());
    values.put("epochs", config.epochs());
    values.put("batch_size", config.batchSize());
    values.put("seed", config.seed());
    values.put("threads", config.threads() == 0 ? Runtime.getRuntime().availableProcessors() : config.threads());
    values.put("parameters", spec.parameterCount());
    return values;
  }
}
