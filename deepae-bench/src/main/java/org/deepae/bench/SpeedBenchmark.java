package org.deepae.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.deepae.data.Rows;
import org.deepae.model.Autoencoder;
import org.deepae.model.DenseSpec;
import org.deepae.model.MatrixProduct;
import org.deepae.model.Objective;
import org.deepae.model.OptimizerSpec;
import org.deepae.model.Precision;
import org.deepae.tf.TfAutoencoder;
import org.deepae.train.EpochStats;
import org.deepae.train.Trainer;
import org.deepae.train.TrainingConfig;
import org.deepae.train.TrainingListener;
import org.deepae.train.TrainingPlan;

/**
 * Measures, in one process on synthetic data of the tutorial's shapes: the machine's matrix-product rate at the
 * model's shapes (the bound), the training loop's throughput over a full epoch after warm-up epochs, the optimizer's
 * update on its own (from which an estimated ceiling of the training ratio follows), the same training step with SGD's
 * one-pass update instead of Adam's, inference throughput at batch 1,000, the time from JVM start to the first
 * training step, and peak resident memory.
 *
 * <p>FLOPs count only matrix products, {@code 2 m k n} each, and only those the training step runs: every layer's
 * forward product and weight gradient, and the input gradient of every layer but the first (TensorFlow does not compute
 * the gradient with respect to the input data).
 */
public final class SpeedBenchmark {

    /**
     * The settings of a run.
     *
     * @param warmUpSteps training steps before the measured epoch, rounded up to whole epochs (at least one)
     */
    public record Settings(
            DenseSpec spec,
            int batchSize,
            int trainRows,
            int inferenceRows,
            int threads,
            Precision precision,
            double matmulSeconds,
            int warmUpSteps) {}

    /**
     * Training steps before the measured epoch by default. The JIT compiler works on the session-call path through the
     * first 800-900 steps and takes a core from TensorFlow meanwhile: on the reference machine those steps took 3.5-3.7
     * ms against 3.3-3.4 after them, and the second epoch of 400 steps was 3-6% slower than the third.
     */
    public static final int DEFAULT_WARM_UP_STEPS = 1000;

    /** One measured rate: work done per second and its ratio to the matrix-product bound. */
    public record Throughput(double imagesPerSecond, double gflops, double boundGflops) {
        public double ratio() {
            return gflops / boundGflops;
        }
    }

    /**
     * Everything measured.
     *
     * @param warmUpEpochs the epochs trained before the measured one
     * @param boundDrift how much the training bound measured after the runs differs from the one measured before them
     *     (0.05: 5% faster afterwards); the bounds of the throughputs are the means of both
     * @param step where a training step's time goes
     */
    public record Report(
            Throughput training,
            Throughput encode,
            Throughput reconstruct,
            double secondsToFirstStep,
            long peakResidentBytes,
            double epochSeconds,
            int warmUpEpochs,
            double trainingFlopsPerImage,
            double boundDrift,
            StepTimes step) {}

    /**
     * Where a training step's time goes.
     *
     * @param seconds the measured step: the training epoch over its steps
     * @param productSeconds the step's matrix products at the bound (for the epoch's mean batch)
     * @param update the optimizer's update measured alone
     * @param sgdSeconds the same step with SGD's update (one pass over the weights) in place of Adam's, measured over a
     *     full epoch after one warm-up epoch: an Adam update reads and writes more than SGD's, so no Adam kernel could
     *     make the step faster than this
     */
    public record StepTimes(double seconds, double productSeconds, UpdateBenchmark.Times update, double sgdSeconds) {

        /** What is left of the step besides the products at the bound and the update spread over the threads. */
        public double restSeconds() {
            return seconds - productSeconds - update.spread();
        }

        /**
         * An estimate of the highest training ratio that a step made of these kernels can reach here: the products at
         * the
         * bound, the update spread evenly over the threads and adding its time to theirs (a core runs one kernel at a
         * time), and nothing else.
         */
        public double ceiling() {
            return productSeconds / (productSeconds + update.spread());
        }

        /** The training ratio of the step with SGD's update: the most any faster Adam kernel could reach here. */
        public double sgdRatio() {
            return productSeconds / sgdSeconds;
        }
    }

