package org.deepae.io;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * The strict, bounded reader of every metadata file deepae reads ({@code model.json}, {@code pca.json},
 * {@code threshold.json}, {@code config.json}, {@code metrics.json}, a checkpoint's {@code state.json}): regular files
 * of at most {@link #MAX_BYTES} only, one JSON value with nothing after it, no key twice in an object.
 *
 * <p>Every error is an {@link IOException} whose one-line message starts with the file, except a missing file, which
 * stays a {@link NoSuchFileException} so that callers can say what is missing.
 */
public final class JsonFiles {

    /**
     * The largest metadata file read: 4 MiB. deepae writes a few kilobytes ({@code metrics.json} grows by about 120
     * bytes an epoch, so 4 MiB holds some 30,000 epochs); anything larger is not one of its files.
     */
    public static final int MAX_BYTES = 4 << 20;

    private static final ObjectMapper STRICT = MetadataJson.MAPPER;

    private JsonFiles() {}

    /** The JSON value in {@code file}: any value, but not nothing (an empty file is refused). */
    public static JsonNode read(Path file) throws IOException {
        byte[] bytes = SmallFiles.read(file, MAX_BYTES);
        JsonNode root;
        try {
            root = STRICT.readTree(bytes);
        } catch (JsonProcessingException e) {
            throw new IOException(file + ": invalid JSON: " + describe(e), e);
        }
        if (root == null || root.isMissingNode()) {
            throw new IOException(file + ": empty file, expected a JSON object");
        }
        return root;
    }

    /** The JSON object in {@code file}, with strict accessors for its fields. */
    public static JsonFields readObject(Path file) throws IOException {
        return JsonFields.of(file, read(file));
    }

    private static String describe(JsonProcessingException e) {
        String message = e.getOriginalMessage() == null ? "unreadable" : e.getOriginalMessage();
        if (message.startsWith("Trailing token")) {
            message = "more content after the end of the JSON value";
        }
        message = message.replaceAll("\\s*\\R\\s*", " ").strip();
        JsonLocation at = e.getLocation();
        return at == null || at.getLineNr() < 1
                ? message
                : message + " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")";
    }
}
