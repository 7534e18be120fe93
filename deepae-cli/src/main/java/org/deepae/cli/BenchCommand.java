package org.deepae.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.deepae.bench.ConvBenchmark;
import org.deepae.bench.SpeedBenchmark;
import org.deepae.bench.UpdateBenchmark;
import org.deepae.model.ConvSpec;
import org.deepae.model.DenseSpec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** {@code deepae bench}: training and inference speed against the machine's matrix-product rate. */
@Command(
        name = "bench",
        description = {
            "Measure the tutorial network's training and inference speed on synthetic data against this "
                    + "machine's TensorFlow matrix-product rate at the same shapes, where a training step's time "
                    + "goes (Adam's "
                    + "update alone, and the same step with SGD's one-pass update), the time from JVM start to "
                    + "the first training "
                    + "step, and peak memory. No disk I/O is timed."
        })
final class BenchCommand implements Callable<Integer> {

    /** A change of the matrix-product rate during the run, as a fraction, above which the output says so. */
    private static final double DRIFT_WARNING = 0.05;

    @Option(
            names = "--rows",
            paramLabel = "N",
            defaultValue = "60000",
            description = "Training images per epoch (default: ${DEFAULT-VALUE}, one MNIST epoch).")
    int rows;

    @Option(
            names = "--batch-size",
            paramLabel = "N",
            defaultValue = "150",
            description = "Training batch size (default: ${DEFAULT-VALUE}).")
    int batchSize;

    @Option(
            names = "--warm-up-steps",
            paramLabel = "N",
            defaultValue = "" + SpeedBenchmark.DEFAULT_WARM_UP_STEPS,
            description =
                    "Training steps before the measured epoch, rounded up to whole epochs, at least one (default: "
                            + "${DEFAULT-VALUE}; the JIT compiler works on the training loop through the first "
                            + "800-900 steps).")
    int warmUpSteps;

    @Option(
            names = "--matmul-seconds",
            paramLabel = "S",
            defaultValue = "3",
            description = "How long to measure each matrix-product rate, half before the runs and half after them "
                    + "(default: ${DEFAULT-VALUE}).")
    double matmulSeconds;

    @Option(
            names = "--arch",
            paramLabel = "dense|conv",
            defaultValue = "dense",
            description = "dense: the tutorial's network; conv: the convolutional autoencoder of the README (28x28, "
                    + "filters 32,64, kernel 3, code 32), against this machine's rate for the same convolutions "
                    + "(default: ${DEFAULT-VALUE}).")
    String arch;

    @Mixin
    ThreadsOption threads;

    @Mixin
    PrecisionOption precision;

    @Mixin
    JsonOption json;

    @Mixin
    CommandContext context;

    @Override
    public Integer call() throws IOException {
        if (rows < batchSize || batchSize <= 0) {
            throw new ParameterException(
                    context.commandLine(), "--rows must be at least --batch-size, and both positive");
        }
        if (warmUpSteps < 0) {
            throw new ParameterException(
                    context.commandLine(), "--warm-up-steps must be 0 or more, got " + warmUpSteps);
        }
        if (!(matmulSeconds > 0)) {
            throw new ParameterException(
                    context.commandLine(), "--matmul-seconds must be positive, got " + matmulSeconds);
        }
        if (arch.equals("conv")) {
            return convolutional();
        }
        if (!arch.equals("dense")) {
            throw new ParameterException(context.commandLine(), "--arch must be dense or conv, got '" + arch + "'");
        }
        DenseSpec network = DenseSpec.tutorial(784);
        PrintWriter err = context.commandLine().getErr();
        err.println("Benchmarking 784-392-196-392-784 (batch " + batchSize + ", " + rows
                + " synthetic images per epoch); this takes about a minute");
        err.flush();
        SpeedBenchmark.Report r = new SpeedBenchmark(new SpeedBenchmark.Settings(
                        network, batchSize, rows, rows, threads.get(), precision.get(), matmulSeconds, warmUpSteps))
                .run();
        PrintWriter out = context.commandLine().getOut();
        if (json.isEnabled()) {
            JsonOption.print(out, toJson(r));
        } else {
            table(out, r.training(), r.encode(), r.reconstruct());
            out.println(String.format(
                    Locale.ROOT,
                    "training epoch of %d images (after %d warm-up epoch%s): %.2f s; %.2f "
                            + "MFLOP per image per step",
                    rows,
                    r.warmUpEpochs(),
                    r.warmUpEpochs() == 1 ? "" : "s",
                    r.epochSeconds(),
                    r.trainingFlopsPerImage() / 1e6));
            SpeedBenchmark.StepTimes step = r.step();
            UpdateBenchmark.Times update = step.update();
            out.println(String.format(
                    Locale.ROOT,
                    "training step: %.2f ms = %.2f ms of products at the bound + %.2f ms of "
                            + "Adam update (its work spread over %d threads) + %.2f ms of the rest",
                    1e3 * step.seconds(),
                    1e3 * step.productSeconds(),
                    1e3 * update.spread(),
                    update.threads(),
                    1e3 * step.restSeconds()));
            out.println(String.format(
                    Locale.ROOT,
                    "Adam update alone: %.2f ms on one thread, %.2f ms on %d as training runs it",
                    1e3 * update.oneThread(),
                    1e3 * update.allThreads(),
                    update.threads()));
            out.println(String.format(
                    Locale.ROOT,
                    "estimated ceiling of the training ratio: %.2f (products at the bound and "
                            + "the update spread evenly, nothing else)",
                    step.ceiling()));
            out.println(String.format(
                    Locale.ROOT,
                    "the same step with SGD's one-pass update instead of Adam's: %.2f ms, "
                            + "ratio %.2f (the most a faster Adam kernel could reach, the rest of the step unchanged)",
                    1e3 * step.sgdSeconds(),
                    step.sgdRatio()));
            out.println(String.format(Locale.ROOT, "JVM start to first training step: %.2f s", r.secondsToFirstStep()));
            drift(out, "matrix-product rate", r.boundDrift());
            out.println(
                    r.peakResidentBytes() < 0
                            ? "peak resident memory: unknown"
                            : String.format(Locale.ROOT, "peak resident memory: %.2f GB", r.peakResidentBytes() / 1e9));
        }
        out.flush();
        return 0;
    }

