package org.deepae.analysis;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.deepae.io.AtomicFiles;
import org.deepae.io.JsonFields;
import org.deepae.io.JsonFiles;
import org.deepae.store.ModelFormatException;

/**
 * An anomaly threshold kept with a model as {@code threshold.json}, chosen from the errors of the rows it was trained
 * on, so that new data can be judged against it.
 */
public final class ThresholdFile {

    /** The file's name inside a model directory. */
    public static final String NAME = "threshold.json";

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** A saved threshold and what its reference errors were. */
    public record Saved(Threshold threshold, String reference) {}

    private ThresholdFile() {}

    /** Writes {@code threshold} into {@code modelDir}, replacing any saved one. */
    public static void save(Path modelDir, Threshold threshold, String reference) throws IOException {
        ObjectNode root = JSON.createObjectNode();
        root.put("format", "deepae-threshold");
        root.put("format_version", 1);
        root.put("value", threshold.value());
        root.put("rule", threshold.rule());
        root.put("reference", reference);
        AtomicFiles.write(modelDir.resolve(NAME), JSON.writeValueAsBytes(root));
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
            JsonFields root = JsonFiles.readObject(file);
            if (!root.isInt("format_version", 1) || !root.raw("value").isNumber()) {
                throw new ModelFormatException(file + ": expected format_version 1 and a numeric value, found "
                        + root.raw("format_version") + " and " + root.raw("value"));
            }
            double value = root.requiredDouble("value", 0);
            return Optional.of(new Saved(
                    new Threshold(value, root.optionalString("rule", "")), root.optionalString("reference", "")));
        } catch (ModelFormatException e) {
            throw e;
        } catch (IOException e) {
            throw new ModelFormatException(e.getMessage(), e);
        }
    }
}
