package org.deepae.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.deepae.data.Dataset;
import org.deepae.data.DatasetCatalog;
import org.deepae.store.ModelDirectory;
import org.deepae.tf.TfAutoencoder;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@Tag("slow")
class TrainCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void helpListsEveryOption() {
        CommandRun run = CommandRun.of("train", "--help");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out())
                .contains(
                        "--dataset",
                        "--data-dir",
                        "--layers",
                        "--epochs",
                        "--batch-size",
                        "--learning-rate",
                        "--seed",
                        "--threads",
                        "--out",
                        "--json",
                        "--overwrite");
    }

    @Test
    void helpSaysWhichDirectoriesOverwriteReuses() {
        CommandRun run = CommandRun.of("train", "--help");
        assertThat(run.out().replaceAll("\\s+", " "))
                .contains(
                        "its files are deleted when training starts",
                        "config.json, metrics.json, loss.png, reconstructions.png, report.html, model/, checkpoint/",
                        "never the root or your home directory");
    }

    @Test
    void rootWithoutCommandIsABadOption() {
        CommandRun run = CommandRun.of();
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("missing command");
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "--epochs=0            | --epochs must be positive, got 0",
                "--epochs=-3           | --epochs must be positive, got -3",
                "--batch-size=0        | --batch-size must be positive, got 0",
                "--learning-rate=0     | --learning-rate must be a positive number, got 0.0",
                "--learning-rate=-0.1  | --learning-rate must be a positive number, got -0.1",
                "--learning-rate=NaN   | --learning-rate must be a positive number, got NaN",
                "--layers=392,0        | --layers must be positive sizes, got [392, 0]",
                "--threads=-1          | --threads must be 0 (all cores) or between 1 and 1024, got -1",
                "--threads=100000      | --threads must be 0 (all cores) or between 1 and 1024, got 100000",
                "--epochs=five         | Invalid value for option '--epochs'",
                "--dataset=nope        | unknown dataset 'nope'",
                "--no-such-option      | Unknown option: '--no-such-option'",
            })
    void badOptionsExitWithTwoAndOneLineBeforeAnyWork(String option, String message, @TempDir Path dir) {
        Path out = dir.resolve("run");
        CommandRun run = CommandRun.of("train", option, "--out", out.toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains(message);
        assertThat(run.err().strip().lines()).hasSize(1);
        assertThat(run.out()).isEmpty();
        assertThat(out).doesNotExist();
    }

    @Test
    void outputPathThatIsAFileIsABadOption(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("taken"), "keep me");
        CommandRun run = CommandRun.of("train", "--dataset", "mnist-sample", "--out", file.toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains(file + " is a file");
        assertThat(Files.readString(file)).isEqualTo("keep me");
    }

    @Test
    void existingRunDirectoryIsRefusedWithoutOverwrite(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("metrics.json"), "{}");
        CommandRun run = CommandRun.of("train", "--dataset", "mnist-sample", "--out", dir.toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("already holds files", "--overwrite");
        assertThat(Files.readString(dir.resolve("metrics.json"))).isEqualTo("{}");
    }

    @Test
    void trainsOneEpochOnTheBundledSampleAndWritesTheRunDirectory(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("run");
        CommandRun run = CommandRun.of(
                "train", "--dataset", "mnist-sample", "--epochs", "1", "--threads", "2", "--out", out.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).containsPattern("Epoch 1/1  train loss 0\\.\\d+  test loss 0\\.\\d+  \\d+\\.\\d s");
        assertThat(run.out()).contains("Run directory: " + out, "reconstructions.png", "metrics.json", "model/");
        assertThat(run.err()).contains("Training 784-392-196-392-784 on mnist-sample (8000 training, 2000 test");

        JsonNode metrics = JSON.readTree(out.resolve("metrics.json").toFile());
        assertThat(metrics.path("dataset").path("name").asText()).isEqualTo("mnist-sample");
        assertThat(metrics.path("dataset").path("train_size").asInt()).isEqualTo(8000);
        assertThat(metrics.path("dataset").path("test_size").asInt()).isEqualTo(2000);
        assertThat(metrics.path("config").path("batch_size").asInt()).isEqualTo(150);
        assertThat(metrics.path("config").path("learning_rate").asDouble()).isEqualTo(0.01);
        assertThat(metrics.path("config").path("layer_sizes").toString()).isEqualTo("[784,392,196,392,784]");
        assertThat(metrics.path("epochs")).hasSize(1);
        JsonNode epoch = metrics.path("epochs").get(0);
        assertThat(epoch.path("epoch").asInt()).isEqualTo(1);
        assertThat(epoch.path("train_loss").asDouble()).isPositive();
        double finalLoss = metrics.path("final_test_loss").asDouble();
        assertThat(finalLoss).isEqualTo(epoch.path("test_loss").asDouble()).isBetween(0.0, 0.2);
        assertThat(metrics.path("total_seconds").asDouble()).isPositive();
        assertThat(metrics.path("completed").asBoolean()).isTrue();

        BufferedImage figure = ImageIO.read(out.resolve("reconstructions.png").toFile());
        // two rows of 28x28 images at 4x with a 4-pixel gap, 10-pixel margins
        assertThat(figure.getHeight()).isEqualTo(10 + 112 + 4 + 112 + 10);
        assertThat(figure.getWidth()).isGreaterThan(10 * 112 + 9 * 4);

        Dataset sample = new DatasetCatalog(dir.resolve("cache")).load("mnist-sample");
        try (TfAutoencoder model = ModelDirectory.load(out.resolve("model"), 2)) {
            double loss =
                    model.meanSquaredError(sample.test().values(), sample.test().count());
            assertThat(loss).isCloseTo(finalLoss, org.assertj.core.data.Offset.offset(1e-6));
        }
    }

    @Test
    void jsonPrintsTheMetricsFileOnly(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("run");
        CommandRun run = CommandRun.of(
                "train",
                "--dataset",
                "mnist-sample",
                "--epochs",
                "2",
                "--layers",
                "16,4",
                "--batch-size",
                "500",
                "--json",
                "--out",
                out.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode printed = JSON.readTree(run.out());
        assertThat(printed).isEqualTo(JSON.readTree(out.resolve("metrics.json").toFile()));
        assertThat(printed.path("epochs")).hasSize(2);
        assertThat(printed.path("config").path("layer_sizes").toString()).isEqualTo("[784,16,4,16,784]");
    }
}
