package org.deepae.model;

import java.util.Locale;

/**
 * Noise added to the inputs during training for a denoising autoencoder; the loss still compares with the clean
 * input. Written {@code none}, {@code gaussian:0.3} (standard deviation) or {@code mask:0.2} (fraction of values set
 * to zero).
 */
public sealed interface Noise {

    /** No noise: a plain autoencoder. */
    record None() implements Noise {
        @Override
        public String toString() {
            return "none";
        }
    }

    /** Adds normal noise of standard deviation {@code stddev} to every value. */
    record Gaussian(double stddev) implements Noise {
        public Gaussian {
            if (!(stddev > 0) || Double.isInfinite(stddev)) {
                throw new IllegalArgumentException("gaussian noise needs a positive standard deviation, got " + stddev);
            }
        }

        @Override
        public String toString() {
            return "gaussian:" + stddev;
        }
    }

    /** Sets each value to zero with probability {@code fraction}. */
    record Mask(double fraction) implements Noise {
        public Mask {
            if (!(fraction > 0 && fraction < 1)) {
                throw new IllegalArgumentException("mask noise needs a fraction in (0, 1), got " + fraction);
            }
        }

        @Override
        public String toString() {
            return "mask:" + fraction;
        }
    }

    /** Parses {@code none}, {@code gaussian:S} or {@code mask:P}. */
    static Noise parse(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        if (t.equals("none")) {
            return new None();
        }
        int colon = t.indexOf(':');
        String kind = colon < 0 ? t : t.substring(0, colon);
        double value;
        try {
            value = colon < 0 ? Double.NaN : Double.parseDouble(t.substring(colon + 1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(
                    "noise '" + text + "': '" + t.substring(colon + 1) + "' is not a number");
        }
        return switch (kind) {
            case "gaussian" -> new Gaussian(value);
            case "mask" -> new Mask(value);
            default ->
                throw new IllegalArgumentException(
                        "unknown noise '" + text + "' (expected none, gaussian:STDDEV or mask:FRACTION)");
        };
    }
}
