package org.deepae.tf;

import java.io.IOException;
import java.nio.file.Path;
import org.tensorflow.Operand;
import org.tensorflow.SavedModelBundle;
import org.tensorflow.Session;
import org.tensorflow.Signature;
import org.tensorflow.types.TFloat32;

/**
 * Writes a network's session as a TensorFlow SavedModel (tag {@code serve}) with the signatures {@code encode}
 * ({@code x} to {@code code}), {@code decode} ({@code code} to {@code x_hat}) and {@code reconstruct} ({@code x} to
 * {@code x_hat}, also TensorFlow Serving's {@code serving_default}), each with method name
 * {@code tensorflow/serving/predict}.
 */
final class SavedModelExport {

  static final String ENCODE = "encode";
  static final String DECODE = "decode";
  static final String RECONSTRUCT = "reconstruct";
  static final String SERVING_DEFAULT = "serving_default";
  private static final String PREDICT_METHOD = "tensorflow/serving/predict";

  private SavedModelExport() {}

  /** Exports {@code session}, whose graph holds {@code network}, into {@code dir}. */
  static void write(Session session, NetworkGraph network, Path dir) throws IOException {
    try {
      SavedModelBundle.exporter(dir.toString())
          .withTags(SavedModelBundle.DEFAULT_TAG)
          .withSession(session)
          .withSignatures(
              signature(ENCODE, "x", network.input, "code", network.code),
              signature(DECODE, "code", network.codeInput, "x_hat", network.decoded),
              signature(RECONSTRUCT, "x", network.input, "x_hat", network.output),
              signature(SERVING_DEFAULT, "x", network.input, "x_hat", network.output))
          .export();
    } catch (RuntimeException e) {
      throw new IOException(dir + ": cannot write the SavedModel: " + TfAutoencoder.firstLine(e.getMessage()), e);
    }
  }

  private static Signature signature(String key, String inputName, Operand<TFloat32> input, String outputName,
      Operand<TFloat32> output) {
    return Signature.builder().key(key).methodName(PREDICT_METHOD)
        .input(inputName, input).output(outputName, output).build();
  }
}
