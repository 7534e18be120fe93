package org.deepae.spark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.deepae.analysis.ThresholdFile;
import org.deepae.data.Preprocessing;
import org.deepae.model.Autoencoder;
import org.deepae.store.ModelDirectory;

/**
 * The models an executor JVM has loaded, one per model directory and version, shared by all its tasks: a model is
 * read (from local disk, or copied once from any Hadoop file system to a local temporary directory) the first time a
 * task asks for it, with TensorFlow's threads sized to the executor's cores. Calls into one model are serialised by
 * {@link Loaded#lock()}: a TensorFlow model's feed buffers are its own.
 */
public final class ExecutorModels {

    /**
     * A loaded model, its anomaly threshold (NaN when the model has none), its preprocessing of raw columns
     * ({@code null} when it takes its rows as they are), and the lock its callers hold.
     */
    public record Loaded(Autoencoder model, double threshold, Preprocessing preprocessing, Object lock) {}

    /** Key: the path as given and the directory's modification time, so that a replaced model is loaded again. */
    private record Key(String path, long version) {}

    private static final Map<Key, Loaded> MODELS = new ConcurrentHashMap<>();

    private ExecutorModels() {}

    /**
     * The model at {@code path} (a local path or a Hadoop URI such as {@code hdfs://...}), loaded once per JVM.
     *
     * @param threads TensorFlow's thread count for the model (0: one per core)
     * @throws UncheckedIOException naming the path when it is not a usable model
     */
    public static Loaded get(String path, int threads) {
        long version = version(path);
        return MODELS.computeIfAbsent(new Key(path, version), key -> load(path, threads));
    }

    /** The modification time of the directory at {@code path}. */
    private static long version(String path) {
        try {
            URI uri = URI.create(path);
            if (uri.getScheme() == null || "file".equals(uri.getScheme())) {
                Path local = uri.getScheme() == null ? Path.of(path) : Path.of(uri);
                if (!Files.isDirectory(local)) {
                    throw new UncheckedIOException(new IOException(path + ": no such model directory"));
                }
                return Files.getLastModifiedTime(local).toMillis();
            }
            FileSystem fs = FileSystem.get(uri, new Configuration());
            FileStatus status = fs.getFileStatus(new org.apache.hadoop.fs.Path(uri));
            return status.getModificationTime();
        } catch (IOException e) {
            throw new UncheckedIOException(path + ": cannot read the model directory: " + e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            throw new UncheckedIOException(new IOException(path + ": not a path or URI: " + e.getMessage(), e));
        }
    }

    private static Loaded load(String path, int threads) {
        try {
            Path local = localCopy(path);
            Autoencoder model = ModelDirectory.load(local, threads);
            Optional<ThresholdFile.Saved> saved = ThresholdFile.load(local);
            double threshold = saved.map(s -> s.threshold().value()).orElse(Double.NaN);
            Preprocessing preprocessing = ModelDirectory.readInfo(local).preprocessing();
            return new Loaded(model, threshold, preprocessing, new Object());
        } catch (IOException e) {
            throw new UncheckedIOException(e.getMessage(), e);
        }
    }

    /** {@code path} itself when local; otherwise a copy of the directory in a new local temporary directory. */
    private static Path localCopy(String path) throws IOException {
        URI uri = URI.create(path);
        if (uri.getScheme() == null) {
            return Path.of(path);
        }
        if ("file".equals(uri.getScheme())) {
            return Path.of(uri);
        }
        Path target = Files.createTempDirectory("deepae-model-");
        FileSystem fs = FileSystem.get(uri, new Configuration());
        fs.copyToLocalFile(
                false, new org.apache.hadoop.fs.Path(uri), new org.apache.hadoop.fs.Path(target.toUri()), true);
        Path copied = target.resolve(new org.apache.hadoop.fs.Path(uri).getName());
        return Files.isDirectory(copied) ? copied : target;
    }

    /** Forgets and closes every model (for tests, and for a JVM that is done with them). */
    public static synchronized void closeAll() {
        for (Loaded loaded : MODELS.values()) {
            synchronized (loaded.lock()) {
                loaded.model().close();
            }
        }
        MODELS.clear();
    }
}
