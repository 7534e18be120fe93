/**
 * The model directory: a versioned {@code model.json} (spec, training configuration, data provenance, metrics) beside
 * a TensorFlow checkpoint of the weights, written atomically and validated when loaded.
 */
package org.deepae.store;
