package org.deepae.train;

import java.util.Locale;

/**
 * Stops training when the monitored loss has not improved by more than {@code minDelta} for {@code patience}
 * epochs, and goes back to the best epoch's weights. The monitored loss is the validation loss when a validation
 * split is set, otherwise the training loss; the test set never decides.
 *
 * @param patience epochs without improvement before stopping, positive
 * @param minDelta the smallest decrease that counts as an improvement, 0 or more
 */
public record EarlyStopping(int patience, double minDelta) {

    public EarlyStopping {
        if (patience <= 0) {
            throw new IllegalArgumentException("early stopping patience must be positive, got " + patience);
        }
        if (!(minDelta >= 0) || Double.isInfinite(minDelta)) {
            throw new IllegalArgumentException("early stopping min-delta must be 0 or more, got " + minDelta);
        }
    }

    /** Parses {@code patience=5,min-delta=1e-4} (either part may be left out: patience 5, min-delta 0). */
    public static EarlyStopping parse(String text) {
        int patience = 5;
        double minDelta = 0;
        for (String part : text.split(",", 0)) {
            String p = part.trim();
            if (p.isEmpty()) {
                continue;
            }
            int eq = p.indexOf('=');
            String key = eq < 0 ? p : p.substring(0, eq).trim().toLowerCase(Locale.ROOT);
            String value = eq < 0 ? "" : p.substring(eq + 1).trim();
            try {
                switch (key) {
                    case "patience" -> patience = Integer.parseInt(value);
                    case "min-delta", "min_delta" -> minDelta = Double.parseDouble(value);
                    default ->
                        throw new IllegalArgumentException(
                                "early stopping: unknown setting '" + key + "' (expected patience=N,min-delta=X)");
                }
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("early stopping: '" + value + "' is not a number for " + key);
            }
        }
        return new EarlyStopping(patience, minDelta);
    }

    @Override
    public String toString() {
        return "patience=" + patience + ",min-delta=" + minDelta;
    }
}
