package org.deepae.data;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.deepae.io.JsonFields;

/**
 * The preprocessing kept inside a model: fitted once on the training rows of a {@link Table}, then applied to every
 * table the model scores, and inverted on its reconstructions. Immutable and thread-safe.
 *
 * <p>Each input column becomes one or more encoded features, in input order:
 *
 * <ul>
 *   <li>A numeric column is <b>scaled</b>: one feature {@code (x - offset) / scale} (see {@link Scaling}), computed in
 *       double from the non-missing training values. A missing value is imputed with the training mean or refused
 *       ({@link MissingValues}). A numeric column with no value at all in the training rows is refused.
 *   <li>A text column, and a numeric column named in {@link PreprocessingOptions#categorical()} (by the text form of
 *       its values, as {@link Column#text} gives it), is <b>one-hot</b> encoded: one slot per kept level, then always
 *       one {@value #OTHER} slot and one {@value #MISSING} slot. The kept levels are the at most {@code maxLevels} most
 *       frequent non-missing training values, most frequent first, ties in order of first appearance; rarer ones, and
 *       levels never seen in training, go to {@value #OTHER}. A missing value is its own level, {@value #MISSING}.
 * </ul>
 *
 * <p>{@link #decode} inverts numeric columns (up to float rounding) and gives a categorical column its most likely
 * level (the largest of its slots, the first on ties): {@value #OTHER} for the other slot ({@code NaN} in a numeric
 * column forced categorical) and a missing value for the missing slot.
 *
 * <h2>JSON form</h2>
 *
 * {@link #toJson} writes, and {@link #fromJson} reads back exactly (doubles are written so that they parse back
 * bit-identically):
 *
 * <pre>{@code
 * {
 *   "scaling": "standard",            // standard | minmax | none, as fitted
 *   "missing": "impute",              // impute | error
 *   "max_levels": 20,                 // integer >= 1
 *   "categorical": ["zip"],           // numeric columns forced categorical, sorted
 *   "columns": [                      // the input columns, in order, at least one, distinct names
 *     {"name": "age", "kind": "numeric", "encoding": "scaled",
 *      "offset": 38.5, "scale": 12.25, "fill": 38.5},   // finite; scale > 0; fill: the imputed raw value
 *     {"name": "color", "kind": "text", "encoding": "one_hot",
 *      "levels": ["red", "blue"]},                       // distinct, at most max_levels
 *     {"name": "zip", "kind": "numeric", "encoding": "one_hot",
 *      "levels": ["2134.0"]}                             // levels of a numeric column as Java writes doubles
 *   ]
 * }
 * }</pre>
 *
 * A {@code kind} is the raw column's ({@code numeric} or {@code text}); a scaled column is numeric, and a numeric
 * column is one-hot exactly when it is listed in {@code categorical}. The {@value #OTHER} and {@value #MISSING}
 * slots are implied. Anything else is refused with a message naming the file and the field.
 */
public final class Preprocessing {

    /** The slot of levels pooled as rare or unseen in training, and how {@link #decode} writes it in a text column. */
    public static final String OTHER = "<other>";

    /** The slot of missing categorical values, in {@link #featureNames()}. */
    public static final String MISSING = "<missing>";

    private static final int LISTED = 10;
    private static final String SCALED = "scaled";
    private static final String ONE_HOT = "one_hot";

    /** One fitted input column. */
    private sealed interface Input permits Scaled, OneHot {
        String name();

        Column.Kind kind();

        int width();
    }

    /** A numeric column encoded as {@code (x - offset) / scale}; {@code fill} is the raw value imputed. */
    private record Scaled(String name, double offset, double scale, double fill) implements Input {
        @Override
        public Column.Kind kind() {
            return Column.Kind.NUMERIC;
        }

        @Override
        public int width() {
            return 1;
        }

        double encode(double x) {
            return (x - offset) / scale;
        }
    }

    /** A column one-hot encoded: a slot per level, then {@code <other>}, then {@code <missing>}. */
    private record OneHot(String name, Column.Kind kind, List<String> levels) implements Input {
        OneHot {
            levels = List.copyOf(levels);
        }

