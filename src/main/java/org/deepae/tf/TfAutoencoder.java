package org.deepae.tf;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.deepae.model.Autoencoder;
import org.deepae.model.AutoencoderSpec;
import org.deepae.model.Device;
import org.deepae.model.Objective;
import org.deepae.model.OptimizerSpec;
import org.deepae.model.Precision;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.SavedModelBundle;
import org.tensorflow.Session;
import org.tensorflow.Signature;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.ndarray.buffer.FloatDataBuffer;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.proto.ConfigProto;
import org.tensorflow.proto.GraphOptions;
import org.tensorflow.proto.RewriterConfig;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt64;

/**
 * An autoencoder backed by a TensorFlow graph and session, which it owns. Built for training (with Adam's update
 * ops) or restored from a checkpoint for inference.
 */
public final class TfAutoencoder implements Autoencoder {

  /** SavedModel signature keys written by {@link #exportSavedModel(Path)}. */
  public static final String SIGNATURE_ENCODE = "encode";
  public static final String SIGNATURE_DECODE = "decode";
  public static final String SIGNATURE_RECONSTRUCT = "reconstruct";
  /** TensorFlow Serving's default signature: the same as {@link #SIGNATURE_RECONSTRUCT}. */
  public static final String SIGNATURE_DEFAULT = "serving_default";
  private static final String PREDICT_METHOD = "tensorflow/serving/predict";

  /** Rows per session call when encoding, reconstructing or evaluating many rows. */
  private static final int CHUNK_ROWS = 1000;

  private final AutoencoderSpec spec;
  private final Graph graph;
  private final Session session;
  private final NetworkGraph network;
  private final TrainingGraph training;
  private long steps;
  private final long noiseSeed;
  private boolean closed;

  private TfAutoencoder(AutoencoderSpec spec, Graph graph, Session session, NetworkGraph network,
      TrainingGraph training, long noiseSeed) {
    this.noiseSeed = noiseSeed;
    this.spec = spec;
    this.graph = graph;
    this.session = session;
    this.network = network;
    this.training = training;
  }

  /**
   * A freshly initialized network with Adam's update ops, ready to train.
   *
   * @param seed seeds the weight initializers (layer {@code i} uses {@code seed + i})
   * @param threads intra-op threads; 0 lets TensorFlow choose
   */
  public static TfAutoencoder forTraining(AutoencoderSpec spec, OptimizerSpec optimizer, long seed, int threads) {
    return forTraining(spec, Objective.of(optimizer), seed, threads);
  }

  /**
   * A freshly initialized network with the ops that minimize its loss under {@code objective}, ready to train.
   *
   * @param seed seeds the weight initializers (layer {@code i} uses {@code seed + i})
   * @param threads intra-op threads; 0 lets TensorFlow choose
   */
  public static TfAutoencoder forTraining(AutoencoderSpec spec, Objective objective, long seed, int threads) {
    return forTraining(spec, objective, seed, threads, Precision.FP32);
  }

  /** As {@link #forTraining(AutoencoderSpec, Objective, long, int)}, with the matrix products in {@code precision}. */
  public static TfAutoencoder forTraining(AutoencoderSpec spec, Objective objective, long seed, int threads,
      Precision precision) {
    return forTraining(spec, objective, seed, threads, precision, Device.AUTO);
  }

  /** As {@link #forTraining(AutoencoderSpec, Objective, long, int, Precision)}, on {@code device}. */
  public static TfAutoencoder forTraining(AutoencoderSpec spec, Objective objective, long seed, int threads,
      Precision precision, Device device) {
    Graph graph = new Graph();
    try {
      NetworkGraph network = NetworkGraph.build(graph, spec, seed);
      TrainingGraph training = TrainingGraph.build(graph, network, objective);
      Session session = new Session(graph, sessionConfig(threads, precision, device));
      session.initialize();
      return new TfAutoencoder(spec, graph, session, network, training, seed);
    } catch (RuntimeException e) {
      graph.close();
      throw e;
    }
  }

  /**
   * An inference-only network whose weights are read from a checkpoint written by {@link #saveCheckpoint(Path)}.
   *
   * @throws IOException when the checkpoint is missing or does not fit the spec
   */
  public static TfAutoencoder restore(AutoencoderSpec spec, Path checkpointPrefix, int threads) throws IOException {
    Graph graph = new Graph();
    try {
      NetworkGraph network = NetworkGraph.build(graph, spec, 0);
      Session session = new Session(graph, sessionConfig(threads));
      try {
        session.restore(checkpointPrefix.toString());
      } catch (RuntimeException e) {
        session.close();
        throw new IOException(checkpointPrefix + ": cannot restore the weights: " + firstLine(e.getMessage()), e);
      }
      return new TfAutoencoder(spec, graph, session, network, null, 0);
    } catch (IOException | RuntimeException e) {
      graph.close();
      throw e;
    }
  }

