package org.deepae.viz;

/** How a chart's value axis is scaled. */
public enum AxisScale {
    /** Logarithmic when every value is positive and the largest is at least ten times the smallest, else linear. */
    AUTO,
    LINEAR,
    /** Logarithmic; every value drawn on it must be positive. */
    LOG;

    /** Whether values between {@code min} and {@code max} are drawn on a logarithmic axis. */
    boolean logarithmic(double min, double max) {
        return switch (this) {
            case LINEAR -> false;
            case LOG -> {
                if (!(min > 0)) {
                    throw new IllegalArgumentException("a logarithmic axis needs positive values, got " + min);
                }
                yield true;
            }
            case AUTO -> min > 0 && max >= 10 * min;
        };
    }
}
