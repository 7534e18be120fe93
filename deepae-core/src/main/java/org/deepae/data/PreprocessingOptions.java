package org.deepae.data;

import java.util.Objects;
import java.util.Set;

/**
 * How {@link Preprocessing#fit} fits a table's preprocessing.
 *
 * @param scaling how numeric columns are scaled
 * @param categorical names of numeric columns to one-hot encode as categories (by their text form) instead of scaling;
 *     text columns are always categorical
 * @param maxLevels the most levels of a categorical column that get a slot of their own, at least 1; rarer levels
 *     share the column's {@code <other>} slot
 * @param missing what to do with a missing numeric value
 */
public record PreprocessingOptions(Scaling scaling, Set<String> categorical, int maxLevels, MissingValues missing) {

    /** The default cap on a categorical column's own levels. */
    public static final int DEFAULT_MAX_LEVELS = 20;

    public PreprocessingOptions {
        Objects.requireNonNull(scaling, "scaling");
        Objects.requireNonNull(missing, "missing");
        categorical = Set.copyOf(categorical);
        if (maxLevels < 1) {
            throw new IllegalArgumentException("max levels must be at least 1, got " + maxLevels);
        }
    }

    /** Standard scaling, no column forced categorical, {@value #DEFAULT_MAX_LEVELS} levels, missing values imputed. */
    public static PreprocessingOptions defaults() {
        return new PreprocessingOptions(Scaling.STANDARD, Set.of(), DEFAULT_MAX_LEVELS, MissingValues.IMPUTE);
    }

    /** These options with {@code scaling}. */
    public PreprocessingOptions withScaling(Scaling scaling) {
        return new PreprocessingOptions(scaling, categorical, maxLevels, missing);
    }

    /** These options with {@code categorical} as the columns forced categorical. */
    public PreprocessingOptions withCategorical(Set<String> categorical) {
        return new PreprocessingOptions(scaling, categorical, maxLevels, missing);
    }

    /** These options with {@code maxLevels}. */
    public PreprocessingOptions withMaxLevels(int maxLevels) {
        return new PreprocessingOptions(scaling, categorical, maxLevels, missing);
    }

    /** These options with {@code missing}. */
    public PreprocessingOptions withMissing(MissingValues missing) {
        return new PreprocessingOptions(scaling, categorical, maxLevels, missing);
    }
}
