package org.deepae.analysis;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.deepae.io.AtomicFiles;
import org.deepae.io.JsonFiles;
import org.deepae.io.MetadataJson;
import org.deepae.store.ModelFormatException;

/**
 * An anomaly threshold kept with a model as {@code threshold.json} ({@link ThresholdJson}), chosen from the errors
 * of the rows it was trained on, so that new data can be judged against it.
 */
public final class ThresholdFile {

    /** The file's name inside a model directory. */
    public static final String NAME = "threshold.json";

    /** A saved threshold and what its reference errors were. */
    public record Saved(Threshold threshold, String reference) {}

    private ThresholdFile() {}

    /** Writes {@code threshold} into {@code modelDir}, replacing any saved one. */
    public static void save(Path modelDir, Threshold threshold, String reference) throws IOException {
        AtomicFiles.write(
                modelDir.resolve(NAME),
                MetadataJson.bytes(new ThresholdJson(threshold.value(), threshold.rule(), reference)));
    }

    /**
     * The threshold saved in {@code modelDir}, if any. Its value is a reconstruction error: a finite number, 0 or more.
     */
    public static Optional<Saved> load(Path modelDir) throws IOException {
        Path file = modelDir.resolve(NAME);
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        try {
            ThresholdJson json = ThresholdJson.read(JsonFiles.readObject(file));
            return Optional.of(new Saved(new Threshold(json.value(), json.rule()), json.reference()));
        } catch (ModelFormatException e) {
            throw e;
        } catch (IOException e) {
            throw new ModelFormatException(e.getMessage(), e);
        }
    }
}
