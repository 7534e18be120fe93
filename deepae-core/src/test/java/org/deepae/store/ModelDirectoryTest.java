package org.deepae.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.deepae.TestImages;
import org.deepae.data.DatasetInfo;
import org.deepae.data.Rows;
import org.deepae.model.Activation;
import org.deepae.model.AdamSpec;
import org.deepae.model.Autoencoder;
import org.deepae.model.DenseSpec;
import org.deepae.model.Evaluation;
import org.deepae.model.Loss;
import org.deepae.testing.TestFiles;
import org.deepae.tf.TfAutoencoder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelDirectoryTest {

    private static final DenseSpec SPEC =
            new DenseSpec(16, List.of(6, 3), Activation.RELU, Activation.SIGMOID, Loss.MSE);
    private static final DatasetInfo DATA = new DatasetInfo("bars", "test", "ab12", null);

    @Test
    void savedModelLoadsWithTheSameSpecInfoAndOutputs(@TempDir Path dir) throws Exception {
        Rows data = TestImages.bars(8, 4, 1);
        Path modelDir = dir.resolve("model");
        float[] expected;
        float[] codes;
        try (TfAutoencoder model = TfAutoencoder.forTraining(SPEC, AdamSpec.tutorial(), 3, 1)) {
            model.trainStep(data.values(), data.count());
            expected = model.reconstruct(data.values(), data.count());
            codes = model.encode(data.values(), data.count());
            ModelDirectory.save(
                    modelDir,
                    model,
                    ModelInfo.builder(SPEC)
                            .training(Map.of("epochs", 1))
                            .dataset(DATA)
                            .imageSize(4, 4)
                            .rows(8, 8)
                            .finalTestLoss(0.25)
                            .deepaeVersion("test")
                            .build());
        }
        assertThat(TestFiles.entries(dir)).containsExactly(modelDir);
        ModelInfo info = ModelDirectory.readInfo(modelDir);
        assertThat(info.spec()).isEqualTo(SPEC);
        assertThat(info.training()).containsEntry("epochs", 1);
        assertThat(info.dataset().name()).isEqualTo("bars");
        assertThat(info.finalTestLoss()).isEqualTo(0.25);
        try (TfAutoencoder loaded = ModelDirectory.load(modelDir, 1)) {
            assertThat(loaded.reconstruct(data.values(), data.count())).containsExactly(expected);
            assertThat(loaded.encode(data.values(), data.count())).containsExactly(codes);
        }
    }

    @Test
    void theJavaApiLoadsAndWorksOnRowArrays(@TempDir Path dir) throws Exception {
        Rows data = TestImages.bars(5, 4, 2);
        Path modelDir = dir.resolve("model");
        try (TfAutoencoder model = TfAutoencoder.forTraining(SPEC, AdamSpec.tutorial(), 3, 1)) {
            ModelDirectory.save(
                    modelDir,
                    model,
                    ModelInfo.builder(SPEC)
                            .dataset(DATA)
                            .imageSize(4, 4)
                            .rows(5, 5)
                            .finalTestLoss(0.1)
                            .deepaeVersion("test")
                            .build());
        }
        float[][] rows = new float[5][];
        for (int i = 0; i < 5; i++) {
            rows[i] = data.row(i);
        }
        try (Autoencoder model = Autoencoder.load(modelDir)) {
            assertThat(model.spec()).isEqualTo(SPEC);
            float[][] codes = model.encode(rows);
            assertThat(codes).hasDimensions(5, 3);
            assertThat(codes[4]).containsExactly(java.util.Arrays.copyOfRange(model.encode(data.values(), 5), 12, 15));
            float[][] decoded = model.decode(codes);
            float[][] reconstructed = model.reconstruct(rows);
            assertThat(decoded).hasDimensions(5, 16);
            assertThat(decoded[2]).containsExactly(reconstructed[2]);
            Evaluation evaluation = model.evaluate(data);
            assertThat(evaluation.rows()).isEqualTo(5);
            assertThat(evaluation.meanSquaredError())
                    .isCloseTo(model.meanSquaredError(data.values(), 5), org.assertj.core.data.Offset.offset(1e-7));
            assertThat(evaluation.perClass().values().stream()
                            .mapToInt(Evaluation.ClassError::rows)
                            .sum())
                    .isEqualTo(5);
            assertThatThrownBy(() -> model.encode(new float[][] {new float[3]}))
                    .hasMessageContaining("row 0 has 3 values, expected 16");
        }
    }

    @Test
    void savingAgainReplacesTheOldModel(@TempDir Path dir) throws Exception {
        Path modelDir = dir.resolve("model");
        for (int seed = 1; seed <= 2; seed++) {
            try (TfAutoencoder model = TfAutoencoder.forTraining(SPEC, AdamSpec.tutorial(), seed, 1)) {
                ModelDirectory.save(
                        modelDir,
                        model,
                        ModelInfo.builder(SPEC)
                                .training(Map.of("seed", seed))
                                .dataset(DATA)
                                .imageSize(4, 4)
                                .rows(1, 1)
                                .finalTestLoss(0.1)
                                .deepaeVersion("test")
                                .build());
            }
        }
        assertThat(ModelDirectory.readInfo(modelDir).training()).containsEntry("seed", 2);
        assertThat(TestFiles.entries(dir)).containsExactly(modelDir);
    }

    @Test
    void refusesDirectoriesThatAreNotModels(@TempDir Path dir) throws Exception {
        assertThatThrownBy(() -> ModelDirectory.load(dir, 1))
                .isInstanceOf(ModelFormatException.class)
                .hasMessageContaining(dir.toString())
                .hasMessageContaining("model.json");
        Files.writeString(dir.resolve("model.json"), "{not json");
        assertThatThrownBy(() -> ModelDirectory.load(dir, 1)).hasMessageContaining("invalid JSON");
        Files.writeString(dir.resolve("model.json"), "{\"format\": \"deepae-model\", \"format_version\": 99}");
        assertThatThrownBy(() -> ModelDirectory.load(dir, 1)).hasMessageContaining("unsupported format_version 99");
    }

    @Test
    void reportsMissingAndMismatchedWeights(@TempDir Path dir) throws Exception {
        Path modelDir = dir.resolve("model");
        try (TfAutoencoder model = TfAutoencoder.forTraining(SPEC, AdamSpec.tutorial(), 1, 1)) {
            ModelDirectory.save(
                    modelDir,
                    model,
                    ModelInfo.builder(SPEC)
                            .dataset(DATA)
                            .imageSize(4, 4)
                            .rows(1, 1)
                            .finalTestLoss(0.1)
                            .deepaeVersion("test")
                            .build());
        }
        String json = Files.readString(modelDir.resolve("model.json"));
        Files.writeString(
                modelDir.resolve("model.json"),
                json.replace("\"input_size\" : 16", "\"input_size\" : 25")
                        .replace("\"image_height\" : 4", "\"image_height\" : 5")
                        .replace("\"image_width\" : 4", "\"image_width\" : 5"));
        assertThatThrownBy(() -> ModelDirectory.load(modelDir, 1))
                .isInstanceOf(ModelFormatException.class)
                .hasMessageContaining("do not fit");
        try (var files = Files.list(modelDir.resolve("variables"))) {
            for (Path f : files.toList()) {
                Files.delete(f);
            }
        }
        assertThatThrownBy(() -> ModelDirectory.load(modelDir, 1)).hasMessageContaining("weights are missing");
    }

    @Test
    void reportsTruncatedWeights(@TempDir Path dir) throws Exception {
        Path modelDir = dir.resolve("model");
        try (TfAutoencoder model = TfAutoencoder.forTraining(SPEC, AdamSpec.tutorial(), 1, 1)) {
            ModelDirectory.save(
                    modelDir,
                    model,
                    ModelInfo.builder(SPEC)
                            .dataset(DATA)
                            .imageSize(4, 4)
                            .rows(1, 1)
                            .finalTestLoss(0.1)
                            .deepaeVersion("test")
                            .build());
        }
        Path data;
        try (var files = Files.list(modelDir.resolve("variables"))) {
            data = files.filter(f -> f.getFileName().toString().startsWith("variables.data"))
                    .findFirst()
                    .orElseThrow();
        }
        byte[] bytes = Files.readAllBytes(data);
        Files.write(data, java.util.Arrays.copyOf(bytes, 100));
        assertThatThrownBy(() -> ModelDirectory.load(modelDir, 1))
                .isInstanceOf(ModelFormatException.class)
                .hasMessageStartingWith(modelDir + ": the weights are damaged");
    }

    @Test
    void refusesAnInvalidSpec(@TempDir Path dir) throws Exception {
        Files.writeString(
                dir.resolve("model.json"),
                "{\"format\": \"deepae-model\", \"format_version\": 1, "
                        + "\"spec\": {\"input_size\": 0, \"encoder_layers\": [2], \"hidden_activation\": \"relu\", "
                        + "\"output_activation\": \"relu\", \"loss\": \"mse\"}}");
        assertThatThrownBy(() -> ModelDirectory.load(dir, 1))
                .isInstanceOf(ModelFormatException.class)
                .hasMessage(dir.resolve("model.json") + ": invalid spec: input size must be positive, got 0");
    }

    @Test
    void aModelWithoutASpecSaysSo(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("model.json"), "{\"format\": \"deepae-model\", \"format_version\": 1}");
        assertThatThrownBy(() -> ModelDirectory.readInfo(dir))
                .isInstanceOf(ModelFormatException.class)
                .hasMessage(dir.resolve("model.json") + ": spec: missing, expected an object");
    }

    @Test
    void strictFieldsNameTheFieldAndWhatWasFound(@TempDir Path dir) throws Exception {
        String spec = "\"input_size\": 16, \"encoder_layers\": [4, 2], \"hidden_activation\": \"relu\", "
                + "\"output_activation\": \"sigmoid\", \"loss\": \"mse\"";
        Path file = dir.resolve("model.json");
        Files.writeString(
                file,
                "{\"format\": \"deepae-model\", \"format_version\": 1, \"spec\": {"
                        + spec.replace("[4, 2]", "[\"512\", \"abc\"]") + "}}");
        assertThatThrownBy(() -> ModelDirectory.readInfo(dir))
                .isInstanceOf(ModelFormatException.class)
                .hasMessage(
                        file + ": spec.encoder_layers[0]: expected an integer from -2147483648 to 2147483647, found "
                                + "\"512\" (a string)");
        Files.writeString(
                file,
                "{\"format\": \"deepae-model\", \"format_version\": 1, \"spec\": {" + spec.replace("16", "4294968080")
                        + "}}");
        assertThatThrownBy(() -> ModelDirectory.readInfo(dir))
                .hasMessage(file
                        + ": spec.input_size: expected an integer from -2147483648 to 2147483647, found 4294968080");
        Files.writeString(file, "{\"format\": \"deepae-model\", \"format_version\": 1.9, \"spec\": {" + spec + "}}");
        assertThatThrownBy(() -> ModelDirectory.readInfo(dir)).hasMessageContaining("unsupported format_version 1.9");
        Files.writeString(
                file,
                "{\"format\": \"deepae-model\", \"format_version\": 1, \"spec\": {" + spec.replace("\"relu\"", "7")
                        + "}}");
        assertThatThrownBy(() -> ModelDirectory.readInfo(dir))
                .hasMessage(file + ": spec.hidden_activation: expected a string, found 7 (a number)");
        Files.writeString(
                file,
                "{\"format\": \"deepae-model\", \"format_version\": 1, \"spec\": {" + spec
                        + "}, \"metrics\": {\"final_test_loss\": \"low\"}}");
        assertThatThrownBy(() -> ModelDirectory.readInfo(dir))
                .hasMessage(file + ": metrics.final_test_loss: expected a finite number, found \"low\" (a string)");
    }

    @Test
    void anOlderModelJsonWithOnlyTheRequiredFieldsStillLoads(@TempDir Path dir) throws Exception {
        Files.writeString(
                dir.resolve("model.json"),
                "{\"format\": \"deepae-model\", \"format_version\": 1, "
                        + "\"spec\": {\"input_size\": 16, \"encoder_layers\": [8, 3], \"hidden_activation\": \"relu\", "
                        + "\"output_activation\": \"sigmoid\", \"loss\": \"mse\"}}");
        ModelInfo info = ModelDirectory.readInfo(dir);
        assertThat(info.spec())
                .isEqualTo(new DenseSpec(16, List.of(8, 3), Activation.RELU, Activation.SIGMOID, Loss.MSE));
        assertThat(info.dataset()).isNull();
        assertThat(info.training()).isEmpty();
        assertThat(info.hasImageSize()).isFalse();
        assertThat(info.finalTestLoss()).isNaN();
        assertThat(info.deepaeVersion()).isEmpty();
    }
}
