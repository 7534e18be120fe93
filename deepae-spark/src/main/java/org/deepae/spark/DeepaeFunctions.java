package org.deepae.spark;

import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.types.DataTypes;
import org.deepae.model.Autoencoder;
import scala.collection.Seq;

/**
 * A deepae model as SQL functions on a {@code SparkSession}: {@code deepae_encode(features)} gives a row's code
 * ({@code array<float>}) and {@code deepae_score(features)} its mean squared reconstruction error ({@code double}),
 * for an {@code array<float|double>} of the model's input width; null features give null. They score one row per call:
 * for whole tables, {@link AutoencoderScorer} batches each partition and is much faster.
 */
public final class DeepaeFunctions {

    private DeepaeFunctions() {}

    /** Registers {@code deepae_encode} and {@code deepae_score} for the model at {@code modelPath}. */
    public static void register(SparkSession spark, String modelPath) {
        register(spark, modelPath, "deepae_encode", "deepae_score");
    }

    /** Registers the two functions under the given names, so that several models can be used side by side. */
    public static void register(SparkSession spark, String modelPath, String encodeName, String scoreName) {
        spark.udf()
                .register(
                        encodeName,
                        (UDF1<Seq<Object>, float[]>) features -> {
                            if (features == null) {
                                return null;
                            }
                            ExecutorModels.Loaded loaded = ExecutorModels.get(modelPath, 1);
                            float[] row = row(loaded.model(), features, encodeName);
                            synchronized (loaded.lock()) {
                                return loaded.model().encode(row, 1);
                            }
                        },
                        DataTypes.createArrayType(DataTypes.FloatType));
        spark.udf()
                .register(
                        scoreName,
                        (UDF1<Seq<Object>, Double>) features -> {
                            if (features == null) {
                                return null;
                            }
                            ExecutorModels.Loaded loaded = ExecutorModels.get(modelPath, 1);
                            float[] row = row(loaded.model(), features, scoreName);
                            synchronized (loaded.lock()) {
                                return (double) loaded.model().rowErrors(row, 1)[0];
                            }
                        },
                        DataTypes.DoubleType);
    }

    private static float[] row(Autoencoder model, Seq<Object> features, String function) {
        int width = model.spec().inputSize();
        if (features.size() != width) {
            throw new IllegalArgumentException(
                    function + ": the features have " + features.size() + " values but the model takes " + width);
        }
        float[] row = new float[width];
        for (int j = 0; j < width; j++) {
            Object v = features.apply(j);
            if (v == null) {
                throw new IllegalArgumentException(function + ": the features have a null at position " + j);
            }
            row[j] = ((Number) v).floatValue();
        }
        return row;
    }
}