        @Override
        public int width() {
            return levels.size() + 2;
        }
    }

    /** A level counted while fitting. */
    private static final class Level {
        final String value;
        final int first;
        int count;

        Level(String value, int first) {
            this.value = value;
            this.first = first;
        }
    }

    /** Count, mean, sum of squared deviations (Welford), least and largest of a column's non-missing values. */
    private static final class Moments {
        long n;
        double mean;
        double m2;
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;

        void add(double x) {
            n++;
            double d = x - mean;
            mean += d / n;
            m2 += d * (x - mean);
            min = Math.min(min, x);
            max = Math.max(max, x);
        }
    }

    private final PreprocessingOptions options;
    private final List<Input> columns;
    private final List<Map<String, Integer>> levelIndex;
    private final int width;
    private final int[] featureColumn;
    private final int[] firstFeature;
    private final List<String> featureNames;
    private final List<TableSource.ColumnHead> inputs;
    private final boolean numericOnly;
    private final boolean identity;

    private Preprocessing(PreprocessingOptions options, List<Input> columns) {
        this.options = options;
        this.columns = List.copyOf(columns);
        int n = 0;
        for (Input input : this.columns) {
            n = Math.addExact(n, input.width());
        }
        width = n;
        featureColumn = new int[n];
        firstFeature = new int[this.columns.size()];
        List<String> names = new ArrayList<>(n);
        List<Map<String, Integer>> index = new ArrayList<>();
        List<TableSource.ColumnHead> heads = new ArrayList<>();
        boolean allScaled = true;
        boolean allIdentity = true;
        for (int k = 0; k < this.columns.size(); k++) {
            Input input = this.columns.get(k);
            firstFeature[k] = names.size();
            Arrays.fill(featureColumn, names.size(), names.size() + input.width(), k);
            heads.add(new TableSource.ColumnHead(input.name(), input.kind()));
            if (input instanceof Scaled s) {
                names.add(s.name());
                index.add(Map.of());
                allIdentity &= s.offset() == 0 && s.scale() == 1;
            } else {
                OneHot h = (OneHot) input;
                Map<String, Integer> slots = new HashMap<>(h.levels().size() * 2);
                for (String level : h.levels()) {
                    slots.put(level, slots.size());
                    names.add(h.name() + "=" + level);
                }
                names.add(h.name() + "=" + OTHER);
                names.add(h.name() + "=" + MISSING);
                index.add(slots);
                allScaled = false;
            }
        }
        featureNames = List.copyOf(names);
        levelIndex = List.copyOf(index);
        inputs = List.copyOf(heads);
        numericOnly = allScaled;
        identity = allScaled && allIdentity;
    }

    /**
     * The preprocessing of {@code train}'s columns, fitted on its rows.
     *
     * @throws DataFormatException naming the file and the column: no columns or rows, a categorical name that is no
     *     column, a numeric column with no value, an infinite value, or a missing value refused by the options
     */
    public static Preprocessing fit(Table train, PreprocessingOptions options) throws DataFormatException {
        Objects.requireNonNull(train, "train");
        Objects.requireNonNull(options, "options");
        String source = train.source();
        if (train.columns().isEmpty()) {
            throw new DataFormatException(source, "no columns to fit the preprocessing on");
        }
        if (train.rows() == 0) {
            throw new DataFormatException(source, "no data rows to fit the preprocessing on");
        }
        Set<String> names = new HashSet<>(train.names());
        List<String> unknown = options.categorical().stream()
                .filter(c -> !names.contains(c))
                .sorted()
                .toList();
        if (!unknown.isEmpty()) {
            throw new DataFormatException(
                    source,
                    "no column named " + listed(unknown) + " (named categorical); the columns are "
                            + listed(train.names()));
        }
        List<Input> inputs = new ArrayList<>();
        for (Column column : train.columns()) {
            if (column instanceof Column.Numeric numeric
                    && !options.categorical().contains(column.name())) {
                inputs.add(fitScaled(source, numeric, options));
            } else {
                inputs.add(fitOneHot(column, options.maxLevels()));
            }
        }
        return new Preprocessing(options, inputs);
    }

