package org.deepae.spark;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.spark.SparkConf;
import org.apache.spark.SparkEnv;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.ml.Transformer;
import org.apache.spark.ml.linalg.SQLDataTypes;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.ml.param.DoubleParam;
import org.apache.spark.ml.param.IntParam;
import org.apache.spark.ml.param.Param;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.ml.param.ParamValidators;
import org.apache.spark.ml.param.StringArrayParam;
import org.apache.spark.ml.util.DefaultParamsReader;
import org.apache.spark.ml.util.DefaultParamsWritable;
import org.apache.spark.ml.util.Identifiable$;
import org.apache.spark.ml.util.MLReader;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.NumericType;
import org.apache.spark.sql.types.StructType;
import org.deepae.data.Column;
import org.deepae.data.DataFormatException;
import org.deepae.data.Encoded;
import org.deepae.data.Preprocessing;
import org.deepae.data.Table;
import org.deepae.io.PausePoints;
import org.deepae.model.Autoencoder;

/**
 * A Spark ML {@code Transformer} that scores a DataFrame with a deepae model: it adds each row's code (a
 * {@code Vector}), its mean squared reconstruction error ({@code double}), whether that error is above the model's
 * threshold ({@code boolean}; null when neither the model nor {@link #threshold} gives one) and optionally its
 * reconstruction (a {@code Vector}). The features are a {@code Vector} or an {@code array<float|double>} column of the
 * model's input width.
 *
 * <p>Each partition is scored in batches of {@link #batchSize} rows, one TensorFlow session call each, with the model
 * loaded once per executor JVM ({@link ExecutorModels}) and TensorFlow's threads sized to the executor's cores. A row
 * whose features are null, hold a NaN or an infinity, or have the wrong width fails the job with a message naming
 * the problem; with {@code handleInvalid = "keep"} its outputs are null instead, as Spark ML's own transformers do.
 * It is {@code MLWritable}, so it can sit in a saved {@code Pipeline}. The doc comment of each param is on its field.
 */
public final class AutoencoderScorer extends Transformer implements DefaultParamsWritable {

    private static final long serialVersionUID = 1L;

    private final String uid;

    /** The model: a deepae model directory on local disk or any Hadoop file system the executors read. */
    private final Param<String> modelPath;
    /** The features column: a {@code Vector} or an {@code array<float|double>} of the model's input width. */
    private final Param<String> featuresCol;
    /**
     * Raw numeric and string columns to which the model's own preprocessing (fitted by {@code deepae train} on a
     * table) is applied, instead of {@link #featuresCol}; empty (the default) to use the features column.
     */
    private final StringArrayParam inputCols;
    /** The code column ({@code Vector}). */
    private final Param<String> codeCol;
    /** The reconstruction error column ({@code double}). */
    private final Param<String> errorCol;
    /** The anomaly flag column ({@code boolean}). */
    private final Param<String> flagCol;
    /** The reconstruction column ({@code Vector}); empty (the default) for none. */
    private final Param<String> reconstructionCol;
    /** {@code error} (the default) or {@code keep}: what a row with invalid features does. */
    private final Param<String> handleInvalid;
    /** Rows per session call. */
    private final IntParam batchSize;
    /** TensorFlow's threads per executor; 0 (the default) means the executor's cores. */
    private final IntParam threads;
    /** The anomaly threshold on the error; NaN (the default) means the model's own ({@code threshold.json}). */
    private final DoubleParam threshold;

    public AutoencoderScorer() {
        this(Identifiable$.MODULE$.randomUID("deepaeScorer"));
    }

