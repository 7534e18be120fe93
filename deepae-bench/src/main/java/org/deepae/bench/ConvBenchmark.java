package org.deepae.bench;

import java.util.ArrayList;
import java.util.List;
import org.deepae.data.ImageShape;
import org.deepae.data.Rows;
import org.deepae.model.Activation;
import org.deepae.model.Autoencoder;
import org.deepae.model.ConvSpec;
import org.deepae.model.Convolution;
import org.deepae.model.Initializer;
import org.deepae.model.Loss;
import org.deepae.model.MatrixProduct;
import org.deepae.tf.Kernel;
import org.deepae.tf.Kernels;
import org.deepae.train.EpochStats;
import org.deepae.train.Trainer;
import org.deepae.train.TrainingConfig;
import org.deepae.train.TrainingListener;
import org.deepae.train.TrainingPlan;

/**
 * {@code bench --arch conv}: a convolutional autoencoder's training and inference throughput on synthetic images,
 * against this machine's rate for the same convolutions and products, each measured on its own as
 * {@link MatMulBenchmark} measures products (copies side by side, every thread busy), before and after the runs.
 *
 * <p>FLOPs count the convolutions ({@code 2} per multiply-add of each window) and the dense code's products that a
 * step runs: every convolution, transposed convolution and product forward, its filter or weight gradient, and the
 * gradient with respect to its input except the first convolution's.
 */
public final class ConvBenchmark {

    /**
     * The settings of a run.
     *
     * @param boundSeconds how long to measure each bound, half before the runs and half after
     * @param warmUpSteps training steps before the measured epoch, rounded up to whole epochs (at least one)
     */
    public record Settings(
            ConvSpec spec, int batchSize, int trainRows, int threads, double boundSeconds, int warmUpSteps) {}

    /**
     * Everything measured.
     *
     * @param boundDrift how much the training bound measured after the runs differs from the one before them
     */
    public record Report(
            SpeedBenchmark.Throughput training,
            SpeedBenchmark.Throughput encode,
            SpeedBenchmark.Throughput reconstruct,
            double epochSeconds,
            int warmUpEpochs,
            double trainingFlopsPerImage,
            double boundDrift) {}

    /** FLOPs per thread in one measuring call: about two milliseconds of work. */
    private static final double WORK_PER_CALL = 2e8;

    /**
     * The convolutional network {@code bench --arch conv} measures: {@code train --arch conv --code-size 32}'s on
     * 28 x 28 images (linear code, sigmoid output), as the README measures it on Fashion-MNIST.
     */
    public static ConvSpec defaultSpec() {
        return new ConvSpec(
                ImageShape.gray(28, 28),
                ConvSpec.DEFAULT_FILTERS,
                ConvSpec.DEFAULT_KERNEL,
                32,
                Activation.RELU,
                Activation.LINEAR,
                Activation.SIGMOID,
                Loss.MSE,
                Initializer.VARIANCE_SCALING);
    }

    private final Settings settings;

    public ConvBenchmark(Settings settings) {
        this.settings = settings;
    }

    /** Runs every measurement. */
    public Report run() throws java.io.IOException {
        ConvSpec spec = settings.spec();
        int b = settings.batchSize();
        double[] before = bounds();
        Rows train = SpeedBenchmark.synthetic(settings.trainRows(), spec.inputSize(), 1);
        int steps = new TrainingPlan(1, train.count(), 0, b).stepsPerEpoch();
        int warmUpEpochs = SpeedBenchmark.warmUpEpochs(settings.warmUpSteps(), steps);
        TrainingConfig config = TrainingConfig.builder()
                .epochs(warmUpEpochs + 1)
                .batchSize(b)
                .seed(42)
                .threads(settings.threads())
                .build();
        List<EpochStats> epochs = new ArrayList<>();
        TrainingListener recorder = new TrainingListener() {
            @Override
            public void onEpochEnd(EpochStats stats) {
                epochs.add(stats);
            }
        };
        double[] encode;
        double[] reconstruct;
        try (Autoencoder model = new Trainer(config)
                .fit(spec, train, SpeedBenchmark.synthetic(1, spec.inputSize(), 2), List.of(recorder))
                .model()) {
            Rows rows = SpeedBenchmark.synthetic(Math.min(settings.trainRows(), 10_000), spec.inputSize(), 3);
            encode = SpeedBenchmark.inference(
                    () -> model.encode(rows.values(), rows.count()), rows.count(), flops(forward(spec, 1, false)));
            reconstruct = SpeedBenchmark.inference(
                    () -> model.reconstruct(rows.values(), rows.count()), rows.count(), flops(forward(spec, 1, true)));
        }
        double[] after = bounds();
        double epochSeconds = epochs.get(warmUpEpochs).seconds();
        double perImage = flops(training(spec, 1));
        double imagesPerSecond = train.count() / epochSeconds;
        return new Report(
                new SpeedBenchmark.Throughput(
                        imagesPerSecond, imagesPerSecond * perImage / 1e9, (before[0] + after[0]) / 2),
                new SpeedBenchmark.Throughput(encode[0], encode[1], (before[1] + after[1]) / 2),
                new SpeedBenchmark.Throughput(reconstruct[0], reconstruct[1], (before[2] + after[2]) / 2),
                epochSeconds,
                warmUpEpochs,
                perImage,
                after[0] / before[0] - 1);
    }