    /**
     * The scaling of numeric rows (NPY arrays, images), fitted on {@code train}, whose missing values ({@code NaN}) are
     * imputed. {@link Scaling#NONE} gives {@link #isIdentity() the identity}.
     *
     * @param names the columns' names, one per value of a row, distinct
     * @throws DataFormatException naming {@code train}'s source: no rows, a column with no value or an infinite value
     */
    public static Preprocessing numeric(List<String> names, Rows train, Scaling scaling) throws DataFormatException {
        Objects.requireNonNull(train, "train");
        PreprocessingOptions options = PreprocessingOptions.defaults().withScaling(scaling);
        if (names.size() != train.width()) {
            throw new IllegalArgumentException("expected " + train.width() + " column names, got " + names.size());
        }
        if (new HashSet<>(names).size() != names.size()) {
            throw new IllegalArgumentException("column names must be distinct, got " + names);
        }
        if (train.count() == 0) {
            throw new DataFormatException(train.source(), "no data rows to fit the preprocessing on");
        }
        int w = train.width();
        Moments[] moments = new Moments[w];
        Arrays.setAll(moments, c -> new Moments());
        float[] values = train.values();
        for (int i = 0; i < values.length; i++) {
            float x = values[i];
            if (Float.isInfinite(x)) {
                throw notFinite(train.source(), i / w + 1, names.get(i % w), x);
            }
            if (!Float.isNaN(x)) {
                moments[i % w].add(x);
            }
        }
        List<Input> inputs = new ArrayList<>();
        for (int c = 0; c < w; c++) {
            inputs.add(scaled(train.source(), names.get(c), moments[c], scaling, train.count()));
        }
        return new Preprocessing(options, inputs);
    }

    private static Scaled fitScaled(String source, Column.Numeric column, PreprocessingOptions options)
            throws DataFormatException {
        Moments moments = new Moments();
        double[] values = column.values();
        for (int i = 0; i < values.length; i++) {
            double x = values[i];
            if (Double.isNaN(x)) {
                if (options.missing() == MissingValues.ERROR) {
                    throw refusedMissing(source, i + 1, column.name(), true);
                }
            } else if (Double.isInfinite(x)) {
                throw notFinite(source, i + 1, column.name(), x);
            } else {
                moments.add(x);
            }
        }
        return scaled(source, column.name(), moments, options.scaling(), values.length);
    }

    private static Scaled scaled(String source, String name, Moments m, Scaling scaling, int rows)
            throws DataFormatException {
        if (m.n == 0) {
            throw new DataFormatException(
                    source,
                    "column " + Quoted.of(name) + " has no value in the " + rows
                            + " training rows; a numeric column needs at least one (drop the column or fill it in)");
        }
        double std = Math.sqrt(m.m2 / m.n);
        double offset = scaling.offset(m.mean, m.min);
        double scale = scaling.scale(std, m.min, m.max);
        if (!Double.isFinite(m.mean) || !Double.isFinite(scale)) {
            throw new DataFormatException(
                    source,
                    "column " + Quoted.of(name) + ": its values, from " + m.min + " to " + m.max
                            + ", are too far apart to scale");
        }
        return new Scaled(name, offset, scale, m.mean);
    }

    private static OneHot fitOneHot(Column column, int maxLevels) {
        Map<String, Level> counts = new HashMap<>();
        for (int i = 0; i < column.size(); i++) {
            String value = column.text(i);
            if (value != null) {
                Level level = counts.get(value);
                if (level == null) {
                    level = new Level(value, counts.size());
                    counts.put(value, level);
                }
                level.count++;
            }
        }
        Comparator<Level> better = Comparator.<Level>comparingInt(l -> -l.count).thenComparingInt(l -> l.first);
        List<Level> kept;
        if (counts.size() <= maxLevels) {
            kept = new ArrayList<>(counts.values());
        } else {
            PriorityQueue<Level> worstFirst = new PriorityQueue<>(maxLevels + 1, better.reversed());
            for (Level level : counts.values()) {
                worstFirst.add(level);
                if (worstFirst.size() > maxLevels) {
                    worstFirst.poll();
                }
            }
            kept = new ArrayList<>(worstFirst);
        }
        kept.sort(better);
        return new OneHot(
                column.name(), column.kind(), kept.stream().map(l -> l.value).toList());
    }

