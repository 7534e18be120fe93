package org.deepae.train;

import java.util.LinkedHashMap;
import java.util.Map;
import org.deepae.model.AdamSpec;
import org.deepae.model.ConvSpec;
import org.deepae.model.DenseSpec;
import org.deepae.model.NetworkSpec;
import org.deepae.model.OptimizerSpec;
import org.deepae.model.VaeSpec;

/** Every hyperparameter of a training run, by name, as recorded in {@code metrics.json} and {@code model.json}. */
public final class RunDescription {

    private RunDescription() {}

    /** The network's and the training's settings, in a stable order. */
    public static Map<String, Object> of(NetworkSpec spec, TrainingConfig config) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("architecture", spec.family());
        NetworkSpec body = spec instanceof VaeSpec vae ? vae.body() : spec;
        if (body instanceof DenseSpec dense) {
            values.put("layer_sizes", dense.layerSizes());
            values.put("encoder_layers", dense.encoderLayers());
            values.put("decoder_layers", dense.decoderLayers());
            values.put("code_size", dense.codeSize());
            values.put("hidden_activation", dense.hiddenActivation().id());
        } else {
            ConvSpec conv = (ConvSpec) body;
            values.put("filters", conv.filters());
            values.put("kernel", conv.kernel());
            values.put("code_size", conv.codeSize());
            values.put("hidden_activation", conv.hiddenActivation().id());
        }
        values.put("code_activation", spec.codeActivation().id());
        values.put("output_activation", spec.outputActivation().id());
        values.put("loss", spec.loss().id());
        if (spec instanceof VaeSpec vae) {
            values.put("beta", vae.beta());
        }
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
