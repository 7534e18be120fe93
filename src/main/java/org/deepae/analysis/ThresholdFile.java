package org.deepae.analysis;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.deepae.io.AtomicFiles;
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

  /** The threshold saved in {@code modelDir}, if any. */
  public static Optional<Saved> load(Path modelDir) throws IOException {
    Path file = modelDir.resolve(NAME);
    if (!Files.exists(file)) {
      return Optional.empty();
    }
    JsonNode root;
    try {
      root = JSON.readTree(Files.readAllBytes(file));
    } catch (JsonProcessingException e) {
      throw new ModelFormatException(file + ": invalid JSON: " + e.getOriginalMessage(), e);
    }
    if (root.path("format_version").asInt(-1) != 1 || !root.path("value").isNumber()) {
      throw new ModelFormatException(file + ": expected format_version 1 and a numeric value, found "
          + root.path("format_version") + " and " + root.path("value"));
    }
    try {
      return Optional.of(new Saved(new Threshold(root.path("value").asDouble(), root.path("rule").asText()),
          root.path("reference").asText()));
    } catch (IllegalArgumentException e) {
      throw new ModelFormatException(file + ": " + e.getMessage(), e);
    }
  }
}
