/**
 * Runs: a training run's directory assembled from the layers below ({@link org.deepae.run.TrainingRun}: metrics,
 * loss curve, model snapshots, checkpoints, the anomaly threshold, figures and the report), and the studies the
 * report and the analysis commands share ({@link org.deepae.run.ModelStudy}). Nothing here prints.
 */
package org.deepae.run;