    public AutoencoderScorer(String uid) {
        this.uid = uid;
        modelPath = new Param<>(this, "modelPath", "the deepae model directory");
        featuresCol = new Param<>(this, "featuresCol", "the features: a Vector or array<float|double> column");
        inputCols = new StringArrayParam(
                this, "inputCols", "raw columns the model's preprocessing encodes, instead of featuresCol");
        codeCol = new Param<>(this, "codeCol", "the code column");
        errorCol = new Param<>(this, "errorCol", "the reconstruction error column");
        flagCol = new Param<>(this, "flagCol", "the anomaly flag column");
        reconstructionCol = new Param<>(this, "reconstructionCol", "the reconstruction column, or empty for none");
        handleInvalid = new Param<>(
                this,
                "handleInvalid",
                "error or keep: fail on invalid features, or give the row null outputs",
                ParamValidators.inArray(new String[] {"error", "keep"}));
        batchSize = new IntParam(this, "batchSize", "rows per session call", ParamValidators.gt(0));
        threads = new IntParam(
                this, "threads", "TensorFlow threads per executor, 0 for its cores", ParamValidators.gtEq(0));
        threshold = new DoubleParam(this, "threshold", "the anomaly threshold, NaN for the model's own");
        setDefault(featuresCol, "features");
        setDefault(inputCols, new String[0]);
        setDefault(codeCol, "code");
        setDefault(errorCol, "reconstruction_error");
        setDefault(flagCol, "anomaly");
        setDefault(reconstructionCol, "");
        setDefault(handleInvalid, "error");
        setDefault(batchSize, 1000);
        setDefault(threads, 0);
        setDefault(threshold, Double.NaN);
    }

    @Override
    public String uid() {
        return uid;
    }

    // Spark finds a stage's params by its public methods that return one: each param has its accessor

    public Param<String> modelPath() {
        return modelPath;
    }

    public Param<String> featuresCol() {
        return featuresCol;
    }

    public StringArrayParam inputCols() {
        return inputCols;
    }

    public Param<String> codeCol() {
        return codeCol;
    }

    public Param<String> errorCol() {
        return errorCol;
    }

    public Param<String> flagCol() {
        return flagCol;
    }

    public Param<String> reconstructionCol() {
        return reconstructionCol;
    }

    public Param<String> handleInvalid() {
        return handleInvalid;
    }

    public IntParam batchSize() {
        return batchSize;
    }

    public IntParam threads() {
        return threads;
    }

    public DoubleParam threshold() {
        return threshold;
    }

    public AutoencoderScorer setModelPath(String value) {
        set(modelPath, value);
        return this;
    }

    public AutoencoderScorer setFeaturesCol(String value) {
        set(featuresCol, value);
        return this;
    }

    public AutoencoderScorer setInputCols(String[] value) {
        set(inputCols, value);
        return this;
    }

    public AutoencoderScorer setCodeCol(String value) {
        set(codeCol, value);
        return this;
    }

    public AutoencoderScorer setErrorCol(String value) {
        set(errorCol, value);
        return this;
    }

    public AutoencoderScorer setFlagCol(String value) {
        set(flagCol, value);
        return this;
    }

    public AutoencoderScorer setReconstructionCol(String value) {
        set(reconstructionCol, value);
        return this;
    }

    public AutoencoderScorer setHandleInvalid(String value) {
        set(handleInvalid, value);
        return this;
    }

    public AutoencoderScorer setBatchSize(int value) {
        set(batchSize, value);
        return this;
    }

    public AutoencoderScorer setThreads(int value) {
        set(threads, value);
        return this;
    }

    public AutoencoderScorer setThreshold(double value) {
        set(threshold, value);
        return this;
    }

    @Override
    public StructType transformSchema(StructType schema) {
        if (!isDefined(modelPath)) {
            throw new IllegalArgumentException("AutoencoderScorer: set modelPath, the deepae model directory");
        }
        String[] raw = getOrDefault(inputCols);
        for (String name : raw) {
            if (!List.of(schema.fieldNames()).contains(name)) {
                throw new IllegalArgumentException(
                        "AutoencoderScorer: no column '" + name + "' (inputCols) in " + schema.simpleString());
            }
            DataType type = schema.apply(name).dataType();
            if (!(type instanceof NumericType) && !type.sameType(DataTypes.StringType)) {
                throw new IllegalArgumentException("AutoencoderScorer: column '" + name + "' is " + type.simpleString()
                        + "; inputCols are numbers or strings");
            }
        }
        String features = getOrDefault(featuresCol);
        if (raw.length > 0) {
            return withOutputs(schema);
        }
        if (!List.of(schema.fieldNames()).contains(features)) {
            throw new IllegalArgumentException(
                    "AutoencoderScorer: no column '" + features + "' (featuresCol) in " + schema.simpleString());
        }
        DataType type = schema.apply(features).dataType();
        if (!isVector(type) && !isNumberArray(type)) {
            throw new IllegalArgumentException("AutoencoderScorer: column '" + features + "' is " + type.simpleString()
                    + "; expected a Vector or array<float> or array<double>");
        }
        return withOutputs(schema);
    }

