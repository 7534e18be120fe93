package org.deepae.store;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import org.deepae.io.JsonFields;

/** A model directory that cannot be used: the message names the directory or file and what is wrong. */
public final class ModelFormatException extends IOException {

    private static final long serialVersionUID = 1L;

    public ModelFormatException(String message) {
        super(message);
    }

    public ModelFormatException(String message, Throwable cause) {
        super(message, cause);
    }

    /**
     * The fields of {@code root}, read from {@code file}, once its header says {@code "format": format} and
     * {@code "format_version": version}.
     *
     * @throws ModelFormatException naming the file and the format or version found
     * @throws IOException naming the file when {@code root} is not an object
     */
    public static JsonFields requireHeader(Path file, JsonNode root, String format, int version) throws IOException {
        return requireHeader(file, root, format, version, version);
    }

    /**
     * As {@link #requireHeader(Path, JsonNode, String, int)}, accepting any version from {@code oldest} to {@code
     * newest}.
     */
    public static JsonFields requireHeader(Path file, JsonNode root, String format, int oldest, int newest)
            throws IOException {
        if (!format.equals(root.path("format").textValue())) {
            throw new ModelFormatException(
                    file + ": expected \"format\": \"" + format + "\", found " + root.path("format"));
        }
        JsonFields fields = JsonFields.of(file, root);
        for (int version = oldest; version <= newest; version++) {
            if (fields.isInt("format_version", version)) {
                return fields;
            }
        }
        throw new ModelFormatException(file + ": unsupported format_version " + fields.raw("format_version")
                + " (this deepae reads "
                + (oldest == newest ? "version " + oldest : "versions " + oldest + " to " + newest)
                + ")");
    }
}