  static ConfigProto sessionConfig(int threads) {
    return sessionConfig(threads, Precision.FP32);
  }

  /** One inter-op thread, {@code threads} intra-op threads (0: TensorFlow's choice), and the precision. */
  static ConfigProto sessionConfig(int threads, Precision precision) {
    return sessionConfig(threads, precision, Device.AUTO);
  }

  /** The session configuration for {@code threads}, {@code precision} and {@code device}. */
  static ConfigProto sessionConfig(int threads, Precision precision, Device device) {
    ConfigProto.Builder config = ConfigProto.newBuilder().setInterOpParallelismThreads(1);
    if (threads > 0) {
      config.setIntraOpParallelismThreads(threads);
    }
    Devices.configure(config, device);
    if (precision == Precision.BF16) {
      config.setGraphOptions(GraphOptions.newBuilder().setRewriteOptions(RewriterConfig.newBuilder()
          .setAutoMixedPrecisionOnednnBfloat16(RewriterConfig.Toggle.ON)));
    }
    return config.build();
  }

  @Override
  public AutoencoderSpec spec() {
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
    TFloat32 input = feed(batch, 0, rows, spec.inputSize());
    Session.Runner runner = session.runner().feed(network.input, input).addTarget(training.step)
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
    return map(network.input, rows, count, network.code, spec.codeSize());
  }

  @Override
  public float[] decode(float[] codes, int count) {
    return map(network.codeInput, codes, count, network.decoded, spec.inputSize());
  }

  @Override
  public float[] reconstruct(float[] rows, int count) {
    return map(network.input, rows, count, network.output, spec.inputSize());
  }

  @Override
  public float[] rowErrors(float[] rows, int count) {
    return map(network.input, rows, count, network.rowMeanSquaredError, 1);
  }

  @Override
  public double meanSquaredError(float[] rows, int count) {
    return mean(network.sumSquaredError, rows, count);
  }

  /** Mean over rows and values of the spec's loss (squared error or binary cross-entropy) on these rows. */
  public double meanLoss(float[] rows, int count) {
    return mean(network.sumLoss, rows, count);
  }

  private double mean(Operand<TFloat32> sumOp, float[] rows, int count) {
    checkOpen();
    checkRows(rows, count, spec.inputSize());
    if (count == 0) {
      return Double.NaN;
    }
    double sum = 0;
    for (int start = 0; start < count; start += CHUNK_ROWS) {
      int n = Math.min(CHUNK_ROWS, count - start);
      try (Result result = session.runner().feed(network.input, feed(rows, start, n, spec.inputSize()))
          .fetch(sumOp).run()) {
        sum += ((TFloat32) result.get(0)).getFloat();
      }
    }
    return sum / ((double) count * spec.inputSize());
  }

  /** Feeds {@code count} rows to {@code placeholder} in chunks and collects {@code output}, {@code width} per row. */
  private float[] map(Operand<TFloat32> placeholder, float[] rows, int count, Operand<TFloat32> output, int width) {
    checkOpen();
    long inputWidth = placeholder.shape().get(1);
    checkRows(rows, count, (int) inputWidth);
    float[] out = new float[Math.multiplyExact(count, width)];
    FloatDataBuffer target = DataBuffers.of(out, false, false);
    for (int start = 0; start < count; start += CHUNK_ROWS) {
      int n = Math.min(CHUNK_ROWS, count - start);
      try (Result result = session.runner().feed(placeholder, feed(rows, start, n, (int) inputWidth))
          .fetch(output).run()) {
        ((TFloat32) result.get(0)).copyTo(target.slice((long) start * width, (long) n * width));
      }
    }
    return out;
  }

  /**
   * A feed tensor holding rows {@code start .. start + n} of {@code rows}. Tensors are kept and reused for the same
   * shape: allocating a fresh native buffer for every chunk costs page faults that a reused one does not.
   */
  private TFloat32 feed(float[] rows, int start, int n, int width) {
    Shape shape = Shape.of(n, width);
    TFloat32 tensor = feedTensors.get(shape);
    if (tensor == null) {
      tensor = TFloat32.tensorOf(shape);
      feedTensors.put(shape, tensor);
    }
    tensor.copyFrom(DataBuffers.of(rows, true, false).slice((long) start * width, (long) n * width));
    return tensor;
  }

