package org.deepae.tf;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.deepae.model.Precision;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.linalg.MatMul;
import org.tensorflow.types.TFloat32;

/**
 * Measures TensorFlow's matrix-product rate on this machine for a given set of products, every thread busy: the
 * reference against which training and inference speed are judged.
 */
public final class MatMulBenchmark {

  /**
   * One product {@code op(A) x op(B)} of an {@code m x k} by a {@code k x n} matrix, where A or B may be stored
   * transposed as the gradients store them.
   */
  public record Product(int m, int k, int n, boolean transposeA, boolean transposeB) {

    /** A product without transposition. */
    public static Product of(int m, int k, int n) {
      return new Product(m, k, n, false, false);
    }

    /** Floating-point operations: {@code 2 m k n}. */
    public double flops() {
      return 2.0 * m * k * n;
    }
  }

  /** What a measurement found: {@code flops} of products done in {@code seconds} of wall time. */
  public record Rate(double flops, double seconds) {

    /** Achieved GFLOP/s. */
    public double gflops() {
      return flops / seconds / 1e9;
    }
  }

  /** FLOPs per thread in one measuring call: about two milliseconds of products. */
  private static final double WORK_PER_CALL = 2e8;

  private MatMulBenchmark() {}

  /**
   * The rate at which this machine does all {@code products} with every thread busy: each product is measured on its
   * own, as copies side by side, as many on every thread (TensorFlow runs a product of a small batch on one thread),
   * and the rate is their total work over the sum of their times, as if the threads were never idle between
   * products. That is the bound of a training step, which runs these products among other work and in an order set
   * by their dependencies.
   *
   * @param seconds the measuring time for all products together, after a warm-up of each
   */
  public static Rate measure(List<Product> products, int threads, double seconds) {
    return measure(products, threads, Precision.FP32, seconds);
  }

  /** As {@link #measure(List, int, double)}, with the products in {@code precision}. */
  public static Rate measure(List<Product> products, int threads, Precision precision, double seconds) {
    int lanes = SessionSettings.threadCount(threads);
    double flops = 0;
    double time = 0;
    for (Product product : products) {
      // enough copies per call that the call's own cost (tens of microseconds) does not count
      int copies = lanes * (int) Math.max(1, Math.min(64, Math.round(WORK_PER_CALL / product.flops())));
      Rate rate = measureOne(product, copies, threads, precision, seconds / products.size());
      flops += product.flops();
      time += product.flops() / (rate.flops() / rate.seconds());
    }
    return new Rate(flops, time);
  }

  /** {@code copies} independent copies of one product, run together once per session call. */
  private static Rate measureOne(Product p, int copies, int threads, Precision precision, double seconds) {
    try (Graph graph = new Graph()) {
      Ops tf = Ops.create(graph);
      Random random = new Random(1);
      List<Op> targets = new ArrayList<>();
      for (int c = 0; c < copies; c++) {
        Operand<TFloat32> a = constant(tf, random, p.transposeA() ? p.k() : p.m(), p.transposeA() ? p.m() : p.k());
        Operand<TFloat32> b = constant(tf, random, p.transposeB() ? p.n() : p.k(), p.transposeB() ? p.k() : p.n());
        // a reduction keeps the product from being pruned while fetching almost nothing
        targets.add(tf.sum(tf.linalg.matMul(a, b, MatMul.transposeA(p.transposeA()), MatMul.transposeB(p.transposeB())),
            tf.constant(new int[] {0, 1})));
      }
      try (Session session = new Session(graph, SessionSettings.config(threads, precision))) {
        return new Rate(p.flops() * copies, CallTimer.secondsPerCall(session, targets, 10, seconds));
      }
    }
  }

  /** A variable holding random values: unlike a constant, TensorFlow's optimizer cannot fold products of it away. */
  private static Operand<TFloat32> constant(Ops tf, Random random, int rows, int cols) {
    float[] values = new float[rows * cols];
    for (int i = 0; i < values.length; i++) {
      values[i] = random.nextFloat() - 0.5f;
    }
    Ops init = tf.withInitScope();
    return init.variable(init.constant(Shape.of(rows, cols), DataBuffers.of(values, true, false)));
  }
}
