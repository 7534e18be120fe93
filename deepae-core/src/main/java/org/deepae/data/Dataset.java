package org.deepae.data;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A training and a test set of rows of the same width, with where they came from: images of the catalogue or of a
 * folder, arrays, or a table's rows after preprocessing.
 *
 * @param info provenance
 * @param train training rows
 * @param test test rows (none when every row is used for training)
 * @param featureNames the name of each value in a row ({@code pixel_1} ... for images, the encoded columns' names for
 *     tables)
 * @param labelNames the name of each label, by label; empty when labels are their own names (the digits of MNIST) or
 *     the rows are unlabelled
 */
public record Dataset(DatasetInfo info, Rows train, Rows test, List<String> featureNames, List<String> labelNames) {
    public Dataset {
        Objects.requireNonNull(info, "info");
        Objects.requireNonNull(train, "train");
        Objects.requireNonNull(test, "test");
        if (train.width() != test.width() || !Objects.equals(train.shape(), test.shape())) {
            throw new IllegalArgumentException(
                    "training rows are " + describe(train) + " but test rows are " + describe(test));
        }
        featureNames = featureNames == null ? defaultNames(train.width()) : List.copyOf(featureNames);
        if (featureNames.size() != train.width()) {
            throw new IllegalArgumentException(
                    "expected " + train.width() + " feature names, got " + featureNames.size());
        }
        labelNames = labelNames == null ? List.of() : List.copyOf(labelNames);
    }

    /** Images of the catalogue or an IDX directory, whose labels are their own names. */
    public Dataset(DatasetInfo info, ImageSet train, ImageSet test) {
        this(info, Rows.of(train, info.name() + " (train)"), Rows.of(test, info.name() + " (test)"), null, null);
    }

    /** Number of values per row. */
    public int features() {
        return train.width();
    }

    /** Whether the rows are images. */
    public boolean isImages() {
        return train.isImages();
    }

    /** The image shape of every row, or {@code null} when the rows are not images. */
    public ImageShape shape() {
        return train.shape();
    }

    /** The name of {@code label}: its entry in {@link #labelNames()}, else the number itself. */
    public String labelName(int label) {
        return label >= 0 && label < labelNames.size() ? labelNames.get(label) : Integer.toString(label);
    }

    /** This dataset with other training and test rows (of the same width and names). */
    public Dataset withRows(Rows train, Rows test) {
        return new Dataset(info, train, test, featureNames, labelNames);
    }

    private static String describe(Rows rows) {
        return rows.isImages() ? rows.shape() + " images" : "rows of " + rows.width() + " values";
    }

    private static List<String> defaultNames(int width) {
        List<String> names = new ArrayList<>(width);
        for (int i = 1; i <= width; i++) {
            names.add("x" + i);
        }
        return names;
    }
}
