package org.deepae.analysis;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import org.deepae.data.DatasetInfo;
import org.deepae.io.JsonFields;
import org.deepae.io.MetadataJson;
import org.deepae.store.ModelFormatException;

/**
 * {@code pca.json} as a record: {@link MetadataJson} writes it (snake_case names, in this order), {@link #read} reads
 * it back strictly.
 *
 * @param inputSize the number of values in a row
 * @param imageHeight the images' height, or {@code null} (left out) when the rows are not images
 * @param imageWidth their width, or {@code null}
 * @param trainRows the number of rows the PCA was fitted on
 * @param codeSize the number of components kept, or {@code null} (left out) when not chosen
 * @param dataset the training data's provenance, or {@code null} (left out) when unknown
 */
@JsonPropertyOrder({
    "format",
    "format_version",
    "input_size",
    "image_height",
    "image_width",
    "train_rows",
    "code_size",
    "centered",
    "covariance_divisor",
    "dataset"
})
record PcaJson(
        int inputSize,
        @JsonInclude(JsonInclude.Include.NON_NULL) Integer imageHeight,
        @JsonInclude(JsonInclude.Include.NON_NULL) Integer imageWidth,
        int trainRows,
        @JsonInclude(JsonInclude.Include.NON_NULL) Integer codeSize,
        @JsonInclude(JsonInclude.Include.NON_NULL) Dataset dataset) {

    /** Where the training data came from. */
    @JsonPropertyOrder({"name", "source", "sha256"})
    record Dataset(String name, String source, String sha256) {}

    /** The file form of {@code model}. */
    static PcaJson of(PcaModel model) {
        boolean images = model.imageHeight() > 0;
        DatasetInfo d = model.dataset();
        return new PcaJson(
                model.inputSize(),
                images ? model.imageHeight() : null,
                images ? model.imageWidth() : null,
                model.trainRows(),
                model.codeSize() > 0 ? model.codeSize() : null,
                d == null ? null : new Dataset(d.name(), d.source(), d.sha256()));
    }

    /** Always {@value PcaDirectory#FORMAT}. */
    @JsonProperty("format")
    String format() {
        return PcaDirectory.FORMAT;
    }

    /** Always {@value PcaDirectory#FORMAT_VERSION}, the only version read. */
    @JsonProperty("format_version")
    int formatVersion() {
        return PcaDirectory.FORMAT_VERSION;
    }

    /** Always true: the rows are centred on their mean (for people; not read). */
    @JsonProperty("centered")
    boolean centered() {
        return true;
    }

    /** Always {@code "n - 1"}: the covariance's divisor (for people; not read). */
    @JsonProperty("covariance_divisor")
    String covarianceDivisor() {
        return "n - 1";
    }

    /**
     * Reads {@code root}, the content of {@code file}, strictly: the header first (format and version), then each
     * field with its type and range; an image size of 0 (or none) means the rows are not images.
     */
    static PcaJson read(Path file, JsonNode root) throws IOException {
        JsonFields fields =
                ModelFormatException.requireHeader(file, root, PcaDirectory.FORMAT, PcaDirectory.FORMAT_VERSION);
        int d = fields.requiredInt("input_size", 1, Integer.MAX_VALUE);
        int trainRows = fields.requiredInt("train_rows", 2, Integer.MAX_VALUE);
        int height = fields.optionalInt("image_height", 0, Integer.MAX_VALUE, 0);
        int width = fields.optionalInt("image_width", 0, Integer.MAX_VALUE, 0);
        int codeSize = fields.optionalInt("code_size", 0, d, 0);
        Dataset dataset = null;
        Optional<JsonFields> ds = fields.optionalObject("dataset");
        if (ds.isPresent()) {
            dataset = new Dataset(
                    ds.get().optionalString("name", ""),
                    ds.get().optionalString("source", ""),
                    ds.get().optionalString("sha256", ""));
        }
        return new PcaJson(
                d, positiveOrNull(height), positiveOrNull(width), trainRows, positiveOrNull(codeSize), dataset);
    }

    /** The image height, 0 when the rows are not images. */
    int height() {
        return imageHeight == null ? 0 : imageHeight;
    }

    /** The image width, 0 when the rows are not images. */
    int width() {
        return imageWidth == null ? 0 : imageWidth;
    }

    /** The number of components kept, 0 when not chosen. */
    int code() {
        return codeSize == null ? 0 : codeSize;
    }

    /** The provenance, or {@code null} when unknown. */
    DatasetInfo datasetInfo() {
        return dataset == null ? null : new DatasetInfo(dataset.name(), dataset.source(), dataset.sha256(), null);
    }

    private static Integer positiveOrNull(int value) {
        return value > 0 ? value : null;
    }
}
