package org.deepae.tf;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import org.deepae.model.Autoencoder;
import org.deepae.model.Device;
import org.deepae.model.ElboTerms;
import org.deepae.model.NetworkFootprint;
import org.deepae.model.NetworkSpec;
import org.deepae.model.Objective;
import org.deepae.model.OptimizerSpec;
import org.deepae.model.Precision;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.proto.ConfigProto;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;
import org.tensorflow.types.TInt64;

/**
 * An autoencoder backed by a TensorFlow graph and session, which it owns. Built for training (with Adam's update
 * ops) or restored from a checkpoint for inference.
 */
public final class TfAutoencoder implements Autoencoder {

    /** Rows per session call when encoding, reconstructing or evaluating many rows. */
    private static final int CHUNK_ROWS = 1000;

    private final NetworkSpec spec;
    private final Graph graph;
    private final Session session;
    private final ModelGraph network;
    private final TrainingGraph training;
    private long steps;
    private final long noiseSeed;
    private final FeedTensors feeds = new FeedTensors();
    private final ChunkedRuns chunks;
    private final ParameterValues parameterValues;
    private boolean closed;

    private TfAutoencoder(
            NetworkSpec spec,
            Graph graph,
            Session session,
            ModelGraph network,
            TrainingGraph training,
            long noiseSeed,
            int threads) {
        this.noiseSeed = noiseSeed;
        this.spec = spec;
        this.graph = graph;
        this.session = session;
        this.network = network;
        this.training = training;
        this.parameterValues = new ParameterValues(graph, session, network.parameters());
        this.chunks = new ChunkedRuns(session, CHUNK_ROWS, towers(threads));
    }

    /**
     * A freshly initialized network with Adam's update ops, ready to train.
     *
     * @param seed seeds the weight initializers (layer {@code i} uses {@code seed + i})
     * @param threads threads (training towers, inference lanes); 0 means one per core
     */
    public static TfAutoencoder forTraining(NetworkSpec spec, OptimizerSpec optimizer, long seed, int threads) {
        return forTraining(spec, Objective.of(optimizer), seed, threads);
    }

    /**
     * A freshly initialized network with the ops that minimize its loss under {@code objective}, ready to train.
     *
     * @param seed seeds the weight initializers (layer {@code i} uses {@code seed + i})
     * @param threads threads (training towers, inference lanes); 0 means one per core
     */
    public static TfAutoencoder forTraining(NetworkSpec spec, Objective objective, long seed, int threads) {
        return forTraining(spec, objective, seed, threads, Precision.FP32);
    }

    /**
     * As {@link #forTraining(NetworkSpec, Objective, long, int)}, with the matrix products in {@code precision}.
     */
    public static TfAutoencoder forTraining(
            NetworkSpec spec, Objective objective, long seed, int threads, Precision precision) {
        return forTraining(spec, objective, seed, threads, precision, Device.AUTO);
    }

    /** As {@link #forTraining(NetworkSpec, Objective, long, int, Precision)}, on {@code device}. */
    public static TfAutoencoder forTraining(
            NetworkSpec spec, Objective objective, long seed, int threads, Precision precision, Device device) {
        NetworkFootprint.require(spec, NetworkFootprint.Purpose.TRAINING);
        // first: the first session of a process sizes its thread pools (see SessionSettings)
        return forTraining(spec, objective, seed, threads, SessionSettings.config(threads, precision, device));
    }

    /** As the public factories, with the session made from {@code config}. */
    static TfAutoencoder forTraining(
            NetworkSpec spec, Objective objective, long seed, int threads, ConfigProto config) {
        Graph graph = new Graph();
        Session session = null;
        try {
            ModelGraph network = ModelGraph.build(graph, spec, seed);
            TrainingGraph training = TrainingGraph.build(graph, network, objective, towers(threads));
            session = new Session(graph, config);
            session.initialize();
            return new TfAutoencoder(spec, graph, session, network, training, seed, threads);
        } catch (RuntimeException e) {
            closeAfterFailure(session, graph, e);
            throw e;
        }
    }

