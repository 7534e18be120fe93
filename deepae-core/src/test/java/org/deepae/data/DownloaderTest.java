package org.deepae.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.deepae.testing.LoopbackServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DownloaderTest {
    private static final byte[] CONTENT =
            "forty-two bytes of perfectly fine content.".getBytes(StandardCharsets.US_ASCII);

    @TempDir
    Path dir;

    private final LoopbackServer server;
    private final Downloader downloader =
            new Downloader(new Downloader.Timeouts(Duration.ofSeconds(2), Duration.ofSeconds(5)));

    DownloaderTest() throws IOException {
        server = new LoopbackServer();
    }

    @AfterEach
    void stopServer() throws IOException {
        server.close();
    }

    private static Checksum sha256Of(byte[] bytes) throws Exception {
        return Checksum.sha256(Checksum.hex(MessageDigest.getInstance("SHA-256").digest(bytes)));
    }

    private List<Path> filesInDir() throws IOException {
        try (var files = Files.list(dir)) {
            return files.toList();
        }
    }

    private static Set<Thread> selectorThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(thread -> thread.isAlive() && thread.getName().contains("SelectorManager"))
                .collect(Collectors.toSet());
    }

    /** Selector threads alive now that were not in {@code before} (others may end meanwhile, as their clients go). */
    private static Set<Thread> selectorThreadsBesides(Set<Thread> before) {
        Set<Thread> now = selectorThreads();
        now.removeAll(before);
        return now;
    }

    @Test
    void startsNoHttpClientThreadBeforeItsFirstDownload() throws Exception {
        // an HTTP client's selector thread waits in native code, and the JVM waits up to 300 ms for it at exit
        Set<Thread> before = selectorThreads();
        Downloader fresh = new Downloader();
        assertThat(selectorThreadsBesides(before))
                .as("selector threads started by making a downloader")
                .isEmpty();

        server.serve("/data/file.bin", CONTENT);
        fresh.download(server.url("/data/file.bin"), dir.resolve("file.bin"), sha256Of(CONTENT), (url, n, total) -> {});
        assertThat(selectorThreadsBesides(before))
                .as("selector threads started by its first download")
                .isNotEmpty();
    }

    @Test
    void downloadsAndVerifiesChecksum() throws Exception {
        server.serve("/data/file.bin", CONTENT);
        Path target = dir.resolve("file.bin");
        List<Long> progress = new ArrayList<>();

        downloader.download(
                server.url("/data/file.bin"), target, sha256Of(CONTENT), (url, soFar, total) -> progress.add(total));

        assertThat(target).hasBinaryContent(CONTENT);
        assertThat(progress).isNotEmpty().allMatch(total -> total == CONTENT.length);
        assertThat(filesInDir()).containsExactly(target);
    }

    @Test
    void acceptsMd5Checksum() throws Exception {
        server.serve("/f", CONTENT);
        String md5 = Checksum.hex(MessageDigest.getInstance("MD5").digest(CONTENT));
        downloader.download(server.url("/f"), dir.resolve("f"), Checksum.parse("md5:" + md5), DownloadListener.NONE);
        assertThat(dir.resolve("f")).hasBinaryContent(CONTENT);
    }

    @Test
    void rejectsWrongChecksumAndLeavesNoFile() throws Exception {
        server.serve("/f", CONTENT);
        Checksum wrong = Checksum.sha256("0".repeat(64));
        URI url = server.url("/f");

        assertThatThrownBy(() -> downloader.download(url, dir.resolve("f"), wrong, DownloadListener.NONE))
                .isInstanceOf(IOException.class)
                .hasMessage(url + ": checksum mismatch: expected sha256:" + "0".repeat(64) + ", found "
                        + sha256Of(CONTENT));
        assertThat(filesInDir()).isEmpty();
    }

    @Test
    void keepsExistingFileWhenReplacementFails() throws Exception {
        Path target = Files.writeString(dir.resolve("f"), "good old copy");
        URI url = server.url("/missing");
        assertThatThrownBy(() -> downloader.download(url, target, sha256Of(CONTENT), DownloadListener.NONE))
                .hasMessage(url + ": HTTP status 404, expected 200");
        assertThat(target).hasContent("good old copy");
        assertThat(filesInDir()).containsExactly(target);
    }

    @Test
    void rejectsTruncatedTransferAndLeavesNoFile() throws Exception {
        server.serveTruncated("/f", CONTENT, 1000);
        URI url = server.url("/f");

        assertThatThrownBy(() -> downloader.download(url, dir.resolve("f"), sha256Of(CONTENT), DownloadListener.NONE))
                .isInstanceOf(IOException.class)
                .hasMessageStartingWith(url + ": ")
                .hasMessageContaining("1000");
        assertThat(filesInDir()).isEmpty();
    }

    @Test
    void reportsServerThatIsDown() throws Exception {
        URI url = LoopbackServer.closedPort("/f");
        assertThatThrownBy(() -> downloader.download(url, dir.resolve("f"), sha256Of(CONTENT), DownloadListener.NONE))
                .isInstanceOf(IOException.class)
                .hasMessageStartingWith(url + ": connection refused");
        assertThat(filesInDir()).isEmpty();
    }

    @Test
    void reportsAHostThatDoesNotResolve() throws Exception {
        URI url = URI.create("http://deepae-test.invalid/f");
        assertThatThrownBy(() -> downloader.download(url, dir.resolve("f"), sha256Of(CONTENT), DownloadListener.NONE))
                .isInstanceOf(IOException.class)
                .hasMessageStartingWith(url + ": host deepae-test.invalid not found");
        assertThat(filesInDir()).isEmpty();
    }

    @Test
    void triesNextMirrorAfterNotFound() throws Exception {
        server.serve("/second/file.bin", CONTENT);
        List<URI> mirrors = List.of(server.url("/first/"), server.url("/second/"));

        URI used = downloader.downloadFromMirrors(
                mirrors, "file.bin", dir.resolve("file.bin"), sha256Of(CONTENT), DownloadListener.NONE);

        assertThat(used).isEqualTo(server.url("/second/"));
        assertThat(dir.resolve("file.bin")).hasBinaryContent(CONTENT);
    }

    @Test
    void listsEveryMirrorWhenAllFail() throws Exception {
        URI down = LoopbackServer.closedPort("/m/");
        List<URI> mirrors = List.of(server.url("/first/"), down);

        assertThatThrownBy(() -> downloader.downloadFromMirrors(
                        mirrors, "file.bin", dir.resolve("file.bin"), sha256Of(CONTENT), DownloadListener.NONE))
                .hasMessageStartingWith("could not download file.bin from any of 2 mirrors: ")
                .hasMessageContaining(server.url("/first/file.bin") + ": HTTP status 404")
                .hasMessageContaining(down.resolve("file.bin") + ": connection refused");
        assertThat(filesInDir()).isEmpty();
    }

    @Test
    void reportsServerThatNeverResponds() throws Exception {
        try (ServerSocket silent = new ServerSocket(0, 10, InetAddress.getLoopbackAddress())) {
            URI url = URI.create("http://127.0.0.1:" + silent.getLocalPort() + "/f");
            Downloader impatient =
                    new Downloader(new Downloader.Timeouts(Duration.ofSeconds(1), Duration.ofMillis(300)));

            assertThatThrownBy(
                            () -> impatient.download(url, dir.resolve("f"), sha256Of(CONTENT), DownloadListener.NONE))
                    .isInstanceOf(IOException.class)
                    .hasMessage(url + ": no response within PT0.3S");
        }
        assertThat(filesInDir()).isEmpty();
    }

    @Test
    void parsesAndValidatesChecksums() {
        assertThat(Checksum.parse("sha256:" + "AB".repeat(32))).isEqualTo(Checksum.sha256("ab".repeat(32)));
        assertThat(Checksum.parse("md5:" + "0".repeat(32)).algorithm()).isEqualTo("MD5");
        assertThatThrownBy(() -> Checksum.sha256("abc"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("SHA-256 checksum must be 64 hex digits, got \"abc\"");
        assertThatThrownBy(() -> Checksum.parse("crc32:1234"))
                .hasMessage("checksum must look like sha256:<hex> or md5:<hex>, got crc32:1234");
    }
}
