package org.deepae.analysis;

import java.util.Objects;

/**
 * A reconstruction-error threshold: rows whose error is above it are anomalies.
 *
 * @param value the threshold, a reconstruction error: finite and 0 or more
 * @param rule how it was chosen, for people (for example {@code "mean + 3 sigma"})
 */
public record Threshold(double value, String rule) {
    public Threshold {
        if (!Double.isFinite(value) || value < 0) {
            throw new IllegalArgumentException(
                    "a threshold is a reconstruction error, a finite number of at least 0, got " + value);
        }
        Objects.requireNonNull(rule, "rule");
    }

    /** Whether {@code error} is above the threshold. */
    public boolean flags(double error) {
        return error > value;
    }
}
