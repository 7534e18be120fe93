package org.deepae.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.deepae.io.AtomicFiles;
import org.deepae.io.JsonFiles;
import org.deepae.io.MetadataJson;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;

/**
 * A training configuration as JSON: an object whose keys are {@code deepae train}'s option names without the dashes
 * ({@code {"layers": [512, 256, 32], "activation": "elu", "epochs": 20}}). {@code --config FILE} reads one as the
 * command's default values ({@link ConfigDefaults}; options on the command line win), and every run writes its
 * effective configuration as {@code config.json}.
 */
final class ConfigFile {

    /** Options that describe an invocation rather than a training run, so they are neither read nor written. */
    static final Set<String> NOT_CONFIG =
            Set.of("help", "version", "verbose", "json", "overwrite", "config", "resume", "resuming", "out");

    private static final ObjectMapper JSON = MetadataJson.MAPPER;

    private ConfigFile() {}

    /**
     * The options {@code file} sets, by long name, in the file's order. Unknown keys, nulls and values of the wrong
     * kind for their option (see {@link #requireKind}) are bad options naming the file and the key (exit code 2), the
     * keys the command line sets included; a file that cannot be read as strict JSON (see {@link JsonFiles}) is an
     * {@link IOException} (exit code 1).
     */
    static Map<String, JsonNode> read(CommandLine cl, Path file) throws IOException {
        JsonNode root;
        try {
            root = JsonFiles.read(file);
        } catch (NoSuchFileException e) {
            throw new ParameterException(cl, "--config " + file + ": no such file");
        }
        if (!root.isObject()) {
            throw new IOException(file + ": expected a JSON object of option names and values");
        }
        CommandSpec spec = cl.getCommandSpec();
        Map<String, JsonNode> values = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> entry : root.properties()) {
            OptionSpec option = spec.findOption("--" + entry.getKey());
            if (option == null || NOT_CONFIG.contains(entry.getKey())) {
                throw new ParameterException(
                        cl,
                        file + ": '" + entry.getKey() + "' is not an option of " + spec.qualifiedName()
                                + " (see --help)");
            }
            requireKind(cl, file, option, entry.getKey(), entry.getValue());
            values.put(option.longestName(), entry.getValue());
        }
        return values;
    }

    /**
     * Whether {@code option}'s value from a file is set on the option after parsing ({@link #items}) rather than given
     * to picocli as a default: a list for a repeatable option without a separator, which one default string cannot
     * hold.
     */
    static boolean isSetAfterParsing(OptionSpec option, JsonNode value) {
        return value.isArray() && option.isMultiValue() && option.splitRegex().isEmpty();
    }

    /** The items of a list {@link #isSetAfterParsing} sets, as strings. */
    static List<String> items(JsonNode value) {
        List<String> items = new ArrayList<>();
        value.forEach(v -> items.add(v.asText()));
        return items;
    }

    /**
     * {@code value} as the default-value string picocli converts for {@code option}, as if given on the command line:
     * {@code true} or {@code false} for a flag, a list joined by the option's separator, a scalar as its text.
     */
    static String defaultText(OptionSpec option, JsonNode value) {
        if (value.isArray()) {
            return String.join(",", items(value));
        }
        return value.asText();
    }

    /**
     * Refuses a value whose JSON kind cannot be the option's: null, anything but true or false for a flag, a list for
     * a single-valued option, an object, and a scalar other than an integer (in range) for int and long options, a
     * number for double options, or a string for the others (strings, paths, names). A string for a comma-separated
     * list is left for the command line to split and check.
     */
    private static void requireKind(CommandLine cl, Path file, OptionSpec option, String key, JsonNode value) {
        if (value.isNull()) {
            throw bad(cl, file, key, "is null; give a value or leave the key out");
        }
        if (option.arity().max() == 0) {
            if (!value.isBoolean()) {
                throw bad(cl, file, key, "must be true or false, got " + value);
            }
            return;
        }
        if (value.isObject()) {
            throw bad(cl, file, key, "must be a value or a list, got " + value);
        }
        Kind kind = Kind.of(option.isMultiValue() ? option.auxiliaryTypes()[0] : option.type());
        if (value.isArray()) {
            if (!option.isMultiValue()) {
                throw bad(cl, file, key, "takes one value, not a list: " + value);
            }
            for (JsonNode item : value) {
                if (!kind.accepts(item)) {
                    throw bad(
                            cl, file, key, "must hold only items that are each " + kind.description + ", got " + item);
                }
            }
            return;
        }
        if (option.isMultiValue() && !option.splitRegex().isEmpty() && value.isTextual()) {
            return;
        }
        if (!kind.accepts(value)) {
            throw bad(cl, file, key, "must be " + kind.description + ", got " + value);
        }
    }

    /** The JSON kinds an option's value type takes, with their names for messages. */
    private enum Kind {
        INT("an integer between " + Integer.MIN_VALUE + " and " + Integer.MAX_VALUE) {
            @Override
            boolean accepts(JsonNode value) {
                return value.isIntegralNumber() && value.canConvertToInt();
            }
        },
        LONG("an integer between " + Long.MIN_VALUE + " and " + Long.MAX_VALUE) {
            @Override
            boolean accepts(JsonNode value) {
                return value.isIntegralNumber() && value.canConvertToLong();
            }
        },
        NUMBER("a number") {
            @Override
            boolean accepts(JsonNode value) {
                return value.isNumber();
            }
        },
        BOOLEAN("true or false") {
            @Override
            boolean accepts(JsonNode value) {
                return value.isBoolean();
            }
        },
        STRING("a string") {
            @Override
            boolean accepts(JsonNode value) {
                return value.isTextual();
            }
        };

        final String description;

        Kind(String description) {
            this.description = description;
        }

        abstract boolean accepts(JsonNode value);

        static Kind of(Class<?> type) {
            if (type == int.class || type == Integer.class) {
                return INT;
            } else if (type == long.class || type == Long.class) {
                return LONG;
            } else if (type == double.class || type == Double.class || type == float.class || type == Float.class) {
                return NUMBER;
            } else if (type == boolean.class || type == Boolean.class) {
                return BOOLEAN;
            }
            return STRING;
        }
    }

    private static ParameterException bad(CommandLine cl, Path file, String key, String problem) {
        return new ParameterException(cl, file + ": '" + key + "' " + problem);
    }

    /** Writes the effective configuration of a parsed command: every option value but {@link #NOT_CONFIG}. */
    static void write(Path file, CommandSpec spec) throws IOException {
        ObjectNode root = JSON.createObjectNode();
        for (OptionSpec option : spec.options()) {
            String key = option.longestName().substring(2);
            Object value = option.getValue();
            if (NOT_CONFIG.contains(key) || value == null || option.hidden()) {
                continue;
            }
            if (value instanceof Collection<?> list && list.isEmpty()) {
                continue; // an empty list is the option's default
            }
            if (value instanceof Collection<?> list) {
                ArrayNode array = root.putArray(key);
                list.forEach(v -> array.add(JSON.valueToTree(v)));
            } else if (value instanceof Path path) {
                root.put(key, path.toString());
            } else {
                root.set(key, JSON.valueToTree(value));
            }
        }
        AtomicFiles.write(file, JSON.writeValueAsBytes(root));
    }
}
