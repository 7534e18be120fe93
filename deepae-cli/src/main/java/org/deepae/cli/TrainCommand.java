package org.deepae.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.deepae.data.Dataset;
import org.deepae.data.TrainingData;
import org.deepae.model.Device;
import org.deepae.model.NetworkSpec;
import org.deepae.run.ModelInput;
import org.deepae.run.TrainingRun;
import org.deepae.tf.Devices;
import org.deepae.train.TrainingConfig;
import org.deepae.train.TrainingInterruptedException;
import org.deepae.train.TrainingListener;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** {@code deepae train}: trains an autoencoder (the tutorial's by default) and writes a run directory. */
@Command(
        name = "train",
        description = {
            "Train a deep autoencoder and write a run directory with reconstructions.png, metrics.json and model/.",
            "Defaults reproduce the tutorial: 784-392-196-392-784, ReLU everywhere, Adam (0.01), 5 epochs of 150."
        })
final class TrainCommand implements Callable<Integer> {

    /** The exit code after Ctrl-C, as shells report it (128 + SIGINT). */
    static final int INTERRUPTED = 130;

    /** Epochs for a table when --epochs is not given. */
    static final int TABLE_EPOCHS = 50;

    /** Rows per batch for a table when --batch-size is not given. */
    static final int TABLE_BATCH = 32;

    /** The fewest training rows a run can use: PCA, the report's baseline, needs two. */
    static final int MIN_TRAINING_ROWS = 2;

    @Option(
            names = "--dataset",
            paramLabel = "NAME|PATH",
            defaultValue = "mnist",
            description =
                    "mnist, mnist-sample, fashion-mnist, a directory with the four IDX files, or your own data: a "
                            + "CSV/TSV or Parquet table, an NPY array, an IDX image file, or a folder of PNG "
                            + "images (one subfolder per "
                            + "class gives labels) (default: ${DEFAULT-VALUE}).")
    String dataset;

    @Mixin
    DataDirOption dataDir = new DataDirOption();

    @Option(
            names = "--mirror",
            paramLabel = "URL",
            description =
                    "Download MNIST or Fashion-MNIST from this base URL instead of the public mirrors; repeatable, "
                            + "tried in order. Files are still checked against the published checksums.")
    List<String> mirrors = new ArrayList<>();

    @Mixin
    OwnDataOptions ownData;

    @Mixin
    NetworkOptions network;

    @Option(
            names = "--epochs",
            paramLabel = "N",
            defaultValue = "5",
            description = "Passes over the training set (default: ${DEFAULT-VALUE}; " + TABLE_EPOCHS
                    + " for tables and arrays).")
    int epochs;

    @Option(
            names = "--batch-size",
            paramLabel = "N",
            defaultValue = "150",
            description = "Rows per step (default: ${DEFAULT-VALUE}; " + TABLE_BATCH + " for tables and arrays).")
    int batchSize;

    @Mixin
    OptimizerOptions optimization;

    @Option(
            names = "--seed",
            paramLabel = "N",
            defaultValue = "42",
            description = "Seeds initialization and shuffling (default: ${DEFAULT-VALUE}).")
    long seed;

    @Mixin
    ThreadsOption threads;

    @Mixin
    PrecisionOption precision;

    @Option(
            names = "--device",
            paramLabel = "auto|cpu|gpu",
            defaultValue = "auto",
            description =
                    "Where TensorFlow runs: auto (a GPU if the build supports one and one is present), cpu, or gpu "
                            + "(default: ${DEFAULT-VALUE}).")
    Device device;

    @Option(names = "--out", paramLabel = "DIR", description = "Run directory (default: runs/<date-time>).")
    Path out;

    @Option(
            names = "--overwrite",
            description = "Replace the run in an existing --out directory: its files are deleted when training starts. "
                    + "Only a directory holding nothing but what a run writes (config.json, metrics.json, "
                    + "loss.png, "
                    + "reconstructions.png, report.html, model/, checkpoint/) is reused; never the root "
                    + "or your home directory.")
    boolean overwrite;

    @Option(
            names = "--tensorboard",
            paramLabel = "DIR",
            description = "Also write TensorBoard event files there: losses, reconstructions, weight histograms.")
    Path tensorboard;

    @Mixin
    JsonOption json;

    @Option(
            names = "--config",
            paramLabel = "FILE",
            description = "Read options from a JSON file ({\"layers\": [512, 256, 32], \"epochs\": 20, ...}); options "
                    + "given on the command line win. Every run writes its effective configuration as config.json.")
    Path configFile;

    @Option(
            names = "--resume",
            paramLabel = "RUN_DIR",
            description =
                    "Continue an interrupted run from its last completed epoch, with its config.json; it ends as an "
                            + "uninterrupted run with the same seed and thread count would.")
    Path resume;

    /** The data this invocation trains on, once its options are checked. */
    private TrainingData.Request request;

    /** Set when this invocation continues a run (the resolved form of --resume). */
    @Option(names = "--resuming", hidden = true)
    boolean resuming;

    @Mixin
    CommandContext context;

    @Override
    public Integer call() throws IOException {
        if (!(context.spec().defaultValueProvider() instanceof ConfigDefaults)
                && (resume != null || configFile != null)) {
            // --resume or --config: the file's values become the options' defaults, and the options are set again
            ConfigDefaults defaults = resume != null
                    ? ConfigDefaults.ofResume(context.spec(), resume)
                    : ConfigDefaults.ofConfig(context.spec(), configFile);
            defaults.parseAgain(context.spec());
        }
        try {
            return train();
        } catch (ParameterException e) {
            throw context.spec().defaultValueProvider() instanceof ConfigDefaults defaults ? defaults.namingFile(e) : e;
        }
    }

    /** Trains with the options as set. */
    private int train() throws IOException {
        if (network.variational() && !isGiven(context.commandLine(), "--learning-rate")) {
            optimization.learningRate = NetworkOptions.VAE_LEARNING_RATE;
        }
        TrainingConfig config = trainingConfig();
        Path runDir = runDirectory();
        DatasetChoice choice = DatasetChoice.parse(context.commandLine(), dataset, dataDir.get(), mirrors);

        PrintWriter stderr = context.commandLine().getErr();
        network.check(context.commandLine()); // checks the network options before loading any data
        if (config.device() == Device.GPU) {
            // an explicit GPU is checked before any work; otherwise the device is reported once training has started
            Devices.describe(Device.GPU, config.threads());
        }
        request = ownData.request(context.commandLine(), dataset, seed);
        TrainingData.Loaded loaded = choice.load(context.commandLine(), request);
        Dataset data = loaded.dataset();
        requireEnoughRows(data);
        if (!data.isImages()) {
            config = tableDefaults();
        }
        NetworkSpec network = this.network.spec(context.commandLine(), data);
        stderr.println(String.format(
                Locale.ROOT,
                "Training %s on %s (%d training, %d test %s), %d epochs of batches of %d, %s at %s",
                network.describe(),
                data.info().name(),
                data.train().count(),
                data.test().count(),
                data.isImages() ? "images of " + data.shape() : "rows of " + data.features() + " values",
                config.epochs(),
                config.batchSize(),
                OptimizerOptions.displayName(config.optimizer()),
                config.optimizer().learningRate()));

        List<Footprint> footprints = new ArrayList<>();
        if (!resuming) {
            // a new run replaces an earlier one entirely, and a run that fails before its first epoch ends takes back
            // everything it wrote
            if (overwrite && Files.isDirectory(runDir)) {
                RunDirectory.deletePreviousRun(runDir);
            }
            footprints.add(Footprint.before(runDir));
            if (tensorboard != null) {
                footprints.add(Footprint.before(tensorboard));
            }
        }
        try {
            return train(runDir, choice, loaded, network, config, footprints);
        } catch (IOException | RuntimeException e) {
            // a run that stopped before its first epoch ended has nothing to resume, so it keeps nothing
            boolean resumable = resuming || RunDirectory.hasCheckpoint(runDir);
            boolean deleted = !resumable && Footprint.takeBack(footprints);
            if (e instanceof ParameterException) {
                throw e;
            }
            String left;
            if (resumable) {
                left = runDir
                        + " keeps the checkpoint of its last completed epoch: continue with ./deepae train --resume "
                        + runDir;
            } else if (deleted) {
                left = "the run stopped before its first epoch ended and left nothing";
            } else {
                left = "the run stopped before its first epoch ended; not all it wrote in " + runDir
                        + " could be deleted";
            }
            throw new IOException(ErrorReporting.describe(e) + "; " + left, e);
        }
    }

    private int train(
            Path runDir,
            DatasetChoice choice,
            TrainingData.Loaded loaded,
            NetworkSpec network,
            TrainingConfig config,
            List<Footprint> footprints)
            throws IOException {
        Dataset data = loaded.dataset();
        PrintWriter stdout = context.commandLine().getOut();
        PrintWriter stderr = context.commandLine().getErr();
        Files.createDirectories(runDir);
        ConfigFile.write(runDir.resolve("config.json"), context.spec());
        TrainingRun run = new TrainingRun(new TrainingRun.Settings(
                runDir,
                network,
                config,
                choice.summary(data),
                Version.current(),
                tensorboard,
                DatasetChoice.pcaCache(dataDir.get()),
                resuming,
                loaded.preprocessing(),
                dataRoles(loaded),
                loaded.normalLabels()));
        List<TrainingListener> listeners = new ArrayList<>();
        if (!json.isEnabled()) {
            listeners.add(new EpochPrinter(stdout));
        }
        listeners.add(new DeviceReport(stderr, config));
        if (Terminal.stderrIsTerminal()) {
            listeners.add(new ProgressBarListener(System.err));
        }
        TrainingRun.Result result;
        // the guard holds the JVM's exit after Ctrl-C until the message below is out
        try (InterruptGuard guard = new InterruptGuard()) {
            try {
                result = run.run(data, listeners, guard::requested);
            } catch (TrainingInterruptedException e) {
                if (e.completedEpochs() == 0) {
                    Footprint.takeBack(footprints); // nothing to resume, so nothing to keep
                }
                stderr.println(
                        e.completedEpochs() == 0
                                ? "deepae train: interrupted before the first epoch ended; nothing to resume, "
                                        + "start again"
                                : "deepae train: interrupted; " + runDir + " keeps the checkpoint after epoch "
                                        + e.completedEpochs() + ": continue with ./deepae train --resume " + runDir);
                stderr.flush();
                return INTERRUPTED;
            }
        }

        if (json.isEnabled()) {
            JsonOption.print(stdout, result.metrics());
        } else {
            stdout.println(String.format(
                    Locale.ROOT,
                    "Final test loss %.6f after %.1f s",
                    result.history().finalTestLoss(),
                    result.history().totalSeconds()));
            stdout.println("Run directory: " + runDir);
            if (TrainingRun.drawsImages(data)) {
                stdout.println("  reconstructions.png  the first "
                        + Math.min(TrainingRun.FIGURE_IMAGES, data.test().count())
                        + " test images above their reconstructions");
            }
            stdout.println("  loss.png             training and test loss per epoch");
            stdout.println("  metrics.json         losses per epoch, configuration, data provenance");
            stdout.println(
                    "  report.html          configuration, loss curve, reconstructions, PCA comparison, latent map");
            stdout.println("  model/               the trained weights and network spec");
        }
        stdout.flush();
        return 0;
    }

    /**
     * A table's own defaults for the options not given: batches of {@value #TABLE_BATCH} for
     * {@value #TABLE_EPOCHS} epochs (tables are small: the tutorial's 5 epochs of 150 leave them far from PCA, see
     * docs/own-data.md); set on the options so that config.json records them.
     */
    private TrainingConfig tableDefaults() {
        CommandLine cl = context.commandLine();
        if (!isGiven(cl, "--epochs")) {
            epochs = TABLE_EPOCHS;
        }
        if (!isGiven(cl, "--batch-size")) {
            batchSize = TABLE_BATCH;
        }
        return trainingConfig();
    }

    /** Whether {@code option} was given, on the command line or in the --config file (or the resumed run's). */
    static boolean isGiven(CommandLine cl, String option) {
        return cl.getParseResult().hasMatchedOption(option)
                || (cl.getCommandSpec().defaultValueProvider() instanceof ConfigDefaults defaults
                        && defaults.sets(option));
    }

    /** What the model records of its data, so that the scoring commands read tables as training did. */
    private Map<String, Object> dataRoles(TrainingData.Loaded loaded) {
        Map<String, Object> roles = new LinkedHashMap<>();
        if (loaded.kind().equals("catalogue")) {
            return roles;
        }
        roles.put("data_kind", loaded.kind());
        if (ownData.labelColumn != null) {
            roles.put(ModelInput.LABEL_COLUMN, ownData.labelColumn);
        }
        if (ownData.idColumn != null) {
            roles.put(ModelInput.ID_COLUMN, ownData.idColumn);
        }
        // what reads the same training and test rows again (compare, report, latent, anomalies --baseline)
        Map<String, Object> again = new LinkedHashMap<>(request.toMap());
        again.put("dataset", absolute(request.dataset()));
        if (request.test() != null) {
            again.put("test", absolute(request.test()));
        }
        roles.put(DatasetOptions.DATA_REQUEST, again);
        return roles;
    }

    private static String absolute(String path) {
        return Path.of(path).toAbsolutePath().normalize().toString();
    }

    private TrainingConfig trainingConfig() {
        requirePositive("--epochs", epochs);
        requirePositive("--batch-size", batchSize);
        if (!(optimization.learningRate > 0) || Double.isInfinite(optimization.learningRate)) {
            throw new ParameterException(
                    context.commandLine(),
                    "--learning-rate must be a positive number, got " + optimization.learningRate);
        }
        if (!(optimization.weightDecay >= 0) || Double.isInfinite(optimization.weightDecay)) {
            throw new ParameterException(
                    context.commandLine(), "--weight-decay must be 0 or more, got " + optimization.weightDecay);
        }
        if (!(optimization.validationSplit >= 0 && optimization.validationSplit < 1)) {
            throw new ParameterException(
                    context.commandLine(), "--validation-split must be in [0, 1), got " + optimization.validationSplit);
        }
        return TrainingConfig.builder()
                .epochs(epochs)
                .batchSize(batchSize)
                .seed(seed)
                .threads(threads.get())
                .optimizer(optimization.optimizer(context.commandLine()))
                .weightDecay(optimization.weightDecay)
                .noise(optimization.noise(context.commandLine()))
                .validationSplit(optimization.validationSplit)
                .earlyStopping(optimization.earlyStopping(context.commandLine()))
                .precision(precision.get())
                .device(device)
                .build();
    }

    /**
     * Refuses, before any training, a dataset too small for the whole run: the anomaly threshold and the report's PCA
     * baseline need at least {@value #MIN_TRAINING_ROWS} training rows, the test loss and the figures one test row.
     */
    private void requireEnoughRows(Dataset data) throws IOException {
        if (data.train().count() < MIN_TRAINING_ROWS) {
            throw new IOException(String.format(
                    Locale.ROOT,
                    "%s: needs at least %d training rows, got %d (the anomaly "
                            + "threshold and the report's PCA baseline need them)",
                    dataset,
                    MIN_TRAINING_ROWS,
                    data.train().count()));
        }
        int held = (int) Math.round(optimization.validationSplit * data.train().count());
        if (data.train().count() - held < MIN_TRAINING_ROWS) {
            throw new IOException(String.format(
                    Locale.ROOT,
                    "%s: --validation-split %s holds out %d of the %d training "
                            + "rows, leaving %d; at least %d must be left to train on",
                    dataset,
                    optimization.validationSplit,
                    held,
                    data.train().count(),
                    data.train().count() - held,
                    MIN_TRAINING_ROWS));
        }
        if (data.test().count() < 1 && !(ownData.testSplit != null && ownData.testSplit == 0)) {
            throw new IOException(
                    dataset + ": needs at least 1 test row, got " + data.test().count());
        }
    }

    private void requirePositive(String option, int value) {
        if (value <= 0) {
            throw new ParameterException(context.commandLine(), option + " must be positive, got " + value);
        }
    }

    private Path runDirectory() throws IOException {
        Path dir = out != null
                ? out
                : Path.of(
                        "runs",
                        LocalDateTime.now(ZoneId.systemDefault())
                                .format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
        CommandLine cl = context.commandLine();
        String option = resuming ? "--resume" : "--out"; // a resumed run comes here with --out set to its directory
        if (tensorboard != null) {
            if (Files.exists(tensorboard) && !Files.isDirectory(tensorboard)) {
                throw new ParameterException(cl, "--tensorboard " + tensorboard + " is a file, not a directory");
            }
            OutputDirectory.refuseRootOrHome(cl, "--tensorboard", tensorboard);
            OutputFile.requireNoFileAbove(cl, "--tensorboard", tensorboard);
        }
        OutputDirectory.refuseRootOrHome(cl, option, dir);
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new ParameterException(cl, option + " " + dir + " is a file, not a directory");
        }
        if (Files.isDirectory(dir) && !OutputDirectory.isEmpty(dir)) {
            if (!overwrite) {
                throw new ParameterException(
                        cl, "--out " + dir + " already holds files; choose another directory or add --overwrite");
            }
            RunDirectory.requireReusable(cl, option, dir, tensorboard);
        }
        OutputFile.requireNoFileAbove(cl, option, dir);
        return dir;
    }
}
