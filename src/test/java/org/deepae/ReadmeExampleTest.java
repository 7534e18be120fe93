package org.deepae;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.deepae.data.Dataset;
import org.deepae.data.DatasetCatalog;
import org.deepae.model.AdamSpec;
import org.deepae.model.Autoencoder;
import org.deepae.model.AutoencoderSpec;
import org.deepae.model.Evaluation;
import org.deepae.store.ModelDirectory;
import org.deepae.store.ModelInfo;
import org.deepae.train.RunDescription;
import org.deepae.train.Trainer;
import org.deepae.train.TrainingConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's Java example, on the bundled sample and one short epoch, so that the documented API keeps working. */
class ReadmeExampleTest {

  @Test
  void trainSaveLoadEncodeDecodeEvaluate(@TempDir Path dir) throws Exception {
    Path myModel = dir.resolve("my-model");
    Dataset data = new DatasetCatalog(dir.resolve("cache")).load("mnist-sample");
    AutoencoderSpec spec = AutoencoderSpec.tutorial(data.features());
    TrainingConfig config = new TrainingConfig(1, 500, 42, 0, AdamSpec.tutorial());
    Trainer.Result result = new Trainer(config).fit(spec, data.train(), data.test(), List.of());
    try (Autoencoder model = result.model()) {
      ModelDirectory.save(myModel, model, new ModelInfo(spec, RunDescription.of(spec, config),
          data.info(), 28, 28, data.train().count(), data.test().count(), result.history().finalTestLoss(), "my-app"));
    }

    try (Autoencoder model = Autoencoder.load(myModel)) {
      float[][] rows = data.test().head(5).toArray();
      float[][] codes = model.encode(rows);
      float[][] images = model.decode(codes);
      Evaluation evaluation = model.evaluate(data);
      assertThat(codes).hasDimensions(5, 196);
      assertThat(images).hasDimensions(5, 784);
      assertThat(evaluation.meanSquaredError()).isEqualTo(result.history().finalTestLoss(),
          org.assertj.core.data.Offset.offset(1e-6));
      assertThat(evaluation.perClass()).hasSize(10);
    }
  }
}
