package org.deepae.model;

import java.util.Locale;

/** An element-wise activation applied after a dense layer. */
public enum Activation {
    /** {@code max(0, x)}, the tutorial's choice for every layer. */
    RELU,
    /** {@code x} for positive {@code x}, else {@code 0.2 x} (TensorFlow's default slope). */
    LEAKY_RELU,
    /** {@code x} for positive {@code x}, else {@code exp(x) - 1}. */
    ELU,
    /** Scaled ELU with the self-normalizing constants. */
    SELU,
    /** {@code 1 / (1 + exp(-x))}. */
    SIGMOID,
    /** {@code tanh(x)}. */
    TANH,
    /** The identity. */
    LINEAR;

    /** The name used on the command line and in files: lower case. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The accepted names, comma-separated. */
    public static String names() {
        return String.join(
                ", ", java.util.Arrays.stream(values()).map(Activation::id).toList());
    }

    /** Parses {@link #id()}, case-insensitively; the message lists the accepted names. */
    public static Activation parse(String text) {
        for (Activation a : values()) {
            if (a.id().equalsIgnoreCase(text.trim())) {
                return a;
            }
        }
        throw new IllegalArgumentException("unknown activation '" + text + "' (expected one of " + names() + ")");
    }
}
