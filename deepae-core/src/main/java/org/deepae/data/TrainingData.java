package org.deepae.data;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Reads what {@code train} learns from: the catalogue's images with their own split, or a user's images, arrays or
 * table, split into training and test rows (or with a separate test file), with the label, id and ignored columns
 * taken out of a table, the training rows filtered by label when asked, and the preprocessing fitted on the training
 * rows alone and applied to both.
 */
public final class TrainingData {

    /** The fraction of rows held out for testing when the data has no split of its own and none is asked for. */
    public static final double DEFAULT_TEST_SPLIT = 0.2;

    /** The seed mixed into {@link Request#seed()} for the test split, so that it differs from the shuffles. */
    private static final long SPLIT_SALT = 0x7E57_5EEDL;

    private TrainingData() {}

    /**
     * What to read and how.
     *
     * @param dataset a catalogue name, an IDX directory, an image folder or a file
     * @param test a separate test file or folder, or {@code null}
     * @param testSplit the fraction of rows held out for testing, or {@code NaN} for the default (the data's own
     *     split, else {@link #DEFAULT_TEST_SPLIT}); 0 trains on every row
     * @param seed seeds the test split
     * @param labelColumn a table's label column (name or 0-based index), or {@code null}
     * @param idColumn a table's id column, or {@code null}
     * @param ignoreColumns table columns left out
     * @param onlyLabels train only on rows with these labels (names, or the catalogue's numbers); empty for all
     * @param excludeLabels train on no row with these labels
     * @param scaling how numeric values are scaled, or {@code null} for the default: standard for tables and arrays,
     *     none for pixels (images, and the catalogue, which keeps the tutorial's numbers)
     * @param preprocessing the rest of the preprocessing (categorical columns, levels, missing values)
     * @param csv how CSV and TSV files are read
     */
    public record Request(
            String dataset,
            String test,
            double testSplit,
            long seed,
            String labelColumn,
            String idColumn,
            List<String> ignoreColumns,
            List<String> onlyLabels,
            List<String> excludeLabels,
            Scaling scaling,
            PreprocessingOptions preprocessing,
            CsvTableOptions csv) {
        public Request {
            Objects.requireNonNull(dataset, "dataset");
            ignoreColumns = List.copyOf(ignoreColumns);
            onlyLabels = List.copyOf(onlyLabels);
            excludeLabels = List.copyOf(excludeLabels);
            Objects.requireNonNull(preprocessing, "preprocessing");
            Objects.requireNonNull(csv, "csv");
            if (!Double.isNaN(testSplit) && !(testSplit >= 0 && testSplit < 1)) {
                throw new IllegalArgumentException("the test split must be in [0, 1), got " + testSplit);
            }
        }

        /**
         * This request as plain JSON values (strings, numbers, lists), which {@code model.json} keeps so that a model's
         * training and test rows can be read again ({@link #fromMap}).
         */
        public Map<String, Object> toMap() {
            Map<String, Object> map = new LinkedHashMap<>();
            map.put("dataset", dataset);
            if (test != null) {
                map.put("test", test);
            }
            if (!Double.isNaN(testSplit)) {
                map.put("test_split", testSplit);
            }
            map.put("seed", seed);
            if (labelColumn != null) {
                map.put("label_column", labelColumn);
            }
            if (idColumn != null) {
                map.put("id_column", idColumn);
            }
            map.put("ignore_columns", ignoreColumns);
            map.put("only_labels", onlyLabels);
            map.put("exclude_labels", excludeLabels);
            if (scaling != null) {
                map.put("scale", scaling.id());
            }
            map.put("categorical", List.copyOf(new TreeSet<>(preprocessing.categorical())));
            map.put("max_levels", preprocessing.maxLevels());
            map.put("missing", preprocessing.missing().id());
            if (csv.delimiter() != null) {
                map.put("delimiter", String.valueOf(csv.delimiter()));
            }
            map.put("header", csv.header().name().toLowerCase(Locale.ROOT));
            return map;
        }

        /**
         * The request {@link #toMap} wrote.
         *
         * @throws IllegalArgumentException naming the first entry that is missing or of the wrong kind
         */
        public static Request fromMap(Map<?, ?> map) {
            Set<String> categorical = new java.util.LinkedHashSet<>(strings(map, "categorical"));
            Object delimiter = map.get("delimiter");
            CsvTableOptions csv = CsvTableOptions.DEFAULT
                    .withTextColumns(categorical)
                    .withHeader(CsvTableOptions.Header.valueOf(
                            text(map, "header", "auto").toUpperCase(Locale.ROOT)));
            if (delimiter instanceof String d && d.length() == 1) {
                csv = csv.withDelimiter(d.charAt(0));
            }
            String scale = text(map, "scale", null);
            return new Request(
                    text(map, "dataset", null),
                    text(map, "test", null),
                    map.get("test_split") instanceof Number n ? n.doubleValue() : Double.NaN,
                    map.get("seed") instanceof Number n ? n.longValue() : 42,
                    text(map, "label_column", null),
                    text(map, "id_column", null),
                    strings(map, "ignore_columns"),
                    strings(map, "only_labels"),
                    strings(map, "exclude_labels"),
                    scale == null ? null : Scaling.valueOf(scale.toUpperCase(Locale.ROOT)),
                    new PreprocessingOptions(
                            Scaling.STANDARD,
                            categorical,
                            map.get("max_levels") instanceof Number n
                                    ? n.intValue()
                                    : PreprocessingOptions.DEFAULT_MAX_LEVELS,
                            MissingValues.valueOf(text(map, "missing", "impute").toUpperCase(Locale.ROOT))),
                    csv);
        }

        private static String text(Map<?, ?> map, String key, String fallback) {
            Object value = map.get(key);
            if (value == null) {
                if (fallback == null && key.equals("dataset")) {
                    throw new IllegalArgumentException("the data request has no \"dataset\"");
                }
                return fallback;
            }
            if (!(value instanceof String s)) {
                throw new IllegalArgumentException("the data request's \"" + key + "\" must be text, got " + value);
            }
            return s;
        }

        private static List<String> strings(Map<?, ?> map, String key) {
            Object value = map.get(key);
            if (value == null) {
                return List.of();
            }
            if (!(value instanceof List<?> list) || list.stream().anyMatch(v -> !(v instanceof String))) {
                throw new IllegalArgumentException(
                        "the data request's \"" + key + "\" must be a list of text, got " + value);
            }
            return list.stream().map(String.class::cast).toList();
        }

        /** {@code dataset} with every default. */
        public static Request of(String dataset) {
            return new Request(
                    dataset,
                    null,
                    Double.NaN,
                    42,
                    null,
                    null,
                    List.of(),
                    List.of(),
                    List.of(),
                    null,
                    PreprocessingOptions.defaults(),
                    CsvTableOptions.DEFAULT);
        }
    }

