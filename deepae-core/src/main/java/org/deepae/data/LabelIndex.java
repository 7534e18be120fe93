package org.deepae.data;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The labels of a label column by name: each value's index in the names seen so far, a value never seen before
 * appended. A number matches whatever way it is written ({@code 1.0} is label {@code 1}). Not thread-safe.
 */
public final class LabelIndex {
    private final List<String> names;
    private final Map<String, Integer> index = new HashMap<>();

    /** An index that starts with {@code names} (a model's, or none), in order. */
    public LabelIndex(List<String> names) {
        this.names = new ArrayList<>();
        names.forEach(this::add);
    }

    /**
     * The labels of column {@code c} of {@code table}; {@code first} is the 0-based row of the table's first row in
     * its file, for messages.
     *
     * @throws DataFormatException naming the file, the data row and the column of a missing label
     */
    public int[] labels(Table table, int c, long first) throws DataFormatException {
        Column column = table.column(c);
        int[] labels = new int[column.size()];
        for (int i = 0; i < labels.length; i++) {
            if (column.isMissing(i)) {
                throw new DataFormatException(
                        table.source(),
                        "data row " + (first + i + 1) + " has no value in the label column "
                                + Quoted.of(column.name()));
            }
            labels[i] = of(column instanceof Column.Numeric n ? TrainingData.number(n.values()[i]) : column.text(i));
        }
        return labels;
    }

    /** The index of {@code value}, appended when it was not seen before. */
    public int of(String value) {
        Integer found = index.get(value);
        if (found == null) {
            String number = numberForm(value);
            found = number == null ? null : index.get(number);
        }
        return found != null ? found : add(value);
    }

    /** The names by index, seen so far. */
    public List<String> names() {
        return Collections.unmodifiableList(names);
    }

    private int add(String name) {
        int at = names.size();
        names.add(name);
        index.putIfAbsent(name, at);
        return at;
    }

    /** A decimal number as {@link TrainingData#number} writes it, or {@code null} when {@code text} is none. */
    public static String numberForm(String text) {
        if (text == null || text.isEmpty() || text.length() > 40) {
            return null;
        }
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (!((ch >= '0' && ch <= '9') || ch == '.' || ch == '-' || ch == '+' || ch == 'e' || ch == 'E')) {
                return null;
            }
        }
        try {
            double v = Double.parseDouble(text);
            return Double.isFinite(v) ? TrainingData.number(v) : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
