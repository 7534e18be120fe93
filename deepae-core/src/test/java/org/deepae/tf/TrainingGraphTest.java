package org.deepae.tf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.deepae.model.Activation;
import org.deepae.model.AdamSpec;
import org.deepae.model.DenseSpec;
import org.deepae.model.Initializer;
import org.deepae.model.Loss;
import org.deepae.model.Noise;
import org.deepae.model.Objective;
import org.deepae.model.OptimizerSpec;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.tensorflow.Graph;
import org.tensorflow.GraphOperation;
import org.tensorflow.Operand;
import org.tensorflow.Output;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Gradients;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;

/**
 * The gradients {@link TrainingGraph} back-propagates by hand against TensorFlow's own gradient of the same objective,
 * for every activation, both losses, noisy inputs, weight decay, and batches that do not split evenly into towers.
 */
@Tag("slow")
class TrainingGraphTest {

    private static final int INPUT = 12;

    @Test
    void handBackPropagatedGradientsMatchTensorFlowsForEveryActivationAndLoss() {
        List<DenseSpec> specs = new ArrayList<>();
        for (Activation hidden : Activation.values()) {
            // the output activation differs from the hidden one, so each activation's gradient is checked at both
            // places
            Activation output = hidden == Activation.RELU ? Activation.SIGMOID : Activation.RELU;
            specs.add(new DenseSpec(
                    INPUT,
                    List.of(8, 3),
                    List.of(6),
                    hidden,
                    Activation.TANH,
                    output,
                    Loss.MSE,
                    Initializer.VARIANCE_SCALING));
            specs.add(new DenseSpec(
                    INPUT,
                    List.of(8, 3),
                    List.of(6),
                    Activation.TANH,
                    hidden,
                    hidden == Activation.RELU ? Activation.LINEAR : hidden,
                    Loss.MSE,
                    Initializer.GLOROT));
        }
        specs.add(new DenseSpec(INPUT, List.of(8, 3), Activation.ELU, Activation.SIGMOID, Loss.BCE));
        specs.add(new DenseSpec(INPUT, List.of(5), Activation.RELU, Activation.SIGMOID, Loss.BCE));
        specs.add(DenseSpec.tutorial(INPUT));
        for (DenseSpec spec : specs) {
            for (int towers : new int[] {1, 2, 3}) {
                assertMatchesTensorFlow(spec, towers, 7, 0);
            }
            assertMatchesTensorFlow(spec, 2, 9, 0.01);
        }
    }

    @Test
    void aTowerWithoutRowsAddsNothing() {
        // one row in three towers: two towers are empty
        assertMatchesTensorFlow(DenseSpec.tutorial(INPUT), 3, 1, 0);
    }

    @Test
    void theLossIsTheNetworksOwnOnTheCleanInput() {
        List<DenseSpec> specs = List.of(
                DenseSpec.tutorial(INPUT),
                new DenseSpec(INPUT, List.of(8, 3), Activation.ELU, Activation.SIGMOID, Loss.BCE),
                new DenseSpec(
                        INPUT,
                        List.of(8, 3),
                        List.of(6),
                        Activation.TANH,
                        Activation.LINEAR,
                        Activation.SIGMOID,
                        Loss.MSE,
                        Initializer.HE));
        for (DenseSpec spec : specs) {
            for (int towers : new int[] {1, 2, 3}) {
                try (Graph graph = new Graph()) {
                    Ops tf = Ops.create(graph);
                    NetworkGraph network = NetworkGraph.build(graph, spec, 3);
                    TrainingGraph.Pass pass =
                            TrainingGraph.pass(tf, network, network.input(), network.input(), towers, 0);
                    float[] rows = randomRows(7, new Random(towers));
                    try (Session session = new Session(graph, SessionSettings.config(0));
                            TFloat32 batch = TFloat32.tensorOf(Shape.of(7, INPUT), DataBuffers.of(rows, true, false));
                            Result result = initialized(session)
                                    .runner()
                                    .feed(network.input(), batch)
                                    .fetch(pass.loss())
                                    .fetch(network.sumLoss())
                                    .run()) {
                        float loss = ((TFloat32) result.get(0)).getFloat();
                        float sum = ((TFloat32) result.get(1)).getFloat();
                        assertThat(loss).as("%s, %d towers", spec, towers).isCloseTo(sum / (7 * INPUT), within(1e-6f));
                    }
                }
            }
        }
    }