    /**
     * What was read.
     *
     * @param dataset the training and test rows, after preprocessing
     * @param preprocessing the fitted preprocessing, or {@code null} when the rows are used as read (the catalogue)
     * @param notes one line each on how the data was read (the header rule, imputed values, filtered labels), for
     *     the command's summary
     * @param kind what the rows are: {@code catalogue}, {@code images}, {@code arrays} or {@code table}
     * @param normalLabels the names of the labels trained on when {@code --only-labels} or {@code --exclude-labels}
     *     chose them (the one-class setting: the test rows of other labels are the anomalies); empty otherwise
     */
    public record Loaded(
            Dataset dataset, Preprocessing preprocessing, List<String> notes, String kind, List<String> normalLabels) {
        public Loaded {
            Objects.requireNonNull(dataset, "dataset");
            notes = List.copyOf(notes);
            Objects.requireNonNull(kind, "kind");
            normalLabels = List.copyOf(normalLabels);
        }

        /** Whether the rows come from a table (CSV, TSV or Parquet). */
        public boolean isTable() {
            return kind.equals("table");
        }
    }

    /** A source's rows before preprocessing: a table or arrays, with labels and ids taken out. */
    private record Raw(Table table, Rows rows, int[] labels, String[] ids, boolean pixels) {
        int count() {
            return table != null ? table.rows() : rows.count();
        }

