package org.deepae.data;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads datasets by name: {@code mnist} (downloaded once into the cache, falling back to the bundled sample when no
 * mirror can be reached), {@code mnist-sample} (bundled, 8,000 + 2,000 real MNIST digits), {@code fashion-mnist}
 * (the system copy, the cache, or a download), or a directory holding the four standard IDX files.
 */
public final class DatasetCatalog {
    /** Full MNIST, 60,000 training and 10,000 test digits; the default. */
    public static final String MNIST = "mnist";
    /** 10,000 MNIST digits bundled with the library: 8,000 for training, 2,000 for testing. */
    public static final String MNIST_SAMPLE = "mnist-sample";
    /** Zalando's Fashion-MNIST, 60,000 + 10,000 images of clothing. */
    public static final String FASHION_MNIST = "fashion-mnist";

    private static final Logger LOG = LoggerFactory.getLogger(DatasetCatalog.class);

    private final CatalogConfig config;

    /** A catalogue with {@link CatalogConfig#defaults()}. */
    public DatasetCatalog() {
        this(CatalogConfig.defaults());
    }

    /** A catalogue with the default sources and the given cache directory. */
    public DatasetCatalog(Path cacheDir) {
        this(CatalogConfig.defaults().withCacheDir(cacheDir));
    }

    /** A catalogue with the given configuration. */
    public DatasetCatalog(CatalogConfig config) {
        this.config = Objects.requireNonNull(config, "config");
    }

    /** The catalogue's dataset names, the default first. */
    public static List<String> names() {
        return List.of(MNIST, MNIST_SAMPLE, FASHION_MNIST);
    }

    /** Whether {@code nameOrPath} is a catalogue name or an existing directory, so {@link #load} can be tried. */
    public static boolean isKnown(String nameOrPath) {
        if (nameOrPath == null || nameOrPath.isBlank()) {
            return false;
        }
        if (names().contains(nameOrPath)) {
            return true;
        }
        try {
            return Files.isDirectory(Path.of(nameOrPath));
        } catch (InvalidPathException e) {
            return false;
        }
    }

    /** Loads a dataset without progress reports; see {@link #load(String, DownloadListener)}. */
    public Dataset load(String nameOrPath) throws IOException {
        return load(nameOrPath, DownloadListener.NONE);
    }

    /**
     * Loads a dataset by catalogue name or directory path. When {@code mnist} falls back to {@code mnist-sample}, the
     * returned {@link DatasetInfo#name()} is {@code mnist-sample} and {@link DatasetInfo#note()} says why.
     *
     * @throws IllegalArgumentException if {@code nameOrPath} is not {@linkplain #isKnown known}
     * @throws IOException if the data cannot be found, downloaded or read
     */
    public Dataset load(String nameOrPath, DownloadListener listener) throws IOException {
        Objects.requireNonNull(listener, "listener");
        if (!isKnown(nameOrPath)) {
            throw new IllegalArgumentException("unknown dataset \"" + nameOrPath + "\": expected one of " + names()
                    + " or a directory holding " + IdxDirectory.STANDARD_NAMES + " (each plain or .gz)");
        }
        return switch (nameOrPath) {
            case MNIST -> loadMnist(listener);
            case MNIST_SAMPLE -> loadSample(null);
            case FASHION_MNIST -> loadFashion(listener);
            default -> loadDirectory(Path.of(nameOrPath));
        };
    }

    private Dataset loadMnist(DownloadListener listener) throws IOException {
        Path dir = config.cacheDir().resolve(MNIST);
        Set<URI> used = new LinkedHashSet<>();
        IdxDirectory.Contents contents;
        try {
            contents = readCache(dir, config.mnist(), null, listener, used);
        } catch (DownloadFailedException e) {
            String note = "mnist could not be downloaded (" + e.getMessage()
                    + "); using the bundled 10,000-image sample " + MNIST_SAMPLE;
            LOG.info(note);
            return loadSample(note);
        }
        String note = used.isEmpty() ? null : "downloaded from " + used + " into " + dir;
        return new Dataset(
                new DatasetInfo(MNIST, dir.toString(), contents.sha256(), note), contents.train(), contents.test());
    }

    /** A download that failed, as opposed to data that could not be read. */
    private static final class DownloadFailedException extends IOException {
        private static final long serialVersionUID = 1L;

        DownloadFailedException(IOException cause) {
            super(cause.getMessage(), cause);
        }
    }