    /** {@link #encode(Table, long)} of a whole table, its rows numbered from 1. */
    public Encoded encode(Table table) throws DataFormatException {
        return encode(table, 1);
    }

    /**
     * {@code table} encoded: its columns matched to the fitted ones by name, in any order.
     *
     * @param firstRow the 1-based number of the table's first data row in its file, for messages about a chunk
     * @throws DataFormatException naming the file: columns missing or unexpected, and, naming the row and the column, a
     *     text value in a numeric column, a missing numeric value refused, or a value too far out to encode as a float
     */
    public Encoded encode(Table table, long firstRow) throws DataFormatException {
        int[] at = match(table);
        int rows = table.rows();
        long size = (long) rows * width;
        if (size > Integer.MAX_VALUE - 8) {
            throw new DataFormatException(
                    table.source(),
                    rows + " rows of " + width + " encoded values do not fit in one "
                            + "array; encode fewer rows at a time");
        }
        float[] out = new float[(int) size];
        Map<String, Integer> imputed = new LinkedHashMap<>();
        Map<String, Integer> other = new LinkedHashMap<>();
        for (int k = 0; k < columns.size(); k++) {
            Column column = table.column(at[k]);
            if (columns.get(k) instanceof Scaled s) {
                int n = encodeScaled(s, column, out, firstFeature[k], table.source(), firstRow);
                if (n > 0) {
                    imputed.put(s.name(), n);
                }
            } else {
                OneHot h = (OneHot) columns.get(k);
                int n = encodeOneHot(h, levelIndex.get(k), column, out, firstFeature[k]);
                if (n > 0) {
                    other.put(h.name(), n);
                }
            }
        }
        return new Encoded(out, rows, width, imputed, other);
    }

    private int[] match(Table table) throws DataFormatException {
        Map<String, Integer> positions = new HashMap<>();
        for (int i = 0; i < table.columns().size(); i++) {
            positions.put(table.column(i).name(), i);
        }
        int[] at = new int[columns.size()];
        List<String> missing = new ArrayList<>();
        for (int k = 0; k < columns.size(); k++) {
            Integer position = positions.remove(columns.get(k).name());
            if (position == null) {
                missing.add(columns.get(k).name());
            } else {
                at[k] = position;
            }
        }
        if (!missing.isEmpty() || !positions.isEmpty()) {
            List<String> unexpected =
                    table.names().stream().filter(positions::containsKey).toList();
            String problem = (missing.isEmpty() ? "" : "missing " + listed(missing))
                    + (missing.isEmpty() || unexpected.isEmpty() ? "" : "; ")
                    + (unexpected.isEmpty() ? "" : "unexpected " + listed(unexpected));
            throw new DataFormatException(
                    table.source(), "the columns do not match those the model was fitted on: " + problem);
        }
        return at;
    }

    private int encodeScaled(Scaled s, Column column, float[] out, int feature, String source, long firstRow)
            throws DataFormatException {
        float fill = (float) s.encode(s.fill());
        int imputed = 0;
        for (int i = 0; i < column.size(); i++) {
            double x;
            if (column instanceof Column.Numeric numeric) {
                x = numeric.values()[i];
            } else {
                String text = column.text(i);
                if (text != null && CsvCells.kind(text) != CsvCells.Kind.NUMBER) {
                    throw new DataFormatException(
                            source,
                            "row " + (firstRow + i) + ", column " + Quoted.of(s.name()) + ": " + Quoted.of(text)
                                    + " is not a number; the model was fitted on numbers in this column");
                }
                x = text == null ? Double.NaN : Double.parseDouble(text);
            }
            int j = i * width + feature;
            if (Double.isNaN(x)) {
                if (options.missing() == MissingValues.ERROR) {
                    throw refusedMissing(source, firstRow + i, s.name(), false);
                }
                out[j] = fill;
                imputed++;
            } else {
                float f = (float) s.encode(x);
                if (!Float.isFinite(f)) {
                    throw new DataFormatException(
                            source,
                            "row " + (firstRow + i) + ", column " + Quoted.of(s.name())
                                    + ": value " + x + " is too far from the training values (offset " + s.offset()
                                    + ", scale "
                                    + s.scale() + ") to encode as a float");
                }
                out[j] = f;
            }
        }
        return imputed;
    }

