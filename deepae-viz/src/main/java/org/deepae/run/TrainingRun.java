package org.deepae.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.BooleanSupplier;
import java.util.function.DoubleFunction;
import org.deepae.analysis.AnomalyRule;
import org.deepae.analysis.PcaCache;
import org.deepae.analysis.Threshold;
import org.deepae.analysis.ThresholdFile;
import org.deepae.data.CatalogConfig;
import org.deepae.data.Dataset;
import org.deepae.data.Preprocessing;
import org.deepae.data.Rows;
import org.deepae.data.TrainingData;
import org.deepae.model.Autoencoder;
import org.deepae.model.NetworkSpec;
import org.deepae.store.ModelDirectory;
import org.deepae.store.ModelInfo;
import org.deepae.train.MetricsFile;
import org.deepae.train.RunDescription;
import org.deepae.train.TensorBoardListener;
import org.deepae.train.Trainer;
import org.deepae.train.TrainingConfig;
import org.deepae.train.TrainingHistory;
import org.deepae.train.TrainingListener;
import org.deepae.viz.ImageGrid;

/**
 * A training run and the directory it fills, in the steps a run takes:
 *
 * <ol>
 *   <li>while training, after every epoch: {@code metrics.json}, {@code loss.png} and {@code model/} (so that an
 *       interrupted run still leaves a loadable model), then the epoch's checkpoint in {@code checkpoint/} (written
 *       last, so that a checkpoint means everything of its epoch is on disk); TensorBoard event files when asked;
 *   <li>after training: the reconstruction figure {@code reconstructions.png} (for grayscale images), the final
 *       {@code model/} with the anomaly threshold (mean + 3 standard deviations of the training rows' errors), and
 *       {@code report.html}.
 * </ol>
 *
 * <p>Early stopping and the divergence check are the {@link Trainer}'s; a caller adds its own listeners (progress,
 * printing) and a stop condition. Nothing here prints.
 */
public final class TrainingRun {

    /** Test images shown in the reconstruction figure, as in the tutorial. */
    public static final int FIGURE_IMAGES = 10;

    /** Standard deviations above the mean training error at which rows are flagged as anomalies. */
    public static final double THRESHOLD_SIGMAS = 3;

    /**
     * What a run needs besides its data.
     *
     * @param dir the run directory (created when missing)
     * @param spec the network
     * @param config how to train
     * @param dataSummary what {@code metrics.json} records of the data
     * @param version the deepae version recorded in {@code model.json}
     * @param tensorBoard where TensorBoard event files go, or {@code null} for none
     * @param pcas where the report's PCA baseline is kept between runs
     * @param resume whether the run continues from the checkpoint in its directory
     * @param preprocessing the preprocessing fitted on the training rows, kept with the model, or {@code null}
     * @param dataRoles what the model records of its data beside the training settings: {@code data_kind} and a
     *     table's {@code label_column} and {@code id_column} (see {@link ModelInput})
     * @param normalLabels the labels trained on in the one-class setting (the report then evaluates the test rows of
     *     other labels as anomalies); empty otherwise
     */
    public record Settings(
            Path dir,
            NetworkSpec spec,
            TrainingConfig config,
            Map<String, Object> dataSummary,
            String version,
            Path tensorBoard,
            PcaCache pcas,
            boolean resume,
            Preprocessing preprocessing,
            Map<String, Object> dataRoles,
            List<String> normalLabels) {
        /**
         * Settings for a run of the library on {@code loaded} (from {@code TrainingData.load}): its preprocessing and
         * one-class labels kept, the PCA baseline cached in the default cache directory, no TensorBoard.
         */
        public static Settings of(Path dir, NetworkSpec spec, TrainingConfig config, TrainingData.Loaded loaded) {
            Map<String, Object> roles =
                    loaded.kind().equals("catalogue") ? Map.of() : Map.of("data_kind", loaded.kind());
            return new Settings(
                    dir,
                    spec,
                    config,
                    Map.of(
                            "name",
                            loaded.dataset().info().name(),
                            "source",
                            loaded.dataset().info().source()),
                    "library",
                    null,
                    new PcaCache(CatalogConfig.defaultCacheDir().resolve("pca")),
                    false,
                    loaded.preprocessing(),
                    roles,
                    loaded.normalLabels());
        }

        public Settings {
            Objects.requireNonNull(dir, "dir");
            Objects.requireNonNull(spec, "spec");
            Objects.requireNonNull(config, "config");
            dataSummary = Map.copyOf(dataSummary);
            dataRoles = Map.copyOf(dataRoles);
            normalLabels = List.copyOf(normalLabels);
            Objects.requireNonNull(version, "version");
            Objects.requireNonNull(pcas, "pcas");
        }
    }