    /** {@code schema} with the output columns added, none of which may be there already. */
    private StructType withOutputs(StructType schema) {
        StructType out = schema;
        for (String name : outputColumns()) {
            if (List.of(schema.fieldNames()).contains(name)) {
                throw new IllegalArgumentException(
                        "AutoencoderScorer: the output column '" + name + "' exists already");
            }
        }
        out = out.add(getOrDefault(codeCol), SQLDataTypes.VectorType(), true)
                .add(getOrDefault(errorCol), DataTypes.DoubleType, true)
                .add(getOrDefault(flagCol), DataTypes.BooleanType, true);
        if (!getOrDefault(reconstructionCol).isEmpty()) {
            out = out.add(getOrDefault(reconstructionCol), SQLDataTypes.VectorType(), true);
        }
        return out;
    }

    private List<String> outputColumns() {
        List<String> names =
                new ArrayList<>(List.of(getOrDefault(codeCol), getOrDefault(errorCol), getOrDefault(flagCol)));
        if (!getOrDefault(reconstructionCol).isEmpty()) {
            names.add(getOrDefault(reconstructionCol));
        }
        return names;
    }

    static boolean isVector(DataType type) {
        return type.sameType(SQLDataTypes.VectorType());
    }

    static boolean isNumberArray(DataType type) {
        return type instanceof ArrayType array
                && (array.elementType().sameType(DataTypes.FloatType)
                        || array.elementType().sameType(DataTypes.DoubleType));
    }

    @Override
    public Dataset<Row> transform(Dataset<?> dataset) {
        StructType out = transformSchema(dataset.schema());
        String[] raw = getOrDefault(inputCols);
        int[] rawIndex = new int[raw.length];
        boolean[] rawText = new boolean[raw.length];
        for (int i = 0; i < raw.length; i++) {
            rawIndex[i] = dataset.schema().fieldIndex(raw[i]);
            rawText[i] = dataset.schema().apply(raw[i]).dataType().sameType(DataTypes.StringType);
        }
        Scoring scoring = new Scoring(
                getOrDefault(modelPath),
                raw.length > 0 ? -1 : dataset.schema().fieldIndex(getOrDefault(featuresCol)),
                raw.length > 0 ? String.join(",", raw) : getOrDefault(featuresCol),
                raw,
                rawIndex,
                rawText,
                !getOrDefault(reconstructionCol).isEmpty(),
                getOrDefault(handleInvalid).equals("keep"),
                (Integer) getOrDefault(batchSize),
                (Integer) getOrDefault(threads),
                (Double) getOrDefault(threshold));
        return dataset.toDF().mapPartitions(scoring, Encoders.row(out));
    }

    @Override
    public AutoencoderScorer copy(ParamMap extra) {
        return defaultCopy(extra);
    }

    /** Reads a scorer saved with {@code write().save(path)}. */
    public static MLReader<AutoencoderScorer> read() {
        return new DefaultParamsReader<>();
    }

    /** A scorer saved with {@code write().save(path)}. */
    public static AutoencoderScorer load(String path) {
        return read().load(path);
    }

    /**
     * What the executors run on each partition: the settings it needs, serialised with the task.
     *
     * @param column the features column's index, or -1 when the raw columns are encoded instead
     * @param rawNames the raw columns' names (empty for a features column), as the model's preprocessing names them
     * @param rawColumns their indexes in the rows
     * @param rawText which of them are strings
     * @param threshold the threshold set on the scorer, NaN for the model's own
     */
    record Scoring(
            String path,
            int column,
            String columnName,
            String[] rawNames,
            int[] rawColumns,
            boolean[] rawText,
            boolean reconstruction,
            boolean keepInvalid,
            int batch,
            int threads,
            double threshold)
            implements MapPartitionsFunction<Row, Row> {

        @Override
        public Iterator<Row> call(Iterator<Row> rows) {
            ExecutorModels.Loaded loaded = ExecutorModels.get(path, threads > 0 ? threads : executorCores());
            return new Batches(this, loaded, rows);
        }
    }

