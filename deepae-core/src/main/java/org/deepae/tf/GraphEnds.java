package org.deepae.tf;

import java.util.List;
import org.deepae.model.Loss;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;

/**
 * The entries and exits of a network's graph that every family has, as {@link ModelGraph} gives them.
 *
 * @param input the rows, {@code [batch, inputSize]}
 * @param code the code of {@link #input} (a VAE's mean)
 * @param output the reconstruction of {@link #input}
 * @param codeInput a code fed to the decoder alone
 * @param decoded the decoder's output for {@link #codeInput}
 * @param sumSquaredError sum over batch and values of the squared reconstruction error
 * @param sumLoss sum over the batch of what training reports as its loss
 * @param rowMeanSquaredError each row's mean squared reconstruction error
 * @param parameters every trainable variable, weights and biases in pairs
 */
record GraphEnds(
        Placeholder<TFloat32> input,
        Operand<TFloat32> code,
        Operand<TFloat32> output,
        Placeholder<TFloat32> codeInput,
        Operand<TFloat32> decoded,
        Operand<TFloat32> sumSquaredError,
        Operand<TFloat32> sumLoss,
        Operand<TFloat32> rowMeanSquaredError,
        List<Variable<TFloat32>> parameters) {

    GraphEnds {
        parameters = List.copyOf(parameters);
    }

    /**
     * The ends of a network whose {@code output} (the activation of {@code logits}) reconstructs {@code input}, with
     * the error sums added to the graph: {@code sse}, {@code row_mse} and, for a loss other than squared error,
     * {@code loss_sum} (the loss per value summed over the batch; for squared error, {@code sse} itself).
     */
    static GraphEnds of(
            Ops tf,
            Loss loss,
            Placeholder<TFloat32> input,
            Operand<TFloat32> code,
            Operand<TFloat32> logits,
            Operand<TFloat32> output,
            Placeholder<TFloat32> codeInput,
            Operand<TFloat32> decoded,
            List<Variable<TFloat32>> parameters) {
        Operand<TFloat32> squared = tf.math.squaredDifference(output, input);
        Operand<TFloat32> sumSquaredError = tf.withName("sse").sum(squared, tf.constant(new int[] {0, 1}));
        Operand<TFloat32> rowMeanSquaredError = tf.withName("row_mse").math.mean(squared, tf.constant(1));
        Operand<TFloat32> sumLoss = loss == Loss.MSE
                ? sumSquaredError
                : tf.withName("loss_sum")
                        .sum(ModelGraph.lossTerms(tf, loss, logits, output, input), tf.constant(new int[] {0, 1}));
        return new GraphEnds(
                input, code, output, codeInput, decoded, sumSquaredError, sumLoss, rowMeanSquaredError, parameters);
    }

    /** These ends with another loss sum and other parameters (a VAE's, over its body's ends). */
    GraphEnds with(Operand<TFloat32> otherSumLoss, List<Variable<TFloat32>> otherParameters) {
        return new GraphEnds(
                input,
                code,
                output,
                codeInput,
                decoded,
                sumSquaredError,
                otherSumLoss,
                rowMeanSquaredError,
                otherParameters);
    }
}
