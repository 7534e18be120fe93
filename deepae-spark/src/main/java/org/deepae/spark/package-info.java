/**
 * deepae on Apache Spark: {@link org.deepae.spark.AutoencoderScorer}, a Spark ML {@code Transformer} that adds a
 * model's code, reconstruction error and anomaly flag to a DataFrame, batched per partition with one model per
 * executor JVM ({@link org.deepae.spark.ExecutorModels}).
 */
package org.deepae.spark;
