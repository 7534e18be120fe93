/**
 * What a model learned, measured: the PCA baseline, anomaly scores and thresholds, and projections of the codes.
 * Plain Java over {@code float[]} rows; large matrix products go through {@code org.deepae.tf}.
 */
package org.deepae.analysis;