    /**
     * An inference-only network whose weights are read from a checkpoint written by {@link #saveCheckpoint(Path)}.
     *
     * @throws IOException when the checkpoint is missing or does not fit the spec
     */
    public static TfAutoencoder restore(NetworkSpec spec, Path checkpointPrefix, int threads) throws IOException {
        NetworkFootprint.require(spec, NetworkFootprint.Purpose.INFERENCE);
        ConfigProto config = SessionSettings.config(threads);
        Graph graph = new Graph();
        Session session = null;
        try {
            ModelGraph network = ModelGraph.build(graph, spec, 0);
            session = new Session(graph, config);
            try {
                session.restore(checkpointPrefix.toString());
            } catch (RuntimeException e) {
                throw new IOException(
                        checkpointPrefix + ": cannot restore the weights: " + firstLine(e.getMessage()), e);
            }
            return new TfAutoencoder(spec, graph, session, network, null, 0, threads);
        } catch (IOException | RuntimeException e) {
            closeAfterFailure(session, graph, e);
            throw e;
        }
    }

    /**
     * Closes what a failed build made, the session before its graph: closing a graph waits for every session on it to
     * close, so the other order never returns. A failure to close is added to {@code failure}, not thrown over it.
     */
    static void closeAfterFailure(Session session, Graph graph, Exception failure) {
        try {
            if (session != null) {
                session.close();
            }
        } catch (RuntimeException e) {
            // the graph is left to the collector: closing it now would wait for the session forever
            failure.addSuppressed(e);
            return;
        }
        try {
            graph.close();
        } catch (RuntimeException e) {
            failure.addSuppressed(e);
        }
    }

    /**
     * Training towers for a thread count: one per thread (0 means one per core), at most {@link #MAX_TOWERS}. On the
     * 2-core reference machine two towers made a step 25% faster than one; three or four were slower than two.
     */
    static int towers(int threads) {
        return Math.max(1, Math.min(MAX_TOWERS, SessionSettings.threadCount(threads)));
    }

    /** The most towers a training step is split into. */
    static final int MAX_TOWERS = 8;

    /**
     * The most threads a session may be given. TensorFlow starts them all: 1,024 took 2 s to encode three rows, and
     * 100,000 never finished.
     */
    public static final int MAX_THREADS = 1024;

    @Override
    public NetworkSpec spec() {
        return spec;
    }

    /** One optimizer step on {@code rows} rows from the start of {@code batch}, with noise keyed by a step count. */
    public float trainStep(float[] batch, int rows) {
        return trainStep(batch, rows, steps);
    }

    /**
     * Runs one optimizer step on {@code rows} rows taken from the start of {@code batch}.
     *
     * @param noiseKey selects the input noise of this step (with the seed, it determines the noise); unused without
     *     noise
     * @return the batch's reconstruction loss before the step
     */
    public float trainStep(float[] batch, int rows, long noiseKey) {
        checkOpen();
        if (training == null) {
            throw new IllegalStateException("this model was loaded for inference and cannot be trained");
        }
        checkRows(batch, rows, spec.inputSize());
        steps++;
        TFloat32 input = feeds.fill(batch, 0, rows, spec.inputSize());
        Session.Runner runner = session.runner()
                .feed(network.input(), input)
                .addTarget(training.step)
                .fetch(training.loss);
        if (training.noiseSeed == null) {
            try (Result result = runner.run()) {
                return ((TFloat32) result.get(0)).getFloat();
            }
        }
        try (TInt64 seed = TInt64.vectorOf(noiseSeed, noiseKey);
                Result result = runner.feed(training.noiseSeed, seed).run()) {
            return ((TFloat32) result.get(0)).getFloat();
        }
    }

    @Override
    public float[] encode(float[] rows, int count) {
        return map(network.input(), rows, count, network.code(), spec.codeSize());
    }

    @Override
    public float[] decode(float[] codes, int count) {
        return map(network.codeInput(), codes, count, network.decoded(), spec.inputSize());
    }

    @Override
    public float[] reconstruct(float[] rows, int count) {
        return map(network.input(), rows, count, network.output(), spec.inputSize());
    }

    @Override
    public float[] rowErrors(float[] rows, int count) {
        return map(network.input(), rows, count, network.rowMeanSquaredError(), 1);
    }

    @Override
    public double meanSquaredError(float[] rows, int count) {
        return sum(network.sumSquaredError(), rows, count) / ((double) count * spec.inputSize());
    }

    /**
     * The loss training reports, on these rows: the mean over rows and values of the spec's loss (squared error or
     * binary cross-entropy); for a VAE, the mean over rows of the reconstruction term plus beta times the KL
     * divergence (one draw, from a fixed seed).
     */
    public double meanLoss(float[] rows, int count) {
        double perRow = sum(network.sumLoss(), rows, count) / count;
        return network.lossPerRow() ? perRow : perRow / spec.inputSize();
    }