    @Test
    void everyUpdateUsesTheGradientsOfTheWeightsBeforeTheStep() {
        // plain gradient descent, on two threads: after a step, w' = w - lr * g where g is the gradient at the old
        // weights (that no update can run too early is checked on the graph itself, below)
        double rate = 0.05;
        try (Graph graph = new Graph()) {
            Ops tf = Ops.create(graph);
            NetworkGraph network = NetworkGraph.build(graph, DenseSpec.tutorial(INPUT), 3);
            TrainingGraph.Pass pass = TrainingGraph.pass(tf, network, network.input(), network.input(), 2, 0.01);
            Op step = OptimizerUpdate.applyGated(
                    graph, pass.gradients(), network.parameters, new OptimizerSpec.Sgd(rate));
            float[] rows = randomRows(9, new Random(5));
            try (Session session = new Session(graph, SessionSettings.config(2));
                    TFloat32 batch = TFloat32.tensorOf(Shape.of(9, INPUT), DataBuffers.of(rows, true, false))) {
                ParameterValues parameters = new ParameterValues(graph, initialized(session), network.parameters);
                for (int s = 0; s < 20; s++) {
                    List<float[]> before = parameters.read();
                    List<float[]> gradients = fetch(session.runner().feed(network.input(), batch), pass.gradients());
                    session.runner()
                            .feed(network.input(), batch)
                            .addTarget(step)
                            .run()
                            .close();
                    List<float[]> after = parameters.read();
                    for (int i = 0; i < before.size(); i++) {
                        for (int j = 0; j < before.get(i).length; j++) {
                            float expected =
                                    (float) (before.get(i)[j] - rate * gradients.get(i)[j]);
                            assertThat(after.get(i)[j])
                                    .as("step %d, parameter %d, value %d", s, i, j)
                                    .isCloseTo(expected, within(1e-6f));
                        }
                    }
                }
            }
        }
    }

    @Test
    void everyUpdateWaitsForEveryReadOfItsVariableInTheStep() {
        // the weights are updated in place: an update that could run before a read of the same step would race with it
        for (OptimizerSpec optimizer : List.<OptimizerSpec>of(AdamSpec.tutorial(), new OptimizerSpec.Sgd(0.1))) {
            try (Graph graph = new Graph()) {
                NetworkGraph network = NetworkGraph.build(graph, DenseSpec.tutorial(INPUT), 3);
                TrainingGraph training =
                        TrainingGraph.build(graph, network, new Objective(optimizer, 0.01, new Noise.Gaussian(0.1)), 2);
                Set<GraphOperation> step = ancestors((GraphOperation) training.step.op());
                int checked = 0;
                for (Variable<TFloat32> variable : network.parameters) {
                    String name = variable.op().name();
                    List<GraphOperation> readers = new ArrayList<>();
                    GraphOperation update = null;
                    for (GraphOperation op : step) {
                        for (int i = 0; i < op.numInputs(); i++) {
                            if (op.input(i).op().name().equals(name)) {
                                if (op.type().startsWith("Apply") && i == 0) {
                                    update = op;
                                } else {
                                    readers.add(op);
                                }
                            }
                        }
                    }
                    assertThat(update)
                            .as("%s: %s has an update", optimizer, name)
                            .isNotNull();
                    Set<GraphOperation> before = ancestors(update);
                    for (GraphOperation reader : readers) {
                        if (!reader.type().startsWith("Apply")) {
                            assertThat(before)
                                    .as("%s: %s waits for %s", optimizer, update.name(), reader.name())
                                    .contains(reader);
                            checked++;
                        }
                    }
                }
                // every weight is read by two forward products (one per tower), and all but the first by two products
                // back
                assertThat(checked).as("%s: reads checked", optimizer).isGreaterThanOrEqualTo(4 * 2 + 3 * 2);
            }
        }
    }

    /** {@code op} and every op it depends on, through inputs and control inputs. */
    private static Set<GraphOperation> ancestors(GraphOperation op) {
        Set<GraphOperation> seen = new HashSet<>();
        Deque<GraphOperation> pending = new ArrayDeque<>(List.of(op));
        while (!pending.isEmpty()) {
            GraphOperation next = pending.pop();
            if (seen.add(next)) {
                for (int i = 0; i < next.numInputs(); i++) {
                    pending.push((GraphOperation) next.input(i).op());
                }
                pending.addAll(next.controlInputs());
            }
        }
        return seen;
    }

    @Test
    void needsAPositiveNumberOfTowers() {
        try (Graph graph = new Graph()) {
            NetworkGraph network = NetworkGraph.build(graph, DenseSpec.tutorial(INPUT), 1);
            assertThatThrownBy(() ->
                            TrainingGraph.pass(Ops.create(graph), network, network.input(), network.input(), 0, 0))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("towers must be positive, got 0");
        }
    }

