package org.deepae.data;

import java.util.Locale;

/**
 * What {@link Preprocessing} does with a missing value in a numeric column, when fitting and when encoding. A missing
 * value in a categorical column is never refused: it is that column's {@code <missing>} level.
 */
public enum MissingValues {
    /** Replaced by the column's mean over the training rows, and counted. */
    IMPUTE,
    /** Refused, naming the file, the row and the column. */
    ERROR;

    /** The name in JSON and on the command line: {@code impute} or {@code error}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
