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
import org.deepae.data.ImageShape;
import org.deepae.data.Preprocessing;
import org.deepae.io.JsonFields;
import org.deepae.io.MetadataJson;
import org.deepae.model.Activation;
import org.deepae.model.ConvSpec;
import org.deepae.model.DenseSpec;
import org.deepae.model.Initializer;
import org.deepae.model.Loss;
import org.deepae.model.NetworkSpec;
import org.deepae.model.VaeSpec;

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
     * The network, in the form of its family: the dense fields ({@code encoder_layers}, {@code decoder_layers},
     * {@code layer_sizes}) or the convolutional ones ({@code filters}, {@code kernel}, {@code code_size}), and
     * {@code beta} for a variational one; a field that does not belong to the family is left out. Format versions 1
     * and 2 have no {@code family}: their networks are dense.
     *
     * @param family {@code dense}, {@code conv}, {@code vae} or {@code conv-vae}
     * @param imageHeight the images' height, or {@code null} (left out) when the rows are not images
     * @param imageWidth their width, or {@code null}
     * @param imageChannels their values per pixel when more than one, else {@code null}
     */
    @JsonPropertyOrder({
        "family",
        "input_size",
        "encoder_layers",
        "decoder_layers",
        "filters",
        "kernel",
        "code_size",
        "hidden_activation",
        "code_activation",
        "output_activation",
        "loss",
        "initializer",
        "beta",
        "layer_sizes",
        "image_height",
        "image_width",
        "image_channels"
    })
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Spec(
            String family,
            int inputSize,
            List<Integer> encoderLayers,
            List<Integer> decoderLayers,
            List<Integer> filters,
            Integer kernel,
            Integer codeSize,
            String hiddenActivation,
            String codeActivation,
            String outputActivation,
            String loss,
            String initializer,
            Double beta,
            List<Integer> layerSizes,
            Integer imageHeight,
            Integer imageWidth,
            Integer imageChannels) {

        /** The file form of {@code network} for rows of {@code image} ({@code null} when they are not images). */
        static Spec of(NetworkSpec network, ImageShape image) {
            NetworkSpec body = network instanceof VaeSpec vae ? vae.body() : network;
            DenseSpec dense = body instanceof DenseSpec d ? d : null;
            ConvSpec conv = body instanceof ConvSpec c ? c : null;
            return new Spec(
                    network.family(),
                    network.inputSize(),
                    dense == null ? null : dense.encoderLayers(),
                    dense == null ? null : dense.decoderLayers(),
                    conv == null ? null : conv.filters(),
                    conv == null ? null : conv.kernel(),
                    conv == null ? null : conv.denseCodeSize(),
                    (dense != null ? dense.hiddenActivation() : conv.hiddenActivation()).id(),
                    body.codeActivation().id(),
                    network.outputActivation().id(),
                    network.loss().id(),
                    network.initializer().id(),
                    network instanceof VaeSpec vae ? vae.beta() : null,
                    dense == null ? null : dense.layerSizes(),
                    image == null ? null : image.height(),
                    image == null ? null : image.width(),
                    image != null && image.channels() > 1 ? image.channels() : null);
        }

        /** The network this form describes; {@code IllegalArgumentException} when it is no valid network. */
        NetworkSpec network() {
            Activation hidden = Activation.parse(hiddenActivation);
            Activation code = Activation.parse(codeActivation);
            Activation output = Activation.parse(outputActivation);
            Loss lossKind = Loss.parse(loss);
            Initializer init = Initializer.parse(initializer);
            NetworkSpec body;
            if (family.equals("conv") || family.equals("conv-vae")) {
                if (imageHeight == null || imageHeight == 0 || imageWidth == null || imageWidth == 0) {
                    throw new IllegalArgumentException("a " + family + " network needs image_height and image_width");
                }
                ImageShape image = new ImageShape(imageHeight, imageWidth, imageChannels == null ? 1 : imageChannels);
                body = new ConvSpec(image, filters, kernel, codeSize, hidden, code, output, lossKind, init);
                if (body.inputSize() != inputSize) {
                    throw new IllegalArgumentException(
                            "input_size " + inputSize + " does not match the image size " + image);
                }
            } else {
                body = new DenseSpec(
                        inputSize,
                        encoderLayers,
                        decoderLayers != null ? decoderLayers : DenseSpec.mirror(encoderLayers),
                        hidden,
                        code,
                        output,
                        lossKind,
                        init);
            }
            return family.endsWith("vae") ? new VaeSpec(body, beta) : body;
        }
    }

    /** Where the training data came from, and how many rows it had. */
    @JsonPropertyOrder({"name", "source", "sha256", "train_size", "test_size"})
    record Dataset(String name, String source, String sha256, int trainSize, int testSize) {}

    /** @param finalTestLoss the test loss after training, or {@code null} (left out) when unknown */
    record Metrics(
            @JsonInclude(JsonInclude.Include.NON_NULL) Double finalTestLoss) {}

    /** The file form of {@code info}, in the current format version. */
    static ModelJson of(ModelInfo info) {
        Spec spec = Spec.of(info.spec(), info.shape());
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
        // a family only from version 3: older networks are dense, whatever else the file holds
        String family = version >= 3 ? spec.requiredString("family") : "dense";
        if (!List.of("dense", "conv", "vae", "conv-vae").contains(family)) {
            throw new ModelFormatException(
                    file + ": unknown network family \"" + family + "\" (expected dense, conv, vae or conv-vae)");
        }
        boolean conv = family.startsWith("conv");
        // sizes are only checked to be 32-bit integers here: the spec's constructor checks the network
        int inputSize = spec.requiredInt("input_size", Integer.MIN_VALUE, Integer.MAX_VALUE);
        List<Integer> layers =
                conv ? null : spec.requiredIntList("encoder_layers", Integer.MIN_VALUE, Integer.MAX_VALUE);
        Optional<List<Integer>> decoder =
                conv ? Optional.empty() : spec.optionalIntList("decoder_layers", Integer.MIN_VALUE, Integer.MAX_VALUE);
        List<Integer> filters = conv ? spec.requiredIntList("filters", Integer.MIN_VALUE, Integer.MAX_VALUE) : null;
        Integer kernel = conv ? spec.requiredInt("kernel", Integer.MIN_VALUE, Integer.MAX_VALUE) : null;
        Integer codeSize = conv ? spec.optionalInt("code_size", Integer.MIN_VALUE, Integer.MAX_VALUE, 0) : null;
        Double beta = family.endsWith("vae") ? spec.optionalDouble("beta", 0, VaeSpec.DEFAULT_BETA) : null;
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
                        family,
                        inputSize,
                        layers,
                        decoder.orElse(null),
                        filters,
                        kernel,
                        codeSize,
                        hidden,
                        code,
                        output,
                        loss,
                        initializer,
                        beta,
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
            NetworkSpec network = spec.network();
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
