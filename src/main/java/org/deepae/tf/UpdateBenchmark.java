package org.deepae.tf;

import java.util.ArrayList;
import java.util.List;
import org.deepae.model.AutoencoderSpec;
import org.deepae.model.OptimizerSpec;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Output;
import org.tensorflow.Session;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Variable;
import org.tensorflow.proto.ConfigProto;
import org.tensorflow.proto.ThreadPoolOptionProto;
import org.tensorflow.types.TFloat32;

/**
 * Measures the optimizer's update of a network's parameters on its own, from gradients already computed: the part of
 * a training step that does no matrix product. A core runs one kernel at a time, so the update's work adds to that of
 * the products; at best it is spread evenly over the threads.
 */
public final class UpdateBenchmark {

  /** Scale of the synthetic gradients: small enough that thousands of updates keep the values finite. */
  private static final float GRADIENT_SCALE = 1e-3f;

  private UpdateBenchmark() {}

  /**
   * The wall time of one update, in seconds: with every op on one thread (its whole work), and on {@code threads}
   * threads as training runs it.
   */
  public record Times(double oneThread, double allThreads, int threads) {

    /** The update's work spread evenly over the threads: the least wall time it could take. */
    public double spread() {
      return oneThread / threads;
    }
  }

  /**
   * Times one update of {@code spec}'s parameters by {@code optimizer}, with the same update ops as training and one
   * session call per update, as a training step makes one. Both figures are averages after a warm-up, measured in
   * about {@code seconds} together.
   */
  public static Times measure(AutoencoderSpec spec, OptimizerSpec optimizer, int threads, double seconds) {
    try (Graph graph = new Graph()) {
      NetworkGraph network = NetworkGraph.build(graph, spec, 1);
      Ops tf = Ops.create(graph);
      Ops init = tf.withInitScope();
      List<Output<TFloat32>> gradients = new ArrayList<>();
      long seed = 7;
      for (Variable<TFloat32> parameter : network.parameters) {
        Operand<TFloat32> values = init.math.mul(init.constant(GRADIENT_SCALE), init.random.statelessRandomNormal(
            init.constant(parameter.shape()), init.constant(new long[] {seed++, 0})));
        gradients.add(tf.identity(init.variable(values)).asOutput());
      }
      Op update = OptimizerUpdate.apply(graph, network.parameters, gradients, optimizer);
      ConfigProto all = SessionSettings.config(threads);
      // a session's own pool of one thread: the process-wide pools keep their size (see SessionSettings)
      ConfigProto one = all.toBuilder().addSessionInterOpThreadPool(ThreadPoolOptionProto.newBuilder().setNumThreads(1))
          .build();
      return new Times(secondsPerCall(graph, one, update, seconds / 2), secondsPerCall(graph, all, update, seconds / 2),
          all.getInterOpParallelismThreads());
    }
  }

  private static double secondsPerCall(Graph graph, ConfigProto config, Op update, double seconds) {
    try (Session session = new Session(graph, config)) {
      session.initialize();
      return CallTimer.secondsPerCall(session, List.of(update), 20, seconds);
    }
  }
}
