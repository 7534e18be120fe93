package org.deepae.tf;

import java.util.ArrayList;
import java.util.List;
import org.deepae.model.Activation;
import org.deepae.model.DenseSpec;
import org.deepae.model.Initializer;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.op.core.Variable;
import org.tensorflow.op.nn.LeakyRelu;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt64;

/**
 * A dense autoencoder's forward graph, built from its spec: input placeholder, dense layers, code, output, a second
 * entry that feeds a code straight to the decoder, and the error terms. The one place that turns an
 * {@link DenseSpec} into TensorFlow ops; {@link #preActivation} and {@link #activate} let training run the same
 * layers on other inputs.
 */
final class NetworkGraph implements ModelGraph {
    /** Slope of leaky ReLU for negative inputs (TensorFlow's default). */
    static final float LEAKY_SLOPE = 0.2f;

    final DenseSpec spec;
    /** Weights then biases of every layer, in layer order: w0, b0, w1, b1, ... */
    final List<Variable<TFloat32>> parameters;

    private final GraphEnds ends;

    private NetworkGraph(Graph graph, DenseSpec spec, long seed) {
        Ops tf = Ops.create(graph);
        Ops init = tf.withInitScope();
        this.spec = spec;
        List<Integer> sizes = spec.layerSizes();
        List<Variable<TFloat32>> params = new ArrayList<>();
        for (int i = 0; i < spec.denseLayerCount(); i++) {
            long in = sizes.get(i);
            long out = sizes.get(i + 1);
            params.add(init.withName("dense" + i + "_w")
                    .variable(initialWeights(init, spec.initializer(), in, out, seed + i)));
            params.add(init.withName("dense" + i + "_b")
                    .variable(init.zeros(init.constant(Shape.of(out)), TFloat32.class)));
        }
        this.parameters = List.copyOf(params);

        Placeholder<TFloat32> input =
                tf.withName(INPUT).placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, spec.inputSize())));
        int codeLayers = spec.codeLayerIndex() + 1;
        Operand<TFloat32> code = tf.withName("code").identity(codeFrom(tf, beforeCode(tf, input)));
        Operand<TFloat32> outputLogits =
                preActivation(tf, layers(tf, code, codeLayers, spec.denseLayerCount() - 1), spec.denseLayerCount() - 1);
        Operand<TFloat32> output = tf.withName("x_hat").identity(activate(tf, spec.outputActivation(), outputLogits));
        Placeholder<TFloat32> codeInput =
                tf.withName(CODE_INPUT).placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, spec.codeSize())));
        Operand<TFloat32> decoded =
                tf.withName("decoded").identity(layers(tf, codeInput, codeLayers, spec.denseLayerCount()));
        ends = GraphEnds.of(tf, spec.loss(), input, code, outputLogits, output, codeInput, decoded, parameters);
    }

    /**
     * Adds the network to {@code graph}. Layer {@code i}'s weights come from the spec's initializer seeded with
     * {@code seed + i}, so layers of the same shape start differently; biases start at zero.
     */
    static NetworkGraph build(Graph graph, DenseSpec spec, long seed) {
        return new NetworkGraph(graph, spec, seed);
    }

    /** The spec's loss per value, comparing {@code target} with the output: see {@link ModelGraph#lossTerms}. */
    Operand<TFloat32> lossTerms(Ops tf, Operand<TFloat32> logits, Operand<TFloat32> out, Operand<TFloat32> target) {
        return ModelGraph.lossTerms(tf, spec.loss(), logits, out, target);
    }

    @Override
    public DenseSpec spec() {
        return spec;
    }

    @Override
    public GraphEnds ends() {
        return ends;
    }

    @Override
    public Operand<TFloat32> beforeCode(Ops tf, Operand<TFloat32> x) {
        return layers(tf, x, 0, spec.codeLayerIndex());
    }

    @Override
    public Operand<TFloat32> codeFrom(Ops tf, Operand<TFloat32> beforeCode) {
        int layer = spec.codeLayerIndex();
        return activate(tf, spec.activationOf(layer), preActivation(tf, beforeCode, layer));
    }

    @Override
    public Operand<TFloat32> decodeLogits(Ops tf, Operand<TFloat32> code) {
        int last = spec.denseLayerCount() - 1;
        return preActivation(tf, layers(tf, code, spec.codeLayerIndex() + 1, last), last);
    }

    /** Applies dense layers {@code from} (inclusive) to {@code to} (exclusive) to {@code h}. */
    private Operand<TFloat32> layers(Ops tf, Operand<TFloat32> h, int from, int to) {
        for (int i = from; i < to; i++) {
            h = activate(tf, spec.activationOf(i), preActivation(tf, h, i));
        }
        return h;
    }

    /** Layer {@code layer}'s pre-activation for its input {@code h}: {@code h W + b}. */
    Operand<TFloat32> preActivation(Ops tf, Operand<TFloat32> h, int layer) {
        return tf.nn.biasAdd(tf.linalg.matMul(h, parameters.get(2 * layer)), parameters.get(2 * layer + 1));
    }

    /** Scale over {@code sqrt(variance)} of TensorFlow's truncated normal (cut at two standard deviations). */
    private static final double TRUNCATED_NORMAL_STDDEV = 0.8796256610342398;

    /**
     * A layer's initial weights, as the variance-scaling initializer draws them: {@code variance-scaling} (the
     * tutorial's: scale 1, fan-in, truncated normal) and {@code he} (scale 2) give exactly the values of TensorFlow
     * Java's {@code VarianceScaling} for the same seed; {@code glorot} is uniform on {@code [-limit, limit)} with
     * {@code limit = sqrt(6 / (fan_in + fan_out))}. Built from the ops themselves: {@code VarianceScaling} opens a
     * session on the graph being built for each layer, only to read back a constant shape.
     */
    private static Operand<TFloat32> initialWeights(Ops tf, Initializer kind, long fanIn, long fanOut, long seed) {
        return initialWeights(tf, kind, new long[] {fanIn, fanOut}, fanIn, fanOut, seed);
    }

    /**
     * Initial weights of {@code shape} as {@link #initialWeights(Ops, Initializer, long, long, long)} draws them,
     * with the given fans (for a convolution, the window's size times its input or output channels).
     */
    static Operand<TFloat32> initialWeights(
            Ops tf, Initializer kind, long[] shapeValues, long fanIn, long fanOut, long seed) {
        Operand<TInt64> shape = tf.constant(shapeValues);
        Operand<TInt64> seeds = tf.constant(new long[] {seed, 0});
        return switch (kind) {
            case VARIANCE_SCALING, HE -> {
                double scale = (kind == Initializer.HE ? 2.0 : 1.0) / Math.max(1.0, (double) fanIn);
                yield tf.math.mul(tf.random.statelessTruncatedNormal(shape, seeds, TFloat32.class), tf.constant((float)
                        (Math.sqrt(scale) / TRUNCATED_NORMAL_STDDEV)));
            }
            case GLOROT -> {
                float limit = (float) Math.sqrt(3.0 / Math.max(1.0, (fanIn + fanOut) / 2.0));
                yield tf.math.sub(
                        tf.math.mul(
                                tf.random.statelessRandomUniform(shape, seeds, TFloat32.class), tf.constant(2 * limit)),
                        tf.constant(limit));
            }
        };
    }

    /** {@code activation} applied to {@code z}; {@code z} itself for a linear activation. */
    static Operand<TFloat32> activate(Ops tf, Activation activation, Operand<TFloat32> z) {
        return switch (activation) {
            case RELU -> tf.nn.relu(z);
            case LEAKY_RELU -> tf.nn.leakyRelu(z, LeakyRelu.alpha(LEAKY_SLOPE));
            case ELU -> tf.nn.elu(z);
            case SELU -> tf.nn.selu(z);
            case SIGMOID -> tf.math.sigmoid(z);
            case TANH -> tf.math.tanh(z);
            case LINEAR -> z;
        };
    }
}
