package org.deepae.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.deepae.analysis.PcaCache;
import org.deepae.data.CatalogConfig;
import org.deepae.data.Dataset;
import org.deepae.data.DatasetCatalog;
import org.deepae.data.TrainingData;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;

/**
 * The {@code --dataset}, {@code --data-dir} and {@code --mirror} options, checked before any work: a catalogue name
 * or an existing directory, a cache directory, and download mirrors to use instead of the public ones.
 */
record DatasetChoice(String requested, Path dataDir, List<URI> mirrors) {

    /** Checks {@code name}; an unknown one is a bad option (exit code 2). */
    static DatasetChoice parse(CommandLine cl, String name, Path dataDir, List<String> mirrors) {
        if (!DatasetCatalog.isKnown(name) && !isExistingPath(name)) {
            throw new ParameterException(
                    cl,
                    "--dataset: unknown dataset '" + name + "': expected one of "
                            + String.join(", ", DatasetCatalog.names())
                            + ", a directory holding the four IDX files, or an existing "
                            + "file or folder of your own data");
        }
        if (dataDir != null && java.nio.file.Files.exists(dataDir) && !java.nio.file.Files.isDirectory(dataDir)) {
            throw new ParameterException(cl, "--data-dir " + dataDir + " is a file, not a directory");
        }
        List<URI> bases = new ArrayList<>();
        for (String mirror : mirrors) {
            String base = mirror.endsWith("/") ? mirror : mirror + "/";
            try {
                URI uri = new URI(base);
                if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme())) {
                    throw new URISyntaxException(mirror, "expected an http or https URL");
                }
                bases.add(uri);
            } catch (URISyntaxException e) {
                throw new ParameterException(cl, "--mirror " + mirror + " is not a valid URL: " + e.getReason());
            }
        }
        return new DatasetChoice(name, dataDir, List.copyOf(bases));
    }

    private static boolean isExistingPath(String name) {
        try {
            return java.nio.file.Files.exists(Path.of(name));
        } catch (java.nio.file.InvalidPathException e) {
            return false;
        }
    }

    /**
     * Reads {@code request}'s data for training, reporting downloads and how the data was read on the command's
     * error stream (see {@link #load(PrintWriter)}); options that do not fit the data are bad options (exit 2).
     */
    TrainingData.Loaded load(CommandLine cl, TrainingData.Request request) throws IOException {
        PrintWriter err = cl.getErr();
        TrainingData.Loaded loaded;
        try {
            loaded = TrainingData.load(
                    request, catalog(dataDir, mirrors), new DownloadProgress(err, Terminal.stderrIsTerminal()));
        } catch (IllegalArgumentException e) {
            throw new ParameterException(cl, e.getMessage());
        }
        report(err, loaded.dataset());
        for (String note : loaded.notes()) {
            err.println("note: " + note);
        }
        err.flush();
        return loaded;
    }

    private void report(PrintWriter err, Dataset data) {
        String note = data.info().note();
        if (note != null) {
            boolean substituted = DatasetCatalog.names().contains(requested)
                    && !requested.equals(data.info().name());
            err.println((substituted ? "warning: " : "note: ") + note);
        }
    }

    /** Where PCAs of datasets are kept: beside the downloads, in {@code dataDir} (default when null). */
    static PcaCache pcaCache(Path dataDir) {
        return new PcaCache((dataDir != null ? dataDir : CatalogConfig.defaultCacheDir()).resolve("pca"));
    }

    /** The catalogue with the cache in {@code dataDir} (default when null) and {@code mirrors} (public when empty). */
    static DatasetCatalog catalog(Path dataDir, List<URI> mirrors) {
        CatalogConfig config = CatalogConfig.defaults();
        if (dataDir != null) {
            config = config.withCacheDir(dataDir);
        }
        if (!mirrors.isEmpty()) {
            config = config.withMirrors(mirrors);
        }
        return new DatasetCatalog(config);
    }

    /**
     * Loads the dataset, reporting downloads on {@code err} and how the data was obtained: a warning when another
     * dataset than the one asked for is used (the fallback to the bundled sample), a note otherwise.
     */
    Dataset load(PrintWriter err) throws IOException {
        DatasetCatalog catalog = catalog(dataDir, mirrors);
        Dataset data = catalog.load(requested, new DownloadProgress(err, Terminal.stderrIsTerminal()));
        report(err, data);
        err.flush();
        return data;
    }

    /** What metrics.json records of the data: name, source, sizes, checksum, what was asked for and any note. */
    Map<String, Object> summary(Dataset data) {
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("name", data.info().name());
        summary.put("source", data.info().source());
        summary.put("train_size", data.train().count());
        summary.put("test_size", data.test().count());
        if (data.isImages()) {
            summary.put("image_height", data.train().imageHeight());
            summary.put("image_width", data.train().imageWidth());
            if (!data.shape().isGray()) {
                summary.put("image_channels", data.shape().channels());
            }
        } else {
            summary.put("features", data.features());
        }
        if (!data.labelNames().isEmpty()) {
            summary.put("label_names", data.labelNames());
        }
        summary.put("sha256", data.info().sha256());
        summary.put("requested", requested);
        if (data.info().note() != null) {
            summary.put("note", data.info().note());
        }
        return summary;
    }
}