    private int encodeOneHot(OneHot h, Map<String, Integer> slots, Column column, float[] out, int feature) {
        int otherSlot = h.levels().size();
        int other = 0;
        for (int i = 0; i < column.size(); i++) {
            String key = column.text(i);
            int slot;
            if (key == null) {
                slot = otherSlot + 1;
            } else {
                Integer found = slots.get(key);
                if (found == null && column.kind() != h.kind()) {
                    found = slots.get(otherForm(column, i, key));
                }
                if (found == null) {
                    other++;
                    slot = otherSlot;
                } else {
                    slot = found;
                }
            }
            out[i * width + feature + slot] = 1f;
        }
        return other;
    }

    /**
     * The value's text as the training column's kind would have written it: a number read from text as Java writes a
     * double, an integral number as an integer (so a zip code read as a number still finds its level); else null.
     */
    private static String otherForm(Column column, int row, String text) {
        if (column instanceof Column.Numeric numeric) {
            double v = numeric.values()[row];
            return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : null;
        }
        return CsvCells.kind(text) == CsvCells.Kind.NUMBER ? Double.toString(Double.parseDouble(text)) : null;
    }

    /**
     * Numeric rows encoded, {@link #inputs()} values per row: each value {@code (x - offset) / scale} as a float, a
     * {@code NaN} (missing) value imputed. The identity returns the values bit for bit.
     *
     * @throws IllegalStateException if some input column is categorical
     * @throws IllegalArgumentException if the length is not {@code rows} times the input count, or a value is missing
     *     and the options refuse missing values
     */
    public float[] encodeNumeric(float[] values, int rows) {
        requireNumericOnly();
        int w = columns.size();
        checkLength(values, rows, w);
        double[] offsets = new double[w];
        double[] scales = new double[w];
        float[] fills = new float[w];
        for (int c = 0; c < w; c++) {
            Scaled s = (Scaled) columns.get(c);
            offsets[c] = s.offset();
            scales[c] = s.scale();
            fills[c] = (float) s.encode(s.fill());
        }
        float[] out = new float[values.length];
        for (int r = 0, i = 0; r < rows; r++) {
            for (int c = 0; c < w; c++, i++) {
                float x = values[i];
                if (Float.isNaN(x)) {
                    if (options.missing() == MissingValues.ERROR) {
                        throw new IllegalArgumentException("row " + (r + 1) + ", column "
                                + Quoted.of(columns.get(c).name())
                                + ": missing value, and the preprocessing refuses missing values");
                    }
                    out[i] = fills[c];
                } else {
                    out[i] = identity ? x : (float) ((x - offsets[c]) / scales[c]);
                }
            }
        }
        return out;
    }

    /**
     * Encoded numeric rows back in original units: {@code encoded * scale + offset} as a float. The identity returns
     * the
     * values bit for bit.
     *
     * @throws IllegalStateException if some input column is categorical
     */
    public float[] decodeNumeric(float[] encoded, int rows) {
        requireNumericOnly();
        checkLength(encoded, rows, width);
        if (identity) {
            return encoded.clone();
        }
        double[] offsets = new double[width];
        double[] scales = new double[width];
        for (int c = 0; c < width; c++) {
            offsets[c] = ((Scaled) columns.get(c)).offset();
            scales[c] = ((Scaled) columns.get(c)).scale();
        }
        float[] out = new float[encoded.length];
        for (int r = 0, i = 0; r < rows; r++) {
            for (int c = 0; c < width; c++, i++) {
                out[i] = (float) (encoded[i] * scales[c] + offsets[c]);
            }
        }
        return out;
    }

