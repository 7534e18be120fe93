package org.deepae.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.spark.ml.Pipeline;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.ml.PipelineStage;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.ml.linalg.VectorUDT;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.Metadata;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.deepae.analysis.Threshold;
import org.deepae.analysis.ThresholdFile;
import org.deepae.data.Column;
import org.deepae.data.Encoded;
import org.deepae.data.Preprocessing;
import org.deepae.data.PreprocessingOptions;
import org.deepae.data.Table;
import org.deepae.model.AdamSpec;
import org.deepae.model.Autoencoder;
import org.deepae.model.DenseSpec;
import org.deepae.store.ModelDirectory;
import org.deepae.store.ModelInfo;
import org.deepae.testing.BarImages;
import org.deepae.tf.TfAutoencoder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link AutoencoderScorer} on {@code local[2]}: every row's code and error equal the model's own, bit for bit. */
@Tag("slow")
class AutoencoderScorerTest {

    private static final int ROWS = 2500;

    @TempDir
    static Path dir;

    private static SparkSession spark;
    private static Path model;
    private static BarImages bars;

    @BeforeAll
    static void trainAModelAndStartSpark() throws Exception {
        bars = BarImages.of(ROWS, 4, 1);
        model = BarModels.train(dir.resolve("model"), bars);
        ThresholdFile.save(model, new Threshold(0.05, "test"), "test");
        spark = SparkSession.builder()
                .master("local[2]")
                .appName("deepae-spark-test")
                .config("spark.ui.enabled", "false")
                .config("spark.driver.bindAddress", "127.0.0.1")
                .config("spark.driver.host", "127.0.0.1")
                .config("spark.sql.shuffle.partitions", "2")
                .getOrCreate();
    }

    @AfterAll
    static void stop() {
        if (spark != null) {
            spark.stop();
        }
        ExecutorModels.closeAll();
    }

    /** The bars as (id, features) rows, the features a Vector or an array of floats, in 4 partitions. */
    private static Dataset<Row> frame(boolean vectors) {
        List<Row> rows = new ArrayList<>();
        for (int r = 0; r < ROWS; r++) {
            if (vectors) {
                double[] v = new double[16];
                for (int j = 0; j < 16; j++) {
                    v[j] = bars.pixels()[r * 16 + j];
                }
                rows.add(RowFactory.create((long) r, Vectors.dense(v)));
            } else {
                List<Float> v = new ArrayList<>();
                for (int j = 0; j < 16; j++) {
                    v.add(bars.pixels()[r * 16 + j]);
                }
                rows.add(RowFactory.create((long) r, v));
            }
        }
        StructType schema = new StructType(new StructField[] {
            new StructField("id", DataTypes.LongType, false, Metadata.empty()),
            new StructField(
                    "features",
                    vectors ? new VectorUDT() : DataTypes.createArrayType(DataTypes.FloatType),
                    true,
                    Metadata.empty())
        });
        return spark.createDataFrame(rows, schema).repartition(4);
    }

    private static List<Row> sorted(Dataset<Row> scored) {
        List<Row> rows = new ArrayList<>(scored.collectAsList());
        rows.sort(Comparator.comparingLong(row -> row.getLong(0)));
        return rows;
    }

    @Test
    void everyRowGetsTheModelsCodeErrorAndFlagWhateverItsPartitionAndBatch() throws Exception {
        AutoencoderScorer scorer = new AutoencoderScorer()
                .setModelPath(model.toString())
                .setBatchSize(300)
                .setThreads(1)
                .setReconstructionCol("reconstruction");
        for (boolean vectors : List.of(true, false)) {
            List<Row> rows = sorted(scorer.transform(frame(vectors)));
            assertThat(rows).hasSize(ROWS);
            try (Autoencoder reference = ModelDirectory.load(model, 1)) {
                float[] codes = reference.encode(bars.pixels(), ROWS);
                float[] errors = reference.rowErrors(bars.pixels(), ROWS);
                float[] reconstructed = reference.reconstruct(bars.pixels(), ROWS);
                for (int r = 0; r < ROWS; r++) {
                    Row row = rows.get(r);
                    assertThat(row.getLong(0)).isEqualTo(r);
                    Vector code = row.getAs("code");
                    for (int j = 0; j < 3; j++) {
                        assertThat((float) code.apply(j)).isEqualTo(codes[r * 3 + j]);
                    }
                    double error = row.getAs("reconstruction_error");
                    assertThat((float) error).isEqualTo(errors[r]);
                    assertThat((Boolean) row.getAs("anomaly")).isEqualTo(errors[r] > 0.05);
                    Vector back = row.getAs("reconstruction");
                    assertThat((float) back.apply(7)).isEqualTo(reconstructed[r * 16 + 7]);
                }
            }
        }
    }

