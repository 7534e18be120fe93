package org.deepae.analysis;

import java.util.Objects;

/**
 * A reconstruction-error threshold: rows whose error is above it are anomalies.
 *
 * @param value the threshold, finite
 * @param rule how it was chosen, for people (for example {@code "mean + 3 sigma"})
 */
public record Threshold(double value, String rule) {
  public Threshold {
    if (!Double.isFinite(value)) {
      throw new IllegalArgumentException("a threshold must be a finite number, got " + value);
    }
    Objects.requireNonNull(rule, "rule");
  }

  /** Whether {@code error} is above the threshold. */
  public boolean flags(double error) {
    return error > value;
  }
}