    /**
     * Reads a download cache, first downloading the files it lacks (the mirrors used are added to {@code used}). A
     * cached file that cannot be read, or content that differs from {@code contentSha256} (when given), is deleted and
     * downloaded again, once.
     *
     * @throws DownloadFailedException when a download fails
     * @throws InterruptedIOException when the download is interrupted
     */
    private IdxDirectory.Contents readCache(
            Path dir, RemoteFiles remote, String contentSha256, DownloadListener listener, Set<URI> used)
            throws IOException {
        for (int attempt = 0; ; attempt++) {
            try {
                used.addAll(fetchMissing(dir, remote, listener));
            } catch (InterruptedIOException e) {
                throw e;
            } catch (IOException e) {
                throw new DownloadFailedException(e);
            }
            try {
                IdxDirectory.Contents contents = IdxDirectory.read(dir);
                checkContent(dir.toString(), contentSha256, contents.sha256());
                return contents;
            } catch (DataFormatException e) {
                if (attempt > 0) {
                    throw e;
                }
                deleteDamaged(dir, e);
            }
        }
    }

    private Dataset loadSample(String note) throws IOException {
        IdxDirectory.Contents contents = IdxDirectory.readResources(KnownSources.SAMPLE_RESOURCE_DIR);
        String source = "classpath:" + KnownSources.SAMPLE_RESOURCE_DIR;
        checkContent(source, KnownSources.SAMPLE_CONTENT_SHA256, contents.sha256());
        return new Dataset(
                new DatasetInfo(MNIST_SAMPLE, source, contents.sha256(), note), contents.train(), contents.test());
    }

    private Dataset loadFashion(DownloadListener listener) throws IOException {
        Path system = config.fashionSystemDir();
        if (system != null
                && Files.isDirectory(system)
                && IdxDirectory.missing(system).isEmpty()) {
            // the system's copy is not ours to repair: a damaged one is reported
            IdxDirectory.Contents contents = IdxDirectory.read(system);
            checkContent(system.toString(), config.fashionContentSha256(), contents.sha256());
            return new Dataset(
                    new DatasetInfo(FASHION_MNIST, system.toString(), contents.sha256(), null),
                    contents.train(),
                    contents.test());
        }
        Path cache = config.cacheDir().resolve(FASHION_MNIST);
        Set<URI> used = new LinkedHashSet<>();
        IdxDirectory.Contents contents;
        try {
            contents = readCache(cache, config.fashion(), config.fashionContentSha256(), listener, used);
        } catch (DownloadFailedException e) {
            throw new IOException(
                    "fashion-mnist was not found in " + (system == null ? "" : system + " or ") + cache
                            + " and could not be downloaded: " + e.getMessage(),
                    e);
        }
        String note = used.isEmpty() ? null : "downloaded from " + used + " into " + cache;
        return new Dataset(
                new DatasetInfo(FASHION_MNIST, cache.toString(), contents.sha256(), note),
                contents.train(),
                contents.test());
    }

    private static Dataset loadDirectory(Path dir) throws IOException {
        IdxDirectory.Contents contents = IdxDirectory.read(dir);
        Path name = dir.toAbsolutePath().normalize().getFileName();
        return new Dataset(
                new DatasetInfo(
                        name == null ? dir.toString() : name.toString(),
                        dir.toAbsolutePath().toString(),
                        contents.sha256(),
                        null),
                contents.train(),
                contents.test());
    }

    /**
     * Deletes the cached file {@code damage} is about (all four files when it is about more than one), so that they are
     * downloaded again.
     */
    private static void deleteDamaged(Path dir, DataFormatException damage) throws IOException {
        List<Path> cached = new ArrayList<>();
        for (String name : IdxDirectory.STANDARD_NAMES) {
            cached.add(dir.resolve(name + ".gz"));
            cached.add(dir.resolve(name));
        }
        Path named = Path.of(damage.source());
        List<Path> doomed = cached.contains(named) ? List.of(named) : cached;
        LOG.warn(
                "cached data is damaged ({}); deleting {} and downloading again",
                damage.getMessage(),
                doomed.size() == 1 ? named : "the cached files in " + dir);
        for (Path file : doomed) {
            Files.deleteIfExists(file);
        }
    }

    /** Downloads the files {@code dir} lacks; returns the mirrors used (empty when all were cached). */
    private Set<URI> fetchMissing(Path dir, RemoteFiles remote, DownloadListener listener) throws IOException {
        Set<URI> used = new LinkedHashSet<>();
        for (String name : IdxDirectory.missing(dir)) {
            String file = name + ".gz";
            LOG.info("downloading {} into {}", file, dir);
            used.add(config.downloader()
                    .downloadFromMirrors(remote.mirrors(), file, dir.resolve(file), remote.checksum(file), listener));
        }
        return used;
    }

    private static void checkContent(String source, String expected, String found) throws DataFormatException {
        if (expected != null && !expected.equals(found)) {
            throw new DataFormatException(
                    source,
                    "expected decompressed content with SHA-256 " + expected + ", found " + found
                            + " (the files differ from the published dataset)");
        }
    }
}