    /**
     * Evaluates the hand-made gradients and TensorFlow's gradient of {@code loss + weightDecay * sum(W^2)} on random
     * parameters and a noisy input, and compares them.
     */
    @SuppressWarnings("unchecked")
    private static void assertMatchesTensorFlow(DenseSpec spec, int towers, int rows, double weightDecay) {
        String what = spec + ", " + towers + " towers, " + rows + " rows, weight decay " + weightDecay;
        try (Graph graph = new Graph()) {
            Ops tf = Ops.create(graph);
            NetworkGraph network = NetworkGraph.build(graph, spec, 3);
            Placeholder<TFloat32> noisy = tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, INPUT)));
            TrainingGraph.Pass pass = TrainingGraph.pass(tf, network, noisy, network.input(), towers, weightDecay);
            Operand<TFloat32> objective = pass.loss();
            for (int i = 0; i < network.parameters.size(); i += 2) {
                Variable<TFloat32> weights = network.parameters.get(i);
                objective = tf.math.add(
                        objective,
                        tf.math.mul(
                                tf.constant((float) weightDecay),
                                tf.sum(tf.math.square(tf.identity(weights)), tf.constant(new int[] {0, 1}))));
            }
            Gradients reference = tf.gradients(objective, network.parameters);
            Random random = new Random(rows * 31L + towers);
            float[] clean = new float[rows * INPUT];
            float[] input = new float[rows * INPUT];
            for (int i = 0; i < clean.length; i++) {
                clean[i] = random.nextFloat();
                input[i] = clean[i] + 0.2f * (float) random.nextGaussian();
            }
            try (Session session = new Session(graph, SessionSettings.config(0));
                    TFloat32 cleanTensor =
                            TFloat32.tensorOf(Shape.of(rows, INPUT), DataBuffers.of(clean, true, false));
                    TFloat32 inputTensor =
                            TFloat32.tensorOf(Shape.of(rows, INPUT), DataBuffers.of(input, true, false))) {
                // biases away from zero, so that they take part in the check
                ParameterValues parameters = new ParameterValues(graph, initialized(session), network.parameters);
                List<float[]> values = parameters.read();
                for (int i = 1; i < values.size(); i += 2) {
                    for (int j = 0; j < values.get(i).length; j++) {
                        values.get(i)[j] = 0.3f * (float) random.nextGaussian();
                    }
                }
                parameters.write(values);
                Session.Runner runner =
                        session.runner().feed(network.input(), cleanTensor).feed(noisy, inputTensor);
                int count = network.parameters.size();
                for (int i = 0; i < count; i++) {
                    runner.fetch(pass.gradients().get(i)).fetch((Operand<TFloat32>) (Output<?>) reference.dy(i));
                }
                try (Result result = runner.run()) {
                    for (int i = 0; i < count; i++) {
                        float[] ours = values((TFloat32) result.get(2 * i));
                        float[] theirs = values((TFloat32) result.get(2 * i + 1));
                        assertThat(ours).as("%s: gradient %d", what, i).hasSameSizeAs(theirs);
                        double scale = 1e-30;
                        for (float v : theirs) {
                            scale = Math.max(scale, Math.abs(v));
                        }
                        for (int j = 0; j < ours.length; j++) {
                            assertThat(Math.abs(ours[j] - theirs[j]) / scale)
                                    .as("%s: gradient %d, value %d", what, i, j)
                                    .isLessThan(1e-4);
                        }
                    }
                }
            }
        }
    }

    private static Session initialized(Session session) {
        session.initialize();
        return session;
    }

    private static float[] randomRows(int rows, Random random) {
        float[] values = new float[rows * INPUT];
        for (int i = 0; i < values.length; i++) {
            values[i] = random.nextFloat();
        }
        return values;
    }

    private static List<float[]> fetch(Session.Runner runner, List<? extends Operand<TFloat32>> ops) {
        ops.forEach(runner::fetch);
        List<float[]> values = new ArrayList<>();
        try (Result result = runner.run()) {
            for (int i = 0; i < ops.size(); i++) {
                values.add(values((TFloat32) result.get(i)));
            }
        }
        return values;
    }

    private static float[] values(TFloat32 tensor) {
        float[] values = new float[(int) tensor.shape().size()];
        tensor.copyTo(DataBuffers.of(values, false, false));
        return values;
    }
}