  /** Reused feed tensors by shape; the eldest is closed beyond a handful (full and last chunks, in and out). */
  private final Map<Shape, TFloat32> feedTensors = new LinkedHashMap<>(8, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<Shape, TFloat32> eldest) {
      if (size() > 6) {
        eldest.getValue().close();
        return true;
      }
      return false;
    }
  };

  /** The current weights and biases, in layer order (w0, b0, w1, b1, ...), copied out of the session. */
  public List<float[]> parameters() {
    checkOpen();
    Session.Runner runner = session.runner();
    network.parameters.forEach(runner::fetch);
    List<float[]> values = new ArrayList<>();
    try (Result result = runner.run()) {
      for (int i = 0; i < result.size(); i++) {
        TFloat32 tensor = (TFloat32) result.get(i);
        float[] copy = new float[Math.toIntExact(tensor.size())];
        tensor.copyTo(DataBuffers.of(copy, false, false));
        values.add(copy);
      }
    }
    return values;
  }

  /**
   * Replaces the weights and biases with {@code values}, in the order of {@link #parameters()} (used to go back to
   * the best epoch's weights).
   */
  public void setParameters(List<float[]> values) {
    checkOpen();
    if (values.size() != network.parameters.size()) {
      throw new IllegalArgumentException("expected " + network.parameters.size() + " arrays, got " + values.size());
    }
    Ops tf = Ops.create(graph);
    if (assignments == null) {
      assignments = new ArrayList<>();
      for (var parameter : network.parameters) {
        Placeholder<TFloat32> value = tf.placeholder(TFloat32.class, Placeholder.shape(parameter.shape()));
        assignments.add(new Assignment(value, tf.assign(parameter, value)));
      }
    }
    List<TFloat32> tensors = new ArrayList<>();
    try {
      Session.Runner runner = session.runner();
      for (int i = 0; i < values.size(); i++) {
        Assignment a = assignments.get(i);
        Shape shape = network.parameters.get(i).shape();
        if (values.get(i).length != shape.size()) {
          throw new IllegalArgumentException("parameter " + i + " needs " + shape.size() + " values, got "
              + values.get(i).length);
        }
        TFloat32 t = TFloat32.tensorOf(shape, DataBuffers.of(values.get(i), true, false));
        tensors.add(t);
        runner.feed(a.value(), t).addTarget(a.op());
      }
      runner.run().close();
    } finally {
      tensors.forEach(TFloat32::close);
    }
  }

  private record Assignment(Placeholder<TFloat32> value, Op op) {}

  private List<Assignment> assignments;

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
    try {
      SavedModelBundle.exporter(dir.toString())
          .withTags(SavedModelBundle.DEFAULT_TAG)
          .withSession(session)
          .withSignatures(
              signature(SIGNATURE_ENCODE, "x", network.input, "code", network.code),
              signature(SIGNATURE_DECODE, "code", network.codeInput, "x_hat", network.decoded),
              signature(SIGNATURE_RECONSTRUCT, "x", network.input, "x_hat", network.output),
              signature(SIGNATURE_DEFAULT, "x", network.input, "x_hat", network.output))
          .export();
    } catch (RuntimeException e) {
      throw new IOException(dir + ": cannot write the SavedModel: " + firstLine(e.getMessage()), e);
    }
  }

  private static Signature signature(String key, String inputName, Operand<TFloat32> input, String outputName,
      Operand<TFloat32> output) {
    return Signature.builder().key(key).methodName(PREDICT_METHOD)
        .input(inputName, input).output(outputName, output).build();
  }

  private static void checkRows(float[] rows, int count, int width) {
    Objects.requireNonNull(rows, "rows");
    if (count < 0 || (long) count * width > rows.length) {
      throw new IllegalArgumentException("expected " + count + " rows of " + width + " values, but the array holds "
          + rows.length + " values");
    }
  }

  private void checkOpen() {
    if (closed) {
      throw new IllegalStateException("this autoencoder has been closed");
    }
  }

  private static String firstLine(String message) {
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
    feedTensors.values().forEach(TFloat32::close);
    feedTensors.clear();
    session.close();
    graph.close();
  }
}
