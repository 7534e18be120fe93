package org.deepae.data;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.deepae.io.AtomicFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Downloads files over HTTP(S), verifying a published checksum before the file appears at its target path.
 *
 * <p>The body goes to a temporary sibling of the target and is moved into place only when it is complete and its
 * checksum matches, so a failed or interrupted download never leaves a file where a cache would find it.
 */
public final class Downloader {
    private static final Logger LOG = LoggerFactory.getLogger(Downloader.class);
    private static final int BUFFER = 1 << 16;

    /**
     * Timeouts for one download.
     *
     * @param connect time allowed to open the connection
     * @param request time allowed from sending the request until the response headers arrive, and the longest the body
     *     may then stall with no data before the download is abandoned
     */
    public record Timeouts(Duration connect, Duration request) {
        /** 15 s to connect, 60 s for the response to start and at most 60 s without data while it arrives. */
        public static final Timeouts DEFAULT = new Timeouts(Duration.ofSeconds(15), Duration.ofSeconds(60));

        public Timeouts {
            Objects.requireNonNull(connect, "connect");
            Objects.requireNonNull(request, "request");
            if (connect.isNegative() || connect.isZero() || request.isNegative() || request.isZero()) {
                throw new IllegalArgumentException(
                        "timeouts must be positive, got connect " + connect + ", request " + request);
            }
        }
    }

    private final Timeouts timeouts;
    /**
     * Made on the first download: a client starts a selector thread that waits in native code, and at exit the JVM
     * waits
     * up to 300 ms for such threads, so a run that finds its data on disk would pay for a client it never used.
     */
    private HttpClient client;

    /** A downloader with {@link Timeouts#DEFAULT}. */
    public Downloader() {
        this(Timeouts.DEFAULT);
    }

    /** A downloader with the given timeouts that follows redirects (except from HTTPS to HTTP). */
    public Downloader(Timeouts timeouts) {
        this.timeouts = Objects.requireNonNull(timeouts, "timeouts");
    }

    private synchronized HttpClient client() {
        if (client == null) {
            client = HttpClient.newBuilder()
                    .connectTimeout(timeouts.connect())
                    .followRedirects(HttpClient.Redirect.NORMAL)
                    .build();
        }
        return client;
    }

    /**
     * Downloads {@code url} to {@code target}, replacing any existing file, after checking {@code checksum}.
     *
     * @throws IOException naming the URL and the problem: HTTP status, checksum expected and found, a truncated
     *     transfer, a refused connection or a timeout
     */
    public void download(URI url, Path target, Checksum checksum, DownloadListener listener) throws IOException {
        Objects.requireNonNull(checksum, "checksum");
        Objects.requireNonNull(listener, "listener");
        Path tmp = AtomicFiles.createTempSibling(target);
        try {
            byte[] digest = fetch(url, tmp, checksum.newDigest(), listener);
            if (!checksum.matches(digest)) {
                throw new IOException(url + ": checksum mismatch: expected " + checksum + ", found "
                        + (checksum.algorithm().equals("SHA-256") ? "sha256:" : "md5:") + Checksum.hex(digest));
            }
            AtomicFiles.moveIntoPlace(tmp, target);
            LOG.info("downloaded {} to {}", url, target);
        } finally {
            AtomicFiles.deleteQuietly(tmp);
        }
    }

    /**
     * Downloads {@code fileName} from the first of {@code mirrors} (base URLs) that delivers it with the right
     * checksum.
     *
     * @return the mirror that worked
     * @throws IOException listing every URL tried and why it failed
     */
    public URI downloadFromMirrors(
            List<URI> mirrors, String fileName, Path target, Checksum checksum, DownloadListener listener)
            throws IOException {
        List<String> failures = new ArrayList<>();
        for (URI mirror : mirrors) {
            URI url = mirror.resolve(fileName);
            try {
                download(url, target, checksum, listener);
                return mirror;
            } catch (InterruptedIOException e) {
                throw e;
            } catch (IOException e) {
                LOG.info("download failed, trying the next mirror if any: {}", e.getMessage());
                failures.add(e.getMessage());
            }
        }
        throw new IOException("could not download " + fileName + " from "
                + (mirrors.size() == 1 ? "its only mirror" : "any of " + mirrors.size() + " mirrors") + ": "
                + String.join("; ", failures));
    }

