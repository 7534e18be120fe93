package org.deepae.tf;

import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.op.linalg.MatMul;
import org.tensorflow.proto.ConfigProto;
import org.tensorflow.types.TFloat32;

/**
 * The large matrix products of a linear analysis (PCA), run as float32 TensorFlow graphs over row-major
 * {@code float[]} rows in chunks. Each call builds its own graph and session and closes them before returning.
 *
 * <p>Every method takes {@code count} rows of {@code width} values from the start of {@code rows}, and a
 * {@code mean} of {@code width} values that is subtracted from each row first. A {@code basis} is a
 * {@code width x k} row-major matrix whose columns are the directions. {@code threads} chunks run side by side
 * (0: one per core).
 */
public final class MatrixProducts {

    /** Rows per session call: float32 sums stay short, and double sums accumulate across chunks. */
    static final int CHUNK_ROWS = 10_000;

    private static final Logger LOG = LoggerFactory.getLogger(MatrixProducts.class);

    private MatrixProducts() {}

    /**
     * The {@code width x width} row-major matrix {@code sum over rows of (x - mean)(x - mean)^T}: each chunk's product
     * in float32 on TensorFlow, the chunks added in double.
     */
    public static double[] gram(float[] rows, int count, int width, float[] mean, int threads) {
        checkRows(rows, count, width, mean, threads);
        double[] sum = new double[Math.multiplyExact(width, width)];
        if (count == 0) {
            return sum;
        }
        long begin = System.nanoTime();
        ConfigProto config = SessionSettings.config(threads);
        try (Graph graph = new Graph()) {
            Ops tf = Ops.create(graph);
            Placeholder<TFloat32> x = input(tf, width);
            Operand<TFloat32> centered = tf.math.sub(x, tf.constant(mean));
            Operand<TFloat32> gram = tf.linalg.matMul(centered, centered, MatMul.transposeA(true));
            try (Session session = new Session(graph, config);
                    ChunkedRuns chunks = new ChunkedRuns(session, CHUNK_ROWS, SessionSettings.threadCount(threads));
                    FeedTensors feeds = new FeedTensors()) {
                chunks.reduce(
                        x,
                        rows,
                        count,
                        gram,
                        chunk -> {
                            for (int i = 0; i < sum.length; i++) {
                                sum[i] += chunk[i];
                            }
                        },
                        feeds);
            }
        }
        LOG.debug(
                "Gram matrix of {} rows of {} values in {} ms", count, width, (System.nanoTime() - begin) / 1_000_000);
        return sum;
    }

    /** The codes {@code (x - mean) * basis}: {@code count x k} values, row-major. */
    public static float[] project(float[] rows, int count, int width, float[] mean, float[] basis, int k, int threads) {
        return map(Output.CODES, rows, count, width, mean, basis, k, threads);
    }

    /** The reconstructions {@code mean + (x - mean) * basis * basis^T}: {@code count x width} values, row-major. */
    public static float[] reconstruct(
            float[] rows, int count, int width, float[] mean, float[] basis, int k, int threads) {
        return map(Output.RECONSTRUCTIONS, rows, count, width, mean, basis, k, threads);
    }

    /**
     * Each row's sum of squared residuals {@code ||(x - mean) - (x - mean) * basis * basis^T||^2}: {@code count}
     * values. The residual itself is formed in float32, so a nearly exact fit gives a small value rather than the
     * difference of two large ones.
     */
    public static float[] residualSquaredNorms(
            float[] rows, int count, int width, float[] mean, float[] basis, int k, int threads) {
        return map(Output.RESIDUALS, rows, count, width, mean, basis, k, threads);
    }

    private enum Output {
        CODES,
        RECONSTRUCTIONS,
        RESIDUALS;

        int width(int inputWidth, int k) {
            return switch (this) {
                case CODES -> k;
                case RECONSTRUCTIONS -> inputWidth;
                case RESIDUALS -> 1;
            };
        }
    }

    private static float[] map(
            Output kind, float[] rows, int count, int width, float[] mean, float[] basis, int k, int threads) {
        checkRows(rows, count, width, mean, threads);
        Objects.requireNonNull(basis, "basis");
        if (k <= 0 || (long) width * k != basis.length) {
            throw new IllegalArgumentException("expected a basis of " + width + " x " + k + " values, got "
                    + basis.length + " values for k = " + k);
        }
        int outWidth = kind.width(width, k);
        if (count == 0) {
            return new float[0];
        }
        ConfigProto config = SessionSettings.config(threads);
        try (Graph graph = new Graph()) {
            Ops tf = Ops.create(graph);
            Placeholder<TFloat32> x = input(tf, width);
            Operand<TFloat32> mu = tf.constant(mean);
            Operand<TFloat32> w = tf.constant(Shape.of(width, k), DataBuffers.of(basis, true, false));
            Operand<TFloat32> centered = tf.math.sub(x, mu);
            Operand<TFloat32> codes = tf.linalg.matMul(centered, w);
            Operand<TFloat32> output = switch (kind) {
                case CODES -> codes;
                case RECONSTRUCTIONS -> tf.math.add(tf.linalg.matMul(codes, w, MatMul.transposeB(true)), mu);
                case RESIDUALS ->
                    tf.reduceSum(
                            tf.math.square(tf.math.sub(centered, tf.linalg.matMul(codes, w, MatMul.transposeB(true)))),
                            tf.constant(new int[] {1}));
            };
            // row by row, so the chunks may be smaller: at least one per lane, each op running on one thread
            int lanes = SessionSettings.threadCount(threads);
            int chunkRows = Math.max(1, Math.min(CHUNK_ROWS, (count + lanes - 1) / lanes));
            try (Session session = new Session(graph, config);
                    ChunkedRuns chunks = new ChunkedRuns(session, chunkRows, lanes);
                    FeedTensors feeds = new FeedTensors()) {
                return chunks.map(x, rows, count, output, outWidth, feeds);
            }
        }
    }

    private static Placeholder<TFloat32> input(Ops tf, int width) {
        return tf.withName("x").placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, width)));
    }

    private static void checkRows(float[] rows, int count, int width, float[] mean, int threads) {
        Objects.requireNonNull(rows, "rows");
        Objects.requireNonNull(mean, "mean");
        if (width <= 0) {
            throw new IllegalArgumentException("row width must be positive, got " + width);
        }
        if (count < 0 || (long) count * width > rows.length) {
            throw new IllegalArgumentException("expected " + count + " rows of " + width
                    + " values, but the array holds " + rows.length + " values");
        }
        if (mean.length != width) {
            throw new IllegalArgumentException("expected a mean of " + width + " values, got " + mean.length);
        }
        if (threads < 0) {
            throw new IllegalArgumentException("threads must be 0 (one per core) or positive, got " + threads);
        }
    }
}
