package org.deepae.robustness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.deepae.data.CatalogConfig;
import org.deepae.data.Checksum;
import org.deepae.data.Dataset;
import org.deepae.data.DatasetCatalog;
import org.deepae.data.DownloadListener;
import org.deepae.data.Downloader;
import org.deepae.data.RemoteFiles;
import org.deepae.testing.LoopbackServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Downloads from a loopback server that misbehaves, and a damaged download cache. */
@Timeout(10)
@Tag("slow")
class DownloadRobustnessTest {
    private static final Duration SHORT = Duration.ofMillis(800);

    @TempDir
    Path dir;

    private final LoopbackServer server;
    private final Downloader downloader = new Downloader(new Downloader.Timeouts(SHORT, SHORT));

    DownloadRobustnessTest() throws IOException {
        server = new LoopbackServer();
    }

    @AfterEach
    void stopServer() throws IOException {
        server.close();
    }

    private static Checksum sha256(byte[] bytes) throws Exception {
        return Checksum.sha256(java.util.HexFormat.of()
                .formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)));
    }

    /** The four files of a tiny IDX dataset (6 training, 3 test images of 4x4), by name. */
    private static Map<String, byte[]> tinyIdxFiles() throws IOException {
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("train-images-idx3-ubyte.gz", Hostile.gzip(Hostile.images(6, 4, 4)));
        files.put("train-labels-idx1-ubyte.gz", Hostile.gzip(Hostile.labels(6)));
        files.put("t10k-images-idx3-ubyte.gz", Hostile.gzip(Hostile.images(3, 4, 4)));
        files.put("t10k-labels-idx1-ubyte.gz", Hostile.gzip(Hostile.labels(3)));
        return files;
    }

    /** Serves {@code files} under {@code base} on the loopback server: a mirror with their checksums. */
    private RemoteFiles serve(String base, Map<String, byte[]> files) throws Exception {
        Map<String, Checksum> checksums = new LinkedHashMap<>();
        for (var e : files.entrySet()) {
            server.serve(base + e.getKey(), e.getValue());
            checksums.put(e.getKey(), sha256(e.getValue()));
        }
        return new RemoteFiles(List.of(server.url(base)), checksums);
    }

    @Test
    void aServerThatStallsMidBodyIsAbandonedAfterTheTimeout() throws Exception {
        byte[] content = new byte[200_000];
        server.stall("/slow.gz", content, 1000);
        URI url = server.url("/slow.gz");
        Path target = dir.resolve("slow.gz");
        long start = System.nanoTime();

        assertThatThrownBy(() -> downloader.download(url, target, sha256(content), DownloadListener.NONE))
                .isInstanceOf(IOException.class)
                .hasMessage(url + ": no data for 0.8 s after 1000 of 200000 bytes; the server stopped sending");

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
        try (var files = Files.list(dir)) {
            assertThat(files).as("no file and no temporary left").isEmpty();
        }
    }

    @Test
    void aStalledMirrorIsSkippedForTheNextOne() throws Exception {
        byte[] content = "the real content".repeat(100).getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        server.stall("/a/f.gz", content, 10).serve("/b/f.gz", content);
        Path target = dir.resolve("f.gz");

        URI used = downloader.downloadFromMirrors(
                List.of(server.url("/a/"), server.url("/b/")), "f.gz", target, sha256(content), DownloadListener.NONE);

        assertThat(used).isEqualTo(server.url("/b/"));
        assertThat(target).hasBinaryContent(content);
    }

    @Test
    void aDamagedCachedFileIsDeletedAndDownloadedAgain() throws Exception {
        RemoteFiles remote = serve("/mirror/", tinyIdxFiles());
        Path cache = dir.resolve("cache");
        CatalogConfig config = CatalogConfig.defaults()
                .withCacheDir(cache)
                .withDownloader(downloader)
                .withMnist(remote)
                .withFashion(dir.resolve("none"), remote, null);
        DatasetCatalog catalog = new DatasetCatalog(config);
        assertThat(catalog.load("mnist").info().name()).isEqualTo("mnist");
        Path images = cache.resolve("mnist/train-images-idx3-ubyte.gz");
        byte[] good = Files.readAllBytes(images);
        Files.write(images, Hostile.cut(good, good.length / 2));

        Dataset again = catalog.load("mnist");

        assertThat(again.info().name()).isEqualTo("mnist");
        assertThat(again.train().count()).isEqualTo(6);
        assertThat(images).hasBinaryContent(good);
        assertThat(server.requests("/mirror/train-images-idx3-ubyte.gz")).isEqualTo(2);
        assertThat(server.requests("/mirror/train-labels-idx1-ubyte.gz")).isEqualTo(1);
    }

    @Test
    void cachedFilesThatDisagreeWithEachOtherAreAllDownloadedAgain() throws Exception {
        Map<String, Checksum> checksums = new LinkedHashMap<>();
        Path cache = dir.resolve("cache");
        Map<String, byte[]> files = Map.of(
                "train-images-idx3-ubyte.gz",
                Hostile.gzip(Hostile.images(6, 4, 4)),
                "train-labels-idx1-ubyte.gz",
                Hostile.gzip(Hostile.labels(6)),
                "t10k-images-idx3-ubyte.gz",
                Hostile.gzip(Hostile.images(3, 4, 4)),
                "t10k-labels-idx1-ubyte.gz",
                Hostile.gzip(Hostile.labels(3)));
        for (var e : files.entrySet()) {
            server.serve("/m/" + e.getKey(), e.getValue());
            checksums.put(e.getKey(), sha256(e.getValue()));
            Hostile.write(cache.resolve("mnist").resolve(e.getKey()), e.getValue());
        }
        Hostile.write(cache.resolve("mnist/t10k-images-idx3-ubyte.gz"), Hostile.gzip(Hostile.images(3, 5, 5)));
        RemoteFiles remote = new RemoteFiles(List.of(server.url("/m/")), checksums);
        DatasetCatalog catalog = new DatasetCatalog(CatalogConfig.defaults()
                .withCacheDir(cache)
                .withDownloader(downloader)
                .withMnist(remote));

        Dataset data = catalog.load("mnist");

        assertThat(data.test().imageHeight()).isEqualTo(4);
        assertThat(server.requests("/m/t10k-images-idx3-ubyte.gz")).isEqualTo(1);
        assertThat(server.requests("/m/train-labels-idx1-ubyte.gz")).isEqualTo(1);
    }

    @Test
    void aDamagedFashionCacheIsRepairedButADamagedSystemCopyIsOnlyReported() throws Exception {
        Map<String, byte[]> files = tinyIdxFiles();
        RemoteFiles remote = serve("/f/", files);
        Path cache = dir.resolve("cache");
        DatasetCatalog catalog = new DatasetCatalog(CatalogConfig.defaults()
                .withCacheDir(cache)
                .withDownloader(downloader)
                .withFashion(dir.resolve("no-system-copy"), remote, null));
        assertThat(catalog.load("fashion-mnist").train().count()).isEqualTo(6);
        Path labels = cache.resolve("fashion-mnist/train-labels-idx1-ubyte.gz");
        byte[] good = Files.readAllBytes(labels);
        Files.write(labels, Hostile.cut(good, good.length - 3));

        Dataset again = catalog.load("fashion-mnist");

        assertThat(again.train().count()).isEqualTo(6);
        assertThat(labels).hasBinaryContent(good);
        assertThat(server.requests("/f/train-labels-idx1-ubyte.gz")).isEqualTo(2);
        assertThat(server.requests("/f/train-images-idx3-ubyte.gz")).isEqualTo(1);

        // the same damage in the system's copy: reported, and the file is left alone
        Path system = dir.resolve("system");
        for (var e : files.entrySet()) {
            Hostile.write(system.resolve(e.getKey()), e.getValue());
        }
        Hostile.write(system.resolve("train-labels-idx1-ubyte.gz"), Hostile.cut(good, good.length - 3));
        DatasetCatalog withSystem = new DatasetCatalog(CatalogConfig.defaults()
                .withCacheDir(cache)
                .withDownloader(downloader)
                .withFashion(system, remote, null));
        assertThatThrownBy(() -> withSystem.load("fashion-mnist"))
                .isInstanceOf(IOException.class)
                .hasMessageContaining(
                        system.resolve("train-labels-idx1-ubyte.gz").toString());
        assertThat(system.resolve("train-labels-idx1-ubyte.gz")).exists();
    }
}