    /** {@link #decode(float[], int, String)} with {@code "decoded"} as the table's source. */
    public Table decode(float[] encoded, int rows) {
        return decode(encoded, rows, "decoded");
    }

    /**
     * Encoded rows (such as a model's reconstructions) back as a table of the input columns, their names and kinds:
     * numeric values unscaled, each categorical column its most likely level.
     *
     * @throws IllegalArgumentException if the length is not {@code rows} times {@link #width()}
     */
    public Table decode(float[] encoded, int rows, String source) {
        checkLength(encoded, rows, width);
        List<Column> decoded = new ArrayList<>(columns.size());
        for (int k = 0; k < columns.size(); k++) {
            int feature = firstFeature[k];
            if (columns.get(k) instanceof Scaled s) {
                double[] values = new double[rows];
                for (int i = 0; i < rows; i++) {
                    values[i] = encoded[i * width + feature] * s.scale() + s.offset();
                }
                decoded.add(new Column.Numeric(s.name(), values));
            } else {
                OneHot h = (OneHot) columns.get(k);
                int[] slots = new int[rows];
                for (int i = 0; i < rows; i++) {
                    slots[i] = argmax(encoded, i * width + feature, h.width());
                }
                decoded.add(levels(h, slots));
            }
        }
        return new Table(source, decoded, rows);
    }

    /**
     * The largest of {@code n} values from {@code from}, the first on ties, skipping NaN; {@code n - 1} when all are.
     */
    private static int argmax(float[] values, int from, int n) {
        int best = n - 1;
        float max = Float.NEGATIVE_INFINITY;
        boolean any = false;
        for (int s = 0; s < n; s++) {
            float v = values[from + s];
            if (v > max || (!any && v == max)) {
                max = v;
                best = s;
                any = true;
            }
        }
        return best;
    }

    private static Column levels(OneHot h, int[] slots) {
        int other = h.levels().size();
        if (h.kind() == Column.Kind.NUMERIC) {
            double[] levels =
                    h.levels().stream().mapToDouble(Double::parseDouble).toArray();
            double[] values = new double[slots.length];
            for (int i = 0; i < slots.length; i++) {
                values[i] = slots[i] < other ? levels[slots[i]] : Double.NaN;
            }
            return new Column.Numeric(h.name(), values);
        }
        String[] values = new String[slots.length];
        for (int i = 0; i < slots.length; i++) {
            values[i] = slots[i] < other ? h.levels().get(slots[i]) : slots[i] == other ? OTHER : null;
        }
        return new Column.Text(h.name(), values);
    }

    /** The options it was fitted with ({@link #numeric} ones: defaults with its scaling). */
    public PreprocessingOptions options() {
        return options;
    }

    /** Number of encoded values per row. */
    public int width() {
        return width;
    }

    /**
     * The encoded features' names, such as {@code age}, {@code color=red}, {@code color=<other>} and
     * {@code color=<missing>}.
     */
    public List<String> featureNames() {
        return featureNames;
    }

    /** The raw columns a table to encode must have (by name, in any order), with their kinds at fitting, in order. */
    public List<TableSource.ColumnHead> inputs() {
        return inputs;
    }

    /** For each encoded feature, the index of its input column in {@link #inputs()}. */
    public int[] featureColumns() {
        return featureColumn.clone();
    }

    /** Whether every input column is scaled, none one-hot: then {@link #encodeNumeric} applies. */
    public boolean isNumericOnly() {
        return numericOnly;
    }

    /** Whether encoding changes nothing: every column numeric with offset 0 and scale 1. */
    public boolean isIdentity() {
        return identity;
    }

    /** The offset of numeric feature {@code feature}: encoded = (raw - offset) / scale. */
    public double offset(int feature) {
        return scaledFeature(feature).offset();
    }

    /** The scale of numeric feature {@code feature}, positive: encoded = (raw - offset) / scale. */
    public double scale(int feature) {
        return scaledFeature(feature).scale();
    }