    /** The bounds, GFLOP/s, of a training step, of encoding and of reconstructing (batch 1,000). */
    private double[] bounds() {
        ConvSpec spec = settings.spec();
        double seconds = settings.boundSeconds() / 6;
        return new double[] {
            rate(training(spec, settings.batchSize()), seconds),
            rate(forward(spec, SpeedBenchmark.INFERENCE_BATCH, false), seconds),
            rate(forward(spec, SpeedBenchmark.INFERENCE_BATCH, true), seconds)
        };
    }

    /** The ops of one step, or of one inference pass. */
    record Work(List<Convolution> convolutions, List<MatrixProduct> products) {}

    /** The convolutions and products of one training step at batch {@code b}. */
    static Work training(ConvSpec spec, int b) {
        List<Convolution> convolutions = new ArrayList<>();
        List<int[]> sizes = spec.featureSizes();
        int in = spec.image().channels();
        for (int i = 0; i < spec.filters().size(); i++) {
            int out = spec.filters().get(i);
            int[] size = sizes.get(i);
            // the encoder's convolution, its filter gradient and (but for the first) its input gradient
            convolutions.add(conv(Convolution.Kind.FORWARD, b, size, in, out, spec.kernel()));
            convolutions.add(conv(Convolution.Kind.FILTER_GRADIENT, b, size, in, out, spec.kernel()));
            if (i > 0) {
                convolutions.add(conv(Convolution.Kind.INPUT_GRADIENT, b, size, in, out, spec.kernel()));
            }
            // the decoder's transposed convolution of the same shape: forward, filter and input gradients
            convolutions.add(conv(Convolution.Kind.INPUT_GRADIENT, b, size, in, out, spec.kernel()));
            convolutions.add(conv(Convolution.Kind.FILTER_GRADIENT, b, size, in, out, spec.kernel()));
            convolutions.add(conv(Convolution.Kind.FORWARD, b, size, in, out, spec.kernel()));
            in = out;
        }
        List<MatrixProduct> products = new ArrayList<>();
        if (spec.hasDenseCode()) {
            int f = Math.toIntExact(spec.featureMapSize());
            int c = spec.codeSize();
            for (int[] layer : List.of(new int[] {f, c}, new int[] {c, f})) {
                products.add(MatrixProduct.of(b, layer[0], layer[1])); // forward
                products.add(new MatrixProduct(layer[0], b, layer[1], true, false)); // weight gradient
                products.add(new MatrixProduct(b, layer[1], layer[0], false, true)); // input gradient
            }
        }
        return new Work(convolutions, products);
    }

    /** The forward ops of encoding ({@code decoder} false) or reconstructing at batch {@code b}. */
    static Work forward(ConvSpec spec, int b, boolean decoder) {
        List<Convolution> convolutions = new ArrayList<>();
        List<int[]> sizes = spec.featureSizes();
        int in = spec.image().channels();
        for (int i = 0; i < spec.filters().size(); i++) {
            int out = spec.filters().get(i);
            convolutions.add(conv(Convolution.Kind.FORWARD, b, sizes.get(i), in, out, spec.kernel()));
            if (decoder) {
                convolutions.add(conv(Convolution.Kind.INPUT_GRADIENT, b, sizes.get(i), in, out, spec.kernel()));
            }
            in = out;
        }
        List<MatrixProduct> products = new ArrayList<>();
        if (spec.hasDenseCode()) {
            int f = Math.toIntExact(spec.featureMapSize());
            products.add(MatrixProduct.of(b, f, spec.codeSize()));
            if (decoder) {
                products.add(MatrixProduct.of(b, spec.codeSize(), f));
            }
        }
        return new Work(convolutions, products);
    }

    private static Convolution conv(Convolution.Kind kind, int b, int[] size, int in, int out, int kernel) {
        return new Convolution(kind, b, size[0], size[1], in, out, kernel);
    }

    static double flops(Work work) {
        double sum = 0;
        for (Convolution c : work.convolutions()) {
            sum += c.flops();
        }
        for (MatrixProduct p : work.products()) {
            sum += p.flops();
        }
        return sum;
    }

    /** GFLOP/s of all the work's ops, each measured on its own: their total work over the sum of their times. */
    private double rate(Work work, double seconds) {
        int ops = work.convolutions().size() + work.products().size();
        double time = 0;
        int lanes = Kernels.lanes(settings.threads());
        for (Convolution c : work.convolutions()) {
            int copies = lanes * (int) Math.max(1, Math.min(16, Math.round(WORK_PER_CALL / c.flops())));
            try (Kernel kernel = Kernels.convolution(c, copies, settings.threads())) {
                time += CallTimer.secondsPerCall(kernel, 3, seconds / ops) / copies;
            }
        }
        if (!work.products().isEmpty()) {
            MatMulBenchmark.Rate products = MatMulBenchmark.measure(
                    work.products(),
                    settings.threads(),
                    seconds * work.products().size() / ops);
            time += products.seconds();
        }
        return flops(work) / time / 1e9;
    }
}
