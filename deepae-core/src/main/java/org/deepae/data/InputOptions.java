package org.deepae.data;

/**
 * How {@link InputReader} reads an input and what the model expects of it.
 *
 * @param split which half of a catalogue dataset or IDX directory to read; {@code null} means {@link Split#TEST}
 * @param labelColumn for CSV: {@code null}, a header name or a 0-based column index; see {@link CsvReader}
 * @param expectedWidth the number of values the model takes per row, or 0 not to check
 * @param expectedHeight the model's image height, or 0 when unknown
 * @param expectedImageWidth the model's image width, or 0 when unknown
 * @param catalog where dataset names are looked up; {@code null} means a {@link DatasetCatalog} with default settings,
 *     created only when a name or IDX directory is read
 */
public record InputOptions(
        Split split,
        String labelColumn,
        int expectedWidth,
        int expectedHeight,
        int expectedImageWidth,
        DatasetCatalog catalog) {

    public InputOptions {
        split = split == null ? Split.TEST : split;
        if (expectedWidth < 0) {
            throw new IllegalArgumentException("expected width must not be negative, got " + expectedWidth);
        }
        if (expectedHeight < 0 || expectedImageWidth < 0 || (expectedHeight == 0) != (expectedImageWidth == 0)) {
            throw new IllegalArgumentException("expected image size must be both positive or both 0, got "
                    + expectedHeight + "x" + expectedImageWidth);
        }
        if (expectedHeight > 0 && expectedWidth > 0 && (long) expectedHeight * expectedImageWidth != expectedWidth) {
            throw new IllegalArgumentException("expected image size " + expectedHeight + "x" + expectedImageWidth
                    + " does not match the expected width " + expectedWidth);
        }
    }

    /** The test split, no label column, no expectations, the default catalogue. */
    public static InputOptions defaults() {
        return new InputOptions(Split.TEST, null, 0, 0, 0, null);
    }

    /** These options reading {@code split}. */
    public InputOptions withSplit(Split split) {
        return new InputOptions(split, labelColumn, expectedWidth, expectedHeight, expectedImageWidth, catalog);
    }

    /** These options with the CSV label column {@code labelColumn}. */
    public InputOptions withLabelColumn(String labelColumn) {
        return new InputOptions(split, labelColumn, expectedWidth, expectedHeight, expectedImageWidth, catalog);
    }

    /** These options expecting rows of {@code width} values. */
    public InputOptions withExpectedWidth(int width) {
        return new InputOptions(split, labelColumn, width, expectedHeight, expectedImageWidth, catalog);
    }

    /** These options expecting images of {@code height x width}, that is rows of {@code height * width} values. */
    public InputOptions withExpectedImageSize(int height, int width) {
        return new InputOptions(split, labelColumn, Math.multiplyExact(height, width), height, width, catalog);
    }

    /** These options looking dataset names up in {@code catalog}. */
    public InputOptions withCatalog(DatasetCatalog catalog) {
        return new InputOptions(split, labelColumn, expectedWidth, expectedHeight, expectedImageWidth, catalog);
    }

    /** Whether an image size is expected. */
    public boolean expectsImageSize() {
        return expectedHeight > 0;
    }
}
