package org.deepae.tf;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.deepae.model.Activation;
import org.deepae.model.DenseSpec;
import org.deepae.model.Initializer;
import org.deepae.model.Loss;
import org.junit.jupiter.api.Test;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.framework.initializers.VarianceScaling;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

class InitialWeightsTest {

    private static final DenseSpec SPEC = new DenseSpec(20, List.of(12, 6), Activation.RELU, Activation.RELU, Loss.MSE);

    @Test
    void theTutorialsInitializerGivesExactlyTensorFlowJavasVarianceScalingValues() {
        assertSameAsFramework(Initializer.VARIANCE_SCALING, 1.0);
    }

    @Test
    void heIsVarianceScalingWithScaleTwo() {
        assertSameAsFramework(Initializer.HE, 2.0);
    }

    @Test
    void glorotIsUniformAndSymmetricWithinItsLimit() {
        float[] w = weights(with(SPEC, Initializer.GLOROT), 7).get(0);
        double limit = Math.sqrt(6.0 / (20 + 12));
        double sum = 0;
        float min = Float.MAX_VALUE;
        float max = -Float.MAX_VALUE;
        for (float v : w) {
            assertThat((double) v).isBetween(-limit, limit);
            min = Math.min(min, v);
            max = Math.max(max, v);
            sum += v;
        }
        // both signs, spread over most of the range, centred
        assertThat((double) min).isLessThan(-limit / 2);
        assertThat((double) max).isGreaterThan(limit / 2);
        assertThat(Math.abs(sum / w.length)).isLessThan(limit / 4);
    }

    @Test
    void layersOfTheSameShapeStartDifferently() {
        DenseSpec square = new DenseSpec(8, List.of(8, 8), Activation.RELU, Activation.RELU, Loss.MSE);
        List<float[]> w = weights(square, 3);
        assertThat(w.get(0)).isNotEqualTo(w.get(2));
    }

    private static void assertSameAsFramework(Initializer kind, double scale) {
        long seed = 11;
        List<float[]> ours = weights(with(SPEC, kind), seed);
        List<Integer> sizes = SPEC.layerSizes();
        for (int layer = 0; layer < SPEC.denseLayerCount(); layer++) {
            float[] expected = framework(sizes.get(layer), sizes.get(layer + 1), scale, seed + layer);
            assertThat(ours.get(2 * layer)).as("layer %d", layer).containsExactly(expected);
        }
    }

    private static DenseSpec with(DenseSpec spec, Initializer initializer) {
        return new DenseSpec(
                spec.inputSize(),
                spec.encoderLayers(),
                spec.decoderLayers(),
                spec.hiddenActivation(),
                spec.codeActivation(),
                spec.outputActivation(),
                spec.loss(),
                initializer);
    }

    private static List<float[]> weights(DenseSpec spec, long seed) {
        try (Graph graph = new Graph()) {
            NetworkGraph network = NetworkGraph.build(graph, spec, seed);
            try (Session session = new Session(graph, SessionSettings.config(1))) {
                session.initialize();
                return new ParameterValues(graph, session, network.parameters).read();
            }
        }
    }

    private static float[] framework(int in, int out, double scale, long seed) {
        try (Graph graph = new Graph()) {
            Ops tf = Ops.create(graph);
            Operand<TFloat32> values = new VarianceScaling<TFloat32>(
                            scale, VarianceScaling.Mode.FAN_IN, VarianceScaling.Distribution.TRUNCATED_NORMAL, seed)
                    .call(tf, tf.constant(Shape.of(in, out)), TFloat32.class);
            try (Session session = new Session(graph);
                    Result result = session.runner().fetch(values).run()) {
                float[] copy = new float[in * out];
                ((TFloat32) result.get(0)).copyTo(DataBuffers.of(copy, false, false));
                return copy;
            }
        }
    }
}
