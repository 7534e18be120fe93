package org.deepae.io;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A JSON object read from a file, with typed accessors that refuse values of the wrong kind or out of range instead of
 * converting them. Their errors are {@link IOException}s whose message is {@code <file>: <field>: <what was expected>,
 * found <what was found>}, the field as a path from the file's top ({@code spec.encoder_layers[1]}). A field that is
 * absent or {@code null} is missing: optional accessors give their fallback, required ones refuse it.
 *
 * @param file the file the object was read from
 * @param path where the object is in the file: empty for the top level, else {@code spec} or {@code epochs[3]}
 * @param node the object
 */
public record JsonFields(Path file, String path, JsonNode node) {

    private static final ObjectMapper PLAIN = new ObjectMapper();
    private static final int SHOWN = 40;

    public JsonFields {
        if (!node.isObject()) {
            throw new IllegalArgumentException("not a JSON object: " + node.getNodeType());
        }
    }

    /** The top-level object of {@code file}; refuses any other value. */
    public static JsonFields of(Path file, JsonNode root) throws IOException {
        if (!root.isObject()) {
            throw new IOException(file + ": expected a JSON object, found " + found(root, false));
        }
        return new JsonFields(file, "", root);
    }

    /** Whether {@code name} is present and not {@code null}. */
    public boolean has(String name) {
        JsonNode value = node.get(name);
        return value != null && !value.isNull();
    }

    /** Whether {@code name} is the integer {@code expected} (not {@code 1.0}, not {@code "1"}). */
    public boolean isInt(String name, int expected) {
        JsonNode value = node.get(name);
        return value != null && value.isIntegralNumber() && value.canConvertToInt() && value.intValue() == expected;
    }

    /** The value of {@code name} as it is ({@code MissingNode} when absent), for messages and custom checks. */
    public JsonNode raw(String name) {
        return node.path(name);
    }

    /** The object {@code name}. */
    public JsonFields object(String name) throws IOException {
        return optionalObject(name).orElseThrow(() -> missing(name, "an object"));
    }

    /** The object {@code name}, if present. */
    public Optional<JsonFields> optionalObject(String name) throws IOException {
        if (!has(name)) {
            return Optional.empty();
        }
        JsonNode value = node.get(name);
        if (!value.isObject()) {
            throw wrong(name, "an object", value, false);
        }
        return Optional.of(new JsonFields(file, where(name), value));
    }

    /** The objects in the list {@code name}; none when it is absent. */
    public List<JsonFields> objects(String name) throws IOException {
        List<JsonFields> objects = new ArrayList<>();
        for (JsonNode element : list(name)) {
            String at = where(name) + "[" + objects.size() + "]";
            if (!element.isObject()) {
                throw new IOException(file + ": " + at + ": expected an object, found " + found(element, false));
            }
            objects.add(new JsonFields(file, at, element));
        }
        return objects;
    }

    /** The object {@code name} as a map of plain Java values (numbers, strings, lists, maps); empty when absent. */
    public Map<String, Object> optionalMap(String name) throws IOException {
        Optional<JsonFields> object = optionalObject(name);
        if (object.isEmpty()) {
            return Map.of();
        }
        Map<String, Object> map = new LinkedHashMap<>();
        object.get()
                .node()
                .properties()
                .forEach(e -> map.put(e.getKey(), PLAIN.convertValue(e.getValue(), Object.class)));
        return Collections.unmodifiableMap(map);
    }

    /** The integer {@code name}, from {@code min} to {@code max}. */
    public int requiredInt(String name, int min, int max) throws IOException {
        if (!has(name)) {
            throw missing(name, range(min, max));
        }
        return toInt(where(name), node.get(name), min, max);
    }

    /** The integer {@code name}, from {@code min} to {@code max}, or {@code fallback} when it is missing. */
    public int optionalInt(String name, int min, int max, int fallback) throws IOException {
        return has(name) ? toInt(where(name), node.get(name), min, max) : fallback;
    }

    /** The list of integers {@code name}, each from {@code min} to {@code max}. */
    public List<Integer> requiredIntList(String name, int min, int max) throws IOException {
        if (!has(name)) {
            throw missing(name, "a list of integers");
        }
        return optionalIntList(name, min, max).orElseThrow();
    }

    /** The list of integers {@code name}, each from {@code min} to {@code max}, if present. */
    public Optional<List<Integer>> optionalIntList(String name, int min, int max) throws IOException {
        if (!has(name)) {
            return Optional.empty();
        }
        List<Integer> values = new ArrayList<>();
        for (JsonNode element : list(name)) {
            values.add(toInt(where(name) + "[" + values.size() + "]", element, min, max));
        }
        return Optional.of(List.copyOf(values));
    }

