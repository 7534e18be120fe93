package org.deepae.model;

/**
 * A trained autoencoder ready for use. It owns native resources: close it when done; any use after
 * {@link #close()} fails with an {@link IllegalStateException}.
 *
 * <p>Rows are passed as one row-major array of {@code rows * width} values.
 */
public interface Autoencoder extends AutoCloseable {

  /** The network this model implements. */
  AutoencoderSpec spec();

  /** The code of each row: {@code rows * spec().codeSize()} values. */
  float[] encode(float[] rows, int count);

  /** The reconstruction of each row: {@code rows * spec().inputSize()} values. */
  float[] reconstruct(float[] rows, int count);

  /** Mean over rows and values of the squared reconstruction error. */
  double meanSquaredError(float[] rows, int count);

  @Override
  void close();
}
