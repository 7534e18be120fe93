package org.deepae.tf;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.deepae.model.DenseSpec;
import org.deepae.model.Loss;
import org.deepae.model.Noise;
import org.deepae.model.Objective;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Output;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Gradients;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.op.core.Variable;
import org.tensorflow.op.linalg.MatMul;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;
import org.tensorflow.types.TInt64;

/**
 * The ops that train a {@link NetworkGraph}: the batch split into parallel towers, optional input noise (from stateless
 * random ops seeded per step, so a resumed run draws the same noise), the loss against the clean input, an optional
 * L2 penalty, and the optimizer step.
 *
 * <p>The gradients are back-propagated here, from the loss's derivative at the output: in each tower, every layer's
 * activation gradient (TensorFlow's own gradient of that op) and the product that carries the gradient to the layer
 * below; then every layer's weight and bias gradients once, over the towers' rows put back together. TensorFlow's
 * gradient of the whole loss computes the same values, but starts from the loss's value, which needs every tower's
 * forward pass, so no tower could start back-propagating before the slowest had finished; it adds shape ops and a
 * broadcast of the loss's derivative; and it sums weight gradients computed per tower. Done here, a training step took
 * 3.77 instead of 4.06 ms on the reference machine (see DEVELOPERS.md); the losses differ only by the order of the
 * sums. A test checks these gradients against TensorFlow's.
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
     * Adds the training ops for {@code network} and {@code objective} to {@code graph}.
     *
     * @param towers how many parts each batch is split into, each run through the network as its own chain of ops:
     *     the products of one small batch run on one core, so parallel chains keep every core busy. The loss and its
     *     gradient are those of the whole batch; only the order of the sums changes with the number of towers.
     */
    static TrainingGraph build(Graph graph, ModelGraph model, Objective objective, int towers) {
        if (!(model instanceof NetworkGraph network)) {
            return withGraphGradients(graph, model, objective);
        }
        Ops tf = Ops.create(graph);
        Operand<TFloat32> clean = network.input();
        Placeholder<TInt64> seed = null;
        Operand<TFloat32> input = clean;
        if (!(objective.noise() instanceof Noise.None)) {
            seed = tf.withName("noise_seed").placeholder(TInt64.class, Placeholder.shape(Shape.of(2)));
            input = noisy(tf, clean, objective.noise(), seed);
        }
        Pass pass = pass(tf, network, input, clean, towers, objective.weightDecay());
        Op step = OptimizerUpdate.applyGated(graph, pass.gradients(), network.parameters, objective.optimizer());
        return new TrainingGraph(pass.loss(), step, seed);
    }

    /**
     * The training ops of a convolutional or variational network: its {@link ModelGraph#trainingLoss} on the (perhaps
     * noisy) batch, plus the weight decay over its weights (every other parameter, biases excluded), differentiated by
     * TensorFlow ({@code tf.gradients}), then the optimizer's update of every parameter. One chain of ops: the
     * convolutions' kernels use the session's intra-op threads themselves. With a fixed thread count every op here is
     * deterministic, so the same seed gives bit-identical weights and losses.
     */
    @SuppressWarnings("unchecked")
    private static TrainingGraph withGraphGradients(Graph graph, ModelGraph model, Objective objective) {
        Ops tf = Ops.create(graph);
        Operand<TFloat32> clean = model.input();
        Placeholder<TInt64> seed = null;
        Operand<TFloat32> input = clean;
        boolean noise = !(objective.noise() instanceof Noise.None);
        if (noise || model.drawsPerStep()) {
            seed = tf.withName("noise_seed").placeholder(TInt64.class, Placeholder.shape(Shape.of(2)));
        }
        if (noise) {
            input = noisy(tf, clean, objective.noise(), seed);
        }
        Operand<TFloat32> loss = tf.withName("train_loss").identity(model.trainingLoss(tf, input, clean, seed));
        Operand<TFloat32> minimized = loss;
        List<Variable<TFloat32>> parameters = model.parameters();
        if (objective.weightDecay() > 0) {
            Operand<TFloat32> squares = null;
            for (int i = 0; i < parameters.size(); i += 2) {
                // L2Loss is half the sum of the squares
                Operand<TFloat32> half = tf.nn.l2Loss(parameters.get(i));
                squares = squares == null ? half : tf.math.add(squares, half);
            }
            minimized = tf.math.add(loss, tf.math.mul(tf.constant((float) (2 * objective.weightDecay())), squares));
        }
        Gradients gradients = tf.gradients(minimized, parameters);
        // the variables are updated in place: no update may start before every gradient (and the loss) has read them
        List<Op> all = new ArrayList<>();
        all.add(loss);
        for (int i = 0; i < parameters.size(); i++) {
            all.add(tf.identity((Operand<TFloat32>) (Output<?>) gradients.dy(i)));
        }
        Ops afterAll = tf.withControlDependencies(all);
        List<Output<TFloat32>> outputs = new ArrayList<>();
        for (int i = 0; i < parameters.size(); i++) {
            outputs.add(afterAll.identity((Operand<TFloat32>) (Output<?>) gradients.dy(i))
                    .asOutput());
        }
        Op step = OptimizerUpdate.apply(graph, parameters, outputs, objective.optimizer());
        return new TrainingGraph(loss, step, seed);
    }

    /**
     * The batch's reconstruction loss and the gradients of the objective (that loss plus {@code weightDecay} times the
     * sum of the squared weights) with respect to the network's parameters, in their order.
     */
    record Pass(Operand<TFloat32> loss, List<Operand<TFloat32>> gradients) {}

    /**
     * Runs {@code input} through the network in {@code towers} parts of the batch and back-propagates the loss against
     * {@code clean} through each part.
     */
    static Pass pass(
            Ops tf,
            NetworkGraph network,
            Operand<TFloat32> input,
            Operand<TFloat32> clean,
            int towers,
            double weightDecay) {
        if (towers <= 0) {
            throw new IllegalArgumentException("towers must be positive, got " + towers);
        }
        List<Operand<TFloat32>> inputs = List.of(input);
        List<Operand<TFloat32>> targets = List.of(clean);
        if (towers > 1) {
            Operand<TInt32> rows = tf.reshape(tf.shape.size(tf.shape(input), tf.constant(0)), tf.constant(new int[0]));
            Operand<TInt32> part = tf.math.div(rows, tf.constant(towers));
            List<Operand<TInt32>> sizes = new ArrayList<>();
            for (int t = 0; t < towers - 1; t++) {
                sizes.add(part);
            }
            sizes.add(tf.math.sub(rows, tf.math.mul(part, tf.constant(towers - 1))));
            Operand<TInt32> splits = tf.stack(sizes);
            inputs = new ArrayList<>(
                    tf.splitV(input, splits, tf.constant(0), (long) towers).output());
            targets = new ArrayList<>(
                    tf.splitV(clean, splits, tf.constant(0), (long) towers).output());
        }
        // the loss is a mean over the whole batch's values: every tower's derivative is scaled by the same count
        Operand<TFloat32> values = tf.dtypes.cast(tf.size(clean), TFloat32.class);
        Operand<TFloat32> perValue = tf.math.div(tf.constant(1f), values);
        List<Tower> parts = new ArrayList<>();
        Operand<TFloat32> sum = null;
        for (int t = 0; t < towers; t++) {
            Tower tower = backPropagate(tf, network, inputs.get(t), targets.get(t), perValue);
            parts.add(tower);
            sum = sum == null ? tower.lossSum() : tf.math.add(sum, tower.lossSum());
        }
        Operand<TFloat32> loss = tf.withName("train_loss").math.div(sum, values);
        List<Operand<TFloat32>> gradients = new ArrayList<>();
        for (int layer = 0; layer < network.spec.denseLayerCount(); layer++) {
            // each weight gradient is one product over the whole batch: the towers' rows put back together cost less
            // than
            // a product per tower and their sum
            List<Operand<TFloat32>> ins = new ArrayList<>();
            List<Operand<TFloat32>> dzs = new ArrayList<>();
            for (Tower tower : parts) {
                ins.add(tower.layerInputs().get(layer));
                dzs.add(tower.preActivationGradients().get(layer));
            }
            Operand<TFloat32> dz = concatRows(tf, dzs);
            Operand<TFloat32> in = layer == 0 ? input : concatRows(tf, ins);
            Operand<TFloat32> weights = tf.linalg.matMul(in, dz, MatMul.transposeA(true));
            Operand<TFloat32> biases = tf.nn.biasAddGrad(dz);
            if (weightDecay > 0) {
                // d/dW of weightDecay * sum(W^2)
                weights = tf.math.add(
                        weights,
                        tf.math.mul(tf.constant((float) (2 * weightDecay)), network.parameters.get(2 * layer)));
            }
            gradients.add(weights);
            gradients.add(biases);
        }
        return new Pass(loss, gradients);
    }

    /** The towers' rows of one value, in batch order. */
    private static Operand<TFloat32> concatRows(Ops tf, List<Operand<TFloat32>> parts) {
        return parts.size() == 1 ? parts.get(0) : tf.concat(parts, tf.constant(0));
    }

    /**
     * One tower's forward pass and back-propagation.
     *
     * @param lossSum the sum of the tower's loss terms
     * @param layerInputs every layer's input, in layer order
     * @param preActivationGradients the loss's gradient with respect to every layer's pre-activation, in layer order
     */
    private record Tower(
            Operand<TFloat32> lossSum,
            List<Operand<TFloat32>> layerInputs,
            List<Operand<TFloat32>> preActivationGradients) {}

    private static Tower backPropagate(
            Ops tf,
            NetworkGraph network,
            Operand<TFloat32> input,
            Operand<TFloat32> target,
            Operand<TFloat32> perValue) {
        DenseSpec spec = network.spec;
        int layers = spec.denseLayerCount();
        List<Operand<TFloat32>> layerInputs = new ArrayList<>();
        List<Operand<TFloat32>> preActivations = new ArrayList<>();
        Operand<TFloat32> h = input;
        for (int layer = 0; layer < layers; layer++) {
            layerInputs.add(h);
            Operand<TFloat32> z = network.preActivation(tf, h, layer);
            preActivations.add(z);
            h = NetworkGraph.activate(tf, spec.activationOf(layer), z);
        }
        Operand<TFloat32> logits = preActivations.get(layers - 1);
        Operand<TFloat32> lossSum = tf.sum(network.lossTerms(tf, logits, h, target), tf.constant(new int[] {0, 1}));
        Operand<TFloat32> dz;
        if (spec.loss() == Loss.MSE) {
            // d/dy of mean((y - t)^2), then through the output activation
            Operand<TFloat32> dy = tf.math.mul(tf.math.sub(h, target), tf.math.mul(tf.constant(2f), perValue));
            dz = activationGradient(tf, h, logits, dy);
        } else {
            // d/dz of the mean cross-entropy on a sigmoid's logits: sigmoid(z) - t
            dz = tf.math.mul(tf.math.sub(h, target), perValue);
        }
        List<Operand<TFloat32>> gradients = new ArrayList<>(Collections.nCopies(layers, null));
        for (int layer = layers - 1; layer >= 0; layer--) {
            gradients.set(layer, dz);
            if (layer > 0) {
                Operand<TFloat32> dh = tf.linalg.matMul(dz, network.parameters.get(2 * layer), MatMul.transposeB(true));
                dz = activationGradient(tf, layerInputs.get(layer), preActivations.get(layer - 1), dh);
            }
        }
        return new Tower(lossSum, layerInputs, gradients);
    }

    /**
     * The gradient with respect to {@code z} of {@code activated = f(z)}, given the gradient {@code upstream} with
     * respect to {@code activated}: TensorFlow's own gradient of the activation op (for ReLU, {@code ReluGrad}).
     */
    @SuppressWarnings("unchecked")
    private static Operand<TFloat32> activationGradient(
            Ops tf, Operand<TFloat32> activated, Operand<TFloat32> z, Operand<TFloat32> upstream) {
        if (activated == z) {
            return upstream;
        }
        Gradients gradient = tf.gradients(List.of(activated), List.of(z), Gradients.dx(List.of(upstream)));
        return (Operand<TFloat32>) (Output<?>) gradient.dy(0);
    }

    static Operand<TFloat32> noisy(Ops tf, Operand<TFloat32> x, Noise noise, Operand<TInt64> seed) {
        Operand<TInt32> shape = tf.shape(x);
        if (noise instanceof Noise.Gaussian g) {
            return tf.math.add(
                    x, tf.math.mul(tf.constant((float) g.stddev()), tf.random.statelessRandomNormal(shape, seed)));
        }
        if (noise instanceof Noise.Mask m) {
            return tf.math.mul(
                    x,
                    tf.dtypes.cast(
                            tf.math.greaterEqual(
                                    tf.random.statelessRandomUniform(shape, seed), tf.constant((float) m.fraction())),
                            TFloat32.class));
        }
        return x;
    }
}
