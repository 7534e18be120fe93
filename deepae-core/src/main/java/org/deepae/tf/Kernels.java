package org.deepae.tf;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import org.deepae.model.Convolution;
import org.deepae.model.DenseSpec;
import org.deepae.model.MatrixProduct;
import org.deepae.model.OptimizerSpec;
import org.deepae.model.Precision;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Output;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Variable;
import org.tensorflow.op.linalg.MatMul;
import org.tensorflow.proto.ConfigProto;
import org.tensorflow.proto.ThreadPoolOptionProto;
import org.tensorflow.types.TFloat32;

/** The pieces of a training step that the benchmarks time on their own, built with the same ops and settings. */
public final class Kernels {

    /** Scale of the synthetic gradients: small enough that thousands of updates keep the values finite. */
    private static final float GRADIENT_SCALE = 1e-3f;

    private Kernels() {}

    /** The threads a session of {@code threads} (0: all processors) runs products on side by side. */
    public static int lanes(int threads) {
        return SessionSettings.threadCount(threads);
    }

    /**
     * {@code copies} independent copies of the product {@code p} on random values, run together in each call; a
     * reduction of each keeps it from being pruned while fetching almost nothing.
     */
    public static Kernel matMul(MatrixProduct p, int copies, int threads, Precision precision) {
        return build(graph -> {
            Ops tf = Ops.create(graph);
            Random random = new Random(1);
            List<Op> targets = new ArrayList<>();
            for (int c = 0; c < copies; c++) {
                Operand<TFloat32> a =
                        variable(tf, random, p.transposeA() ? p.k() : p.m(), p.transposeA() ? p.m() : p.k());
                Operand<TFloat32> b =
                        variable(tf, random, p.transposeB() ? p.n() : p.k(), p.transposeB() ? p.k() : p.n());
                targets.add(tf.sum(
                        tf.linalg.matMul(a, b, MatMul.transposeA(p.transposeA()), MatMul.transposeB(p.transposeB())),
                        tf.constant(new int[] {0, 1})));
            }
            return new Work(SessionSettings.config(threads, precision), targets);
        });
    }

    /**
     * {@code copies} independent copies of the convolution {@code c} on random values, run together in each call, each
     * reduced to one value as {@link #matMul} does.
     */
    public static Kernel convolution(Convolution c, int copies, int threads) {
        return build(graph -> {
            Ops tf = Ops.create(graph);
            Random random = new Random(1);
            int outH = (c.height() + 1) / 2;
            int outW = (c.width() + 1) / 2;
            List<Long> strides = List.of(1L, 2L, 2L, 1L);
            List<Op> targets = new ArrayList<>();
            for (int i = 0; i < copies; i++) {
                Operand<TFloat32> large = variable(tf, random, c.batch(), c.height(), c.width(), c.inChannels());
                Operand<TFloat32> small = variable(tf, random, c.batch(), outH, outW, c.outChannels());
                Operand<TFloat32> filter =
                        variable(tf, random, c.kernel(), c.kernel(), c.inChannels(), c.outChannels());
                Operand<TFloat32> out = switch (c.kind()) {
                    case FORWARD -> tf.nn.conv2d(large, filter, strides, "SAME");
                    case INPUT_GRADIENT ->
                        tf.nn.conv2dBackpropInput(
                                tf.constant(new int[] {c.batch(), c.height(), c.width(), c.inChannels()}),
                                filter,
                                small,
                                strides,
                                "SAME");
                    case FILTER_GRADIENT ->
                        tf.nn.conv2dBackpropFilter(
                                large,
                                tf.constant(new int[] {c.kernel(), c.kernel(), c.inChannels(), c.outChannels()}),
                                small,
                                strides,
                                "SAME");
                };
                targets.add(tf.sum(tf.reshape(out, tf.constant(new int[] {-1})), tf.constant(0)));
            }
            return new Work(SessionSettings.config(threads), targets);
        });
    }

    /**
     * One update of {@code spec}'s parameters by {@code optimizer} from fixed synthetic gradients, with the same update
     * ops as training and one session call per update, as a training step makes one: on every thread of {@code threads}
     * as training runs it, or with every op on one thread (its whole work) when {@code oneThread}.
     */
    public static Kernel update(DenseSpec spec, OptimizerSpec optimizer, int threads, boolean oneThread) {
        return build(graph -> {
            NetworkGraph network = NetworkGraph.build(graph, spec, 1);
            Ops tf = Ops.create(graph);
            Ops init = tf.withInitScope();
            List<Output<TFloat32>> gradients = new ArrayList<>();
            long seed = 7;
            for (Variable<TFloat32> parameter : network.parameters) {
                Operand<TFloat32> values = init.math.mul(
                        init.constant(GRADIENT_SCALE),
                        init.random.statelessRandomNormal(
                                init.constant(parameter.shape()), init.constant(new long[] {seed++, 0})));
                gradients.add(tf.identity(init.variable(values)).asOutput());
            }
            Op update = OptimizerUpdate.apply(graph, network.parameters, gradients, optimizer);
            ConfigProto config = SessionSettings.config(threads);
            if (oneThread) {
                // a session's own pool of one thread: the process-wide pools keep their size (see SessionSettings)
                config = config.toBuilder()
                        .addSessionInterOpThreadPool(
                                ThreadPoolOptionProto.newBuilder().setNumThreads(1))
                        .build();
            }
            return new Work(config, List.of(update));
        });
    }

    /** What one call of a kernel runs, and the session configuration it runs with. */
    private record Work(ConfigProto config, List<Op> targets) {}

    /** Builds a kernel's graph with {@code ops}, then its session; the graph is closed if either fails. */
    private static Kernel build(Function<Graph, Work> ops) {
        Graph graph = new Graph();
        try {
            Work work = ops.apply(graph);
            return new SessionKernel(graph, new Session(graph, work.config()), work.targets());
        } catch (RuntimeException e) {
            graph.close();
            throw e;
        }
    }

    /** A variable holding random values: unlike a constant, TensorFlow's optimizer cannot fold products of it away. */
    private static Operand<TFloat32> variable(Ops tf, Random random, int... dimensions) {
        long size = 1;
        long[] shape = new long[dimensions.length];
        for (int i = 0; i < dimensions.length; i++) {
            size *= dimensions[i];
            shape[i] = dimensions[i];
        }
        float[] values = new float[Math.toIntExact(size)];
        for (int i = 0; i < values.length; i++) {
            values[i] = random.nextFloat() - 0.5f;
        }
        Ops init = tf.withInitScope();
        return init.variable(init.constant(Shape.of(shape), DataBuffers.of(values, true, false)));
    }

    /** A graph, its initialized session and the targets one call runs. */
    private static final class SessionKernel implements Kernel {
        private final Graph graph;
        private final Session session;
        private final List<Op> targets;

        SessionKernel(Graph graph, Session session, List<Op> targets) {
            this.graph = graph;
            this.session = session;
            this.targets = targets;
            try {
                session.initialize();
            } catch (RuntimeException e) {
                session.close();
                throw e;
            }
        }

        @Override
        public void run() {
            Session.Runner runner = session.runner();
            targets.forEach(runner::addTarget);
            runner.run().close();
        }

        @Override
        public void close() {
            session.close();
            graph.close();
        }
    }
}
