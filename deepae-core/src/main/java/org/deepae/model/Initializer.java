package org.deepae.model;

import java.util.Locale;

/** How a layer's weights start; biases always start at zero. */
public enum Initializer {
    /**
     * Variance scaling with scale 1, fan-in, truncated normal: TF1's {@code variance_scaling_initializer()}, the
     * tutorial's.
     */
    VARIANCE_SCALING,
    /** Glorot (Xavier) uniform: variance scaling with scale 1, the mean of fan-in and fan-out, uniform. */
    GLOROT,
    /** He normal: variance scaling with scale 2, fan-in, truncated normal. */
    HE;

    /** The name used on the command line and in files, for example {@code variance-scaling}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** Parses {@link #id()}, case-insensitively. */
    public static Initializer parse(String text) {
        for (Initializer init : values()) {
            if (init.id().equalsIgnoreCase(text.trim()) || init.name().equalsIgnoreCase(text.trim())) {
                return init;
            }
        }
        throw new IllegalArgumentException(
                "unknown initializer '" + text + "' (expected variance-scaling, glorot or he)");
    }
}