        Raw select(int[] indices) {
            return new Raw(
                    table == null ? null : table.select(indices),
                    rows == null ? null : rows.select(indices),
                    labels == null ? null : pick(labels, indices),
                    ids == null ? null : pick(ids, indices),
                    pixels);
        }
    }

    /**
     * Reads the request's data.
     *
     * @param catalog where catalogue names are looked up
     * @param listener told about downloads
     * @throws IOException naming the file and the problem when the data cannot be read or used
     */
    public static Loaded load(Request request, DatasetCatalog catalog, DownloadListener listener) throws IOException {
        DataSource source = DataSource.open(request.dataset(), null);
        List<String> notes = new ArrayList<>();
        if (source instanceof DataSource.Catalog) {
            if (request.test() != null || !Double.isNaN(request.testSplit())) {
                throw new IllegalArgumentException(request.dataset() + " has its own test set; --test and --test-split "
                        + "are for your own data");
            }
            Dataset data = catalog.load(request.dataset(), listener);
            Rows train = filterLabels(data.train(), data, request, notes);
            data = data.withRows(train, data.test());
            if (request.scaling() == null || request.scaling() == Scaling.NONE) {
                return new Loaded(data, null, notes, "catalogue", normalNames(data, request));
            }
            Preprocessing preprocessing = Preprocessing.numeric(data.featureNames(), train, request.scaling());
            return new Loaded(
                    encodeRows(data, preprocessing), preprocessing, notes, "catalogue", normalNames(data, request));
        }

        List<String> labelNames = new ArrayList<>();
        Raw all = raw(source, request, labelNames, notes);
        Raw train;
        Raw test;
        if (request.test() != null) {
            if (!Double.isNaN(request.testSplit())) {
                throw new IllegalArgumentException("give either --test or --test-split, not both");
            }
            DataSource testSource = DataSource.open(request.test(), null);
            if (testSource instanceof DataSource.Catalog) {
                throw new IllegalArgumentException(
                        "--test " + request.test() + " is a catalogue dataset; give a file or folder like --dataset's");
            }
            train = all;
            test = raw(testSource, request, labelNames, new ArrayList<>());
        } else {
            double split = Double.isNaN(request.testSplit()) ? DEFAULT_TEST_SPLIT : request.testSplit();
            int[][] parts = split(all.count(), split, request.seed(), source.name());
            train = all.select(parts[0]);
            test = all.select(parts[1]);
            notes.add(String.format(
                    Locale.ROOT,
                    "held out %d of %d rows for testing (--test-split %s, seed %d)",
                    parts[1].length,
                    all.count(),
                    trim(split),
                    request.seed()));
        }
        int[] kept = keptByLabel(train.labels(), labelNames, request, source.name(), notes);
        if (kept != null) {
            train = train.select(kept);
        }

        Scaling scaling =
                request.scaling() != null ? request.scaling() : all.pixels() ? Scaling.NONE : Scaling.STANDARD;
        Preprocessing preprocessing;
        Rows trainRows;
        Rows testRows;
        List<String> featureNames;
        if (all.table() != null) {
            preprocessing =
                    Preprocessing.fit(train.table(), request.preprocessing().withScaling(scaling));
            Encoded encodedTrain = preprocessing.encode(train.table());
            Encoded encodedTest = preprocessing.encode(test.table());
            trainRows = rows(encodedTrain, train, source.name());
            testRows = rows(encodedTest, test, request.test() != null ? request.test() : source.name());
            note(notes, "training rows", encodedTrain);
            note(notes, "test rows", encodedTest);
            featureNames = preprocessing.featureNames();
        } else {
            Rows rawTrain = train.rows().withLabels(train.labels()).withIds(train.ids());
            Rows rawTest = test.rows().withLabels(test.labels()).withIds(test.ids());
            if (rawTest.width() != rawTrain.width() || !Objects.equals(rawTest.shape(), rawTrain.shape())) {
                throw new DataFormatException(
                        rawTest.source(),
                        "test rows are " + describe(rawTest) + " but training rows are " + describe(rawTrain));
            }
            featureNames = rawTrain.isImages() ? pixelNames(rawTrain.shape()) : columnNames(rawTrain.width());
            preprocessing = Preprocessing.numeric(featureNames, rawTrain, scaling);
            trainRows = preprocessing.isIdentity()
                    ? rawTrain
                    : rawTrain.withValues(preprocessing.encodeNumeric(rawTrain.values(), rawTrain.count()));
            testRows = preprocessing.isIdentity()
                    ? rawTest
                    : rawTest.withValues(preprocessing.encodeNumeric(rawTest.values(), rawTest.count()));
        }
        String name = Path.of(source.name()).getFileName() == null
                ? source.name()
                : Path.of(source.name()).getFileName().toString();
        DatasetInfo info = new DatasetInfo(name, source.name(), sha256(trainRows.values(), testRows.values()), null);
        String kind = all.table() != null ? "table" : trainRows.isImages() ? "images" : "arrays";
        Dataset dataset = new Dataset(info, trainRows, testRows, featureNames, labelNames);
        return new Loaded(dataset, preprocessing, notes, kind, normalNames(dataset, request));
    }

