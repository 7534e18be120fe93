package org.deepae.spark;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;

/**
 * The example job: reads a Parquet table, scores it with a deepae model and writes it back as Parquet with the code,
 * the reconstruction error and the anomaly flag added.
 *
 * <pre>
 * spark-submit --class org.deepae.spark.ScoreParquet [--master ...] JARS \
 *     MODEL_DIR INPUT.parquet OUTPUT.parquet [FEATURES_COLUMN]
 * </pre>
 *
 * <p>The features column (default {@code features}) is a {@code Vector} or an {@code array<float|double>}. Exit code
 * 2 for wrong arguments.
 */
public final class ScoreParquet {

    private ScoreParquet() {}

    public static void main(String[] args) {
        if (args.length < 3 || args.length > 4) {
            System.err.println(
                    "usage: ScoreParquet MODEL_DIR INPUT.parquet OUTPUT.parquet [FEATURES_COLUMN (default features)]");
            System.exit(2);
        }
        SparkSession spark =
                SparkSession.builder().appName("deepae ScoreParquet").getOrCreate();
        try {
            run(spark, args[0], args[1], args[2], args.length == 4 ? args[3] : "features");
        } finally {
            spark.stop();
        }
    }

    /** Scores {@code input} with the model at {@code model} into {@code output}, replacing it. */
    public static void run(SparkSession spark, String model, String input, String output, String features) {
        Dataset<Row> table = spark.read().parquet(input);
        new AutoencoderScorer()
                .setModelPath(model)
                .setFeaturesCol(features)
                .transform(table)
                .write()
                .mode(SaveMode.Overwrite)
                .parquet(output);
    }
}
