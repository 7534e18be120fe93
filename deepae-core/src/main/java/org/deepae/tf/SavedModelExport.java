package org.deepae.tf;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.deepae.model.NetworkSpec;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.SavedModelBundle;
import org.tensorflow.Session;
import org.tensorflow.Signature;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TFloat64;

/**
 * Writes a network's session as a TensorFlow SavedModel (tag {@code serve}) with the signatures {@code encode}
 * ({@code x} to {@code code}), {@code decode} ({@code code} to {@code x_hat}) and {@code reconstruct} ({@code x} to
 * {@code x_hat}, also TensorFlow Serving's {@code serving_default}), each with method name
 * {@code tensorflow/serving/predict}.
 *
 * <p>With a feature scaling (an offset and a scale per input value), the signatures take and give values in raw
 * units: {@code x} is a placeholder of the same width, {@code (x - offset) / scale} is what the network gets, and its
 * outputs leave as {@code y * scale + offset}. Both are computed in float64 and rounded to float32, as deepae's own
 * preprocessing computes them, so a value with offset 0 and scale 1 (a one-hot slot) passes unchanged. These ops
 * live under the name scope {@code raw} ({@code raw/x}, {@code raw/code}, {@code raw/x_hat}, {@code raw/decoded});
 * the network's own ops stay in the graph as they are. Without a scaling, or with the identity one, nothing is added:
 * the signatures point at the network's own {@code x}, {@code code}, {@code x_hat} and {@code decoded}.
 */
final class SavedModelExport {

    static final String ENCODE = "encode";
    static final String DECODE = "decode";
    static final String RECONSTRUCT = "reconstruct";
    static final String SERVING_DEFAULT = "serving_default";
    /** A VAE's signature: {@code count} (int32 scalar) and {@code seed} (two int64) to {@code x_hat}, draws decoded. */
    static final String SAMPLE = "sample";

    private static final String PREDICT_METHOD = "tensorflow/serving/predict";
    private static final String RAW_SCOPE = "raw";

    private SavedModelExport() {}

    /**
     * The ops the signatures point at.
     *
     * @param sampled a VAE's decoded draws from the prior, or {@code null}
     */
    private record Endpoints(
            Operand<TFloat32> input,
            Operand<TFloat32> code,
            Operand<TFloat32> output,
            Operand<TFloat32> codeInput,
            Operand<TFloat32> decoded,
            Operand<TFloat32> sampled) {}

    /** Exports {@code session}, whose graph holds {@code network}, into {@code dir}. */
    static void write(Session session, ModelGraph network, Path dir) throws IOException {
        export(
                session,
                network,
                new Endpoints(
                        network.input(),
                        network.code(),
                        network.output(),
                        network.codeInput(),
                        network.decoded(),
                        network instanceof VaeGraph vae ? vae.sampled : null),
                dir);
    }

    /**
     * Exports {@code session}, whose graph {@code graph} holds {@code network}, into {@code dir}, with the signatures
     * in
     * raw units: feature {@code i} enters as {@code (x - offsets[i]) / scales[i]} and leaves as
     * {@code y * scales[i] + offsets[i]}. The identity scaling exports exactly as {@link #write(Session, ModelGraph,
     * Path)}.
     */
    static void write(Session session, Graph graph, ModelGraph network, double[] offsets, double[] scales, Path dir)
            throws IOException {
        if (isIdentity(offsets, scales)) {
            write(session, network, dir);
            return;
        }
        export(session, network, rawEndpoints(graph, network, offsets, scales), dir);
    }

    /** Whether every offset is 0 and every scale 1. */
    static boolean isIdentity(double[] offsets, double[] scales) {
        for (int i = 0; i < offsets.length; i++) {
            if (offsets[i] != 0 || scales[i] != 1) {
                return false;
            }
        }
        return true;
    }

    /**
     * Adds the raw-unit entry and exits to {@code graph}: a placeholder, the scaling, the network's layers on the
     * scaled values (the same variables, through {@link ModelGraph#encodeOn} and {@link ModelGraph#decodeOn}), and
     * the inverse scaling of the output, of the decoder's output and of a VAE's samples. The scope is made unique, so
     * a model can be exported more than once.
     */
    private static Endpoints rawEndpoints(Graph graph, ModelGraph network, double[] offsets, double[] scales) {
        NetworkSpec spec = network.spec();
        String scope = RAW_SCOPE;
        for (int n = 1; graph.operation(scope + "/" + ModelGraph.INPUT) != null; n++) {
            scope = RAW_SCOPE + "_" + n;
        }
        Ops tf = Ops.create(graph).withSubScope(scope);
        Operand<TFloat64> offset = tf.withName("offset").constant(offsets);
        Operand<TFloat64> scale = tf.withName("scale").constant(scales);
        Placeholder<TFloat32> input = tf.withName(ModelGraph.INPUT)
                .placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, spec.inputSize())));
        Operand<TFloat32> h = tf.withName("x_scaled")
                .dtypes
                .cast(tf.math.div(tf.math.sub(tf.dtypes.cast(input, TFloat64.class), offset), scale), TFloat32.class);
        Operand<TFloat32> code = tf.withName("code").identity(network.encodeOn(tf, h));
        return new Endpoints(
                input,
                code,
                unscaled(tf, "x_hat", network.decodeOn(tf, code), offset, scale),
                network.codeInput(),
                unscaled(tf, "decoded", network.decoded(), offset, scale),
                network instanceof VaeGraph vae ? unscaled(tf, "sampled", vae.sampled, offset, scale) : null);
    }

    /** {@code y * scale + offset}, in float64 rounded to float32. */
    private static Operand<TFloat32> unscaled(
            Ops tf, String name, Operand<TFloat32> y, Operand<TFloat64> offset, Operand<TFloat64> scale) {
        return tf.withName(name)
                .dtypes
                .cast(tf.math.add(tf.math.mul(tf.dtypes.cast(y, TFloat64.class), scale), offset), TFloat32.class);
    }

    private static void export(Session session, ModelGraph network, Endpoints ops, Path dir) throws IOException {
        List<Signature> signatures = new ArrayList<>(List.of(
                signature(ENCODE, "x", ops.input(), "code", ops.code()),
                signature(DECODE, "code", ops.codeInput(), "x_hat", ops.decoded()),
                signature(RECONSTRUCT, "x", ops.input(), "x_hat", ops.output()),
                signature(SERVING_DEFAULT, "x", ops.input(), "x_hat", ops.output())));
        if (network instanceof VaeGraph vae) {
            signatures.add(Signature.builder()
                    .key(SAMPLE)
                    .methodName(PREDICT_METHOD)
                    .input("count", vae.sampleCount)
                    .input("seed", vae.sampleSeed)
                    .output("x_hat", ops.sampled())
                    .build());
        }
        try {
            SavedModelBundle.exporter(dir.toString())
                    .withTags(SavedModelBundle.DEFAULT_TAG)
                    .withSession(session)
                    .withSignatures(signatures.toArray(new Signature[0]))
                    .export();
        } catch (RuntimeException e) {
            throw new IOException(dir + ": cannot write the SavedModel: " + TfAutoencoder.firstLine(e.getMessage()), e);
        }
    }

    private static Signature signature(
            String key, String inputName, Operand<TFloat32> input, String outputName, Operand<TFloat32> output) {
        return Signature.builder()
                .key(key)
                .methodName(PREDICT_METHOD)
                .input(inputName, input)
                .output(outputName, output)
                .build();
    }
}
