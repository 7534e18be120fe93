package org.deepae.bench;

import java.util.List;
import org.deepae.model.MatrixProduct;
import org.deepae.model.Precision;
import org.deepae.tf.Kernel;
import org.deepae.tf.Kernels;

/**
 * Measures TensorFlow's matrix-product rate on this machine for a given set of products, every thread busy: the
 * reference against which training and inference speed are judged.
 */
public final class MatMulBenchmark {

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
    public static Rate measure(List<MatrixProduct> products, int threads, double seconds) {
        return measure(products, threads, Precision.FP32, seconds);
    }

    /** As {@link #measure(List, int, double)}, with the products in {@code precision}. */
    public static Rate measure(List<MatrixProduct> products, int threads, Precision precision, double seconds) {
        int lanes = Kernels.lanes(threads);
        double flops = 0;
        double time = 0;
        for (MatrixProduct product : products) {
            // enough copies per call that the call's own cost (tens of microseconds) does not count
            int copies = lanes * (int) Math.max(1, Math.min(64, Math.round(WORK_PER_CALL / product.flops())));
            Rate rate = measureOne(product, copies, threads, precision, seconds / products.size());
            flops += product.flops();
            time += product.flops() / (rate.flops() / rate.seconds());
        }
        return new Rate(flops, time);
    }

    /** {@code copies} independent copies of one product, run together once per call. */
    private static Rate measureOne(MatrixProduct p, int copies, int threads, Precision precision, double seconds) {
        try (Kernel kernel = Kernels.matMul(p, copies, threads, precision)) {
            return new Rate(p.flops() * copies, CallTimer.secondsPerCall(kernel, 10, seconds));
        }
    }
}
