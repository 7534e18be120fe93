package org.deepae.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.deepae.data.IdxTestFiles.gzip;
import static org.deepae.data.IdxTestFiles.images4x4;
import static org.deepae.data.IdxTestFiles.labels;
import static org.deepae.data.IdxTestFiles.write;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.deepae.testing.LoopbackServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatasetCatalogTest {
    /** Tiny stand-ins for the four MNIST files: 6 training and 3 test images of 4x4. */
    private static final Map<String, byte[]> TINY = tinyFiles();

    @TempDir
    Path cache;

    @TempDir
    Path elsewhere;

    private final LoopbackServer server;
    private final Downloader downloader =
            new Downloader(new Downloader.Timeouts(Duration.ofSeconds(2), Duration.ofSeconds(5)));

    DatasetCatalogTest() throws IOException {
        server = new LoopbackServer();
        TINY.forEach((name, content) -> server.serve("/mirror/" + name, content));
    }

    @AfterEach
    void stopServer() throws IOException {
        server.close();
    }

    private static Map<String, byte[]> tinyFiles() {
        try {
            return Map.of(
                    "train-images-idx3-ubyte.gz",
                    gzip(images4x4(6)),
                    "train-labels-idx1-ubyte.gz",
                    gzip(labels(6)),
                    "t10k-images-idx3-ubyte.gz",
                    gzip(images4x4(3)),
                    "t10k-labels-idx1-ubyte.gz",
                    gzip(labels(3)));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, Checksum> tinyChecksums() throws Exception {
        Map<String, Checksum> checksums = new HashMap<>();
        for (var e : TINY.entrySet()) {
            checksums.put(
                    e.getKey(),
                    Checksum.sha256(
                            Checksum.hex(MessageDigest.getInstance("SHA-256").digest(e.getValue()))));
        }
        return checksums;
    }

    private CatalogConfig config(List<URI> mnistMirrors, Map<String, Checksum> checksums) {
        RemoteFiles files = new RemoteFiles(mnistMirrors, checksums);
        return CatalogConfig.defaults()
                .withCacheDir(cache)
                .withDownloader(downloader)
                .withMnist(files)
                .withFashion(elsewhere.resolve("no-system-copy"), files, null);
    }

    private static String tinyContentSha256(Path dir) throws IOException {
        return IdxReader.sha256(
                dir.resolve("train-images-idx3-ubyte.gz"),
                dir.resolve("train-labels-idx1-ubyte.gz"),
                dir.resolve("t10k-images-idx3-ubyte.gz"),
                dir.resolve("t10k-labels-idx1-ubyte.gz"));
    }

    @Test
    void bundledSampleHas8000TrainingAnd2000TestDigits() throws IOException {
        Dataset sample = new DatasetCatalog(cache).load("mnist-sample");

        assertThat(sample.info().name()).isEqualTo("mnist-sample");
        assertThat(sample.info().note()).isNull();
        assertThat(sample.info().sha256())
                .isEqualTo("c5ea5dca06cdc44a10a728a0f343a9f6f2de80746ae9fd8df2d093583250c874");
        assertThat(sample.train().count()).isEqualTo(8000);
        assertThat(sample.test().count()).isEqualTo(2000);
        assertThat(sample.train().imageHeight()).isEqualTo(28);
        assertThat(sample.train().imageWidth()).isEqualTo(28);
        assertThat(sample.train().labels()).containsOnly(0, 1, 2, 3, 4, 5, 6, 7, 8, 9);
        assertThat(sample.test().labels()).containsOnly(0, 1, 2, 3, 4, 5, 6, 7, 8, 9);
        float min = 1;
        float max = 0;
        for (float v : sample.train().values()) {
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        assertThat(min).isEqualTo(0f);
        assertThat(max).isEqualTo(1f);
    }

    @Test
    void downloadsMnistIntoCacheThenLoadsItOffline() throws Exception {
        URI down = LoopbackServer.closedPort("/down/");
        Dataset first =
                new DatasetCatalog(config(List.of(down, server.url("/mirror/")), tinyChecksums())).load("mnist");

        assertThat(first.info().name()).isEqualTo("mnist");
        assertThat(first.info().source()).isEqualTo(cache.resolve("mnist").toString());
        assertThat(first.info().note()).startsWith("downloaded from [" + server.url("/mirror/") + "]");
        assertThat(first.train().count()).isEqualTo(6);
        assertThat(first.test().count()).isEqualTo(3);
        assertThat(first.info().sha256()).isEqualTo(tinyContentSha256(cache.resolve("mnist")));

        server.close();
        Dataset second = new DatasetCatalog(config(List.of(down), tinyChecksums())).load("mnist");

        assertThat(second.info().name()).isEqualTo("mnist");
        assertThat(second.info().note()).isNull();
        assertThat(second.info().sha256()).isEqualTo(first.info().sha256());
        assertThat(second.train().values()).containsExactly(first.train().values());
    }

    @Test
    void fallsBackToSampleWhenNoMirrorCanBeReached() throws Exception {
        URI down = LoopbackServer.closedPort("/down/");
        Dataset data = new DatasetCatalog(config(List.of(down), tinyChecksums())).load("mnist");

        assertThat(data.info().name()).isEqualTo("mnist-sample");
        assertThat(data.info().note())
                .startsWith("mnist could not be downloaded (could not download train-images-idx3-ubyte.gz")
                .contains(down + "train-images-idx3-ubyte.gz: connection refused")
                .endsWith("; using the bundled 10,000-image sample mnist-sample");
        assertThat(data.train().count()).isEqualTo(8000);
        assertThat(cache.resolve("mnist/train-images-idx3-ubyte.gz")).doesNotExist();
    }

    @Test
    void fallsBackToSampleWhenEveryMirrorFailsTheChecksum() throws Exception {
        Map<String, Checksum> wrong = new HashMap<>(tinyChecksums());
        wrong.put("train-images-idx3-ubyte.gz", Checksum.sha256("ab".repeat(32)));
        Dataset data = new DatasetCatalog(config(List.of(server.url("/mirror/")), wrong)).load("mnist");

        assertThat(data.info().name()).isEqualTo("mnist-sample");
        assertThat(data.info().note()).contains("checksum mismatch: expected sha256:" + "ab".repeat(32));
        try (var files = Files.list(cache.resolve("mnist"))) {
            assertThat(files.map(f -> f.getFileName().toString()))
                    .doesNotContain("train-images-idx3-ubyte.gz")
                    .noneMatch(name -> name.endsWith(".part"));
        }
    }

    @Test
    void loadsDirectoryOfPlainAndGzipFiles() throws Exception {
        Path dir = elsewhere.resolve("digits");
        write(dir.resolve("train-images-idx3-ubyte"), images4x4(6));
        write(dir.resolve("train-labels-idx1-ubyte.gz"), gzip(labels(6)));
        write(dir.resolve("t10k-images-idx3-ubyte.gz"), gzip(images4x4(3)));
        write(dir.resolve("t10k-labels-idx1-ubyte"), labels(3));

        Dataset data = new DatasetCatalog(cache).load(dir.toString());

        assertThat(data.info().name()).isEqualTo("digits");
        assertThat(data.info().source()).isEqualTo(dir.toAbsolutePath().toString());
        assertThat(data.info().sha256())
                .isEqualTo(new DatasetCatalog(config(List.of(server.url("/mirror/")), tinyChecksums()))
                        .load("mnist")
                        .info()
                        .sha256());
        assertThat(data.train().labels()).containsExactly(0, 1, 2, 3, 4, 5);
    }

    @Test
    void reportsMissingFilesOfDirectory() throws IOException {
        Path dir = elsewhere.resolve("partial");
        write(dir.resolve("train-images-idx3-ubyte"), images4x4(6));
        assertThatThrownBy(() -> new DatasetCatalog(cache).load(dir.toString()))
                .isInstanceOf(DataFormatException.class)
                .hasMessageStartingWith(dir + ": expected the files")
                .hasMessageContaining(
                        "missing [train-labels-idx1-ubyte, t10k-images-idx3-ubyte, t10k-labels-idx1-ubyte]");
    }

    @Test
    void readsFashionFromSystemDirectoryAndChecksItsContent() throws Exception {
        Path system = elsewhere.resolve("fashion");
        for (var e : TINY.entrySet()) {
            write(system.resolve(e.getKey()), e.getValue());
        }
        RemoteFiles unreachable = new RemoteFiles(List.of(LoopbackServer.closedPort("/")), tinyChecksums());
        CatalogConfig base = config(List.of(server.url("/mirror/")), tinyChecksums());

        Dataset data = new DatasetCatalog(base.withFashion(system, unreachable, tinyContentSha256(system)))
                .load("fashion-mnist");
        assertThat(data.info().name()).isEqualTo("fashion-mnist");
        assertThat(data.info().source()).isEqualTo(system.toString());

        DatasetCatalog wrongContent = new DatasetCatalog(base.withFashion(system, unreachable, "cd".repeat(32)));
        assertThatThrownBy(() -> wrongContent.load("fashion-mnist"))
                .isInstanceOf(DataFormatException.class)
                .hasMessageStartingWith(system + ": expected decompressed content with SHA-256 " + "cd".repeat(32));
    }

    @Test
    void failsFashionWithoutFallbackNamingEverythingTried() throws Exception {
        URI down = LoopbackServer.closedPort("/down/");
        CatalogConfig config = config(List.of(down), tinyChecksums());

        assertThatThrownBy(() -> new DatasetCatalog(config).load("fashion-mnist"))
                .isInstanceOf(IOException.class)
                .hasMessageStartingWith("fashion-mnist was not found in " + elsewhere.resolve("no-system-copy") + " or "
                        + cache.resolve("fashion-mnist") + " and could not be downloaded: ")
                .hasMessageContaining(down + "train-images-idx3-ubyte.gz: connection refused");
    }

    @Test
    void knowsCatalogueNamesAndExistingDirectories() {
        assertThat(DatasetCatalog.names()).containsExactly("mnist", "mnist-sample", "fashion-mnist");
        assertThat(DatasetCatalog.isKnown("fashion-mnist")).isTrue();
        assertThat(DatasetCatalog.isKnown(elsewhere.toString())).isTrue();
        assertThat(DatasetCatalog.isKnown("cifar-10")).isFalse();
        assertThat(DatasetCatalog.isKnown("")).isFalse();
        assertThatThrownBy(() -> new DatasetCatalog(cache).load("cifar-10"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith(
                        "unknown dataset \"cifar-10\": expected one of [mnist, mnist-sample, fashion-mnist]");
    }
}