    private static final Pattern LOCAL_MASTER = Pattern.compile("local\\[(\\d+|\\*)(,\\d+)?]");

    /** The cores of this executor: {@code spark.executor.cores}, N of a {@code local[N]} master, or the machine's. */
    static int executorCores() {
        SparkEnv env = SparkEnv.get();
        SparkConf conf = env == null ? null : env.conf();
        if (conf != null && conf.contains("spark.executor.cores")) {
            return conf.getInt("spark.executor.cores", 1);
        }
        if (conf != null) {
            Matcher local = LOCAL_MASTER.matcher(conf.get("spark.master", ""));
            if (local.matches() && !local.group(1).equals("*")) {
                return Integer.parseInt(local.group(1));
            }
        }
        return Runtime.getRuntime().availableProcessors();
    }

    /** A partition's rows scored a batch at a time, as they are read. */
    private static final class Batches implements Iterator<Row> {
        private final Scoring scoring;
        private final ExecutorModels.Loaded loaded;
        private final Iterator<Row> rows;
        private final int width;
        private final int codeSize;
        private final double threshold;
        private final List<Row> ready = new ArrayList<>();
        private int next;

        Batches(Scoring scoring, ExecutorModels.Loaded loaded, Iterator<Row> rows) {
            this.scoring = scoring;
            this.loaded = loaded;
            this.rows = rows;
            this.width = loaded.model().spec().inputSize();
            this.codeSize = loaded.model().spec().codeSize();
            this.threshold = Double.isNaN(scoring.threshold()) ? loaded.threshold() : scoring.threshold();
        }

        @Override
        public boolean hasNext() {
            if (next < ready.size()) {
                return true;
            }
            ready.clear();
            next = 0;
            if (rows.hasNext()) {
                score();
            }
            return !ready.isEmpty();
        }

        @Override
        public Row next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            return ready.get(next++);
        }

        /** Reads up to a batch of rows and scores the valid ones in one call of each op. */
        private void score() {
            PausePoints.reach("spark-batch");
            List<Row> batch = new ArrayList<>();
            float[] values = new float[scoring.batch() * width];
            int[] slot = new int[scoring.batch()];
            int valid = 0;
            while (batch.size() < scoring.batch() && rows.hasNext()) {
                Row row = rows.next();
                if (scoring.column() < 0) {
                    slot[batch.size()] = batch.size();
                } else {
                    slot[batch.size()] = features(row, values, valid) ? valid++ : -1;
                }
                batch.add(row);
            }
            if (scoring.column() < 0) {
                valid = encodeRaw(batch, values, slot);
            }
            Autoencoder model = loaded.model();
            float[] codes;
            float[] errors;
            float[] reconstructed = null;
            synchronized (loaded.lock()) {
                codes = model.encode(values, valid);
                errors = model.rowErrors(values, valid);
                if (scoring.reconstruction()) {
                    reconstructed = model.reconstruct(values, valid);
                }
            }
            for (int i = 0; i < batch.size(); i++) {
                Row row = batch.get(i);
                int at = slot[i];
                List<Object> cells = new ArrayList<>(row.size() + 4);
                for (int c = 0; c < row.size(); c++) {
                    cells.add(row.get(c));
                }
                if (at < 0) {
                    cells.add(null);
                    cells.add(null);
                    cells.add(null);
                    if (scoring.reconstruction()) {
                        cells.add(null);
                    }
                } else {
                    double error = errors[at];
                    cells.add(vector(codes, at, codeSize));
                    cells.add(error);
                    cells.add(Double.isNaN(threshold) ? null : error > threshold);
                    if (reconstructed != null) {
                        cells.add(vector(reconstructed, at, width));
                    }
                }
                ready.add(RowFactory.create(cells.toArray()));
            }
        }

