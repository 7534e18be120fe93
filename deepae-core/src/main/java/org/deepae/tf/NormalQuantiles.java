package org.deepae.tf;

import org.tensorflow.Graph;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat64;

/** Quantiles of the standard normal distribution, from TensorFlow's {@code Ndtri}, for grids over a VAE's prior. */
public final class NormalQuantiles {

    private NormalQuantiles() {}

    /** The standard normal quantile of each probability in {@code (0, 1)}. */
    public static double[] of(double[] probabilities) {
        for (double p : probabilities) {
            if (!(p > 0 && p < 1)) {
                throw new IllegalArgumentException("probabilities must be strictly between 0 and 1, got " + p);
            }
        }
        try (Graph graph = new Graph()) {
            Ops tf = Ops.create(graph);
            var quantiles = tf.math.ndtri(tf.constant(probabilities));
            try (Session session = new Session(graph);
                    Result result = session.runner().fetch(quantiles).run()) {
                double[] out = new double[probabilities.length];
                ((TFloat64) result.get(0)).copyTo(DataBuffers.of(out, false, false));
                return out;
            }
        }
    }

    /**
     * {@code n} quantiles evenly spaced in probability, {@code (i + 0.5) / n} for {@code i = 0 .. n - 1}: the grid of
     * codes Keras's VAE example decodes to draw its latent manifold.
     */
    public static double[] grid(int n) {
        if (n <= 0) {
            throw new IllegalArgumentException("a grid needs at least one point, got " + n);
        }
        double[] p = new double[n];
        for (int i = 0; i < n; i++) {
            p[i] = (i + 0.5) / n;
        }
        return of(p);
    }
}
