package org.deepae.tf;

import java.util.ArrayList;
import java.util.List;
import org.deepae.model.ConvSpec;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * A convolutional autoencoder's forward graph ({@link ConvSpec}): rows reshaped to {@code [batch, height, width,
 * channels]}, stride-2 convolutions with {@code same} padding, an optional dense code, and transposed convolutions
 * ({@code Conv2DBackpropInput}) back to the exact sizes the encoder went through, so odd sizes (28, 14, 7, 4) come
 * back as they were.
 */
final class ConvGraph implements ModelGraph {

    private static final List<Long> STRIDE_2 = List.of(1L, 2L, 2L, 1L);
    private static final String SAME = "SAME";

    private final ConvSpec spec;
    private final List<int[]> sizes;
    private final List<Variable<TFloat32>> encoder = new ArrayList<>();
    private final List<Variable<TFloat32>> decoder = new ArrayList<>();
    private Variable<TFloat32> codeWeights;
    private Variable<TFloat32> codeBiases;
    private Variable<TFloat32> expandWeights;
    private Variable<TFloat32> expandBiases;
    private final GraphEnds ends;

    private ConvGraph(Graph graph, ConvSpec spec, long seed) {
        this.spec = spec;
        this.sizes = spec.featureSizes();
        Ops tf = Ops.create(graph);
        Ops init = tf.withInitScope();
        List<Variable<TFloat32>> params = new ArrayList<>();
        List<Integer> filters = spec.filters();
        long k = spec.kernel();
        long in = spec.image().channels();
        int layer = 0;
        for (int i = 0; i < filters.size(); i++, layer++) {
            long out = filters.get(i);
            encoder.add(weights(init, "conv" + i, new long[] {k, k, in, out}, k * k * in, k * k * out, seed + layer));
            encoder.add(biases(init, "conv" + i, out));
            in = out;
        }
        params.addAll(encoder);
        if (spec.hasDenseCode()) {
            long features = spec.featureMapSize();
            long code = spec.codeSize();
            codeWeights = weights(init, "code", new long[] {features, code}, features, code, seed + layer++);
            codeBiases = biases(init, "code", code);
            expandWeights = weights(init, "expand", new long[] {code, features}, code, features, seed + layer++);
            expandBiases = biases(init, "expand", features);
            params.addAll(List.of(codeWeights, codeBiases, expandWeights, expandBiases));
        }
        // transposed convolution i maps the channels of encoder layer i's output back to its input's
        for (int i = filters.size() - 1; i >= 0; i--, layer++) {
            long from = filters.get(i);
            long to = i == 0 ? spec.image().channels() : filters.get(i - 1);
            decoder.add(
                    weights(init, "deconv" + i, new long[] {k, k, to, from}, k * k * from, k * k * to, seed + layer));
            decoder.add(biases(init, "deconv" + i, to));
        }
        params.addAll(decoder);

        Placeholder<TFloat32> input =
                tf.withName(INPUT).placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, spec.inputSize())));
        Operand<TFloat32> code = tf.withName("code").identity(encodeOn(tf, input));
        Operand<TFloat32> logits = decodeLogits(tf, code);
        Operand<TFloat32> output =
                tf.withName("x_hat").identity(NetworkGraph.activate(tf, spec.outputActivation(), logits));
        Placeholder<TFloat32> codeInput =
                tf.withName(CODE_INPUT).placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, spec.codeSize())));
        Operand<TFloat32> decoded = tf.withName("decoded").identity(decodeOn(tf, codeInput));
        ends = GraphEnds.of(tf, spec.loss(), input, code, logits, output, codeInput, decoded, params);
    }

    static ConvGraph build(Graph graph, ConvSpec spec, long seed) {
        return new ConvGraph(graph, spec, seed);
    }

    /** The variable {@code NAME_w} of {@code shape}, drawn by the spec's initializer with these fans and seed. */
    private Variable<TFloat32> weights(Ops init, String name, long[] shape, long fanIn, long fanOut, long seed) {
        return init.withName(name + "_w")
                .variable(NetworkGraph.initialWeights(init, spec.initializer(), shape, fanIn, fanOut, seed));
    }

    /** The variable {@code NAME_b} of {@code size} zeros. */
    private static Variable<TFloat32> biases(Ops init, String name, long size) {
        return init.withName(name + "_b").variable(init.zeros(init.constant(Shape.of(size)), TFloat32.class));
    }

    /** The convolutions, then the last feature map flattened to {@code [batch, featureMapSize]}. */
    @Override
    public Operand<TFloat32> beforeCode(Ops tf, Operand<TFloat32> x) {
        Operand<TFloat32> h = tf.reshape(x, tf.constant(new int[] {
            -1, spec.image().height(), spec.image().width(), spec.image().channels()
        }));
        for (int i = 0; i < spec.filters().size(); i++) {
            Operand<TFloat32> z =
                    tf.nn.biasAdd(tf.nn.conv2d(h, encoder.get(2 * i), STRIDE_2, SAME), encoder.get(2 * i + 1));
            h = NetworkGraph.activate(tf, spec.hiddenActivation(), z);
        }
        return tf.reshape(h, tf.constant(new int[] {-1, Math.toIntExact(spec.featureMapSize())}));
    }

    @Override
    public Operand<TFloat32> codeFrom(Ops tf, Operand<TFloat32> beforeCode) {
        if (!spec.hasDenseCode()) {
            return beforeCode;
        }
        return NetworkGraph.activate(
                tf, spec.codeActivation(), tf.nn.biasAdd(tf.linalg.matMul(beforeCode, codeWeights), codeBiases));
    }

    @Override
    public Operand<TFloat32> decodeLogits(Ops tf, Operand<TFloat32> code) {
        Operand<TFloat32> flat = code;
        if (spec.hasDenseCode()) {
            flat = NetworkGraph.activate(
                    tf, spec.hiddenActivation(), tf.nn.biasAdd(tf.linalg.matMul(code, expandWeights), expandBiases));
        }
        List<Integer> filters = spec.filters();
        int layers = filters.size();
        int[] last = sizes.get(layers);
        Operand<TFloat32> h = tf.reshape(flat, tf.constant(new int[] {-1, last[0], last[1], filters.get(layers - 1)}));
        Operand<TInt32> batch = tf.slice(tf.shape(h), tf.constant(new int[] {0}), tf.constant(new int[] {1}));
        Operand<TFloat32> z = null;
        for (int j = 0; j < layers; j++) {
            int i = layers - 1 - j;
            int[] size = sizes.get(i);
            int to = i == 0 ? spec.image().channels() : filters.get(i - 1);
            Operand<TInt32> outShape =
                    tf.concat(List.of(batch, tf.constant(new int[] {size[0], size[1], to})), tf.constant(0));
            z = tf.nn.biasAdd(
                    tf.nn.conv2dBackpropInput(outShape, decoder.get(2 * j), h, STRIDE_2, SAME), decoder.get(2 * j + 1));
            if (i > 0) {
                h = NetworkGraph.activate(tf, spec.hiddenActivation(), z);
            }
        }
        return tf.reshape(z, tf.constant(new int[] {-1, spec.inputSize()}));
    }

    @Override
    public ConvSpec spec() {
        return spec;
    }

    @Override
    public GraphEnds ends() {
        return ends;
    }
}