    /** The sum of {@code sumOp} over the rows, chunk by chunk in order; NaN for no rows. */
    private double sum(Operand<TFloat32> sumOp, float[] rows, int count) {
        checkOpen();
        checkRows(rows, count, spec.inputSize());
        if (count == 0) {
            return Double.NaN;
        }
        double[] sum = new double[1];
        chunks.reduce(network.input(), rows, count, sumOp, chunkSum -> sum[0] += chunkSum[0], feeds);
        return sum[0];
    }

    /** Feeds {@code count} rows to {@code placeholder} in chunks and collects {@code output}, {@code width} per row. */
    private float[] map(Operand<TFloat32> placeholder, float[] rows, int count, Operand<TFloat32> output, int width) {
        checkOpen();
        checkRows(rows, count, (int) placeholder.shape().get(1));
        return chunks.map(placeholder, rows, count, output, width, feeds);
    }

    @Override
    public float[] sample(int count, long seed) {
        checkOpen();
        if (!(network instanceof VaeGraph vae)) {
            return Autoencoder.super.sample(count, seed);
        }
        if (count < 0) {
            throw new IllegalArgumentException("the sample count must be 0 or more, got " + count);
        }
        return seededChunks(count, spec.inputSize(), seed, (start, n, seeds) -> {
            try (TInt32 rows = TInt32.scalarOf(n)) {
                return session.runner()
                        .feed(vae.sampleSeed, seeds)
                        .feed(vae.sampleCount, rows)
                        .fetch(vae.sampled)
                        .run();
            }
        });
    }

    @Override
    public float[] encodeSampled(float[] rows, int count, long seed) {
        checkOpen();
        if (!(network instanceof VaeGraph vae)) {
            return Autoencoder.super.encodeSampled(rows, count, seed);
        }
        checkRows(rows, count, spec.inputSize());
        return seededChunks(
                count,
                spec.codeSize(),
                seed,
                (start, n, seeds) -> session.runner()
                        .feed(network.input(), feeds.fill(rows, start, n, spec.inputSize()))
                        .feed(vae.encodeSeed, seeds)
                        .fetch(vae.codeSample)
                        .run());
    }

    /** One session call on rows {@code start} to {@code start + n} with the chunk's seed; the caller closes it. */
    @FunctionalInterface
    private interface SeededCall {
        Result run(int start, int n, TInt64 seeds);
    }

    /**
     * {@code width} values for each of {@code count} rows, {@link #CHUNK_ROWS} at a time, chunk {@code c} seeded with
     * {@code [seed, c]}: the draws depend on the seed and the row's place, not on how the caller splits its rows.
     */
    private float[] seededChunks(int count, int width, long seed, SeededCall call) {
        float[] out = new float[Math.multiplyExact(count, width)];
        for (int start = 0, chunk = 0; start < count; start += CHUNK_ROWS, chunk++) {
            int n = Math.min(CHUNK_ROWS, count - start);
            try (TInt64 seeds = TInt64.vectorOf(seed, chunk);
                    Result result = call.run(start, n, seeds)) {
                ((TFloat32) result.get(0))
                        .copyTo(DataBuffers.of(out, false, false).slice((long) start * width, (long) n * width));
            }
        }
        return out;
    }

    @Override
    public float[] rowNegativeElbo(float[] rows, int count) {
        if (!(network instanceof VaeGraph vae)) {
            return Autoencoder.super.rowNegativeElbo(rows, count);
        }
        return map(network.input(), rows, count, vae.rowNegativeElbo, 1);
    }

    @Override
    public ElboTerms elbo(float[] rows, int count) {
        if (!(network instanceof VaeGraph vae)) {
            return Autoencoder.super.elbo(rows, count);
        }
        return new ElboTerms(
                sum(vae.sumReconstruction, rows, count) / count, sum(vae.sumDivergence, rows, count) / count);
    }

    /**
     * The names of the variables {@link #parameters()} reads, in its order: {@code dense0_w}, {@code dense0_b}, ... for
     * a dense network; {@code conv0_w}, {@code code_w}, {@code deconv0_w}, {@code logvar_w}, ... for the others.
     */
    public List<String> parameterNames() {
        return network.parameters().stream().map(v -> v.op().name()).toList();
    }

