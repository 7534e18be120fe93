package org.deepae.model;

import java.util.Locale;

/** The reconstruction loss minimized in training. */
public enum Loss {
    /** Mean over the batch and all input values of the squared error, as in the tutorial. */
    MSE,
    /**
     * Mean binary cross-entropy between the inputs (as probabilities in [0, 1]) and a sigmoid output, computed from the
     * output layer's logits so that it stays finite.
     */
    BCE;

    /** The name used on the command line and in files: lower case. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses {@link #id()}, case-insensitively. */
    public static Loss parse(String text) {
        for (Loss loss : values()) {
            if (loss.id().equalsIgnoreCase(text.trim())) {
                return loss;
            }
        }
        throw new IllegalArgumentException("unknown loss '" + text + "' (expected mse or bce)");
    }
}
