package org.deepae.train;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Random;
import java.util.function.BooleanSupplier;
import org.deepae.data.Rows;
import org.deepae.io.PausePoints;
import org.deepae.model.Autoencoder;
import org.deepae.model.ElboTerms;
import org.deepae.model.NetworkSpec;
import org.deepae.tf.TfAutoencoder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Trains an autoencoder with mini-batches: each epoch is one pass over the training rows in an order shuffled by the
 * seed and the epoch number (the final partial batch is used, not dropped), followed by an evaluation on the
 * validation rows (if any) and the whole test set. With early stopping, training ends when the monitored loss stops
 * improving and the best epoch's weights are restored.
 */
public final class Trainer {

    private static final Logger LOG = LoggerFactory.getLogger(Trainer.class);

    private final TrainingConfig config;
    private final Path checkpointDir;
    private final boolean resume;
    private final BooleanSupplier stopRequested;

    public Trainer(TrainingConfig config) {
        this(config, null, false, () -> false);
    }

    private Trainer(TrainingConfig config, Path checkpointDir, boolean resume, BooleanSupplier stopRequested) {
        this.config = Objects.requireNonNull(config, "config");
        this.checkpointDir = checkpointDir;
        this.resume = resume;
        this.stopRequested = stopRequested;
    }

    /**
     * This trainer, stopping at the next step once {@code stop} says so, with a {@link TrainingInterruptedException};
     * the checkpoint of the last completed epoch stays.
     */
    public Trainer stoppingWhen(BooleanSupplier stop) {
        return new Trainer(config, checkpointDir, resume, Objects.requireNonNull(stop, "stop"));
    }

    /**
     * This trainer, keeping a checkpoint in {@code dir} after every epoch (weights, optimizer state, epoch number,
     * metrics so far), written atomically.
     */
    public Trainer withCheckpoints(Path dir) {
        return new Trainer(config, Objects.requireNonNull(dir, "dir"), resume, stopRequested);
    }

    /**
     * This trainer, continuing from the checkpoint in the {@link #withCheckpoints} directory: with the same data,
     * seed and thread count it ends with the same weights and metrics as an uninterrupted run.
     */
    public Trainer resuming() {
        if (checkpointDir == null) {
            throw new IllegalStateException("resuming needs a checkpoint directory (withCheckpoints)");
        }
        return new Trainer(config, checkpointDir, true, stopRequested);
    }

    /** The configuration this trainer uses. */
    public TrainingConfig config() {
        return config;
    }

    /**
     * The trained model and how training went. The caller owns (and closes) the model; save it with
     * {@code ModelDirectory.save}.
     */
    public record Result(Autoencoder model, TrainingHistory history) {}

    /**
     * Builds the network for {@code spec} and trains it on {@code train}, evaluating on {@code test} after each epoch.
     *
     * @throws TrainingDivergedException when the loss becomes NaN or infinite
     * @throws IOException when a listener fails to write its output
     */
    public Result fit(NetworkSpec spec, Rows train, Rows test, List<? extends TrainingListener> listeners)
            throws IOException {
        if (train.width() != spec.inputSize() || test.width() != spec.inputSize()) {
            throw new IllegalArgumentException(
                    "the network takes " + spec.inputSize() + " values per row, but the data has " + train.width()
                            + " (train) and " + test.width() + " (test)");
        }
        if (train.count() == 0) {
            throw new IllegalArgumentException("the training set is empty");
        }
        Holdout holdout = Holdout.of(train, config.validationSplit(), config.seed());
        Checkpoint start = resume ? Checkpoint.load(checkpointDir) : null;
        TfAutoencoder model = TfAutoencoder.forTraining(
                spec, config.objective(), config.seed(), config.threads(), config.precision(), config.device());
        try {
            if (start != null) {
                model.restoreCheckpoint(checkpointDir.resolve(Checkpoint.PREFIX));
            }
            TrainingHistory history = run(model, holdout, test, listeners, start);
            return new Result(model, history);
        } catch (IOException | RuntimeException e) {
            model.close();
            throw e;
        }
    }