        /**
         * Encodes the raw columns of {@code batch} with the model's preprocessing into {@code values}, and returns how
         * many rows it encoded; with {@code keep}, a row the preprocessing refuses (a missing value it does not
         * impute, text in a numeric column) gets slot -1 and the others move up.
         */
        private int encodeRaw(List<Row> batch, float[] values, int[] slot) {
            Preprocessing preprocessing = loaded.preprocessing();
            if (preprocessing == null || preprocessing.isIdentity()) {
                throw new IllegalArgumentException("AutoencoderScorer: inputCols needs a model trained on a table, "
                        + "with its preprocessing; " + scoring.path() + " has none: use featuresCol");
            }
            try {
                Encoded encoded = preprocessing.encode(table(batch));
                System.arraycopy(encoded.values(), 0, values, 0, encoded.values().length);
                return batch.size();
            } catch (DataFormatException e) {
                if (!scoring.keepInvalid()) {
                    throw new IllegalArgumentException(
                            "AutoencoderScorer: " + e.getMessage() + " (set handleInvalid to keep for null outputs)",
                            e);
                }
            }
            int valid = 0;
            for (int i = 0; i < batch.size(); i++) {
                try {
                    Encoded one = preprocessing.encode(table(batch.subList(i, i + 1)));
                    System.arraycopy(one.values(), 0, values, valid * width, width);
                    slot[i] = valid++;
                } catch (DataFormatException e) {
                    slot[i] = -1;
                }
            }
            return valid;
        }

        /** The raw columns of {@code rows} as a table: numbers (null as NaN, a missing value) and strings. */
        private Table table(List<Row> rows) {
            List<Column> columns = new ArrayList<>();
            for (int c = 0; c < scoring.rawNames().length; c++) {
                int index = scoring.rawColumns()[c];
                if (scoring.rawText()[c]) {
                    String[] text = new String[rows.size()];
                    for (int r = 0; r < rows.size(); r++) {
                        text[r] =
                                rows.get(r).isNullAt(index) ? null : rows.get(r).getString(index);
                    }
                    columns.add(new Column.Text(scoring.rawNames()[c], text));
                } else {
                    double[] numbers = new double[rows.size()];
                    for (int r = 0; r < rows.size(); r++) {
                        Row row = rows.get(r);
                        numbers[r] = row.isNullAt(index) ? Double.NaN : ((Number) row.get(index)).doubleValue();
                    }
                    columns.add(new Column.Numeric(scoring.rawNames()[c], numbers));
                }
            }
            return new Table("inputCols " + scoring.columnName(), columns, rows.size());
        }

        /**
         * Copies a row's features into slot {@code at} of {@code values}; false when they are invalid and kept as
         * null outputs.
         *
         * @throws IllegalArgumentException naming the problem, when invalid rows fail the job
         */
        private boolean features(Row row, float[] values, int at) {
            String problem = null;
            Object cell = row.get(scoring.column());
            if (cell == null) {
                problem = "is null";
            } else {
                // read the cell once: a Vector's values are doubles, an array's are boxed and may be null
                Vector vector = cell instanceof Vector v ? v : null;
                List<Object> list = vector == null ? row.getList(scoring.column()) : null;
                int n = vector != null ? vector.size() : list.size();
                if (n != width) {
                    problem = "has " + n + " values but the model takes " + width;
                }
                for (int j = 0; j < width && problem == null; j++) {
                    Object boxed = vector != null ? null : list.get(j);
                    if (vector == null && boxed == null) {
                        problem = "has a null at position " + j;
                        break;
                    }
                    double d = vector != null ? vector.apply(j) : ((Number) boxed).doubleValue();
                    if (Double.isFinite(d)) {
                        values[at * width + j] = (float) d;
                    } else {
                        problem = "has " + d + " at position " + j;
                    }
                }
            }
            if (problem == null) {
                return true;
            }
            if (scoring.keepInvalid()) {
                return false;
            }
            throw new IllegalArgumentException("AutoencoderScorer: column '" + scoring.columnName() + "' of row " + row
                    + " " + problem + " (set handleInvalid to keep for null outputs instead)");
        }

        private static Vector vector(float[] values, int row, int width) {
            double[] out = new double[width];
            for (int j = 0; j < width; j++) {
                out[j] = values[row * width + j];
            }
            return Vectors.dense(out);
        }
    }
}