    /** Rows per session call when encoding and reconstructing, as the model runs them. */
    static final int INFERENCE_BATCH = 1000;

    /** Small enough that plain gradient descent stays finite on the synthetic data. */
    private static final double SGD_LEARNING_RATE = 0.01;

    /** Epochs of SGD before its measured one: the JIT compiler is warm by then, from Adam's epochs. */
    private static final int SGD_WARM_UP_EPOCHS = 1;

    private final Settings settings;

    public SpeedBenchmark(Settings settings) {
        this.settings = settings;
    }

    /** Runs every measurement. */
    public Report run() throws IOException {
        DenseSpec spec = settings.spec();
        int d = spec.inputSize();
        double firstStep;
        // one batch only: the time to the first step is the tool's start-up, not the making of the synthetic data set
        Rows first = synthetic(Math.min(settings.batchSize(), settings.trainRows()), d, 1);
        try (TfAutoencoder model = TfAutoencoder.forTraining(
                spec,
                Objective.of(TrainingConfig.tutorial().optimizer()),
                42,
                settings.threads(),
                settings.precision())) {
            model.trainStep(first.values(), first.count());
            firstStep = (System.currentTimeMillis()
                            - ManagementFactory.getRuntimeMXBean().getStartTime())
                    / 1e3;
        }
        Bounds before = bounds();
        Rows train = synthetic(settings.trainRows(), d, 1);
        int codeLayers = spec.codeLayerIndex() + 1;

        double flopsPerImage = trainingFlops(spec);
        int steps = new TrainingPlan(1, train.count(), 0, settings.batchSize()).stepsPerEpoch();
        int warmUpEpochs = warmUpEpochs(settings.warmUpSteps(), steps);
        TrainingConfig config = trainingConfig(TrainingConfig.tutorial().optimizer(), warmUpEpochs + 1);
        Rows tiny = synthetic(1, d, 2);
        List<EpochStats> epochs = new ArrayList<>();
        double[] encodeRate;
        double[] reconstructRate;
        long peakResident;
        try (Autoencoder model = new Trainer(config)
                .fit(spec, train, tiny, List.of(recorder(epochs)))
                .model()) {
            Rows rows = synthetic(settings.inferenceRows(), d, 3);
            encodeRate = inference(
                    () -> model.encode(rows.values(), rows.count()),
                    rows.count(),
                    flops(forwardProducts(spec, 1, codeLayers)));
            reconstructRate = inference(
                    () -> model.reconstruct(rows.values(), rows.count()),
                    rows.count(),
                    flops(forwardProducts(spec, 1, spec.denseLayerCount())));
            // the memory of training and inference, before the second measurement of the bounds adds its own
            peakResident = peakResidentBytes();
        }
        double epochSeconds = epochs.get(warmUpEpochs).seconds();
        List<EpochStats> sgdEpochs = new ArrayList<>();
        // only the epochs' times are wanted: the model is closed at once (fit closes it itself when it fails)
        new Trainer(trainingConfig(new OptimizerSpec.Sgd(SGD_LEARNING_RATE), SGD_WARM_UP_EPOCHS + 1))
                .fit(spec, train, tiny, List.of(recorder(sgdEpochs)))
                .model()
                .close();
        UpdateBenchmark.Times update =
                UpdateBenchmark.measure(spec, config.optimizer(), settings.threads(), settings.matmulSeconds() / 2);
        // measured again at the end: on a shared machine the speed can move during the run, and the ratios then use the
        // mean of both measurements; the report says by how much it moved
        Bounds after = bounds();
        double imagesPerSecond = train.count() / epochSeconds;
        Throughput training = new Throughput(
                imagesPerSecond, imagesPerSecond * flopsPerImage / 1e9, (before.training() + after.training()) / 2);
        Throughput encode = new Throughput(encodeRate[0], encodeRate[1], (before.encode() + after.encode()) / 2);
        Throughput reconstruct = new Throughput(
                reconstructRate[0], reconstructRate[1], (before.reconstruct() + after.reconstruct()) / 2);
        StepTimes step = new StepTimes(
                epochSeconds / steps,
                flopsPerImage * train.count() / steps / (training.boundGflops() * 1e9),
                update,
                sgdEpochs.get(SGD_WARM_UP_EPOCHS).seconds() / steps);
        return new Report(
                training,
                encode,
                reconstruct,
                firstStep,
                peakResident,
                epochSeconds,
                warmUpEpochs,
                flopsPerImage,
                after.training() / before.training() - 1,
                step);
    }

