package org.deepae.tf;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Session;
import org.tensorflow.exceptions.TensorFlowException;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.op.summary.SummaryWriter;
import org.tensorflow.op.summary.WriteImageSummary;
import org.tensorflow.proto.ConfigProto;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TFloat64;
import org.tensorflow.types.TInt64;
import org.tensorflow.types.TString;
import org.tensorflow.types.TUint8;

/**
 * Writes scalars, grayscale images and histograms to a TensorBoard event file
 * ({@code events.out.tfevents.*.v2}) in a log directory, through TensorFlow's own summary writer.
 *
 * <p>The writer owns a small graph and session. The summary ops are built once, with placeholders for the tag,
 * step and values, so each call only feeds tensors. Events are queued and written at least every ten seconds,
 * on {@link #flush()} and on {@link #close()}. Calls are serialized; use after close throws
 * {@link IllegalStateException}, and a failed write throws {@link UncheckedIOException} naming the log directory.
 */
public final class TensorBoardWriter implements AutoCloseable {

    /** Events queued before the writer flushes on its own. */
    private static final int MAX_QUEUE = 10;
    /** Longest time an event waits in the queue, so that a running TensorBoard sees progress. */
    private static final int FLUSH_MILLIS = 10_000;
    /** TensorFlow 2's suffix, which tells TensorBoard the file holds TF2-style summaries. */
    private static final String FILENAME_SUFFIX = ".v2";
    /** Colour the image op paints non-finite float pixels; unused for the uint8 images fed here, but required. */
    private static final byte[] BAD_COLOR = {(byte) 255, 0, 0, (byte) 255};

    private final Path logDir;
    private final Graph graph;
    private final Session session;
    private final Ops tf;
    private final SummaryWriter writer;
    private final Placeholder<TString> tag;
    private final Placeholder<TInt64> step;
    private final Placeholder<TFloat64> scalarValue;
    private final Op scalarWrite;
    private final Placeholder<TFloat32> histogramValues;
    private final Op histogramWrite;
    private final Placeholder<TFloat32> imagePixels;
    private final Operand<TUint8> imageBytes;
    /** One image op per {@code maxImages}, which the op takes as an attribute rather than an input. */
    private final Map<Integer, Op> imageWrites = new HashMap<>();

    private final Op flushWriter;
    private final Op closeWriter;
    private boolean closed;

