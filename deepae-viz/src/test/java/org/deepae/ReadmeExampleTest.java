package org.deepae;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.deepae.data.Dataset;
import org.deepae.data.DatasetCatalog;
import org.deepae.data.TrainingData;
import org.deepae.model.AdamSpec;
import org.deepae.model.Autoencoder;
import org.deepae.model.DenseSpec;
import org.deepae.model.Evaluation;
import org.deepae.run.TrainingRun;
import org.deepae.store.ModelDirectory;
import org.deepae.store.ModelInfo;
import org.deepae.train.RunDescription;
import org.deepae.train.Trainer;
import org.deepae.train.TrainingConfig;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's Java example, on the bundled sample and one short epoch, so that the documented API keeps working. */
@Tag("slow")
class ReadmeExampleTest {

    @Test
    void trainSaveLoadEncodeDecodeEvaluate(@TempDir Path dir) throws Exception {
        Path myModel = dir.resolve("my-model");
        Dataset data = new DatasetCatalog(dir.resolve("cache")).load("mnist-sample");
        DenseSpec spec = DenseSpec.tutorial(data.features());
        TrainingConfig config = TrainingConfig.builder()
                .epochs(1)
                .batchSize(500)
                .seed(42)
                .threads(0)
                .optimizer(AdamSpec.tutorial())
                .build();
        Trainer.Result result = new Trainer(config).fit(spec, data.train(), data.test(), List.of());
        try (Autoencoder model = result.model()) {
            ModelDirectory.save(
                    myModel,
                    model,
                    ModelInfo.builder(spec)
                            .training(RunDescription.of(spec, config))
                            .dataset(data.info())
                            .imageSize(28, 28)
                            .rows(data.train().count(), data.test().count())
                            .finalTestLoss(result.history().finalTestLoss())
                            .deepaeVersion("my-app")
                            .build());
        }

        try (Autoencoder model = Autoencoder.load(myModel)) {
            float[][] rows = data.test().head(5).toArray();
            float[][] codes = model.encode(rows);
            float[][] images = model.decode(codes);
            Evaluation evaluation = model.evaluate(data);
            assertThat(codes).hasDimensions(5, 196);
            assertThat(images).hasDimensions(5, 784);
            assertThat(evaluation.meanSquaredError())
                    .isEqualTo(result.history().finalTestLoss(), org.assertj.core.data.Offset.offset(1e-6));
            assertThat(evaluation.perClass()).hasSize(10);
        }
    }

    /** The README's own-data example: a table in, a run directory (model, threshold, report) out. */
    @Test
    void ownTableThroughTheLibrary(@TempDir Path dir) throws Exception {
        StringBuilder csv = new StringBuilder("temperature,pressure,site\n");
        java.util.Random random = new java.util.Random(3);
        for (int i = 0; i < 300; i++) {
            double t = 20 + 5 * random.nextGaussian();
            csv.append(t)
                    .append(',')
                    .append(100 + 2 * t)
                    .append(',')
                    .append(i % 2 == 0 ? "north" : "south")
                    .append('\n');
        }
        Path sensors = java.nio.file.Files.writeString(dir.resolve("sensors.csv"), csv);

        TrainingData.Loaded data = TrainingData.load(
                TrainingData.Request.of(sensors.toString()), new DatasetCatalog(dir.resolve("cache")), null);
        DenseSpec spec = DenseSpec.forTable(data.dataset().features());
        TrainingConfig config =
                TrainingConfig.builder().epochs(20).batchSize(32).build();
        TrainingRun.Result run = new TrainingRun(TrainingRun.Settings.of(dir.resolve("run"), spec, config, data))
                .run(data.dataset(), List.of(), () -> false);

        assertThat(run.info().preprocessing().featureNames())
                .containsExactly(
                        "temperature", "pressure", "site=north", "site=south", "site=<other>", "site=<missing>");
        assertThat(dir.resolve("run/report.html")).exists();
        try (Autoencoder model = Autoencoder.load(dir.resolve("run/model"))) {
            assertThat(model.spec().inputSize()).isEqualTo(6);
        }
    }
}
