package org.deepae.train;

import java.util.Objects;
import org.deepae.model.AdamSpec;
import org.deepae.model.Device;
import org.deepae.model.Noise;
import org.deepae.model.Objective;
import org.deepae.model.OptimizerSpec;
import org.deepae.model.Precision;
import org.deepae.tf.TfAutoencoder;

/**
 * How to train. {@link #tutorial()} gives the tutorial's values: 5 epochs of batches of 150 with Adam at learning
 * rate 0.01, no weight decay, no noise, no validation split, no early stopping.
 *
 * @param epochs passes over the training set (the most, with early stopping), positive
 * @param batchSize rows per step, positive
 * @param seed seeds weight initialization, shuffling, the validation split and noise
 * @param threads threads TensorFlow runs ops on (towers, lanes); 0 means one per core
 * @param optimizer the optimizer
 * @param weightDecay L2 penalty on the weights, 0 for none
 * @param noise input noise for a denoising autoencoder
 * @param validationSplit fraction of the training rows held out for validation, in [0, 1)
 * @param earlyStopping when to stop early, or {@code null} to run every epoch
 * @param precision the arithmetic of the matrix products
 * @param device where the graph runs
 */
public record TrainingConfig(
        int epochs,
        int batchSize,
        long seed,
        int threads,
        OptimizerSpec optimizer,
        double weightDecay,
        Noise noise,
        double validationSplit,
        EarlyStopping earlyStopping,
        Precision precision,
        Device device) {

    /** The default seed. */
    public static final long DEFAULT_SEED = 42;

    public TrainingConfig {
        if (epochs <= 0) {
            throw new IllegalArgumentException("epochs must be positive, got " + epochs);
        }
        if (batchSize <= 0) {
            throw new IllegalArgumentException("batch size must be positive, got " + batchSize);
        }
        if (threads < 0 || threads > TfAutoencoder.MAX_THREADS) {
            throw new IllegalArgumentException(
                    "threads must be 0 (all cores) or between 1 and " + TfAutoencoder.MAX_THREADS + ", got " + threads);
        }
        Objects.requireNonNull(optimizer, "optimizer");
        Objects.requireNonNull(noise, "noise");
        if (!(validationSplit >= 0 && validationSplit < 1)) {
            throw new IllegalArgumentException("validation split must be in [0, 1), got " + validationSplit);
        }
        new Objective(optimizer, weightDecay, noise); // validates the weight decay
        Objects.requireNonNull(precision, "precision");
        Objects.requireNonNull(device, "device");
    }

    /** A configuration on TensorFlow's own device placement. */
    public TrainingConfig(
            int epochs,
            int batchSize,
            long seed,
            int threads,
            OptimizerSpec optimizer,
            double weightDecay,
            Noise noise,
            double validationSplit,
            EarlyStopping earlyStopping,
            Precision precision) {
        this(
                epochs,
                batchSize,
                seed,
                threads,
                optimizer,
                weightDecay,
                noise,
                validationSplit,
                earlyStopping,
                precision,
                Device.AUTO);
    }

    /** A configuration in float32. */
    public TrainingConfig(
            int epochs,
            int batchSize,
            long seed,
            int threads,
            OptimizerSpec optimizer,
            double weightDecay,
            Noise noise,
            double validationSplit,
            EarlyStopping earlyStopping) {
        this(
                epochs,
                batchSize,
                seed,
                threads,
                optimizer,
                weightDecay,
                noise,
                validationSplit,
                earlyStopping,
                Precision.FP32);
    }

    /** Plain training: no weight decay, noise, validation split or early stopping. */
    public TrainingConfig(int epochs, int batchSize, long seed, int threads, OptimizerSpec optimizer) {
        this(epochs, batchSize, seed, threads, optimizer, 0, new Noise.None(), 0, null);
    }

    /** The tutorial's training: 5 epochs, batches of 150, Adam with learning rate 0.01. */
    public static TrainingConfig tutorial() {
        return new TrainingConfig(5, 150, DEFAULT_SEED, 0, AdamSpec.tutorial());
    }

    /** What the graph minimizes. */
    public Objective objective() {
        return new Objective(optimizer, weightDecay, noise);
    }
}
