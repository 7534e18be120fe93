package org.deepae.analysis;

import java.util.Arrays;
import java.util.Comparator;
import java.util.Objects;
import java.util.stream.IntStream;

/**
 * Each row's reconstruction error against a threshold: which rows are flagged, and the rows ordered from the worst.
 *
 * @param errors each row's mean squared reconstruction error
 * @param threshold the threshold
 */
public record AnomalyScores(float[] errors, Threshold threshold) {

    public AnomalyScores {
        Objects.requireNonNull(errors, "errors");
        Objects.requireNonNull(threshold, "threshold");
    }

    /** Whether row {@code i} is flagged. */
    public boolean flagged(int i) {
        return threshold.flags(errors[i]);
    }

    /** Number of flagged rows. */
    public int flaggedCount() {
        int count = 0;
        for (float e : errors) {
            if (threshold.flags(e)) {
                count++;
            }
        }
        return count;
    }

    /** The indices of the {@code n} rows with the largest errors, largest first; ties keep the lower index first. */
    public int[] worst(int n) {
        return IntStream.range(0, errors.length)
                .boxed()
                .sorted(Comparator.comparingDouble((Integer i) -> errors[i])
                        .reversed()
                        .thenComparingInt(i -> i))
                .limit(Math.max(0, n))
                .mapToInt(Integer::intValue)
                .toArray();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AnomalyScores other
                && Arrays.equals(errors, other.errors)
                && threshold.equals(other.threshold);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(errors) + threshold.hashCode();
    }

    @Override
    public String toString() {
        return "AnomalyScores[" + errors.length + " rows, " + threshold + "]";
    }
}
