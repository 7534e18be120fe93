package org.deepae.store;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.deepae.data.DatasetInfo;
import org.deepae.data.Preprocessing;
import org.deepae.io.JsonFields;
import org.deepae.io.MetadataJson;
import org.deepae.model.Activation;
import org.deepae.model.AutoencoderSpec;
import org.deepae.model.Initializer;
import org.deepae.model.Loss;

/**
 * {@code model.json} as a record: {@link MetadataJson} writes it (snake_case names, in this order), {@link #read}
 * reads it back strictly, format version 1 (no preprocessing, label names, decoder layers or initializer) included.
 *
 * @param format always {@value ModelDirectory#FORMAT}
 * @param formatVersion the format version
 * @param deepaeVersion the version of deepae that wrote the model
 * @param spec the network
 * @param preprocessing what is done to raw input, or {@code null}
 * @param labelNames the label names; empty (and left out) when labels are their own names
 * @param training every training setting, by name
 * @param dataset the training data's provenance, or {@code null} (left out) when unknown
 * @param metrics the model's metrics
 */
@JsonPropertyOrder({
    "format",
    "format_version",
    "deepae_version",
    "spec",
    "preprocessing",
    "label_names",
    "training",
    "dataset",
    "metrics"
})
record ModelJson(
        String format,
        int formatVersion,
        String deepaeVersion,
        Spec spec,
        @JsonIgnore Preprocessing preprocessing,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> labelNames,
        Map<String, Object> training,
        @JsonInclude(JsonInclude.Include.NON_NULL) Dataset dataset,
        Metrics metrics) {

    /** The preprocessing as written, or {@code null} (left out). */
    @JsonProperty("preprocessing")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    JsonNode preprocessingJson() {
        return preprocessing == null ? null : preprocessing.toJson();
    }

    /**
     * The network.
     *
     * @param imageHeight the images' height, or {@code null} (left out) when the rows are not images
     * @param imageWidth their width, or {@code null}
     * @param imageChannels their values per pixel when more than one, else {@code null}
     */
    @JsonPropertyOrder({
        "input_size",
        "encoder_layers",
        "decoder_layers",
        "hidden_activation",
        "code_activation",
        "output_activation",
        "loss",
        "initializer",
        "layer_sizes",
        "image_height",
        "image_width",
        "image_channels"
    })
    record Spec(
            int inputSize,
            List<Integer> encoderLayers,
            List<Integer> decoderLayers,
            String hiddenActivation,
            String codeActivation,
            String outputActivation,
            String loss,
            String initializer,
            List<Integer> layerSizes,
            @JsonInclude(JsonInclude.Include.NON_NULL) Integer imageHeight,
            @JsonInclude(JsonInclude.Include.NON_NULL) Integer imageWidth,
            @JsonInclude(JsonInclude.Include.NON_NULL) Integer imageChannels) {}

    /** Where the training data came from, and how many rows it had. */
    @JsonPropertyOrder({"name", "source", "sha256", "train_size", "test_size"})
    record Dataset(String name, String source, String sha256, int trainSize, int testSize) {}

    /** @param finalTestLoss the test loss after training, or {@code null} (left out) when unknown */
    record Metrics(
            @JsonInclude(JsonInclude.Include.NON_NULL) Double finalTestLoss) {}

    /** The file form of {@code info}, in the current format version. */
    static ModelJson of(ModelInfo info) {
        AutoencoderSpec s = info.spec();
        boolean images = info.hasImageSize();
        Spec spec = new Spec(
                s.inputSize(),
                s.encoderLayers(),
                s.decoderLayers(),
                s.hiddenActivation().id(),
                s.codeActivation().id(),
                s.outputActivation().id(),
                s.loss().id(),
                s.initializer().id(),
                s.layerSizes(),
                images ? info.imageHeight() : null,
                images ? info.imageWidth() : null,
                images && info.imageChannels() > 1 ? info.imageChannels() : null);
        DatasetInfo d = info.dataset();
        return new ModelJson(
                ModelDirectory.FORMAT,
                ModelDirectory.FORMAT_VERSION,
                info.deepaeVersion(),
                spec,
                info.preprocessing(),
                info.labelNames(),
                new LinkedHashMap<>(info.training()),
                d == null ? null : new Dataset(d.name(), d.source(), d.sha256(), info.trainRows(), info.testRows()),
                new Metrics(Double.isFinite(info.finalTestLoss()) ? info.finalTestLoss() : null));
    }

    /**
     * Reads {@code root}, the content of {@code file}, strictly: the header first (format and a version this deepae
     * reads), then each field with its type and range; absent optional fields take the values older versions meant.
     */
    static ModelJson read(Path file, JsonNode root) throws IOException {
        JsonFields fields = ModelFormatException.requireHeader(
                file, root, ModelDirectory.FORMAT, ModelDirectory.OLDEST_FORMAT_VERSION, ModelDirectory.FORMAT_VERSION);
        int version = fields.requiredInt("format_version", 1, Integer.MAX_VALUE);
        JsonFields spec = fields.object("spec");
        // sizes are only checked to be 32-bit integers here: the spec's constructor checks the network
        int inputSize = spec.requiredInt("input_size", Integer.MIN_VALUE, Integer.MAX_VALUE);
        List<Integer> layers = spec.requiredIntList("encoder_layers", Integer.MIN_VALUE, Integer.MAX_VALUE);
        Optional<List<Integer>> decoder = spec.optionalIntList("decoder_layers", Integer.MIN_VALUE, Integer.MAX_VALUE);
        String hidden = spec.requiredString("hidden_activation");
        String code = spec.optionalString("code_activation", hidden);
        String output = spec.requiredString("output_activation");
        String loss = spec.requiredString("loss");
        String initializer = spec.optionalString("initializer", Initializer.VARIANCE_SCALING.id());
        int height = spec.optionalInt("image_height", 0, Integer.MAX_VALUE, 0);
        int width = spec.optionalInt("image_width", 0, Integer.MAX_VALUE, 0);
        int channels = spec.optionalInt("image_channels", 1, 4, height > 0 ? 1 : 0);
        Preprocessing preprocessing =
                fields.has("preprocessing") ? Preprocessing.fromJson(fields.object("preprocessing")) : null;
        List<String> labelNames = fields.has("label_names") ? fields.requiredStringList("label_names") : List.of();
        Map<String, Object> training = fields.optionalMap("training");
        Dataset dataset = null;
        Optional<JsonFields> d = fields.optionalObject("dataset");
        if (d.isPresent()) {
            dataset = new Dataset(
                    d.get().optionalString("name", ""),
                    d.get().optionalString("source", ""),
                    d.get().optionalString("sha256", ""),
                    d.get().optionalInt("train_size", 0, Integer.MAX_VALUE, 0),
                    d.get().optionalInt("test_size", 0, Integer.MAX_VALUE, 0));
        }
        Optional<JsonFields> metrics = fields.optionalObject("metrics");
        double finalTestLoss = metrics.isPresent()
                ? metrics.get().optionalDouble("final_test_loss", Double.NEGATIVE_INFINITY, Double.NaN)
                : Double.NaN;
        String deepaeVersion = fields.optionalString("deepae_version", "");
        return new ModelJson(
                ModelDirectory.FORMAT,
                version,
                deepaeVersion,
                new Spec(
                        inputSize,
                        layers,
                        decoder.orElse(null),
                        hidden,
                        code,
                        output,
                        loss,
                        initializer,
                        null,
                        height,
                        width,
                        channels),
                preprocessing,
                labelNames,
                training,
                dataset,
                new Metrics(Double.isNaN(finalTestLoss) ? null : finalTestLoss));
    }

    /** The model's metadata; a spec that is no valid network is a {@link ModelFormatException} naming {@code file}. */
    ModelInfo toInfo(Path file) throws ModelFormatException {
        try {
            Activation hidden = Activation.parse(spec.hiddenActivation());
            AutoencoderSpec network = new AutoencoderSpec(
                    spec.inputSize(),
                    spec.encoderLayers(),
                    spec.decoderLayers() != null ? spec.decoderLayers() : AutoencoderSpec.mirror(spec.encoderLayers()),
                    hidden,
                    Activation.parse(spec.codeActivation()),
                    Activation.parse(spec.outputActivation()),
                    Loss.parse(spec.loss()),
                    Initializer.parse(spec.initializer()));
            return ModelInfo.builder(network)
                    .training(training)
                    .dataset(
                            dataset == null
                                    ? null
                                    : new DatasetInfo(dataset.name(), dataset.source(), dataset.sha256(), null))
                    .imageSize(
                            intOrZero(spec.imageHeight()),
                            intOrZero(spec.imageWidth()),
                            intOrZero(spec.imageChannels()))
                    .rows(dataset == null ? 0 : dataset.trainSize(), dataset == null ? 0 : dataset.testSize())
                    .finalTestLoss(metrics.finalTestLoss() == null ? Double.NaN : metrics.finalTestLoss())
                    .deepaeVersion(deepaeVersion)
                    .preprocessing(preprocessing)
                    .labelNames(labelNames)
                    .build();
        } catch (IllegalArgumentException e) {
            throw new ModelFormatException(file + ": invalid spec: " + e.getMessage(), e);
        }
    }

    private static int intOrZero(Integer value) {
        return value == null ? 0 : value;
    }
}