    private TrainingHistory run(
            TfAutoencoder model,
            Holdout holdout,
            Rows test,
            List<? extends TrainingListener> listeners,
            Checkpoint start)
            throws IOException {
        Rows train = holdout.train();
        List<EpochStats> epochs = new ArrayList<>(start == null ? List.of() : start.epochs());
        TrainingPlan plan = new TrainingPlan(config.epochs(), train.count(), test.count(), config.batchSize(), epochs);
        for (TrainingListener listener : listeners) {
            listener.onTrainingBegin(plan);
        }
        Monitor monitor = new Monitor(config.earlyStopping());
        if (start != null) {
            monitor.restore(start.monitor());
        }
        long runStart = System.nanoTime();
        try (BatchGatherer batches = new BatchGatherer(train, config.batchSize())) {
            for (int epoch = epochs.size() + 1; epoch <= config.epochs() && !monitor.shouldStop(); epoch++) {
                EpochStats stats = epoch(model, epoch, holdout, test, listeners, batches);
                LOG.debug("epoch {}: {}", epoch, stats);
                epochs.add(stats);
                monitor.observe(stats, model);
                for (TrainingListener listener : listeners) {
                    listener.onEpochEnd(stats, model);
                }
                // last, so that a checkpoint means every listener has seen its epoch (metrics written, model saved)
                if (checkpointDir != null) {
                    Checkpoint.save(checkpointDir, model, epoch, epochs, monitor.state());
                }
            }
            monitor.restoreBest(model);
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
        int lastEpoch = epochs.isEmpty() ? 0 : epochs.get(epochs.size() - 1).epoch();
        int finalEpoch = config.earlyStopping() != null && monitor.bestEpoch() > 0 ? monitor.bestEpoch() : lastEpoch;
        TrainingHistory history =
                new TrainingHistory(epochs, (System.nanoTime() - runStart) / 1e9, finalEpoch, monitor.stoppedEarly());
        for (TrainingListener listener : listeners) {
            listener.onTrainingEnd(history, true);
        }
        return history;
    }

    private EpochStats epoch(
            TfAutoencoder model,
            int epoch,
            Holdout holdout,
            Rows test,
            List<? extends TrainingListener> listeners,
            BatchGatherer batches) {
        Rows train = holdout.train();
        long start = System.nanoTime();
        batches.start(epochOrder(train.count(), epoch));
        double lossSum = 0;
        int step = 0;
        while (batches.hasNext()) {
            if (stopRequested.getAsBoolean()) {
                throw new TrainingInterruptedException(epoch - 1);
            }
            PausePoints.reach("train-step");
            BatchGatherer.Batch batch = batches.nextBatch();
            step++;
            float loss = model.trainStep(batch.values(), batch.rows(), (long) epoch << 32 | step);
            if (!Float.isFinite(loss)) {
                throw new TrainingDivergedException(epoch, step, loss);
            }
            lossSum += (double) loss * batch.rows();
            for (TrainingListener listener : listeners) {
                listener.onBatchEnd(epoch, step, batch.rows(), loss);
            }
        }
        Rows validation = holdout.validation();
        double validationLoss =
                validation == null ? Double.NaN : model.meanLoss(validation.values(), validation.count());
        double testLoss = test.count() == 0 ? Double.NaN : model.meanLoss(test.values(), test.count());
        // a step's loss is that of the weights before its update, so the last update's damage shows only here
        if (validation != null && !Double.isFinite(validationLoss)) {
            throw new TrainingDivergedException(epoch, "validation", validationLoss);
        }
        if (test.count() > 0 && !Double.isFinite(testLoss)) {
            throw new TrainingDivergedException(epoch, "test", testLoss);
        }
        ElboTerms terms =
                model.spec().variational() && test.count() > 0 ? model.elbo(test.values(), test.count()) : null;
        return new EpochStats(
                epoch, lossSum / train.count(), validationLoss, testLoss, (System.nanoTime() - start) / 1e9, terms);
    }

    /** The order of the rows in {@code epoch}: a shuffle seeded by the seed and the epoch alone, so runs can resume. */
    int[] epochOrder(int rows, int epoch) {
        int[] order = new int[rows];
        for (int i = 0; i < rows; i++) {
            order[i] = i;
        }
        shuffle(order, new Random(config.seed() * 0x9E3779B97F4A7C15L + epoch));
        return order;
    }

    /** Fisher-Yates shuffle, deterministic for a given generator state. */
    static void shuffle(int[] order, Random random) {
        for (int i = order.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
    }
}
