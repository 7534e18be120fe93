package org.deepae.tf;

import java.util.ArrayList;
import java.util.List;
import org.deepae.model.Activation;
import org.deepae.model.AutoencoderSpec;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.framework.initializers.VarianceScaling;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;

/**
 * The autoencoder's forward graph, built from its spec: input placeholder, dense layers, code, output, a second
 * entry that feeds a code straight to the decoder, and the squared-error terms. The one place that turns an {@link AutoencoderSpec} into TensorFlow ops.
 */
final class NetworkGraph {

  /** Name of the input placeholder. */
  static final String INPUT = "x";
  /** Name of the code placeholder that feeds the decoder alone. */
  static final String CODE_INPUT = "code_input";

  final Placeholder<TFloat32> input;
  final Operand<TFloat32> code;
  final Operand<TFloat32> output;
  /** A code fed directly to the decoder. */
  final Placeholder<TFloat32> codeInput;
  /** The decoder's output for {@link #codeInput}. */
  final Operand<TFloat32> decoded;
  /** Mean over values of each row's squared error: one value per row. */
  final Operand<TFloat32> rowMeanSquaredError;
  /** Mean over batch and values of the squared error: the training loss. */
  final Operand<TFloat32> meanSquaredError;
  /** Sum over batch and values of the squared error, for evaluation in chunks. */
  final Operand<TFloat32> sumSquaredError;
  /** Weights then biases of every layer, in layer order: w0, b0, w1, b1, ... */
  final List<Variable<TFloat32>> parameters;

  private NetworkGraph(Placeholder<TFloat32> input, Operand<TFloat32> code, Operand<TFloat32> output,
      Placeholder<TFloat32> codeInput, Operand<TFloat32> decoded, Operand<TFloat32> meanSquaredError,
      Operand<TFloat32> sumSquaredError, Operand<TFloat32> rowMeanSquaredError,
      List<Variable<TFloat32>> parameters) {
    this.input = input;
    this.code = code;
    this.output = output;
    this.codeInput = codeInput;
    this.decoded = decoded;
    this.meanSquaredError = meanSquaredError;
    this.sumSquaredError = sumSquaredError;
    this.rowMeanSquaredError = rowMeanSquaredError;
    this.parameters = List.copyOf(parameters);
  }

  /**
   * Adds the network to {@code graph}. Layer {@code i}'s weights come from a variance-scaling initializer (scale 1,
   * fan-in, truncated normal) seeded with {@code seed + i}, so layers of the same shape start differently; biases
   * start at zero.
   */
  static NetworkGraph build(Graph graph, AutoencoderSpec spec, long seed) {
    Ops tf = Ops.create(graph);
    Ops init = tf.withInitScope();
    List<Integer> sizes = spec.layerSizes();
    Placeholder<TFloat32> x = tf.withName(INPUT).placeholder(TFloat32.class,
        Placeholder.shape(Shape.of(-1, spec.inputSize())));
    List<Variable<TFloat32>> parameters = new ArrayList<>();
    for (int i = 0; i < spec.denseLayerCount(); i++) {
      long in = sizes.get(i);
      long out = sizes.get(i + 1);
      VarianceScaling<TFloat32> initializer = new VarianceScaling<>(1.0, VarianceScaling.Mode.FAN_IN,
          VarianceScaling.Distribution.TRUNCATED_NORMAL, seed + i);
      parameters.add(init.withName("dense" + i + "_w")
          .variable(initializer.call(init, init.constant(Shape.of(in, out)), TFloat32.class)));
      parameters.add(init.withName("dense" + i + "_b")
          .variable(init.zeros(init.constant(Shape.of(out)), TFloat32.class)));
    }
    int codeLayers = spec.codeLayerIndex() + 1;
    Operand<TFloat32> code = tf.withName("code").identity(layers(tf, spec, parameters, x, 0, codeLayers));
    Operand<TFloat32> output = tf.withName("x_hat")
        .identity(layers(tf, spec, parameters, code, codeLayers, spec.denseLayerCount()));
    Placeholder<TFloat32> codeInput = tf.withName(CODE_INPUT).placeholder(TFloat32.class,
        Placeholder.shape(Shape.of(-1, spec.codeSize())));
    Operand<TFloat32> decoded = tf.withName("decoded")
        .identity(layers(tf, spec, parameters, codeInput, codeLayers, spec.denseLayerCount()));

    Operand<TFloat32> squared = tf.math.squaredDifference(output, x);
    Operand<TFloat32> mse = tf.withName("loss").math.mean(squared, tf.constant(new int[] {0, 1}));
    Operand<TFloat32> sse = tf.withName("sse").sum(squared, tf.constant(new int[] {0, 1}));
    Operand<TFloat32> rowMse = tf.withName("row_mse").math.mean(squared, tf.constant(1));
    return new NetworkGraph(x, code, output, codeInput, decoded, mse, sse, rowMse, parameters);
  }

  /** Applies dense layers {@code from} (inclusive) to {@code to} (exclusive) to {@code h}. */
  private static Operand<TFloat32> layers(Ops tf, AutoencoderSpec spec, List<Variable<TFloat32>> parameters,
      Operand<TFloat32> h, int from, int to) {
    for (int i = from; i < to; i++) {
      h = activate(tf, spec.activationOf(i),
          tf.nn.biasAdd(tf.linalg.matMul(h, parameters.get(2 * i)), parameters.get(2 * i + 1)));
    }
    return h;
  }

  private static Operand<TFloat32> activate(Ops tf, Activation activation, Operand<TFloat32> z) {
    return switch (activation) {
      case RELU -> tf.nn.relu(z);
      case SIGMOID -> tf.math.sigmoid(z);
      case TANH -> tf.math.tanh(z);
      case LINEAR -> z;
    };
  }
}
