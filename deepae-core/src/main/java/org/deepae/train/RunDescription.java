package org.deepae.train;

import java.util.LinkedHashMap;
import java.util.Map;
import org.deepae.model.AdamSpec;
import org.deepae.model.AutoencoderSpec;
import org.deepae.model.OptimizerSpec;

/** Every hyperparameter of a training run, by name, as recorded in {@code metrics.json} and {@code model.json}. */
public final class RunDescription {

    private RunDescription() {}

    /** The network's and the training's settings, in a stable order. */
    public static Map<String, Object> of(AutoencoderSpec spec, TrainingConfig config) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("layer_sizes", spec.layerSizes());
        values.put("encoder_layers", spec.encoderLayers());
        values.put("decoder_layers", spec.decoderLayers());
        values.put("code_size", spec.codeSize());
        values.put("hidden_activation", spec.hiddenActivation().id());
        values.put("code_activation", spec.codeActivation().id());
        values.put("output_activation", spec.outputActivation().id());
        values.put("loss", spec.loss().id());
        values.put("initializer", spec.initializer().id());
        values.put("bias_initializer", "zeros");
        values.put("optimizer", config.optimizer().id());
        values.put("learning_rate", config.optimizer().learningRate());
        putOptimizerSettings(values, config.optimizer());
        values.put("weight_decay", config.weightDecay());
        values.put("noise", config.noise().toString());
        values.put("validation_split", config.validationSplit());
        values.put(
                "early_stopping",
                config.earlyStopping() == null ? "none" : config.earlyStopping().toString());
        values.put("epochs", config.epochs());
        values.put("batch_size", config.batchSize());
        values.put("seed", config.seed());
        values.put("precision", config.precision().id());
        values.put("device", config.device().id());
        values.put("threads", config.threads() == 0 ? Runtime.getRuntime().availableProcessors() : config.threads());
        values.put("parameters", spec.parameterCount());
        return values;
    }

    private static void putOptimizerSettings(Map<String, Object> values, OptimizerSpec optimizer) {
        if (optimizer instanceof AdamSpec adam) {
            values.put("beta1", adam.beta1());
            values.put("beta2", adam.beta2());
            values.put("epsilon", adam.epsilon());
        } else if (optimizer instanceof OptimizerSpec.Momentum m) {
            values.put("momentum", m.momentum());
            values.put("nesterov", m.nesterov());
        } else if (optimizer instanceof OptimizerSpec.RmsProp r) {
            values.put("decay", r.decay());
            values.put("momentum", r.momentum());
            values.put("epsilon", r.epsilon());
        } else if (optimizer instanceof OptimizerSpec.Adagrad a) {
            values.put("initial_accumulator", a.initialAccumulator());
        }
    }
}