    @Test
    void invalidFeaturesFailTheJobWithTheProblemOrGiveNullOutputsWhenKept() {
        List<Row> rows = new ArrayList<>();
        List<Float> good = new ArrayList<>();
        for (int j = 0; j < 16; j++) {
            good.add(0.5f);
        }
        List<Float> nan = new ArrayList<>(good);
        nan.set(3, Float.NaN);
        rows.add(RowFactory.create(0L, good));
        rows.add(RowFactory.create(1L, null));
        rows.add(RowFactory.create(2L, nan));
        rows.add(RowFactory.create(3L, good.subList(0, 5)));
        StructType schema = new StructType(new StructField[] {
            new StructField("id", DataTypes.LongType, false, Metadata.empty()),
            new StructField("features", DataTypes.createArrayType(DataTypes.FloatType), true, Metadata.empty())
        });
        Dataset<Row> frame = spark.createDataFrame(rows, schema).coalesce(1);
        AutoencoderScorer scorer =
                new AutoencoderScorer().setModelPath(model.toString()).setThreads(1);
        assertThatThrownBy(() -> scorer.transform(frame).collectAsList())
                .hasStackTraceContaining("column 'features' of row [1,null] is null");
        List<Row> kept = sorted(scorer.setHandleInvalid("keep").transform(frame));
        assertThat(kept).hasSize(4);
        assertThat(kept.get(0).isNullAt(kept.get(0).fieldIndex("code"))).isFalse();
        for (int r = 1; r < 4; r++) {
            Row row = kept.get(r);
            assertThat(row.isNullAt(row.fieldIndex("code"))).as("row " + r).isTrue();
            assertThat(row.isNullAt(row.fieldIndex("reconstruction_error"))).isTrue();
        }
    }