    /** The source's rows before preprocessing, with labels (names added to {@code labelNames}) and ids taken out. */
    private static Raw raw(DataSource source, Request request, List<String> labelNames, List<String> notes)
            throws IOException {
        if (source instanceof DataSource.Arrays arrays) {
            if (request.labelColumn() != null
                    || request.idColumn() != null
                    || !request.ignoreColumns().isEmpty()) {
                throw new IllegalArgumentException(
                        source.name() + " holds images or arrays, not a table: --label-column, "
                                + "--id-column and --ignore-columns are for CSV, TSV and Parquet tables");
            }
            Rows rows = arrays.rows();
            int[] labels = rows.labels();
            if (labels != null && !arrays.classes().isEmpty()) {
                labels = relabel(labels, arrays.classes(), labelNames);
            }
            return new Raw(null, rows, labels, rows.ids(), arrays.pixels());
        }
        DataSource.TableFile file = (DataSource.TableFile) source;
        Table table = readTable(file, request.csv(), notes);
        if (table.rows() == 0) {
            throw new DataFormatException(file.name(), "the table has no rows");
        }
        Set<Integer> taken = new HashSet<>();
        int[] labels = null;
        String[] ids = null;
        if (request.labelColumn() != null) {
            int c = table.indexOf(request.labelColumn());
            taken.add(c);
            labels = labels(table, c, labelNames);
        }
        if (request.idColumn() != null) {
            int c = table.indexOf(request.idColumn());
            if (!taken.add(c)) {
                throw new IllegalArgumentException("--id-column and --label-column name the same column, "
                        + Quoted.of(table.column(c).name()));
            }
            ids = ids(table.column(c));
        }
        for (String ignored : request.ignoreColumns()) {
            taken.add(table.indexOf(ignored));
        }
        Table features = table.without(taken);
        if (features.columns().isEmpty()) {
            throw new DataFormatException(
                    file.name(), "no feature columns are left after the label, id and ignored columns");
        }
        return new Raw(features, null, labels, ids, false);
    }

    /**
     * Reads a whole table file; for CSV, the notes say how its layout was decided. A table too large for this Java
     * heap is refused before it is read, with the estimate and the heap it would need.
     */
    public static Table readTable(DataSource.TableFile file, CsvTableOptions csv, List<String> notes)
            throws IOException {
        if (file.format() == DataSource.TableFormat.PARQUET) {
            try (ParquetTableReader reader = ParquetTableReader.open(file.file(), null)) {
                requireHeap(
                        file,
                        estimateRows(file, reader.columns().size()),
                        reader.columns().size());
                return drain(file, reader);
            }
        }
        try (CsvTableReader reader = CsvTableReader.open(file.file(), csv, null)) {
            requireHeap(
                    file,
                    estimateRows(file, reader.columns().size()),
                    reader.columns().size());
            notes.addAll(reader.layout().describe());
            return drain(file, reader);
        }
    }