    private Scaled scaledFeature(int feature) {
        Objects.checkIndex(feature, width);
        if (columns.get(featureColumn[feature]) instanceof Scaled s) {
            return s;
        }
        throw new IllegalArgumentException(
                "feature " + feature + " (" + featureNames.get(feature) + ") is one-hot, not scaled");
    }

    private void requireNumericOnly() {
        if (!numericOnly) {
            throw new IllegalStateException(
                    "the preprocessing one-hot encodes categorical columns; encode a table instead");
        }
    }

    private static void checkLength(float[] values, int rows, int perRow) {
        Objects.requireNonNull(values, "values");
        if (rows < 0 || (long) rows * perRow != values.length) {
            throw new IllegalArgumentException(
                    "expected " + rows + " rows of " + perRow + " values, got " + values.length + " values");
        }
    }

    /** The JSON form described in the class comment. */
    public ObjectNode toJson() {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        root.put("scaling", options.scaling().id());
        root.put("missing", options.missing().id());
        root.put("max_levels", options.maxLevels());
        ArrayNode categorical = root.putArray("categorical");
        options.categorical().stream().sorted().forEach(categorical::add);
        ArrayNode list = root.putArray("columns");
        for (Input input : columns) {
            ObjectNode column = list.addObject();
            column.put("name", input.name());
            column.put("kind", kindId(input.kind()));
            if (input instanceof Scaled s) {
                column.put("encoding", SCALED);
                column.put("offset", s.offset());
                column.put("scale", s.scale());
                column.put("fill", s.fill());
            } else {
                column.put("encoding", ONE_HOT);
                ArrayNode levels = column.putArray("levels");
                ((OneHot) input).levels().forEach(levels::add);
            }
        }
        return root;
    }

    /**
     * The preprocessing in {@code node}, in the JSON form described in the class comment.
     *
     * @throws IOException naming the file and the field, when a field is missing, of the wrong type or out of range
     */
    public static Preprocessing fromJson(JsonFields node) throws IOException {
        Scaling scaling = choice(node, "scaling", Scaling.values(), Scaling::id);
        MissingValues missing = choice(node, "missing", MissingValues.values(), MissingValues::id);
        int maxLevels = node.requiredInt("max_levels", 1, Integer.MAX_VALUE);
        List<String> categorical = strings(node, "categorical");
        Set<String> forced = new HashSet<>();
        for (int i = 0; i < categorical.size(); i++) {
            if (!forced.add(categorical.get(i))) {
                throw node.error("categorical[" + i + "]", Quoted.of(categorical.get(i)) + " is listed twice");
            }
        }
        if (!node.has("columns")) {
            throw node.error("columns", "missing, expected a list of columns");
        }
        List<JsonFields> list = node.objects("columns");
        if (list.isEmpty()) {
            throw node.error("columns", "expected at least one column, found none");
        }
        List<Input> inputs = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (JsonFields column : list) {
            Input input = column(column, maxLevels, forced);
            if (!names.add(input.name())) {
                throw column.error("name", "column " + Quoted.of(input.name()) + " appears twice");
            }
            inputs.add(input);
        }
        for (int i = 0; i < categorical.size(); i++) {
            if (!names.contains(categorical.get(i))) {
                throw node.error("categorical[" + i + "]", "names no column: " + Quoted.of(categorical.get(i)));
            }
        }
        return new Preprocessing(new PreprocessingOptions(scaling, forced, maxLevels, missing), inputs);
    }