    private byte[] fetch(URI url, Path tmp, MessageDigest digest, DownloadListener listener) throws IOException {
        HttpRequest request =
                HttpRequest.newBuilder(url).timeout(timeouts.request()).GET().build();
        HttpResponse<InputStream> response;
        try {
            response = client().send(request, HttpResponse.BodyHandlers.ofInputStream());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException(url + ": download interrupted");
        } catch (HttpConnectTimeoutException e) {
            throw new IOException(url + ": connection timed out after " + timeouts.connect(), e);
        } catch (HttpTimeoutException e) {
            throw new IOException(url + ": no response within " + timeouts.request(), e);
        } catch (ConnectException e) {
            if (hasCause(e, UnresolvedAddressException.class)) {
                throw new IOException(
                        url + ": host " + url.getHost() + " not found (no network, or no name server answer)", e);
            }
            throw new IOException(url + ": connection refused or unreachable (" + describe(e) + ")", e);
        } catch (IOException e) {
            throw new IOException(url + ": " + describe(e), e);
        }
        if (response.statusCode() != 200) {
            response.body().close();
            throw new IOException(url + ": HTTP status " + response.statusCode() + ", expected 200");
        }
        long length = response.headers().firstValueAsLong("Content-Length").orElse(-1);
        long received = 0;
        ExecutorService reader = Executors.newSingleThreadExecutor(task -> {
            Thread thread = new Thread(task, "deepae-download " + url);
            thread.setDaemon(true);
            return thread;
        });
        try (InputStream body = response.body();
                OutputStream out = Files.newOutputStream(tmp)) {
            byte[] buffer = new byte[BUFFER];
            for (int n; (n = readWithin(reader, body, buffer, url)) >= 0; ) {
                out.write(buffer, 0, n);
                digest.update(buffer, 0, n);
                received += n;
                listener.onProgress(url, received, length);
            }
        } catch (StalledException e) {
            throw new IOException(
                    url + ": no data for " + seconds(timeouts.request()) + " s after " + received + " of "
                            + (length < 0 ? "an unknown number of" : length) + " bytes; the server stopped sending",
                    e);
        } catch (InterruptedIOException e) {
            throw e;
        } catch (IOException e) {
            throw new IOException(
                    url + ": transfer broke off after " + received + " of "
                            + (length < 0 ? "an unknown number of" : length) + " bytes (" + describe(e) + ")",
                    e);
        } finally {
            reader.shutdownNow();
        }
        if (length >= 0 && received != length) {
            throw new IOException(
                    url + ": truncated transfer: Content-Length is " + length + " bytes, received " + received);
        }
        return digest.digest();
    }

    /** Reads into {@code buffer} on {@code reader}, giving up when no data arrives within the request timeout. */
    private int readWithin(ExecutorService reader, InputStream body, byte[] buffer, URI url) throws IOException {
        Future<Integer> read = reader.submit(() -> body.read(buffer));
        try {
            return read.get(timeouts.request().toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            read.cancel(true);
            throw new StalledException();
        } catch (InterruptedException e) {
            read.cancel(true);
            Thread.currentThread().interrupt();
            throw new InterruptedIOException(url + ": download interrupted");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            throw new IOException(e.getCause());
        }
    }

    /** No data arrived within the request timeout. */
    private static final class StalledException extends IOException {
        private static final long serialVersionUID = 1L;
    }

    private static String seconds(Duration duration) {
        long millis = duration.toMillis();
        return millis % 1000 == 0 ? Long.toString(millis / 1000) : Double.toString(millis / 1000.0);
    }

    private static boolean hasCause(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    private static String describe(IOException e) {
        String message = e.getMessage();
        return e.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }
}