    private static Table drain(DataSource.TableFile file, TableSource reader) throws IOException {
        List<Table> chunks = new ArrayList<>();
        Table chunk;
        while ((chunk = reader.next(1 << 16)) != null) {
            chunks.add(chunk);
        }
        if (chunks.isEmpty()) {
            throw new DataFormatException(file.name(), "the table has no rows");
        }
        return Table.concat(file.name(), chunks);
    }

    /** Bytes a table value takes while training reads it: 8 as a double, 8 more while chunks are joined, 4 encoded. */
    static final int BYTES_PER_VALUE = 20;

    /**
     * Refuses a table whose values would not fit the heap that is left, naming the estimate and the {@code -Xmx}
     * that would do.
     */
    static void requireHeap(DataSource.TableFile file, long rows, int columns) throws DataFormatException {
        long needed = rows * columns * BYTES_PER_VALUE;
        Runtime runtime = Runtime.getRuntime();
        long available = runtime.maxMemory() - (runtime.totalMemory() - runtime.freeMemory());
        if (needed > available) {
            long gib = 1L << 30;
            long heap = (runtime.maxMemory() - available + needed) * 3 / 2;
            throw new DataFormatException(
                    file.name(),
                    String.format(
                            Locale.ROOT,
                            "training holds the table in memory: "
                                    + "about %,d rows x %d columns need about %.2f GiB, more than the %.2f GiB "
                                    + "this Java heap has left; run "
                                    + "with a larger heap, for example DEEPAE_JAVA_OPTS=-Xmx%dg ./deepae train "
                                    + "..., or train on a sample",
                            rows,
                            columns,
                            needed / (double) gib,
                            available / (double) gib,
                            Math.max(1, (heap + gib - 1) / gib)));
        }
    }

    /**
     * About how many rows {@code file} holds: a CSV's size over the mean length of its first lines (at least 4 bytes
     * a value), a Parquet file's size over 1 byte a value (its values are compressed; an upper estimate).
     */
    static long estimateRows(DataSource.TableFile file, int columns) throws IOException {
        long size = java.nio.file.Files.size(file.file());
        if (file.format() == DataSource.TableFormat.PARQUET) {
            return size / Math.max(1, columns);
        }
        byte[] head;
        try (java.io.InputStream in = java.nio.file.Files.newInputStream(file.file())) {
            head = in.readNBytes(1 << 16);
        }
        int lines = 0;
        for (byte b : head) {
            if (b == '\n') {
                lines++;
            }
        }
        long perLine = lines > 1 ? Math.max((long) head.length / lines, 4L * columns) : Math.max(head.length, 1);
        return Math.max(1, size / perLine);
    }

    /** Label indices of a table column, the level names appended to {@code names} (sorted, numbers numerically). */
    private static int[] labels(Table table, int c, List<String> names) throws DataFormatException {
        Column column = table.column(c);
        if (names.isEmpty()) {
            Set<String> levels = column instanceof Column.Numeric
                    ? new TreeSet<>((a, b) -> Double.compare(Double.parseDouble(a), Double.parseDouble(b)))
                    : new TreeSet<>();
            for (int i = 0; i < column.size(); i++) {
                if (!column.isMissing(i)) {
                    levels.add(column instanceof Column.Numeric n ? number(n.values()[i]) : column.text(i));
                }
            }
            names.addAll(levels);
        }
        LabelIndex index = new LabelIndex(names);
        int[] labels = index.labels(table, c, 0);
        // a test file's labels that the training rows did not have
        names.addAll(index.names().subList(names.size(), index.names().size()));
        return labels;
    }

