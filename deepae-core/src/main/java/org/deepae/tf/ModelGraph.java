package org.deepae.tf;

import java.util.List;
import org.deepae.model.ConvSpec;
import org.deepae.model.DenseSpec;
import org.deepae.model.Loss;
import org.deepae.model.NetworkSpec;
import org.deepae.model.VaeSpec;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt64;

/**
 * A network's forward graph, whatever its family: the entries and exits every model has ({@code x} to {@code code},
 * {@code code_input} to {@code decoded}, {@code x} to {@code x_hat}, the error sums) and the layers themselves, which
 * training and export apply to other inputs. {@link #build} makes the graph of a spec's family.
 */
sealed interface ModelGraph permits NetworkGraph, ConvGraph, VaeGraph {

    /** Name of the input placeholder. */
    String INPUT = "x";
    /** Name of the code placeholder that feeds the decoder alone. */
    String CODE_INPUT = "code_input";

    /** Adds the network of {@code spec}'s family to {@code graph}, weights seeded by {@code seed}. */
    static ModelGraph build(Graph graph, NetworkSpec spec, long seed) {
        if (spec instanceof DenseSpec dense) {
            return NetworkGraph.build(graph, dense, seed);
        }
        if (spec instanceof ConvSpec conv) {
            return ConvGraph.build(graph, conv, seed);
        }
        return VaeGraph.build(graph, (VaeSpec) spec, seed);
    }

    NetworkSpec spec();

    /** The entries and exits: the rows, the code, the output, the decoder's own entry, the error sums. */
    GraphEnds ends();

    /** The rows, {@code [batch, inputSize]}. */
    default Placeholder<TFloat32> input() {
        return ends().input();
    }

    /** The code of {@link #input()} (a VAE's mean). */
    default Operand<TFloat32> code() {
        return ends().code();
    }

    /** The reconstruction of {@link #input()} (a VAE's decoded mean). */
    default Operand<TFloat32> output() {
        return ends().output();
    }

    /** A code fed to the decoder alone. */
    default Placeholder<TFloat32> codeInput() {
        return ends().codeInput();
    }

    /** The decoder's output for {@link #codeInput()}. */
    default Operand<TFloat32> decoded() {
        return ends().decoded();
    }

    /** Sum over batch and values of the squared reconstruction error. */
    default Operand<TFloat32> sumSquaredError() {
        return ends().sumSquaredError();
    }

    /** Sum over the batch of what training reports as its loss ({@link #lossPerRow()} tells per what). */
    default Operand<TFloat32> sumLoss() {
        return ends().sumLoss();
    }

    /** Each row's mean squared reconstruction error. */
    default Operand<TFloat32> rowMeanSquaredError() {
        return ends().rowMeanSquaredError();
    }

    /** Every trainable variable, weights and biases in pairs ({@code w0, b0, w1, b1, ...}). */
    default List<Variable<TFloat32>> parameters() {
        return ends().parameters();
    }

    /** Whether {@link #sumLoss()} sums one value per row (a VAE's negative ELBO) rather than one per input value. */
    default boolean lossPerRow() {
        return false;
    }

    /** The encoder up to the code layer's input, applied to {@code x}. */
    Operand<TFloat32> beforeCode(Ops tf, Operand<TFloat32> x);

    /** The code layer applied to {@link #beforeCode}'s output (a VAE's mean head). */
    Operand<TFloat32> codeFrom(Ops tf, Operand<TFloat32> beforeCode);

    /** The output's pre-activation (logits) for {@code code}, {@code [batch, inputSize]}. */
    Operand<TFloat32> decodeLogits(Ops tf, Operand<TFloat32> code);

    /**
     * What training minimizes for a batch {@code x} (perhaps noisy) against the clean rows {@code target}, before any
     * weight decay: here the mean over values of the loss terms. {@code stepSeed} (two int64 values) keys any random
     * draw of the step; {@code null} when {@link #drawsPerStep()} is false.
     */
    default Operand<TFloat32> trainingLoss(
            Ops tf, Operand<TFloat32> x, Operand<TFloat32> target, Operand<TInt64> stepSeed) {
        Operand<TFloat32> logits = decodeLogits(tf, encodeOn(tf, x));
        Operand<TFloat32> out = NetworkGraph.activate(tf, spec().outputActivation(), logits);
        return tf.math.mean(lossTerms(tf, spec().loss(), logits, out, target), tf.constant(new int[] {0, 1}));
    }

    /** Whether each training step draws random values of its own (a VAE's codes), keyed by the step's seed. */
    default boolean drawsPerStep() {
        return false;
    }

    /** The code of {@code x}, through the same variables. */
    default Operand<TFloat32> encodeOn(Ops tf, Operand<TFloat32> x) {
        return codeFrom(tf, beforeCode(tf, x));
    }

    /** The decoder's output for {@code code}, through the same variables. */
    default Operand<TFloat32> decodeOn(Ops tf, Operand<TFloat32> code) {
        return NetworkGraph.activate(tf, spec().outputActivation(), decodeLogits(tf, code));
    }

    /**
     * The loss per value comparing {@code target} with the output {@code out} of {@code logits}: squared error, or
     * binary cross-entropy computed stably from the logits ({@code max(z, 0) - z t + log(1 + exp(-|z|))}).
     */
    static Operand<TFloat32> lossTerms(
            Ops tf, Loss loss, Operand<TFloat32> logits, Operand<TFloat32> out, Operand<TFloat32> target) {
        if (loss == Loss.MSE) {
            return tf.math.squaredDifference(out, target);
        }
        return tf.math.add(
                tf.math.sub(tf.nn.relu(logits), tf.math.mul(logits, target)),
                tf.math.log1p(tf.math.exp(tf.math.neg(tf.math.abs(logits)))));
    }
}
