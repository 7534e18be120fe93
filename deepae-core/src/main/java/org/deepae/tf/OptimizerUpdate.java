package org.deepae.tf;

import java.util.ArrayList;
import java.util.List;
import org.deepae.model.AdamSpec;
import org.deepae.model.OptimizerSpec;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Output;
import org.tensorflow.framework.optimizers.AdaGrad;
import org.tensorflow.framework.optimizers.GradientDescent;
import org.tensorflow.framework.optimizers.Momentum;
import org.tensorflow.framework.optimizers.Optimizer;
import org.tensorflow.framework.optimizers.RMSProp;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Identity;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;

/**
 * One optimizer step over a set of variables, deterministic for a given seed and thread count.
 *
 * <p>Two orderings make it so. The weights are reference variables updated in place, so an update could otherwise
 * change a layer's weights while back-propagation through that layer still reads them: here a layer's update waits
 * until back-propagation has passed it. And TensorFlow Java 1.1.0's framework {@code Adam} updates {@code beta1_power}
 * and {@code beta2_power} with no ordering against the {@code ApplyAdam} ops that read them: Adam is therefore built
 * here from {@code ApplyAdam} ops, with the power updates strictly after them. The other optimizers are
 * {@code tensorflow-framework}'s, given the gated gradients.
 */
final class OptimizerUpdate {

    private OptimizerUpdate() {}

    /**
     * Adds the ops that update {@code variables} by {@code gradients} (one per variable, in the same order) once
     * back-propagation has passed each layer, and returns the op to run once per training step.
     *
     * @param variables the weights and biases of dense layers in layer order ({@code w0, b0, w1, b1, ...}). A layer's
     *     weights are read by its forward product and by the gradient with respect to its input, on which every
     *     gradient of the layer below depends: so layer {@code k}'s update waits for the gradients of layers {@code k}
     *     and {@code k - 1}, and runs while back-propagation goes on below (a step 3-5% faster than waiting for all
     *     gradients, on the reference machine, measured with TensorFlow's own back-propagation).
     * @param gradients one per variable, in the same order; the gradient of layer {@code k - 1} must depend on every
     *     read of layer {@code k}'s weights (as back-propagation's gradients do), and layer {@code k}'s gradients on
     *     every other read of its own ({@link #apply} checks that there is one per variable)
     */
    static Op applyGated(
            Graph graph, List<Operand<TFloat32>> gradients, List<Variable<TFloat32>> variables, OptimizerSpec spec) {
        Ops tf = Ops.create(graph);
        List<Identity<TFloat32>> raw = new ArrayList<>();
        for (Operand<TFloat32> gradient : gradients) {
            raw.add(tf.identity(gradient));
        }
        List<Output<TFloat32>> gated = new ArrayList<>();
        for (int i = 0; i < raw.size(); i++) {
            int layer = i / 2;
            List<Op> before = new ArrayList<>(raw.subList(2 * layer, Math.min(raw.size(), 2 * layer + 2)));
            if (layer > 0) {
                before.addAll(raw.subList(2 * layer - 2, 2 * layer));
            }
            gated.add(tf.withControlDependencies(before)
                    .identity(raw.get(i).asOutput())
                    .asOutput());
        }
        return apply(graph, variables, gated, spec);
    }

    /**
     * Adds the ops that update {@code variables} by the given {@code gradients} (one per variable, in the same order)
     * and returns the op to run once per step.
     */
    @SuppressWarnings("unchecked")
    static Op apply(
            Graph graph, List<Variable<TFloat32>> variables, List<Output<TFloat32>> gradients, OptimizerSpec spec) {
        if (gradients.size() != variables.size()) {
            throw new IllegalArgumentException(gradients.size() + " gradients for " + variables.size() + " variables");
        }
        if (spec instanceof AdamSpec adam) {
            return adam(Ops.create(graph), variables, gradients, adam);
        }
        List<Optimizer.GradAndVar<?>> pairs = new ArrayList<>();
        for (int i = 0; i < variables.size(); i++) {
            pairs.add(new Optimizer.GradAndVar<>(
                    gradients.get(i), variables.get(i).asOutput()));
        }
        return framework(graph, spec).applyGradients((List) pairs, "train_step");
    }

    private static Optimizer framework(Graph graph, OptimizerSpec spec) {
        float lr = (float) spec.learningRate();
        if (spec instanceof OptimizerSpec.Momentum m) {
            return new Momentum(graph, lr, (float) m.momentum(), m.nesterov());
        }
        if (spec instanceof OptimizerSpec.RmsProp r) {
            return new RMSProp(graph, lr, (float) r.decay(), (float) r.momentum(), (float) r.epsilon(), false);
        }
        if (spec instanceof OptimizerSpec.Adagrad a) {
            return new AdaGrad(graph, lr, (float) a.initialAccumulator());
        }
        if (spec instanceof OptimizerSpec.Sgd) {
            return new GradientDescent(graph, lr);
        }
        throw new IllegalArgumentException("no framework optimizer for " + spec);
    }

    private static Op adam(
            Ops tf, List<Variable<TFloat32>> variables, List<Output<TFloat32>> gradients, AdamSpec adam) {
        Ops init = tf.withInitScope();
        Operand<TFloat32> lr = tf.constant((float) adam.learningRate());
        Operand<TFloat32> beta1 = tf.constant((float) adam.beta1());
        Operand<TFloat32> beta2 = tf.constant((float) adam.beta2());
        Operand<TFloat32> epsilon = tf.constant((float) adam.epsilon());
        Variable<TFloat32> beta1Power = init.withName("adam_beta1_power").variable(init.constant((float) adam.beta1()));
        Variable<TFloat32> beta2Power = init.withName("adam_beta2_power").variable(init.constant((float) adam.beta2()));
        List<Op> updates = new ArrayList<>();
        for (int i = 0; i < variables.size(); i++) {
            Variable<TFloat32> variable = variables.get(i);
            String name = variable.op().name();
            Variable<TFloat32> m = init.withName(name + "_adam_m")
                    .variable(init.zeros(init.constant(variable.shape()), TFloat32.class));
            Variable<TFloat32> v = init.withName(name + "_adam_v")
                    .variable(init.zeros(init.constant(variable.shape()), TFloat32.class));
            updates.add(tf.train.applyAdam(
                    variable, m, v, beta1Power, beta2Power, lr, beta1, beta2, epsilon, gradients.get(i)));
        }
        Ops afterUpdates = tf.withControlDependencies(updates);
        Op nextBeta1 = afterUpdates.assign(beta1Power, afterUpdates.math.mul(beta1Power, beta1));
        Op nextBeta2 = afterUpdates.assign(beta2Power, afterUpdates.math.mul(beta2Power, beta2));
        return tf.withControlDependencies(List.of(nextBeta1, nextBeta2))
                .withName("train_step")
                .noOp();
    }
}