    /** Labels of class folders mapped onto {@code names}, which the first source fills. */
    private static int[] relabel(int[] labels, List<String> classes, List<String> names) {
        if (names.isEmpty()) {
            names.addAll(classes);
            return labels;
        }
        int[] out = new int[labels.length];
        for (int i = 0; i < labels.length; i++) {
            String name = classes.get(labels[i]);
            int at = names.indexOf(name);
            if (at < 0) {
                at = names.size();
                names.add(name);
            }
            out[i] = at;
        }
        return out;
    }

    private static String[] ids(Column column) {
        String[] ids = new String[column.size()];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = column.isMissing(i)
                    ? ""
                    : column instanceof Column.Numeric n ? number(n.values()[i]) : column.text(i);
        }
        return ids;
    }

    /** A number as a table would show it: whole numbers without a fraction. */
    public static String number(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }

    /** Row indices of the training part and the test part, each in file order. */
    static int[][] split(int rows, double fraction, long seed, String source) throws DataFormatException {
        int held = (int) Math.round(fraction * rows);
        if (fraction > 0 && held == 0) {
            held = 1;
        }
        if (held >= rows) {
            throw new DataFormatException(
                    source,
                    String.format(
                            Locale.ROOT,
                            "a test split of %s of %d rows leaves no training rows",
                            trim(fraction),
                            rows));
        }
        int[] order = new int[rows];
        for (int i = 0; i < rows; i++) {
            order[i] = i;
        }
        Random random = new Random(seed ^ SPLIT_SALT);
        for (int i = rows - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        int[] train = Arrays.copyOfRange(order, 0, rows - held);
        int[] test = Arrays.copyOfRange(order, rows - held, rows);
        Arrays.sort(train);
        Arrays.sort(test);
        return new int[][] {train, test};
    }

    private static Rows filterLabels(Rows train, Dataset data, Request request, List<String> notes)
            throws DataFormatException {
        List<String> names = new ArrayList<>();
        if (train.labels() != null) {
            int max = Arrays.stream(train.labels()).max().orElse(-1);
            for (int label = 0; label <= max; label++) {
                // fashion-mnist's classes by name (T-shirt/top, ...); their numbers are accepted too (see labelSet)
                names.add(ClassNames.name(data.info().name(), label));
            }
        }
        int[] kept = keptByLabel(train.labels(), names, request, data.info().name(), notes);
        return kept == null ? train : train.select(kept);
    }

    /** The training rows whose label passes --only-labels and --exclude-labels, or {@code null} when both are empty. */
    private static int[] keptByLabel(
            int[] labels, List<String> names, Request request, String source, List<String> notes)
            throws DataFormatException {
        if (request.onlyLabels().isEmpty() && request.excludeLabels().isEmpty()) {
            return null;
        }
        if (labels == null) {
            throw new DataFormatException(
                    source,
                    "--only-labels and --exclude-labels need labelled rows; give "
                            + "--label-column for a table, or class subfolders for images");
        }
        Set<Integer> only = labelSet(request.onlyLabels(), names, source, "--only-labels");
        Set<Integer> excluded = labelSet(request.excludeLabels(), names, source, "--exclude-labels");
        int[] kept = new int[labels.length];
        int n = 0;
        Map<Integer, Integer> counts = new TreeMap<>();
        for (int i = 0; i < labels.length; i++) {
            if ((only.isEmpty() || only.contains(labels[i])) && !excluded.contains(labels[i])) {
                kept[n++] = i;
                counts.merge(labels[i], 1, Integer::sum);
            }
        }
        if (n == 0) {
            throw new DataFormatException(source, "no training row is left after --only-labels and --exclude-labels");
        }
        StringBuilder which = new StringBuilder();
        counts.forEach((label, count) -> which.append(which.length() == 0 ? "" : ", ")
                .append(label < names.size() ? names.get(label) : label)
                .append(' ')
                .append(count));
        notes.add(String.format(
                Locale.ROOT,
                "training on %d of %d training rows by label (%s); the test rows keep every label",
                n,
                labels.length,
                which));
        return Arrays.copyOf(kept, n);
    }

    /** The names of the labels that --only-labels and --exclude-labels keep; empty when neither is given. */
    private static List<String> normalNames(Dataset data, Request request) {
        if ((request.onlyLabels().isEmpty() && request.excludeLabels().isEmpty())
                || !data.train().hasLabels()) {
            return List.of();
        }
        Set<Integer> seen = new TreeSet<>();
        for (int label : data.train().labels()) {
            seen.add(label);
        }
        return seen.stream().map(data::labelName).toList();
    }

    /** The label indices that {@code given} names, by name, or by number when the labels are numbers. */
    private static Set<Integer> labelSet(List<String> given, List<String> names, String source, String option)
            throws DataFormatException {
        Set<Integer> set = new HashSet<>();
        for (String label : given) {
            int at = names.indexOf(label);
            if (at < 0
                    && label.chars().allMatch(Character::isDigit)
                    && !label.isEmpty()
                    && label.length() < 10
                    && Integer.parseInt(label) < names.size()
                    && names.stream().noneMatch(nm -> nm.equals(label))) {
                at = Integer.parseInt(label);
            }
            if (at < 0) {
                throw new DataFormatException(
                        source,
                        option + ": no label " + Quoted.of(label) + "; the labels are "
                                + (names.size() <= 20
                                        ? String.join(", ", names)
                                        : String.join(", ", names.subList(0, 20)) + ", ..."));
            }
            set.add(at);
        }
        return set;
    }

    private static Dataset encodeRows(Dataset data, Preprocessing preprocessing) {
        Rows train = data.train()
                .withValues(preprocessing.encodeNumeric(
                        data.train().values(), data.train().count()));
        Rows test = data.test()
                .withValues(preprocessing.encodeNumeric(
                        data.test().values(), data.test().count()));
        return data.withRows(train, test);
    }

    private static Rows rows(Encoded encoded, Raw raw, String source) {
        return new Rows(encoded.values(), encoded.rows(), encoded.width(), raw.labels(), raw.ids(), null, source);
    }

    private static void note(List<String> notes, String which, Encoded encoded) {
        String summary = encoded.summary();
        if (!summary.isEmpty()) {
            notes.add(which + ": " + summary);
        }
    }

    /** Hex SHA-256 over the float values' little-endian bytes, array after array. */
    static String sha256(float[]... arrays) {
        java.security.MessageDigest digest;
        try {
            digest = java.security.MessageDigest.getInstance("SHA-256");
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
        java.nio.ByteBuffer buffer = java.nio.ByteBuffer.allocate(1 << 16).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        for (float[] values : arrays) {
            for (float v : values) {
                if (buffer.remaining() < Float.BYTES) {
                    digest.update(buffer.flip());
                    buffer.clear();
                }
                buffer.putFloat(v);
            }
        }
        digest.update(buffer.flip());
        return java.util.HexFormat.of().formatHex(digest.digest());
    }

    private static List<String> pixelNames(ImageShape shape) {
        List<String> names = new ArrayList<>();
        for (int y = 1; y <= shape.height(); y++) {
            for (int x = 1; x <= shape.width(); x++) {
                for (int c = 1; c <= shape.channels(); c++) {
                    names.add("pixel_" + y + "_" + x + (shape.isGray() ? "" : "_" + c));
                }
            }
        }
        return names;
    }

    private static List<String> columnNames(int width) {
        List<String> names = new ArrayList<>();
        for (int i = 1; i <= width; i++) {
            names.add("x" + i);
        }
        return names;
    }

    private static String describe(Rows rows) {
        return rows.isImages() ? rows.shape() + " images" : "rows of " + rows.width() + " values";
    }

    private static String trim(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }

    private static int[] pick(int[] values, int[] indices) {
        int[] out = new int[indices.length];
        for (int k = 0; k < indices.length; k++) {
            out[k] = values[indices[k]];
        }
        return out;
    }

    private static String[] pick(String[] values, int[] indices) {
        String[] out = new String[indices.length];
        for (int k = 0; k < indices.length; k++) {
            out[k] = values[indices[k]];
        }
        return out;
    }
}