    /** The current weights and biases, in layer order (w0, b0, w1, b1, ...), copied out of the session. */
    public List<float[]> parameters() {
        checkOpen();
        return parameterValues.read();
    }

    /**
     * Replaces the weights and biases with {@code values}, in the order of {@link #parameters()} (used to go back to
     * the best epoch's weights).
     */
    public void setParameters(List<float[]> values) {
        checkOpen();
        parameterValues.write(values);
    }

    /** Restores every variable, optimizer state included, from a checkpoint written by {@link #saveCheckpoint}. */
    public void restoreCheckpoint(Path prefix) throws IOException {
        checkOpen();
        try {
            session.restore(prefix.toString());
        } catch (RuntimeException e) {
            throw new IOException(prefix + ": cannot restore the checkpoint: " + firstLine(e.getMessage()), e);
        }
    }

    /** Writes every variable of the graph to a TensorFlow checkpoint at {@code prefix}, creating its directory. */
    public void saveCheckpoint(Path prefix) throws IOException {
        checkOpen();
        Path parent = prefix.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        try {
            session.save(prefix.toString());
        } catch (RuntimeException e) {
            throw new IOException(prefix + ": cannot write checkpoint: " + firstLine(e.getMessage()), e);
        }
    }

    /**
     * Writes this model as a TensorFlow SavedModel (tag {@code serve}) with three signatures, each with method name
     * {@code tensorflow/serving/predict}: {@code encode} ({@code x} to {@code code}), {@code decode} ({@code code} to
     * {@code x_hat}) and {@code reconstruct} ({@code x} to {@code x_hat}), which is also TensorFlow Serving's
     * {@code serving_default}. Only models loaded for inference can be
     * exported, so that no optimizer state goes into the export.
     *
     * @param dir a directory that does not exist yet
     */
    public void exportSavedModel(Path dir) throws IOException {
        checkOpen();
        if (training != null) {
            throw new IllegalStateException("export a model loaded for inference, not one built for training");
        }
        SavedModelExport.write(session, network, dir);
    }

    /**
     * Writes this model as {@link #exportSavedModel(Path)} does, with the signatures in raw units: input value
     * {@code i} of {@code x} is scaled as {@code (x - offsets[i]) / scales[i]} before the network, and each value of
     * {@code x_hat} (from {@code reconstruct} and {@code decode}) mapped back as {@code y * scales[i] + offsets[i]},
     * both in float64 rounded to float32 (deepae's preprocessing arithmetic); {@code encode} gives the code. Offset 0
     * and scale 1 leave a value as it is; when that holds for every value, the export is exactly that of
     * {@link #exportSavedModel(Path)}.
     *
     * @param offsets one finite offset per input value
     * @param scales one finite, positive scale per input value
     * @param dir a directory that does not exist yet
     */
    public void exportSavedModel(Path dir, double[] offsets, double[] scales) throws IOException {
        checkOpen();
        checkScaling(offsets, scales, spec.inputSize());
        if (training != null) {
            throw new IllegalStateException("export a model loaded for inference, not one built for training");
        }
        SavedModelExport.write(session, graph, network, offsets, scales, dir);
    }

    private static void checkScaling(double[] offsets, double[] scales, int width) {
        Objects.requireNonNull(offsets, "offsets");
        Objects.requireNonNull(scales, "scales");
        if (offsets.length != width || scales.length != width) {
            throw new IllegalArgumentException("expected " + width + " offsets and scales, one per input value, got "
                    + offsets.length + " offsets and " + scales.length + " scales");
        }
        for (int i = 0; i < width; i++) {
            if (!Double.isFinite(offsets[i])) {
                throw new IllegalArgumentException("offset " + i + " must be finite, got " + offsets[i]);
            }
            if (!(scales[i] > 0) || !Double.isFinite(scales[i])) {
                throw new IllegalArgumentException("scale " + i + " must be finite and positive, got " + scales[i]);
            }
        }
    }

    private static void checkRows(float[] rows, int count, int width) {
        Objects.requireNonNull(rows, "rows");
        if (count < 0 || (long) count * width > rows.length) {
            throw new IllegalArgumentException("expected " + count + " rows of " + width
                    + " values, but the array holds " + rows.length + " values");
        }
    }

    private void checkOpen() {
        if (closed) {
            throw new IllegalStateException("this autoencoder has been closed");
        }
    }

    static String firstLine(String message) {
        if (message == null) {
            return "unknown error";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        feeds.close();
        chunks.close();
        session.close();
        graph.close();
    }
}
