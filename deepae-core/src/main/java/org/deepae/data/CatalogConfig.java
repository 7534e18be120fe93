package org.deepae.data;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * Where {@link DatasetCatalog} looks for and downloads datasets. Tests replace the mirrors, checksums and directories.
 *
 * @param cacheDir the cache; downloads go to {@code <cacheDir>/<dataset name>/}
 * @param mnist MNIST mirrors and published checksums
 * @param fashionSystemDir a system-wide Fashion-MNIST directory searched before the cache, or {@code null}
 * @param fashion Fashion-MNIST mirrors and published checksums
 * @param fashionContentSha256 SHA-256 over the decompressed Fashion-MNIST files, checked whenever they are read, or
 *     {@code null} to skip the check
 * @param downloader performs the downloads
 */
public record CatalogConfig(
        Path cacheDir,
        RemoteFiles mnist,
        Path fashionSystemDir,
        RemoteFiles fashion,
        String fashionContentSha256,
        Downloader downloader) {
    public CatalogConfig {
        Objects.requireNonNull(cacheDir, "cacheDir");
        Objects.requireNonNull(mnist, "mnist");
        Objects.requireNonNull(fashion, "fashion");
        Objects.requireNonNull(downloader, "downloader");
        if (fashionContentSha256 != null) {
            fashionContentSha256 = Checksum.sha256(fashionContentSha256).hex();
        }
    }

    /** The published mirrors and checksums, the Debian Fashion-MNIST directory and {@link #defaultCacheDir()}. */
    public static CatalogConfig defaults() {
        return new CatalogConfig(
                defaultCacheDir(),
                new RemoteFiles(KnownSources.MNIST_MIRRORS, KnownSources.MNIST_CHECKSUMS),
                KnownSources.FASHION_SYSTEM_DIR,
                new RemoteFiles(KnownSources.FASHION_MIRRORS, KnownSources.FASHION_CHECKSUMS),
                KnownSources.FASHION_CONTENT_SHA256,
                new Downloader());
    }

    /** {@code $DEEPAE_HOME} when set, else {@code ~/.cache/deepae}. */
    public static Path defaultCacheDir() {
        String home = System.getenv("DEEPAE_HOME");
        if (home != null && !home.isBlank()) {
            return Path.of(home);
        }
        return Path.of(System.getProperty("user.home"), ".cache", "deepae");
    }

    /** This configuration with another cache directory (the CLI's {@code --data-dir}). */
    public CatalogConfig withCacheDir(Path dir) {
        return new CatalogConfig(dir, mnist, fashionSystemDir, fashion, fashionContentSha256, downloader);
    }

    /** This configuration with other MNIST mirrors and checksums. */
    public CatalogConfig withMnist(RemoteFiles files) {
        return new CatalogConfig(cacheDir, files, fashionSystemDir, fashion, fashionContentSha256, downloader);
    }

    /** This configuration with other Fashion-MNIST locations and content checksum. */
    public CatalogConfig withFashion(Path systemDir, RemoteFiles files, String contentSha256) {
        return new CatalogConfig(cacheDir, mnist, systemDir, files, contentSha256, downloader);
    }

    /**
     * This configuration downloading both MNIST and Fashion-MNIST from {@code mirrors} (base URLs ending in {@code /},
     * tried in order) instead of the public ones; the published checksums still apply.
     */
    public CatalogConfig withMirrors(List<URI> mirrors) {
        return new CatalogConfig(
                cacheDir,
                mnist.withMirrors(mirrors),
                fashionSystemDir,
                fashion.withMirrors(mirrors),
                fashionContentSha256,
                downloader);
    }

    /** This configuration with another downloader (for example other timeouts). */
    public CatalogConfig withDownloader(Downloader other) {
        return new CatalogConfig(cacheDir, mnist, fashionSystemDir, fashion, fashionContentSha256, other);
    }
}