    /** The whole epochs that hold at least {@code warmUpSteps} steps of {@code stepsPerEpoch}, and at least one. */
    static int warmUpEpochs(int warmUpSteps, int stepsPerEpoch) {
        return Math.max(1, (warmUpSteps + stepsPerEpoch - 1) / stepsPerEpoch);
    }

    private TrainingConfig trainingConfig(OptimizerSpec optimizer, int epochs) {
        return TrainingConfig.builder()
                .epochs(epochs)
                .batchSize(settings.batchSize())
                .seed(42)
                .threads(settings.threads())
                .optimizer(optimizer)
                .precision(settings.precision())
                .build();
    }

    private static TrainingListener recorder(List<EpochStats> epochs) {
        return new TrainingListener() {
            @Override
            public void onEpochEnd(EpochStats stats) {
                epochs.add(stats);
            }
        };
    }

    /** The matrix-product bounds, GFLOP/s, of a training step and of encoding and reconstructing. */
    private record Bounds(double training, double encode, double reconstruct) {}

    private Bounds bounds() {
        DenseSpec spec = settings.spec();
        return new Bounds(
                bound(trainingProducts(spec, settings.batchSize())),
                bound(forwardProducts(spec, INFERENCE_BATCH, spec.codeLayerIndex() + 1)),
                bound(forwardProducts(spec, INFERENCE_BATCH, spec.denseLayerCount())));
    }

    private double bound(List<MatrixProduct> products) {
        return MatMulBenchmark.measure(products, settings.threads(), settings.precision(), settings.matmulSeconds() / 2)
                .gflops();
    }

    /** Images per second and GFLOP/s of repeated passes over the rows, after one warm-up pass. */
    static double[] inference(Runnable pass, int rows, double flopsPerImage) {
        pass.run();
        long start = System.nanoTime();
        int passes = 0;
        while (passes < 3 || System.nanoTime() - start < 2_000_000_000L) {
            pass.run();
            passes++;
        }
        double perSecond = (double) rows * passes / ((System.nanoTime() - start) / 1e9);
        return new double[] {perSecond, perSecond * flopsPerImage / 1e9};
    }

    /** The products of one training step at batch {@code b}. */
    static List<MatrixProduct> trainingProducts(DenseSpec spec, int b) {
        List<Integer> sizes = spec.layerSizes();
        List<MatrixProduct> products = new ArrayList<>(forwardProducts(spec, b, spec.denseLayerCount()));
        for (int i = 0; i < spec.denseLayerCount(); i++) {
            int in = sizes.get(i);
            int out = sizes.get(i + 1);
            products.add(new MatrixProduct(in, b, out, true, false));
            if (i > 0) {
                products.add(new MatrixProduct(b, out, in, false, true));
            }
        }
        return products;
    }

    private static List<MatrixProduct> forwardProducts(DenseSpec spec, int b, int layers) {
        List<Integer> sizes = spec.layerSizes();
        List<MatrixProduct> products = new ArrayList<>();
        for (int i = 0; i < layers; i++) {
            products.add(MatrixProduct.of(b, sizes.get(i), sizes.get(i + 1)));
        }
        return products;
    }

    /** Matrix-product FLOPs of one training step per image. */
    static double trainingFlops(DenseSpec spec) {
        return flops(trainingProducts(spec, 1));
    }

    private static double flops(List<MatrixProduct> products) {
        return products.stream().mapToDouble(MatrixProduct::flops).sum();
    }

    /** Uniform random pixels in [0, 1), seeded. */
    static Rows synthetic(int rows, int width, long seed) {
        Random random = new Random(seed);
        float[] pixels = new float[rows * width];
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = random.nextFloat();
        }
        return new Rows(pixels, rows, width, null, "synthetic rows");
    }

    /** The process's peak resident set size ({@code VmHWM}), or -1 where {@code /proc} does not tell. */
    static long peakResidentBytes() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
                }
            }
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
        return -1;
    }
}
