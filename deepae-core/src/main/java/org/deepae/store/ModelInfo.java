package org.deepae.store;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.deepae.data.DatasetInfo;
import org.deepae.data.ImageShape;
import org.deepae.data.Preprocessing;
import org.deepae.model.NetworkSpec;

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
        NetworkSpec spec,
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
        if (spec.imageShape().isPresent()) {
            ImageShape image = spec.imageShape().get();
            if (image.height() != imageHeight || image.width() != imageWidth || image.channels() != imageChannels) {
                throw new IllegalArgumentException("the " + spec.family() + " network takes " + image
                        + " images, but the model's image size is " + imageHeight + "x" + imageWidth
                        + (imageChannels > 1 ? "x" + imageChannels : ""));
            }
        }
        if (preprocessing != null && preprocessing.width() != spec.inputSize()) {
            throw new IllegalArgumentException("the preprocessing gives " + preprocessing.width()
                    + " values per row but the network takes " + spec.inputSize());
        }
        training = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(training));
        Objects.requireNonNull(deepaeVersion, "deepaeVersion");
        labelNames = labelNames == null ? List.of() : List.copyOf(labelNames);
    }

    /**
     * A builder for the model {@code spec}: no training settings, no dataset, rows that are not images, no rows, an
     * unknown final test loss, no preprocessing and no label names until set; the deepae version must be set.
     */
    public static Builder builder(NetworkSpec spec) {
        return new Builder(spec);
    }

    /** A builder that starts from this record's values. */
    public Builder toBuilder() {
        return new Builder(spec)
                .training(training)
                .dataset(dataset)
                .imageSize(imageHeight, imageWidth, imageChannels)
                .rows(trainRows, testRows)
                .finalTestLoss(finalTestLoss)
                .deepaeVersion(deepaeVersion)
                .preprocessing(preprocessing)
                .labelNames(labelNames);
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

    /** Builds a {@link ModelInfo}; {@link #build()} checks the values as the record's constructor does. */
    public static final class Builder {
        private final NetworkSpec spec;
        private Map<String, Object> training = Map.of();
        private DatasetInfo dataset;
        private int imageHeight;
        private int imageWidth;
        private int imageChannels;
        private int trainRows;
        private int testRows;
        private double finalTestLoss = Double.NaN;
        private String deepaeVersion;
        private Preprocessing preprocessing;
        private List<String> labelNames = List.of();

        private Builder(NetworkSpec spec) {
            this.spec = Objects.requireNonNull(spec, "spec");
        }

        /** Every training setting, by name. */
        public Builder training(Map<String, Object> training) {
            this.training = Objects.requireNonNull(training, "training");
            return this;
        }

        /** Where the training data came from, or {@code null} when unknown. */
        public Builder dataset(DatasetInfo dataset) {
            this.dataset = dataset;
            return this;
        }

        /** Grayscale images of this size (0 by 0 for rows that are not images). */
        public Builder imageSize(int height, int width) {
            return imageSize(height, width, height > 0 ? 1 : 0);
        }

        /** Images of this size with {@code channels} values per pixel (0 by 0 by 0 for rows that are not images). */
        public Builder imageSize(int height, int width, int channels) {
            this.imageHeight = height;
            this.imageWidth = width;
            this.imageChannels = channels;
            return this;
        }

        /** The rows the model was trained and evaluated on. */
        public Builder rows(int trainRows, int testRows) {
            this.trainRows = trainRows;
            this.testRows = testRows;
            return this;
        }

        /** The mean squared error on the test set after training, NaN when unknown. */
        public Builder finalTestLoss(double finalTestLoss) {
            this.finalTestLoss = finalTestLoss;
            return this;
        }

        /** The version of deepae (or the application) that wrote the model. */
        public Builder deepaeVersion(String deepaeVersion) {
            this.deepaeVersion = deepaeVersion;
            return this;
        }

        /** What is done to raw input before the network sees it, or {@code null} for nothing. */
        public Builder preprocessing(Preprocessing preprocessing) {
            this.preprocessing = preprocessing;
            return this;
        }

        /** The training data's label names, by label. */
        public Builder labelNames(List<String> labelNames) {
            this.labelNames = labelNames;
            return this;
        }

        /** The record, checked. */
        public ModelInfo build() {
            return new ModelInfo(
                    spec,
                    training,
                    dataset,
                    imageHeight,
                    imageWidth,
                    trainRows,
                    testRows,
                    finalTestLoss,
                    deepaeVersion,
                    imageChannels,
                    preprocessing,
                    labelNames);
        }
    }
}
