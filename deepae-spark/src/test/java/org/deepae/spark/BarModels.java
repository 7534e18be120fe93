package org.deepae.spark;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.deepae.data.DatasetInfo;
import org.deepae.model.Activation;
import org.deepae.model.AdamSpec;
import org.deepae.model.DenseSpec;
import org.deepae.model.Loss;
import org.deepae.store.ModelDirectory;
import org.deepae.store.ModelInfo;
import org.deepae.testing.BarImages;
import org.deepae.tf.TfAutoencoder;

/** The Spark tests' model: 16 values, a code of 3, trained briefly on 4 x 4 bars. */
final class BarModels {

    /** The network. */
    static final DenseSpec SPEC = new DenseSpec(16, List.of(8, 3), Activation.RELU, Activation.SIGMOID, Loss.MSE);

    private BarModels() {}

    /** Trains the network for 20 steps on the first 200 of {@code bars} and saves it as {@code dir}. */
    static Path train(Path dir, BarImages bars) throws IOException {
        try (TfAutoencoder trained = TfAutoencoder.forTraining(SPEC, AdamSpec.tutorial(), 5, 1)) {
            for (int i = 0; i < 20; i++) {
                trained.trainStep(bars.pixels(), 200);
            }
            ModelDirectory.save(
                    dir,
                    trained,
                    ModelInfo.builder(SPEC)
                            .training(Map.of("epochs", 1))
                            .dataset(new DatasetInfo("bars", "test", "00", null))
                            .imageSize(4, 4)
                            .rows(200, 200)
                            .deepaeVersion("test")
                            .build());
        }
        return dir;
    }
}
