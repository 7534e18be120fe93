package org.deepae.tf;

import java.util.ArrayList;
import java.util.List;
import org.deepae.model.AdamSpec;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Output;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Gradients;
import org.tensorflow.op.core.Identity;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;

/**
 * One Adam step over a set of variables, as TF1's {@code AdamOptimizer} does it, but reproducible.
 *
 * <p>Two orderings make it deterministic. TensorFlow Java 1.1.0's framework {@code Adam} updates {@code beta1_power}
 * and {@code beta2_power} with no ordering against the {@code ApplyAdam} ops that read them; here the power updates
 * run strictly after every {@code ApplyAdam}. And since the weights are reference variables updated in place, an
 * {@code ApplyAdam} could otherwise change a layer's weights while back-propagation through that layer still reads
 * them; here every {@code ApplyAdam} waits until all gradients are computed.
 */
final class AdamUpdate {

  private AdamUpdate() {}

  /** Adds the update ops to {@code graph} and returns the op to run once per training step. */
  @SuppressWarnings("unchecked")
  static Op minimize(Graph graph, Operand<TFloat32> loss, List<Variable<TFloat32>> variables, AdamSpec adam) {
    Ops tf = Ops.create(graph);
    Ops init = tf.withInitScope();
    Operand<TFloat32> lr = tf.constant((float) adam.learningRate());
    Operand<TFloat32> beta1 = tf.constant((float) adam.beta1());
    Operand<TFloat32> beta2 = tf.constant((float) adam.beta2());
    Operand<TFloat32> epsilon = tf.constant((float) adam.epsilon());
    Variable<TFloat32> beta1Power = init.withName("adam_beta1_power").variable(init.constant((float) adam.beta1()));
    Variable<TFloat32> beta2Power = init.withName("adam_beta2_power").variable(init.constant((float) adam.beta2()));

    Gradients gradients = tf.gradients(loss, variables);
    List<Op> computedGradients = new ArrayList<>();
    List<Operand<TFloat32>> gradientValues = new ArrayList<>();
    for (int i = 0; i < variables.size(); i++) {
      Identity<TFloat32> gradient = tf.identity((Output<TFloat32>) (Output<?>) gradients.dy(i));
      computedGradients.add(gradient);
      gradientValues.add(gradient);
    }
    Ops afterGradients = tf.withControlDependencies(computedGradients);
    List<Op> updates = new ArrayList<>();
    for (int i = 0; i < variables.size(); i++) {
      Variable<TFloat32> variable = variables.get(i);
      String name = variable.op().name();
      Variable<TFloat32> m = init.withName(name + "_adam_m")
          .variable(init.zeros(init.constant(variable.shape()), TFloat32.class));
      Variable<TFloat32> v = init.withName(name + "_adam_v")
          .variable(init.zeros(init.constant(variable.shape()), TFloat32.class));
      updates.add(afterGradients.train.applyAdam(variable, m, v, beta1Power, beta2Power, lr, beta1, beta2, epsilon,
          gradientValues.get(i)));
    }
    Ops afterUpdates = tf.withControlDependencies(updates);
    Op nextBeta1 = afterUpdates.assign(beta1Power, afterUpdates.math.mul(beta1Power, beta1));
    Op nextBeta2 = afterUpdates.assign(beta2Power, afterUpdates.math.mul(beta2Power, beta2));
    return tf.withControlDependencies(List.of(nextBeta1, nextBeta2)).withName("train_step").noOp();
  }
}