    private static Input column(JsonFields column, int maxLevels, Set<String> forced) throws IOException {
        String name = column.requiredString("name");
        Column.Kind kind = choice(column, "kind", Column.Kind.values(), Preprocessing::kindId);
        String encoding = column.requiredString("encoding");
        boolean numeric = kind == Column.Kind.NUMERIC;
        if (encoding.equals(SCALED)) {
            if (!numeric || forced.contains(name)) {
                throw column.error(
                        "encoding",
                        "expected " + Quoted.of(ONE_HOT) + " for a "
                                + (numeric ? "numeric column listed in categorical" : "text column") + ", found "
                                + Quoted.of(SCALED));
            }
            double offset = column.requiredDouble("offset", -Double.MAX_VALUE);
            double scale = column.requiredDouble("scale", -Double.MAX_VALUE);
            if (scale <= 0) {
                throw column.error("scale", "expected a finite number above 0, found " + scale);
            }
            return new Scaled(name, offset, scale, column.requiredDouble("fill", -Double.MAX_VALUE));
        }
        if (!encoding.equals(ONE_HOT)) {
            throw column.error(
                    "encoding",
                    "expected " + Quoted.of(SCALED) + " or " + Quoted.of(ONE_HOT) + ", found " + Quoted.of(encoding));
        }
        if (numeric && !forced.contains(name)) {
            throw column.error(
                    "encoding",
                    "expected " + Quoted.of(SCALED) + " for a numeric column not listed in categorical, found "
                            + Quoted.of(ONE_HOT));
        }
        List<String> levels = strings(column, "levels");
        if (levels.size() > maxLevels) {
            throw column.error(
                    "levels", "expected at most " + maxLevels + " levels (max_levels), found " + levels.size());
        }
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < levels.size(); i++) {
            String level = levels.get(i);
            Integer before = seen.putIfAbsent(level, i);
            if (before != null) {
                throw column.error(
                        "levels[" + i + "]",
                        "level " + Quoted.of(level) + " appears twice (also levels[" + before + "])");
            }
            if (numeric && !isJavaDouble(level)) {
                throw column.error(
                        "levels[" + i + "]",
                        "expected a number as Java writes a double (such as '3.0'), found " + Quoted.of(level));
            }
        }
        return new OneHot(name, kind, levels);
    }

    private static boolean isJavaDouble(String text) {
        try {
            double v = Double.parseDouble(text);
            return !Double.isNaN(v) && Double.toString(v).equals(text);
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static <E> E choice(JsonFields node, String field, E[] values, Function<E, String> id) throws IOException {
        String text = node.requiredString(field);
        for (E value : values) {
            if (id.apply(value).equals(text)) {
                return value;
            }
        }
        throw node.error(
                field,
                "expected one of "
                        + Arrays.stream(values).map(v -> Quoted.of(id.apply(v))).collect(Collectors.joining(", "))
                        + ", found " + Quoted.of(text));
    }

    private static List<String> strings(JsonFields node, String field) throws IOException {
        JsonNode value = node.raw(field);
        if (value.isMissingNode() || value.isNull()) {
            throw node.error(field, "missing, expected a list of strings");
        }
        if (!value.isArray()) {
            throw node.error(field, "expected a list of strings, found " + Quoted.of(value.toString()));
        }
        List<String> strings = new ArrayList<>(value.size());
        for (JsonNode element : value) {
            if (!element.isTextual()) {
                throw node.error(
                        field + "[" + strings.size() + "]",
                        "expected a string, found " + Quoted.of(element.toString()));
            }
            strings.add(element.textValue());
        }
        return strings;
    }

    private static String kindId(Column.Kind kind) {
        return kind.name().toLowerCase(Locale.ROOT);
    }

    private static DataFormatException refusedMissing(String source, long row, String column, boolean fitting) {
        return new DataFormatException(
                source,
                "row " + row + ", column " + Quoted.of(column) + ": missing value, and "
                        + (fitting
                                ? "missing values are refused (impute them with the training mean instead)"
                                : "the model was fitted to refuse missing values"));
    }

    private static DataFormatException notFinite(String source, long row, String column, double x) {
        return new DataFormatException(
                source, "row " + row + ", column " + Quoted.of(column) + ": " + x + " is not a finite number");
    }

    /** Names quoted, at most ten, then how many more. */
    static String listed(List<String> names) {
        String shown = names.stream().limit(LISTED).map(Quoted::of).collect(Collectors.joining(", "));
        return names.size() <= LISTED ? shown : shown + " and " + (names.size() - LISTED) + " more";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Preprocessing p && options.equals(p.options) && columns.equals(p.columns);
    }

    @Override
    public int hashCode() {
        return Objects.hash(options, columns);
    }

    @Override
    public String toString() {
        return "Preprocessing[" + columns.size() + " columns -> " + width + " features, "
                + options.scaling().id() + "]";
    }
}
