package org.deepae.tf;

import java.util.ArrayList;
import java.util.List;
import org.deepae.model.Noise;
import org.deepae.model.Objective;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Output;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;
import org.tensorflow.types.TInt64;

/**
 * The ops that train a {@link NetworkGraph}: the batch split into parallel towers, optional input noise (from stateless random ops seeded per step, so a
 * resumed run draws the same noise), the loss against the clean input, an optional L2 penalty, and the optimizer
 * step.
 */
final class TrainingGraph {

  /** The reconstruction loss of the batch (without the L2 penalty), before the step. */
  final Operand<TFloat32> loss;
  /** The op that applies one optimizer step. */
  final Op step;
  /** The per-step noise seed, two int64 values; {@code null} without noise. */
  final Placeholder<TInt64> noiseSeed;

  private TrainingGraph(Operand<TFloat32> loss, Op step, Placeholder<TInt64> noiseSeed) {
    this.loss = loss;
    this.step = step;
    this.noiseSeed = noiseSeed;
  }

  /**
   * @param towers how many parts each batch is split into, each run through the network as its own chain of ops:
   *     the products of one small batch run on one core, so parallel chains keep every core busy. The loss and its
   *     gradient are those of the whole batch; only the order of the sums changes with the number of towers.
   */
  static TrainingGraph build(Graph graph, NetworkGraph network, Objective objective, int towers) {
    if (towers <= 0) {
      throw new IllegalArgumentException("towers must be positive, got " + towers);
    }
    Ops tf = Ops.create(graph);
    Operand<TFloat32> clean = network.input;
    Placeholder<TInt64> seed = null;
    Operand<TFloat32> input = clean;
    if (!(objective.noise() instanceof Noise.None)) {
      seed = tf.withName("noise_seed").placeholder(TInt64.class, Placeholder.shape(Shape.of(2)));
      input = noisy(tf, clean, objective.noise(), seed);
    }
    Operand<TFloat32> loss = tf.withName("train_loss").math.div(towersLossSum(tf, network, input, clean, towers),
        tf.dtypes.cast(tf.size(clean), TFloat32.class));
    Operand<TFloat32> total = loss;
    if (objective.weightDecay() > 0) {
      Operand<TFloat32> squares = tf.constant(0f);
      for (int i = 0; i < network.parameters.size(); i += 2) {
        Variable<TFloat32> weights = network.parameters.get(i);
        // read through an identity: TF's gradient code crashes on Square applied to a reference variable directly
        squares = tf.math.add(squares, tf.sum(tf.math.square(tf.identity(weights)), tf.constant(new int[] {0, 1})));
      }
      total = tf.math.add(loss, tf.math.mul(tf.constant((float) objective.weightDecay()), squares));
    }
    Op step = OptimizerUpdate.minimize(graph, total, network.parameters, objective.optimizer());
    return new TrainingGraph(loss, step, seed);
  }

  /** The sum over the batch and values of the loss terms, computed in {@code towers} parallel parts of the batch. */
  private static Operand<TFloat32> towersLossSum(Ops tf, NetworkGraph network, Operand<TFloat32> input,
      Operand<TFloat32> clean, int towers) {
    Operand<TInt32> all = tf.constant(new int[] {0, 1});
    if (towers == 1) {
      Operand<TFloat32> logits = network.logits(tf, input);
      return tf.sum(network.lossTerms(tf, logits, network.activateOutput(tf, logits), clean), all);
    }
    Operand<TInt32> rows = tf.reshape(tf.shape.size(tf.shape(input), tf.constant(0)), tf.constant(new int[0]));
    Operand<TInt32> part = tf.math.div(rows, tf.constant(towers));
    List<Operand<TInt32>> sizes = new ArrayList<>();
    for (int t = 0; t < towers - 1; t++) {
      sizes.add(part);
    }
    sizes.add(tf.math.sub(rows, tf.math.mul(part, tf.constant(towers - 1))));
    Operand<TInt32> splits = tf.stack(sizes);
    List<Output<TFloat32>> inputs = tf.splitV(input, splits, tf.constant(0), (long) towers).output();
    List<Output<TFloat32>> targets = tf.splitV(clean, splits, tf.constant(0), (long) towers).output();
    Operand<TFloat32> sum = null;
    for (int t = 0; t < towers; t++) {
      Operand<TFloat32> logits = network.logits(tf, inputs.get(t));
      Operand<TFloat32> tower = tf.sum(network.lossTerms(tf, logits, network.activateOutput(tf, logits),
          targets.get(t)), all);
      sum = sum == null ? tower : tf.math.add(sum, tower);
    }
    return sum;
  }

  private static Operand<TFloat32> noisy(Ops tf, Operand<TFloat32> x, Noise noise, Operand<TInt64> seed) {
    Operand<org.tensorflow.types.TInt32> shape = tf.shape(x);
    if (noise instanceof Noise.Gaussian g) {
      return tf.math.add(x,
          tf.math.mul(tf.constant((float) g.stddev()), tf.random.statelessRandomNormal(shape, seed)));
    }
    if (noise instanceof Noise.Mask m) {
      return tf.math.mul(x, tf.dtypes.cast(
          tf.math.greaterEqual(tf.random.statelessRandomUniform(shape, seed), tf.constant((float) m.fraction())),
          TFloat32.class));
    }
    return x;
  }
}
