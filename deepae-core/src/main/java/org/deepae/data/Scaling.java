package org.deepae.data;

import java.util.Locale;

/**
 * How {@link Preprocessing} scales a numeric column, from statistics of its non-missing training values computed in
 * double: every value becomes {@code (x - offset) / scale}. A constant column is kept with a scale of 1, never
 * divided by zero.
 */
public enum Scaling {
    /** {@code (x - mean) / std}, the population's standard deviation (ddof 0, as scikit-learn's StandardScaler). */
    STANDARD,
    /** {@code (x - min) / (max - min)}: the training values into [0, 1]. */
    MINMAX,
    /** The values as they are: offset 0, scale 1. */
    NONE;

    /** The name in JSON and on the command line: {@code standard}, {@code minmax} or {@code none}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The offset for a column of mean {@code mean} and least value {@code min}. */
    double offset(double mean, double min) {
        return switch (this) {
            case STANDARD -> mean;
            case MINMAX -> min;
            case NONE -> 0;
        };
    }

    /**
     * The scale for a column of standard deviation {@code std} and range {@code [min, max]}; 1 for a constant column.
     */
    double scale(double std, double min, double max) {
        double scale = switch (this) {
            case STANDARD -> std;
            case MINMAX -> max - min;
            case NONE -> 1;
        };
        return scale == 0 ? 1 : scale;
    }
}
