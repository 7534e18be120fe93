package org.deepae.analysis;

import java.util.Arrays;
import java.util.Locale;

/**
 * How a threshold on reconstruction errors is chosen from reference errors: a number of standard deviations above
 * the mean, or a percentile.
 */
public sealed interface AnomalyRule {

    /** The threshold this rule gives for {@code referenceErrors}. */
    Threshold apply(float[] referenceErrors);

    /** Mean plus {@code sigmas} standard deviations of the reference errors. */
    record Sigma(double sigmas) implements AnomalyRule {
        public Sigma {
            if (!(sigmas >= 0) || Double.isInfinite(sigmas)) {
                throw new IllegalArgumentException(
                        "the number of standard deviations must be 0 or more, got " + sigmas);
            }
        }

        @Override
        public Threshold apply(float[] referenceErrors) {
            requireErrors(referenceErrors);
            double mean = 0;
            for (float e : referenceErrors) {
                mean += e;
            }
            mean /= referenceErrors.length;
            double squares = 0;
            for (float e : referenceErrors) {
                squares += (e - mean) * (e - mean);
            }
            double std = Math.sqrt(squares / referenceErrors.length);
            return new Threshold(mean + sigmas * std, String.format(Locale.ROOT, "mean + %s sigma", format(sigmas)));
        }
    }

    /**
     * The {@code percentile}-th percentile of the reference errors, interpolated linearly between the closest ranks
     * (NumPy's default method).
     */
    record Percentile(double percentile) implements AnomalyRule {
        public Percentile {
            if (!(percentile >= 0 && percentile <= 100)) {
                throw new IllegalArgumentException("the percentile must be in [0, 100], got " + percentile);
            }
        }

        @Override
        public Threshold apply(float[] referenceErrors) {
            requireErrors(referenceErrors);
            float[] sorted = referenceErrors.clone();
            Arrays.sort(sorted);
            double rank = percentile / 100 * (sorted.length - 1);
            int below = (int) Math.floor(rank);
            int above = Math.min(below + 1, sorted.length - 1);
            double value = sorted[below] + (rank - below) * ((double) sorted[above] - sorted[below]);
            return new Threshold(value, format(percentile) + "th percentile");
        }
    }

    private static void requireErrors(float[] errors) {
        if (errors.length == 0) {
            throw new IllegalArgumentException("no reference errors to choose a threshold from");
        }
    }

    private static String format(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
    }
}
