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
 * rate 0.01, no weight decay, no noise, no validation split, no early stopping; {@link #builder()} starts from them
 * and {@link #toBuilder()} from any configuration.
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

    /** The tutorial's training: 5 epochs, batches of 150, Adam with learning rate 0.01. */
    public static TrainingConfig tutorial() {
        return builder().build();
    }

    /**
     * A builder that starts from the tutorial's values: 5 epochs of batches of 150, seed {@value #DEFAULT_SEED}, one
     * thread per core, Adam at 0.01, no weight decay, noise, validation split or early stopping, float32, TensorFlow's
     * own device placement.
     */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder that starts from this configuration's values. */
    public Builder toBuilder() {
        return new Builder()
                .epochs(epochs)
                .batchSize(batchSize)
                .seed(seed)
                .threads(threads)
                .optimizer(optimizer)
                .weightDecay(weightDecay)
                .noise(noise)
                .validationSplit(validationSplit)
                .earlyStopping(earlyStopping)
                .precision(precision)
                .device(device);
    }

    /** What the graph minimizes. */
    public Objective objective() {
        return new Objective(optimizer, weightDecay, noise);
    }

    /** Builds a {@link TrainingConfig}; {@link #build()} checks the values as the record's constructor does. */
    public static final class Builder {
        private int epochs = 5;
        private int batchSize = 150;
        private long seed = DEFAULT_SEED;
        private int threads = 0;
        private OptimizerSpec optimizer = AdamSpec.tutorial();
        private double weightDecay = 0;
        private Noise noise = new Noise.None();
        private double validationSplit = 0;
        private EarlyStopping earlyStopping;
        private Precision precision = Precision.FP32;
        private Device device = Device.AUTO;

        private Builder() {}

        /** Passes over the training set (the most, with early stopping). */
        public Builder epochs(int epochs) {
            this.epochs = epochs;
            return this;
        }

        /** Rows per step. */
        public Builder batchSize(int batchSize) {
            this.batchSize = batchSize;
            return this;
        }

        /** Seeds weight initialization, shuffling, the validation split and noise. */
        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /** Threads TensorFlow runs ops on; 0 means one per core. */
        public Builder threads(int threads) {
            this.threads = threads;
            return this;
        }

        /** The optimizer. */
        public Builder optimizer(OptimizerSpec optimizer) {
            this.optimizer = optimizer;
            return this;
        }

        /** L2 penalty on the weights, 0 for none. */
        public Builder weightDecay(double weightDecay) {
            this.weightDecay = weightDecay;
            return this;
        }

        /** Input noise for a denoising autoencoder. */
        public Builder noise(Noise noise) {
            this.noise = noise;
            return this;
        }

        /** Fraction of the training rows held out for validation, in [0, 1). */
        public Builder validationSplit(double validationSplit) {
            this.validationSplit = validationSplit;
            return this;
        }

        /** When to stop early, or {@code null} to run every epoch. */
        public Builder earlyStopping(EarlyStopping earlyStopping) {
            this.earlyStopping = earlyStopping;
            return this;
        }

        /** The arithmetic of the matrix products. */
        public Builder precision(Precision precision) {
            this.precision = precision;
            return this;
        }

        /** Where the graph runs. */
        public Builder device(Device device) {
            this.device = device;
            return this;
        }

        /** The configuration, checked. */
        public TrainingConfig build() {
            return new TrainingConfig(
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
                    device);
        }
    }
}