    /**
     * How a run ended.
     *
     * @param history the losses per epoch
     * @param info what the saved model records
     * @param threshold the anomaly threshold saved with the model
     * @param metrics the content of {@code metrics.json}
     */
    public record Result(
            TrainingHistory history,
            ModelInfo info,
            Threshold threshold,
            com.fasterxml.jackson.databind.node.ObjectNode metrics) {}

    private final Settings settings;

    public TrainingRun(Settings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    /** The model directory inside the run directory. */
    public Path modelDir() {
        return settings.dir().resolve("model");
    }

    /** Whether {@code data} gets a reconstruction figure: grayscale images do, tables and colour images do not. */
    public static boolean drawsImages(Dataset data) {
        return data.isImages() && data.shape().isGray();
    }

    /**
     * Trains on {@code data} and writes the run directory.
     *
     * @param listeners the caller's own listeners (progress, printing), told after the run's own
     * @param stop stops training at the next step once it says so (with a
     *     {@link org.deepae.train.TrainingInterruptedException}; the last epoch's checkpoint stays)
     * @throws IOException when training fails or a file cannot be written
     */
    public Result run(Dataset data, List<? extends TrainingListener> listeners, BooleanSupplier stop)
            throws IOException {
        Path dir = settings.dir();
        Files.createDirectories(dir);
        NetworkSpec spec = settings.spec();
        Map<String, Object> description = new java.util.LinkedHashMap<>(RunDescription.of(spec, settings.config()));
        description.putAll(settings.dataRoles());
        DoubleFunction<ModelInfo> info = testLoss -> ModelInfo.builder(spec)
                .training(description)
                .dataset(data.info())
                .imageSize(
                        data.train().imageHeight(),
                        data.train().imageWidth(),
                        data.train().channels())
                .rows(data.train().count(), data.test().count())
                .finalTestLoss(testLoss)
                .deepaeVersion(settings.version())
                .preprocessing(settings.preprocessing())
                .labelNames(data.labelNames())
                .build();
        MetricsFile metrics = new MetricsFile(dir.resolve("metrics.json"), settings.dataSummary(), description);
        List<TrainingListener> all = new ArrayList<>(List.of(
                metrics,
                new LossPlot(
                        dir.resolve("loss.png"),
                        "Loss per epoch: " + data.info().name() + ", " + spec.describe()),
                new ModelSnapshot(modelDir(), info)));
        if (settings.tensorBoard() != null) {
            all.add(new TensorBoardListener(settings.tensorBoard(), data.test().head(8), 50));
        }
        all.addAll(listeners);

        Trainer trainer = new Trainer(settings.config()).withCheckpoints(dir.resolve("checkpoint"));
        Trainer.Result trained = (settings.resume() ? trainer.resuming() : trainer)
                .stoppingWhen(stop)
                .fit(spec, data.train(), data.test(), all);
        try (Autoencoder model = trained.model()) {
            if (drawsImages(data)) {
                writeFigure(dir.resolve("reconstructions.png"), model, data.test());
            }
            ModelInfo finalInfo = info.apply(trained.history().finalTestLoss());
            ModelDirectory.save(modelDir(), model, finalInfo);
            Threshold threshold = new AnomalyRule.Sigma(THRESHOLD_SIGMAS)
                    .apply(model.rowErrors(data.train().values(), data.train().count()));
            ThresholdFile.save(
                    modelDir(),
                    threshold,
                    "training set of " + data.info().name() + " ("
                            + data.train().count() + (data.isImages() ? " images)" : " rows)"));
            // without test rows (--test-split 0) the report measures the training rows
            Dataset shown = data.test().count() > 0 ? data : data.withRows(data.train(), data.train());
            RunReport.write(
                    dir.resolve("report.html"),
                    model,
                    finalInfo,
                    shown,
                    trained.history().epochs(),
                    null,
                    settings.config().threads(),
                    settings.pcas(),
                    new RunReport.OneClass(settings.normalLabels(), threshold));
            return new Result(trained.history(), finalInfo, threshold, metrics.toJson());
        }
    }

    private static void writeFigure(Path png, Autoencoder model, Rows test) throws IOException {
        Rows shown = test.head(FIGURE_IMAGES);
        float[] reconstructed = model.reconstruct(shown.values(), shown.count());
        ImageGrid grid =
                ImageGrid.fittingPairs(shown.imageHeight(), shown.imageWidth(), 4, shown.count(), FIGURE_IMAGES);
        grid.write(png, grid.pairs(shown.values(), reconstructed, shown.count(), FIGURE_IMAGES));
    }
}
