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
 * The autoencoder's forward graph, built from its spec: input placeholder, dense layers, code, output and the
 * squared-error terms. The one place that turns an {@link AutoencoderSpec} into TensorFlow ops.
 */
final class NetworkGraph {

  /** Name of the input placeholder. */
  static final String INPUT = "x";

  final Placeholder<TFloat32> input;
  final Operand<TFloat32> code;
  final Operand<TFloat32> output;
  /** Mean over batch and values of the squared error: the training loss. */
  final Operand<TFloat32> meanSquaredError;
  /** Sum over batch and values of the squared error, for evaluation in chunks. */
  final Operand<TFloat32> sumSquaredError;
  /** Weights then biases of every layer, in layer order: w0, b0, w1, b1, ... */
  final List<Variable<TFloat32>> parameters;

  private NetworkGraph(Placeholder<TFloat32> input, Operand<TFloat32> code, Operand<TFloat32> output,
      Operand<TFloat32> meanSquaredError, Operand<TFloat32> sumSquaredError, List<Variable<TFloat32>> parameters) {
    this.input = input;
    this.code = code;
    this.output = output;
    this.meanSquaredError = meanSquaredError;
    this.sumSquaredError = sumSquaredError;
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
    Operand<TFloat32> h = x;
    Operand<TFloat32> code = null;
    for (int i = 0; i < spec.denseLayerCount(); i++) {
      long in = sizes.get(i);
      long out = sizes.get(i + 1);
      VarianceScaling<TFloat32> initializer = new VarianceScaling<>(1.0, VarianceScaling.Mode.FAN_IN,
          VarianceScaling.Distribution.TRUNCATED_NORMAL, seed + i);
      Variable<TFloat32> w = init.withName("dense" + i + "_w")
          .variable(initializer.call(init, init.constant(Shape.of(in, out)), TFloat32.class));
      Variable<TFloat32> b = init.withName("dense" + i + "_b")
          .variable(init.zeros(init.constant(Shape.of(out)), TFloat32.class));
      parameters.add(w);
      parameters.add(b);
      h = activate(tf, spec.activationOf(i), tf.nn.biasAdd(tf.linalg.matMul(h, w), b));
      if (i == spec.codeLayerIndex()) {
        code = tf.withName("code").identity(h);
      }
    }
    Operand<TFloat32> output = tf.withName("x_hat").identity(h);
    Operand<TFloat32> squared = tf.math.squaredDifference(output, x);
    Operand<TFloat32> mse = tf.withName("loss").math.mean(squared, tf.constant(new int[] {0, 1}));
    Operand<TFloat32> sse = tf.withName("sse").sum(squared, tf.constant(new int[] {0, 1}));
    return new NetworkGraph(x, code, output, mse, sse, parameters);
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
