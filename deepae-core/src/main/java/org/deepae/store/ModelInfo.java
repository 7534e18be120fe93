package org.deepae.store;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.deepae.data.DatasetInfo;
import org.deepae.data.ImageShape;
import org.deepae.data.Preprocessing;
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
 * @param imageChannels values per pixel of those images (1 for grayscale), or 0 when the rows are not images
 * @param preprocessing what is done to raw input before the network sees it (fitted on the training rows), or
 *     {@code null} when the network takes the rows as they are read
 * @param labelNames the training data's label names, by label; empty when labels are their own names
 */
public record ModelInfo(
        AutoencoderSpec spec,
        Map<String, Object> training,
        DatasetInfo dataset,
        int imageHeight,
        int imageWidth,
        int trainRows,
        int testRows,
        double finalTestLoss,
        String deepaeVersion,
        int imageChannels,
        Preprocessing preprocessing,
        List<String> labelNames) {

    public ModelInfo {
        Objects.requireNonNull(spec, "spec");
        if (imageHeight > 0 && imageChannels == 0) {
            imageChannels = 1;
        }
        if (imageHeight < 0
                || imageWidth < 0
                || imageChannels < 0
                || imageChannels > 4
                || ((long) imageHeight * imageWidth != 0
                        && (long) imageHeight * imageWidth * imageChannels != spec.inputSize())) {
            throw new IllegalArgumentException(
                    "image size " + imageHeight + "x" + imageWidth + (imageChannels > 1 ? "x" + imageChannels : "")
                            + " does not match the input size " + spec.inputSize());
        }
        if (preprocessing != null && preprocessing.width() != spec.inputSize()) {
            throw new IllegalArgumentException("the preprocessing gives " + preprocessing.width()
                    + " values per row but the network takes " + spec.inputSize());
        }
        training = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(training));
        Objects.requireNonNull(deepaeVersion, "deepaeVersion");
        labelNames = labelNames == null ? List.of() : List.copyOf(labelNames);
    }

    /** Grayscale images (or rows that are not), used as read. */
    public ModelInfo(
            AutoencoderSpec spec,
            Map<String, Object> training,
            DatasetInfo dataset,
            int imageHeight,
            int imageWidth,
            int trainRows,
            int testRows,
            double finalTestLoss,
            String deepaeVersion) {
        this(
                spec,
                training,
                dataset,
                imageHeight,
                imageWidth,
                trainRows,
                testRows,
                finalTestLoss,
                deepaeVersion,
                imageHeight > 0 ? 1 : 0,
                null,
                List.of());
    }

    /** The image shape of the model's rows, or {@code null} when they are not images. */
    public ImageShape shape() {
        return hasImageSize() ? new ImageShape(imageHeight, imageWidth, imageChannels) : null;
    }

    /** Whether raw input is preprocessed before the network sees it. */
    public boolean hasPreprocessing() {
        return preprocessing != null && !preprocessing.isIdentity();
    }

    /** Whether the model's rows are images of a known size. */
    public boolean hasImageSize() {
        return imageHeight > 0 && imageWidth > 0;
    }
}
