package org.deepae.train;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Random;
import org.deepae.data.ImageSet;
import org.deepae.model.AutoencoderSpec;
import org.deepae.tf.TfAutoencoder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Trains an autoencoder with mini-batch Adam: each epoch is one pass over the training set in an order shuffled by
 * the seed (the final partial batch is used, not dropped), followed by an evaluation on the whole test set.
 */
public final class Trainer {

  private static final Logger LOG = LoggerFactory.getLogger(Trainer.class);

  private final TrainingConfig config;

  public Trainer(TrainingConfig config) {
    this.config = Objects.requireNonNull(config, "config");
  }

  /** The configuration this trainer uses. */
  public TrainingConfig config() {
    return config;
  }

  /** The trained model and how training went. The caller owns (and closes) the model. */
  public record Result(TfAutoencoder model, TrainingHistory history) {}

  /**
   * Builds the network for {@code spec} and trains it on {@code train}, evaluating on {@code test} after each epoch.
   *
   * @throws TrainingDivergedException when the loss becomes NaN or infinite
   * @throws IOException when a listener fails to write its output
   */
  public Result fit(AutoencoderSpec spec, ImageSet train, ImageSet test, List<? extends TrainingListener> listeners)
      throws IOException {
    if (train.features() != spec.inputSize() || test.features() != spec.inputSize()) {
      throw new IllegalArgumentException("the network takes " + spec.inputSize() + " values per row, but the data has "
          + train.features() + " (train) and " + test.features() + " (test)");
    }
    if (train.rows() == 0) {
      throw new IllegalArgumentException("the training set is empty");
    }
    TfAutoencoder model = TfAutoencoder.forTraining(spec, config.optimizer(), config.seed(), config.threads());
    try {
      TrainingHistory history = run(model, train, test, listeners);
      return new Result(model, history);
    } catch (IOException | RuntimeException e) {
      model.close();
      throw e;
    }
  }

  private TrainingHistory run(TfAutoencoder model, ImageSet train, ImageSet test,
      List<? extends TrainingListener> listeners) throws IOException {
    TrainingPlan plan = new TrainingPlan(config.epochs(), train.rows(), test.rows(), config.batchSize());
    for (TrainingListener listener : listeners) {
      listener.onTrainingBegin(plan);
    }
    int features = train.features();
    int[] order = identity(train.rows());
    float[] batch = new float[Math.multiplyExact(Math.min(config.batchSize(), train.rows()), features)];
    Random shuffler = new Random(config.seed());
    List<EpochStats> epochs = new ArrayList<>();
    long runStart = System.nanoTime();
    try {
      for (int epoch = 1; epoch <= config.epochs(); epoch++) {
        long epochStart = System.nanoTime();
        shuffle(order, shuffler);
        double lossSum = 0;
        int step = 0;
        for (int start = 0; start < train.rows(); start += config.batchSize()) {
          int rows = Math.min(config.batchSize(), train.rows() - start);
          for (int r = 0; r < rows; r++) {
            System.arraycopy(train.pixels(), order[start + r] * features, batch, r * features, features);
          }
          float loss = model.trainStep(batch, rows);
          step++;
          if (!Float.isFinite(loss)) {
            throw new TrainingDivergedException(epoch, step, loss);
          }
          lossSum += (double) loss * rows;
          for (TrainingListener listener : listeners) {
            listener.onBatchEnd(epoch, step, rows, loss);
          }
        }
        double testLoss = test.rows() == 0 ? Double.NaN : model.meanSquaredError(test.pixels(), test.rows());
        EpochStats stats = new EpochStats(epoch, lossSum / train.rows(), testLoss,
            (System.nanoTime() - epochStart) / 1e9);
        LOG.debug("epoch {}: train loss {}, test loss {}", epoch, stats.trainLoss(), stats.testLoss());
        epochs.add(stats);
        for (TrainingListener listener : listeners) {
          listener.onEpochEnd(stats);
        }
      }
    } catch (IOException | RuntimeException e) {
      TrainingHistory partial = new TrainingHistory(epochs, (System.nanoTime() - runStart) / 1e9);
      for (TrainingListener listener : listeners) {
        try {
          listener.onTrainingEnd(partial, false);
        } catch (IOException | RuntimeException suppressed) {
          e.addSuppressed(suppressed);
        }
      }
      throw e;
    }
    TrainingHistory history = new TrainingHistory(epochs, (System.nanoTime() - runStart) / 1e9);
    for (TrainingListener listener : listeners) {
      listener.onTrainingEnd(history, true);
    }
    return history;
  }

  private static int[] identity(int n) {
    int[] order = new int[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    return order;
  }

  /** Fisher-Yates shuffle, deterministic for a given generator state. */
  private static void shuffle(int[] order, Random random) {
    for (int i = order.length - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int t = order[i];
      order[i] = order[j];
      order[j] = t;
    }
  }
}
