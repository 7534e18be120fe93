package org.deepae.bench;

import org.deepae.model.DenseSpec;
import org.deepae.model.OptimizerSpec;
import org.deepae.tf.Kernel;
import org.deepae.tf.Kernels;

/**
 * Measures the optimizer's update of a network's parameters on its own, from gradients already computed: the part of
 * a training step that does no matrix product. A core runs one kernel at a time, so the update's work adds to that of
 * the products; at best it is spread evenly over the threads.
 */
public final class UpdateBenchmark {

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
    public static Times measure(DenseSpec spec, OptimizerSpec optimizer, int threads, double seconds) {
        return new Times(
                secondsPerCall(spec, optimizer, threads, true, seconds / 2),
                secondsPerCall(spec, optimizer, threads, false, seconds / 2),
                Kernels.lanes(threads));
    }

    private static double secondsPerCall(
            DenseSpec spec, OptimizerSpec optimizer, int threads, boolean oneThread, double seconds) {
        try (Kernel kernel = Kernels.update(spec, optimizer, threads, oneThread)) {
            return CallTimer.secondsPerCall(kernel, 20, seconds);
        }
    }
}