    /** The list of strings {@code name}. */
    public List<String> requiredStringList(String name) throws IOException {
        if (!has(name)) {
            throw missing(name, "a list of strings");
        }
        List<String> values = new ArrayList<>();
        for (JsonNode element : list(name)) {
            if (!element.isTextual()) {
                throw error(
                        name,
                        "element " + values.size() + " must be a string, found "
                                + element.getNodeType().name().toLowerCase(java.util.Locale.ROOT));
            }
            values.add(element.textValue());
        }
        return List.copyOf(values);
    }

    /** The finite number {@code name}, at least {@code min}. */
    public double requiredDouble(String name, double min) throws IOException {
        if (!has(name)) {
            throw missing(name, finite(min));
        }
        return toDouble(name, min);
    }

    /** The finite number {@code name}, at least {@code min}, or {@code fallback} when it is missing. */
    public double optionalDouble(String name, double min, double fallback) throws IOException {
        return has(name) ? toDouble(name, min) : fallback;
    }

    /** The string {@code name}. */
    public String requiredString(String name) throws IOException {
        if (!has(name)) {
            throw missing(name, "a string");
        }
        return optionalString(name, null);
    }

    /** The string {@code name}, or {@code fallback} when it is missing. */
    public String optionalString(String name, String fallback) throws IOException {
        if (!has(name)) {
            return fallback;
        }
        JsonNode value = node.get(name);
        if (!value.isTextual()) {
            throw wrong(name, "a string", value, false);
        }
        return value.textValue();
    }

    /** The boolean {@code name}, or {@code fallback} when it is missing. */
    public boolean optionalBoolean(String name, boolean fallback) throws IOException {
        if (!has(name)) {
            return fallback;
        }
        JsonNode value = node.get(name);
        if (!value.isBoolean()) {
            throw wrong(name, "true or false", value, false);
        }
        return value.booleanValue();
    }

    /** An error about field {@code name}: {@code <file>: <field>: <message>}. */
    public IOException error(String name, String message) {
        return new IOException(file + ": " + where(name) + ": " + message);
    }

    private Iterable<JsonNode> list(String name) throws IOException {
        if (!has(name)) {
            return List.of();
        }
        JsonNode value = node.get(name);
        if (!value.isArray()) {
            throw wrong(name, "a list", value, false);
        }
        return value;
    }

    private int toInt(String at, JsonNode value, int min, int max) throws IOException {
        if (!value.isIntegralNumber() || !value.canConvertToInt() || value.intValue() < min || value.intValue() > max) {
            throw new IOException(file + ": " + at + ": expected " + range(min, max) + ", found " + found(value, true));
        }
        return value.intValue();
    }

    private double toDouble(String name, double min) throws IOException {
        JsonNode value = node.get(name);
        if (!value.isNumber() || !Double.isFinite(value.doubleValue()) || value.doubleValue() < min) {
            throw wrong(name, finite(min), value, true);
        }
        return value.doubleValue();
    }

    private String where(String name) {
        return path.isEmpty() ? name : path + "." + name;
    }

    private IOException missing(String name, String expected) {
        return new IOException(file + ": " + where(name) + ": missing, expected " + expected);
    }

    private IOException wrong(String name, String expected, JsonNode value, boolean numeric) {
        return new IOException(
                file + ": " + where(name) + ": expected " + expected + ", found " + found(value, numeric));
    }

    private static String range(int min, int max) {
        return "an integer from " + min + " to " + max;
    }

    private static String finite(double min) {
        return min == Double.NEGATIVE_INFINITY || min == -Double.MAX_VALUE
                ? "a finite number"
                : "a finite number of at least "
                        + (min == Math.rint(min) ? String.valueOf((long) min) : String.valueOf(min));
    }

    /** The value as it appears in the file, shortened, and what kind it is unless that was the kind expected. */
    private static String found(JsonNode value, boolean numeric) {
        String text = value.isNumber() ? value.asText() : value.toString();
        if (text.length() > SHOWN) {
            text = text.substring(0, SHOWN) + "...";
        }
        String kind = switch (value.getNodeType()) {
            case STRING -> "a string";
            case NUMBER -> numeric ? null : "a number";
            case BOOLEAN -> "a boolean";
            case ARRAY -> "a list";
            case OBJECT -> "an object";
            default -> null;
        };
        return kind == null ? text : text + " (" + kind + ")";
    }
}
