package org.deepae.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.deepae.data.Compression;
import org.deepae.data.IdxWriter;
import org.deepae.data.Rows;
import org.deepae.testing.BarImages;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code deepae train} on the data sources other than the bundled sample. */
@Tag("slow")
class TrainDataSourcesTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void unreachableMnistFallsBackToTheSampleWithAWarningAndRecordsIt(@TempDir Path dir) throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        Path out = dir.resolve("run");
        CommandRun run = CommandRun.of(
                "train",
                "--dataset",
                "mnist",
                "--data-dir",
                dir.resolve("cache").toString(),
                "--mirror",
                "http://127.0.0.1:" + closedPort + "/mnist",
                "--epochs",
                "1",
                "--layers",
                "16,4",
                "--batch-size",
                "1000",
                "--out",
                out.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.err())
                .contains(
                        "warning: mnist could not be downloaded",
                        "127.0.0.1:" + closedPort,
                        "using the bundled 10,000-image sample mnist-sample");
        JsonNode dataset = JSON.readTree(out.resolve("metrics.json").toFile()).path("dataset");
        assertThat(dataset.path("name").asText()).isEqualTo("mnist-sample");
        assertThat(dataset.path("requested").asText()).isEqualTo("mnist");
        assertThat(dataset.path("note").asText()).contains("could not be downloaded");
        assertThat(dataset.path("train_size").asInt()).isEqualTo(8000);
        try (var cached = Files.list(dir.resolve("cache").resolve("mnist"))) {
            assertThat(cached.filter(p -> !Files.isDirectory(p))).isEmpty();
        }
    }

    @Test
    void trainsOnADirectoryOfIdxFiles(@TempDir Path dir) throws Exception {
        Path data = Files.createDirectory(dir.resolve("bars"));
        Rows train = bars(12, 1);
        Rows test = bars(3, 2);
        IdxWriter.writeImages(data.resolve("train-images-idx3-ubyte.gz"), train.toImageSet(), Compression.GZIP);
        IdxWriter.writeLabels(data.resolve("train-labels-idx1-ubyte.gz"), train.labels(), Compression.GZIP);
        IdxWriter.writeImages(data.resolve("t10k-images-idx3-ubyte"), test.toImageSet(), Compression.NONE);
        IdxWriter.writeLabels(data.resolve("t10k-labels-idx1-ubyte"), test.labels(), Compression.NONE);
        Path out = dir.resolve("run");

        CommandRun run = CommandRun.of(
                "train",
                "--dataset",
                data.toString(),
                "--layers",
                "4,2",
                "--epochs",
                "2",
                "--batch-size",
                "5",
                "--out",
                out.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("Epoch 1/2", "Epoch 2/2");
        assertThat(run.err()).contains("Training 16-4-2-4-16", "12 training, 3 test images of 4x4");
        BufferedImage figure = ImageIO.read(out.resolve("reconstructions.png").toFile());
        assertThat(figure.getHeight()).isEqualTo(10 + 16 + 4 + 16 + 10);
        JsonNode metrics = JSON.readTree(out.resolve("metrics.json").toFile());
        assertThat(metrics.path("dataset").path("source").asText()).isEqualTo(data.toString());
        assertThat(metrics.path("dataset").path("test_size").asInt()).isEqualTo(3);
    }

    @Test
    void brokenDataIsAOneLineFailureNamingTheFile(@TempDir Path dir) throws Exception {
        Path data = Files.createDirectory(dir.resolve("broken"));
        Rows set = bars(4, 1);
        IdxWriter.writeImages(data.resolve("train-images-idx3-ubyte"), set.toImageSet(), Compression.NONE);
        IdxWriter.writeLabels(data.resolve("train-labels-idx1-ubyte"), set.labels(), Compression.NONE);
        IdxWriter.writeImages(data.resolve("t10k-images-idx3-ubyte"), set.toImageSet(), Compression.NONE);
        Path labels = data.resolve("t10k-labels-idx1-ubyte");
        Files.write(labels, new byte[] {0, 0, 8, 3, 0, 0, 0, 4});
        Path out = dir.resolve("run");

        CommandRun run = CommandRun.of("train", "--dataset", data.toString(), "--out", out.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err().strip().lines()).hasSize(1);
        assertThat(run.err()).contains(labels.toString()).doesNotContain("Exception", "\tat ");
        assertThat(out).doesNotExist();
    }

    @Test
    void verboseAddsTheStackTrace(@TempDir Path dir) throws Exception {
        Path data = Files.createDirectory(dir.resolve("broken"));
        Files.write(data.resolve("train-images-idx3-ubyte"), new byte[] {1, 2, 3});
        CommandRun run = CommandRun.of(
                "train",
                "-v",
                "--dataset",
                data.toString(),
                "--out",
                dir.resolve("r").toString());
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("\tat ");
    }

    @Test
    void mirrorMustBeAnHttpUrl(@TempDir Path dir) {
        CommandRun run = CommandRun.of(
                "train",
                "--mirror",
                "ftp://example.org/mnist/",
                "--out",
                dir.resolve("r").toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--mirror ftp://example.org/mnist/ is not a valid URL");
    }

    private static Rows bars(int count, long seed) {
        BarImages bars = BarImages.of(count, 4, seed);
        return new Rows(bars.pixels(), count, bars.width(), bars.labels(), 4, 4, "bars");
    }
}