    /** {@code --arch conv}: the convolutional step and inference against the convolution rate. */
    private int convolutional() throws IOException {
        ConvSpec network = ConvBenchmark.defaultSpec();
        PrintWriter err = context.commandLine().getErr();
        err.println("Benchmarking " + network.describe() + " (batch " + batchSize + ", " + rows
                + " synthetic images per epoch); this takes about a minute");
        err.flush();
        ConvBenchmark.Report r = new ConvBenchmark(
                        new ConvBenchmark.Settings(network, batchSize, rows, threads.get(), matmulSeconds, warmUpSteps))
                .run();
        PrintWriter out = context.commandLine().getOut();
        if (json.isEnabled()) {
            ObjectNode root = Json.mapper().createObjectNode();
            root.put("network", network.describe());
            root.put("batch_size", batchSize);
            root.put("rows", rows);
            root.put("training_flops_per_image", r.trainingFlopsPerImage());
            ObjectNode training = root.putObject("training");
            put(training, r.training());
            training.put("epoch_seconds", r.epochSeconds());
            training.put("warm_up_epochs", r.warmUpEpochs());
            put(root.putObject("encode"), r.encode());
            put(root.putObject("reconstruct"), r.reconstruct());
            root.put("bound_drift", r.boundDrift());
            JsonOption.print(out, root);
        } else {
            table(out, r.training(), r.encode(), r.reconstruct());
            out.println(String.format(
                    Locale.ROOT,
                    "training epoch of %d images (after %d warm-up epoch%s): %.2f s; %.2f MFLOP per image per step "
                            + "(convolutions and the code's products)",
                    rows,
                    r.warmUpEpochs(),
                    r.warmUpEpochs() == 1 ? "" : "s",
                    r.epochSeconds(),
                    r.trainingFlopsPerImage() / 1e6));
            drift(out, "convolution rate", r.boundDrift());
        }
        out.flush();
        return 0;
    }

    private void table(
            PrintWriter out,
            SpeedBenchmark.Throughput training,
            SpeedBenchmark.Throughput encode,
            SpeedBenchmark.Throughput reconstruct) {
        out.println(
                String.format(Locale.ROOT, "%-34s %12s %10s %10s %7s", "", "images/s", "GFLOP/s", "bound", "ratio"));
        line(out, "training (Adam, batch " + batchSize + ")", training);
        line(out, "inference: encode (batch 1000)", encode);
        line(out, "inference: reconstruct (batch 1000)", reconstruct);
    }

    private static void drift(PrintWriter out, String rate, double drift) {
        out.println(String.format(
                Locale.ROOT,
                "%s after the runs against before: %+.1f%%%s",
                rate,
                100 * drift,
                Math.abs(drift) > DRIFT_WARNING
                        ? " (the machine's speed moved during the run; the bounds are the means of both)"
                        : ""));
    }

    private static void line(PrintWriter out, String name, SpeedBenchmark.Throughput t) {
        out.println(String.format(
                Locale.ROOT,
                "%-34s %12.0f %10.1f %10.1f %7.2f",
                name,
                t.imagesPerSecond(),
                t.gflops(),
                t.boundGflops(),
                t.ratio()));
    }

    private ObjectNode toJson(SpeedBenchmark.Report r) {
        ObjectNode root = Json.mapper().createObjectNode();
        root.put("network", "784-392-196-392-784");
        root.put("batch_size", batchSize);
        root.put("precision", precision.get().id());
        root.put("rows", rows);
        SpeedBenchmark.StepTimes step = r.step();
        root.put("threads", step.update().threads());
        root.put("training_flops_per_image", r.trainingFlopsPerImage());
        ObjectNode training = root.putObject("training");
        put(training, r.training());
        training.put("epoch_seconds", r.epochSeconds());
        training.put("warm_up_epochs", r.warmUpEpochs());
        training.put("step_seconds", step.seconds());
        training.put("step_product_seconds_at_bound", step.productSeconds());
        training.put("update_seconds_one_thread", step.update().oneThread());
        training.put("update_seconds_all_threads", step.update().allThreads());
        training.put("update_seconds_spread", step.update().spread());
        training.put("step_rest_seconds", step.restSeconds());
        training.put("ceiling_ratio", step.ceiling());
        training.put("sgd_step_seconds", step.sgdSeconds());
        training.put("sgd_ratio", step.sgdRatio());
        put(root.putObject("encode"), r.encode());
        put(root.putObject("reconstruct"), r.reconstruct());
        root.put("seconds_to_first_training_step", r.secondsToFirstStep());
        root.put("bound_drift", r.boundDrift());
        root.put("peak_resident_bytes", r.peakResidentBytes());
        return root;
    }

    private static void put(ObjectNode node, SpeedBenchmark.Throughput t) {
        node.put("images_per_second", t.imagesPerSecond());
        node.put("gflops", t.gflops());
        node.put("bound_gflops", t.boundGflops());
        node.put("ratio", t.ratio());
    }
}
