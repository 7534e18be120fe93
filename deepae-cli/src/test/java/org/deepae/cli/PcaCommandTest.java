package org.deepae.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.deepae.analysis.PcaModel;
import org.deepae.data.Dataset;
import org.deepae.data.DatasetCatalog;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code deepae pca} on the bundled MNIST sample. */
@Tag("slow")
class PcaCommandTest {

    @TempDir
    Path dir;

    @Test
    void printsJsonWithErrorFallingAndVarianceRisingInKAndSavesAPcaThatLoads() throws Exception {
        Path saved = dir.resolve("pca");
        CommandRun run = CommandRun.of(
                "pca",
                "--dataset",
                "mnist-sample",
                "--components",
                "2,16,64",
                "--data-dir",
                dir.resolve("cache").toString(),
                "--threads",
                "1",
                "--json",
                "--save",
                saved.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();

        JsonNode json = new ObjectMapper().readTree(run.out());
        assertThat(json.path("dataset").path("name").asText()).isEqualTo("mnist-sample");
        assertThat(json.path("train_rows").asInt()).isEqualTo(8000);
        assertThat(json.path("test_rows").asInt()).isEqualTo(2000);
        assertThat(json.path("fit_seconds").asDouble()).isPositive();
        JsonNode components = json.path("components");
        assertThat(components).hasSize(3);
        assertThat(components.get(0).path("k").asInt()).isEqualTo(2);
        assertThat(components.get(2).path("k").asInt()).isEqualTo(64);
        for (int i = 1; i < 3; i++) {
            assertThat(components.get(i).path("test_mse").asDouble())
                    .isLessThan(components.get(i - 1).path("test_mse").asDouble());
            assertThat(components.get(i).path("explained_variance_ratio").asDouble())
                    .isGreaterThan(components
                            .get(i - 1)
                            .path("explained_variance_ratio")
                            .asDouble());
        }
        assertThat(components.get(2).path("explained_variance_ratio").asDouble())
                .isBetween(0.5, 1.0);

        PcaModel model = PcaModel.load(saved);
        Dataset sample = new DatasetCatalog(dir.resolve("cache")).load("mnist-sample");
        assertThat(model.trainRows()).isEqualTo(8000);
        assertThat(model.dataset().name()).isEqualTo("mnist-sample");
        assertThat(model.meanSquaredError(sample.test().values(), 2000, 16))
                .isCloseTo(components.get(1).path("test_mse").asDouble(), within(1e-9));
    }

    @Test
    void printsATableByDefault() {
        CommandRun run = CommandRun.of(
                "pca",
                "--dataset",
                "mnist-sample",
                "--components",
                "1,10",
                "--data-dir",
                dir.resolve("cache").toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out())
                .contains(
                        "PCA of mnist-sample: fitted on 8000 training images in",
                        "measured on 2000 test images",
                        "components  test MSE  explained variance");
        assertThat(run.out().lines().filter(line -> line.matches(" +(1|10)  0\\.\\d{6} +0\\.\\d{4}")))
                .hasSize(2);
    }

    @Test
    void refusesBadComponentCountsWithOneLineAndExitCode2() {
        CommandRun zero = CommandRun.of("pca", "--dataset", "mnist-sample", "--components", "2,0");
        assertThat(zero.exitCode()).isEqualTo(2);
        assertThat(zero.err().lines()).hasSize(1);
        assertThat(zero.err()).contains("--components must be positive numbers, got [2, 0]");

        CommandRun tooMany = CommandRun.of(
                "pca",
                "--dataset",
                "mnist-sample",
                "--components",
                "785",
                "--data-dir",
                dir.resolve("cache").toString());
        assertThat(tooMany.exitCode()).isEqualTo(2);
        assertThat(tooMany.err()).contains("--components must be at most the input size 784 of mnist-sample, got 785");
        assertThat(tooMany.out()).isEmpty();
    }

    @Test
    void refusesAnUnknownDatasetAndASaveDirectoryHoldingOtherFiles() throws Exception {
        CommandRun unknown = CommandRun.of("pca", "--dataset", "no-such-set");
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.err().lines()).hasSize(1);
        assertThat(unknown.err()).contains("unknown dataset 'no-such-set'");

        Files.writeString(dir.resolve("notes.txt"), "keep me");
        CommandRun occupied = CommandRun.of("pca", "--dataset", "mnist-sample", "--save", dir.toString());
        assertThat(occupied.exitCode()).isEqualTo(2);
        assertThat(occupied.err()).contains("holds files that are not a saved PCA");
        assertThat(dir.resolve("notes.txt")).hasContent("keep me");
    }
}