    @Test
    void aMissingModelOrAColumnOfTheWrongTypeIsRefusedByName() {
        AutoencoderScorer noModel =
                new AutoencoderScorer().setModelPath(dir.resolve("nothing").toString());
        assertThatThrownBy(() -> noModel.transform(frame(true)).count())
                .hasStackTraceContaining(dir.resolve("nothing") + ": no such model directory");
        AutoencoderScorer scorer =
                new AutoencoderScorer().setModelPath(model.toString()).setFeaturesCol("id");
        assertThatThrownBy(() -> scorer.transform(frame(true)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("AutoencoderScorer: column 'id' is bigint; expected a Vector or array<float> or "
                        + "array<double>");
        assertThatThrownBy(() -> new AutoencoderScorer().transform(frame(true))).hasMessageContaining("set modelPath");
    }

    @Test
    void theSqlFunctionsGiveTheScorersCodesAndErrors() {
        DeepaeFunctions.register(spark, model.toString());
        frame(false).createOrReplaceTempView("bars");
        List<Row> sql = spark.sql("SELECT id, deepae_encode(features) AS code, deepae_score(features) AS err FROM bars "
                        + "ORDER BY id")
                .collectAsList();
        List<Row> scored = sorted(new AutoencoderScorer()
                .setModelPath(model.toString())
                .setThreads(1)
                .transform(frame(false)));
        assertThat(sql).hasSize(ROWS);
        for (int r = 0; r < ROWS; r += 37) {
            Vector code = scored.get(r).getAs("code");
            List<Float> fromSql = sql.get(r).getList(1);
            for (int j = 0; j < 3; j++) {
                assertThat(fromSql.get(j)).isEqualTo((float) code.apply(j));
            }
            assertThat(sql.get(r).getDouble(2)).isEqualTo((Double) scored.get(r).getAs("reconstruction_error"));
        }
        assertThat(spark.sql("SELECT deepae_score(CAST(NULL AS array<float>))")
                        .first()
                        .isNullAt(0))
                .isTrue();
    }

    @Test
    void theExampleJobScoresAParquetTableIntoAnotherWithNoRowLostOrDuplicated() throws Exception {
        Path input = dir.resolve("in.parquet");
        Path output = dir.resolve("out.parquet");
        frame(false).write().parquet(input.toString());
        ScoreParquet.run(spark, model.toString(), input.toString(), output.toString(), "features");
        Dataset<Row> scored = spark.read().parquet(output.toString());
        assertThat(scored.count()).isEqualTo(ROWS);
        assertThat(scored.select("id").distinct().count()).isEqualTo(ROWS);
        assertThat(List.of(scored.columns())).contains("code", "reconstruction_error", "anomaly");
        Row first = scored.orderBy("id").first();
        try (Autoencoder reference = ModelDirectory.load(model, 1)) {
            assertThat((float) first.getDouble(first.fieldIndex("reconstruction_error")))
                    .isEqualTo(reference.rowErrors(bars.pixels(), 1)[0]);
        }
    }

    @Test
    void rawColumnsAreEncodedByTheModelsOwnPreprocessing() throws Exception {
        int n = 300;
        double[] amount = new double[n];
        String[] country = new String[n];
        for (int r = 0; r < n; r++) {
            amount[r] = 10 + (r * 37 % 100) + (r % 3 == 0 ? 50 : 0);
            country[r] = r % 3 == 0 ? "FR" : r % 3 == 1 ? "DE" : "IT";
        }
        amount[7] = Double.NaN; // missing: imputed by the preprocessing
        Table table = new Table(
                "payments", List.of(new Column.Numeric("amount", amount), new Column.Text("country", country)), n);
        Preprocessing preprocessing = Preprocessing.fit(table, PreprocessingOptions.defaults());
        Encoded encoded = preprocessing.encode(table);
        DenseSpec spec = DenseSpec.forTable(encoded.width());
        Path tableModel = dir.resolve("table-model");
        try (TfAutoencoder trained = TfAutoencoder.forTraining(spec, AdamSpec.tutorial(), 3, 1)) {
            for (int i = 0; i < 30; i++) {
                trained.trainStep(encoded.values(), n);
            }
            ModelDirectory.save(
                    tableModel,
                    trained,
                    ModelInfo.builder(spec)
                            .preprocessing(preprocessing)
                            .rows(n, n)
                            .deepaeVersion("test")
                            .build());
        }
        List<Row> rows = new ArrayList<>();
        for (int r = 0; r < n; r++) {
            rows.add(RowFactory.create((long) r, Double.isNaN(amount[r]) ? null : amount[r], country[r]));
        }
        StructType schema = new StructType(new StructField[] {
            new StructField("id", DataTypes.LongType, false, Metadata.empty()),
            new StructField("amount", DataTypes.DoubleType, true, Metadata.empty()),
            new StructField("country", DataTypes.StringType, true, Metadata.empty())
        });
        Dataset<Row> frame = spark.createDataFrame(rows, schema).repartition(3);
        List<Row> scored = sorted(new AutoencoderScorer()
                .setModelPath(tableModel.toString())
                .setInputCols(new String[] {"country", "amount"})
                .setBatchSize(64)
                .setThreads(1)
                .transform(frame));
        assertThat(scored).hasSize(n);
        try (Autoencoder reference = ModelDirectory.load(tableModel, 1)) {
            float[] errors = reference.rowErrors(encoded.values(), n);
            for (int r = 0; r < n; r++) {
                assertThat((float) scored.get(r).getDouble(scored.get(r).fieldIndex("reconstruction_error")))
                        .as("row " + r)
                        .isEqualTo(errors[r]);
            }
        }
        AutoencoderScorer dense = new AutoencoderScorer()
                .setModelPath(model.toString())
                .setInputCols(new String[] {"amount"})
                .setThreads(1);
        assertThatThrownBy(() -> dense.transform(frame).count())
                .hasStackTraceContaining("inputCols needs a model trained on a table");
    }

    @Test
    void aSavedPipelineWithTheScorerLoadsAndScoresTheSame() throws Exception {
        AutoencoderScorer scorer = new AutoencoderScorer()
                .setModelPath(model.toString())
                .setErrorCol("err")
                .setThreads(1);
        PipelineModel fitted =
                new Pipeline().setStages(new PipelineStage[] {scorer}).fit(frame(true));
        Path saved = dir.resolve("pipeline");
        fitted.write().overwrite().save(saved.toString());
        PipelineModel loaded = PipelineModel.load(saved.toString());
        List<Row> a = sorted(fitted.transform(frame(true)));
        List<Row> b = sorted(loaded.transform(frame(true)));
        assertThat(b).hasSameSizeAs(a);
        for (int r = 0; r < a.size(); r += 101) {
            assertThat((Double) b.get(r).getAs("err"))
                    .isEqualTo((Double) a.get(r).getAs("err"));
        }
        AutoencoderScorer read = AutoencoderScorer.load(
                saved.resolve("stages").resolve("0_" + scorer.uid()).toString());
        assertThat(read.getOrDefault(read.errorCol())).isEqualTo("err");
        assertThat(read.getOrDefault(read.modelPath())).isEqualTo(model.toString());
    }
}
