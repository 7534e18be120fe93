package org.deepae.data;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * A table encoded by {@link Preprocessing#encode}: float rows for a model, and what the encoding had to make up.
 * The values array is shared, not copied: treat it as read-only.
 *
 * @param values row-major encoded values, {@code rows * width} of them
 * @param rows number of rows
 * @param width encoded values per row, positive
 * @param imputed per numeric column (by name, in input order, only those with any), how many missing values were
 *     replaced by the training mean
 * @param other per categorical column (by name, in input order, only those with any), how many values were scored as
 *     {@code <other>}: levels unseen in training or pooled there as rare
 */
public record Encoded(float[] values, int rows, int width, Map<String, Integer> imputed, Map<String, Integer> other) {

    public Encoded {
        Objects.requireNonNull(values, "values");
        if (rows < 0) {
            throw new IllegalArgumentException("row count must not be negative, got " + rows);
        }
        if (width <= 0) {
            throw new IllegalArgumentException("row width must be positive, got " + width);
        }
        if ((long) rows * width != values.length) {
            throw new IllegalArgumentException("expected " + ((long) rows * width) + " values for " + rows + " rows of "
                    + width + ", got " + values.length);
        }
        imputed = counts(imputed, "imputed");
        other = counts(other, "other");
    }

    /** How many missing values were imputed, over all columns. */
    public long imputedTotal() {
        return imputed.values().stream().mapToLong(Integer::longValue).sum();
    }

    /** How many values were scored as {@code <other>}, over all columns. */
    public long otherTotal() {
        return other.values().stream().mapToLong(Integer::longValue).sum();
    }

    /**
     * The counts as one line for people, such as {@code imputed 3 missing values (age 2, income 1); scored 5 values as
     * <other> (color 5)}, or an empty string when nothing was imputed or pooled.
     */
    public String summary() {
        String imputedPart = imputed.isEmpty()
                ? ""
                : "imputed " + imputedTotal() + " missing " + (imputedTotal() == 1 ? "value" : "values") + " ("
                        + list(imputed) + ")";
        String otherPart = other.isEmpty()
                ? ""
                : "scored " + otherTotal() + " " + (otherTotal() == 1 ? "value" : "values") + " as "
                        + Preprocessing.OTHER + " (" + list(other) + ")";
        return imputedPart.isEmpty() || otherPart.isEmpty() ? imputedPart + otherPart : imputedPart + "; " + otherPart;
    }

    /** The encoded values as unlabelled rows. */
    public Rows toRows(String source) {
        return new Rows(values, rows, width, null, source);
    }

    private static Map<String, Integer> counts(Map<String, Integer> counts, String what) {
        Map<String, Integer> copy = new LinkedHashMap<>(counts);
        copy.forEach((name, count) -> {
            if (name == null || count == null || count <= 0) {
                throw new IllegalArgumentException(what + " counts must be positive, got " + name + "=" + count);
            }
        });
        return Collections.unmodifiableMap(copy);
    }

    private static String list(Map<String, Integer> counts) {
        return counts.entrySet().stream()
                .map(e -> e.getKey() + " " + e.getValue())
                .collect(Collectors.joining(", "));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Encoded e
                && rows == e.rows
                && width == e.width
                && Arrays.equals(values, e.values)
                && imputed.equals(e.imputed)
                && other.equals(e.other);
    }

    @Override
    public int hashCode() {
        return Objects.hash(Arrays.hashCode(values), rows, width, imputed, other);
    }

    @Override
    public String toString() {
        return "Encoded[" + rows + " x " + width + (summary().isEmpty() ? "" : ", " + summary()) + "]";
    }
}