    private TensorBoardWriter(Path logDir, Graph graph) {
        this.logDir = logDir;
        this.graph = graph;
        this.tf = Ops.create(graph);
        this.writer = tf.summary.summaryWriter(SummaryWriter.sharedName("deepae_tensorboard"));
        this.tag = tf.placeholder(TString.class, Placeholder.shape(Shape.scalar()));
        this.step = tf.placeholder(TInt64.class, Placeholder.shape(Shape.scalar()));
        this.scalarValue = tf.placeholder(TFloat64.class, Placeholder.shape(Shape.scalar()));
        this.scalarWrite = tf.summary.writeScalarSummary(writer, step, tag, scalarValue);
        this.histogramValues = tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(Shape.UNKNOWN_SIZE)));
        this.histogramWrite = tf.summary.writeHistogramSummary(writer, step, tag, histogramValues);
        this.imagePixels = tf.placeholder(
                TFloat32.class,
                Placeholder.shape(Shape.of(Shape.UNKNOWN_SIZE, Shape.UNKNOWN_SIZE, Shape.UNKNOWN_SIZE, 1)));
        // Converted to uint8 here: the op rescales float images by each image's maximum, which would hide how dark an
        // image really is.
        this.imageBytes = tf.dtypes.cast(
                tf.math.round(
                        tf.math.mul(tf.clipByValue(imagePixels, tf.constant(0f), tf.constant(1f)), tf.constant(255f))),
                TUint8.class);
        this.flushWriter = tf.summary.flushSummaryWriter(writer);
        this.closeWriter = tf.summary.closeSummaryWriter(writer);
        Op create = tf.summary.createSummaryFileWriter(
                writer,
                tf.constant(logDir.toAbsolutePath().toString()),
                tf.constant(MAX_QUEUE),
                tf.constant(FLUSH_MILLIS),
                tf.constant(FILENAME_SUFFIX));
        // Own inter-op threads, so that this small session does not size the pool the training session uses.
        this.session = new Session(
                graph, ConfigProto.newBuilder().setUsePerSessionThreads(true).build());
        try {
            session.run(create);
        } catch (RuntimeException e) {
            session.close();
            throw e;
        }
    }

    /**
     * Opens a new event file in {@code logDir}, creating the directory if needed.
     *
     * @throws IOException naming the directory when it cannot be created or the event file cannot be opened
     */
    public static TensorBoardWriter open(Path logDir) throws IOException {
        Objects.requireNonNull(logDir, "logDir");
        if (Files.exists(logDir) && !Files.isDirectory(logDir)) {
            throw new IOException(logDir + ": cannot write TensorBoard logs there: it is a file, not a directory");
        }
        Files.createDirectories(logDir); // a failure names the directory it could not create, and why
        Graph graph = new Graph();
        try {
            return new TensorBoardWriter(logDir, graph);
        } catch (TensorFlowException e) {
            graph.close();
            throw new IOException(logDir + ": cannot open a TensorBoard event file: " + firstLine(e.getMessage()), e);
        } catch (RuntimeException e) {
            graph.close();
            throw e;
        }
    }

    /** The directory this writer writes its event file into. */
    public Path logDir() {
        return logDir;
    }

    /** Writes {@code value} as the scalar {@code tag} (for example {@code loss/train}) at {@code step}. */
    public synchronized void scalar(String tag, long step, double value) {
        checkOpen();
        Objects.requireNonNull(tag, "tag");
        try (TString tagTensor = TString.scalarOf(tag);
                TInt64 stepTensor = TInt64.scalarOf(step);
                TFloat64 valueTensor = TFloat64.scalarOf(value)) {
            run(session.runner()
                    .feed(this.tag, tagTensor)
                    .feed(this.step, stepTensor)
                    .feed(scalarValue, valueTensor)
                    .addTarget(scalarWrite));
        }
    }

    /**
     * Writes the first {@code min(count, maxImages)} of {@code count} grayscale images as PNGs under {@code tag}
     * ({@code tag/image} when {@code maxImages} is 1, else {@code tag/image/0}, {@code tag/image/1}, ...).
     *
     * @param pixels {@code count * height * width} values, image after image, row after row; values outside
     *     {@code [0, 1]} are clipped, and 0 is black
     */
    public synchronized void images(
            String tag, long step, float[] pixels, int count, int height, int width, int maxImages) {
        checkOpen();
        Objects.requireNonNull(tag, "tag");
        Objects.requireNonNull(pixels, "pixels");
        if (count < 1 || height < 1 || width < 1) {
            throw new IllegalArgumentException(
                    "image count, height and width must be positive, got " + count + ", " + height + " and " + width);
        }
        if (maxImages < 1) {
            throw new IllegalArgumentException("maxImages must be positive, got " + maxImages);
        }
        long needed = (long) count * height * width;
        if (needed > pixels.length) {
            throw new IllegalArgumentException("expected " + count + " images of " + height + "x" + width + " = "
                    + needed + " values, but the array holds " + pixels.length + " values");
        }
        int shown = Math.min(count, maxImages);
        long size = (long) shown * height * width;
        requireFinite(pixels, size, "pixel");
        Op write = imageWrites.computeIfAbsent(maxImages, this::imageWrite);
        try (TString tagTensor = TString.scalarOf(tag);
                TInt64 stepTensor = TInt64.scalarOf(step);
                TFloat32 pixelTensor = TFloat32.tensorOf(
                        Shape.of(shown, height, width, 1),
                        DataBuffers.of(pixels, true, false).slice(0, size))) {
            run(session.runner()
                    .feed(this.tag, tagTensor)
                    .feed(this.step, stepTensor)
                    .feed(imagePixels, pixelTensor)
                    .addTarget(write));
        }
    }

    private Op imageWrite(int maxImages) {
        return tf.summary.writeImageSummary(
                writer, step, tag, imageBytes, tf.constant(BAD_COLOR), WriteImageSummary.maxImages((long) maxImages));
    }

    /** Writes a histogram of {@code values} (at least one, all finite) as {@code tag} at {@code step}. */
    public synchronized void histogram(String tag, long step, float[] values) {
        checkOpen();
        Objects.requireNonNull(tag, "tag");
        Objects.requireNonNull(values, "values");
        if (values.length == 0) {
            throw new IllegalArgumentException("histogram " + tag + " has no values");
        }
        requireFinite(values, values.length, "value");
        try (TString tagTensor = TString.scalarOf(tag);
                TInt64 stepTensor = TInt64.scalarOf(step);
                TFloat32 valueTensor = TFloat32.vectorOf(values)) {
            run(session.runner()
                    .feed(this.tag, tagTensor)
                    .feed(this.step, stepTensor)
                    .feed(histogramValues, valueTensor)
                    .addTarget(histogramWrite));
        }
    }

    /** Writes the queued events to the event file. */
    public synchronized void flush() {
        checkOpen();
        run(session.runner().addTarget(flushWriter));
    }

    /** Flushes and closes the event file, then releases the session and graph. Closing twice does nothing. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            run(session.runner().addTarget(flushWriter));
            run(session.runner().addTarget(closeWriter));
        } finally {
            session.close();
            graph.close();
        }
    }

    private void run(Session.Runner runner) {
        try {
            runner.run().close();
        } catch (TensorFlowException e) {
            throw new UncheckedIOException(
                    new IOException(logDir + ": cannot write TensorBoard events: " + firstLine(e.getMessage()), e));
        }
    }

    private static void requireFinite(float[] values, long count, String what) {
        for (int i = 0; i < count; i++) {
            if (!Float.isFinite(values[i])) {
                throw new IllegalArgumentException(
                        what + " " + i + " is " + values[i] + "; TensorBoard needs finite values");
            }
        }
    }

    private void checkOpen() {
        if (closed) {
            throw new IllegalStateException("this TensorBoard writer is closed");
        }
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unknown error";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
