package org.deepae.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.deepae.io.AtomicFiles;
import org.deepae.io.JsonFiles;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;

/**
 * A training configuration as JSON: an object whose keys are {@code deepae train}'s option names without the dashes
 * ({@code {"layers": [512, 256, 32], "activation": "elu", "epochs": 20}}). {@code --config FILE} reads one (options on
 * the command line win), and every run writes its effective configuration as {@code config.json}.
 */
final class ConfigFile {

  /** Options that describe an invocation rather than a training run, so they are neither read nor written. */
  static final Set<String> NOT_CONFIG = Set.of("help", "version", "verbose", "json", "overwrite", "config",
      "resume", "resuming", "out");

  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private ConfigFile() {}

  /**
   * The command-line arguments equivalent to {@code file}, leaving out the options in {@code given} (the ones the
   * command line sets itself). Unknown keys and values of the wrong kind are bad options (exit code 2); a file that
   * cannot be read as strict JSON (see {@link JsonFiles}) is an {@link IOException} (exit code 1).
   */
  static List<String> arguments(CommandLine cl, Path file, Collection<String> given) throws IOException {
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
    List<String> args = new ArrayList<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> entry = it.next();
      String name = "--" + entry.getKey();
      OptionSpec option = spec.findOption(name);
      if (option == null || NOT_CONFIG.contains(entry.getKey())) {
        throw new ParameterException(cl, file + ": '" + entry.getKey() + "' is not an option of "
            + spec.qualifiedName() + " (see --help)");
      }
      if (given.contains(option.longestName())) {
        continue;
      }
      appendOption(cl, file, args, option, entry.getValue());
    }
    return args;
  }

  private static void appendOption(CommandLine cl, Path file, List<String> args, OptionSpec option, JsonNode value) {
    String name = option.longestName();
    if (value.isNull()) {
      return;
    }
    if (option.arity().max() == 0) {
      if (!value.isBoolean()) {
        throw new ParameterException(cl, file + ": '" + name.substring(2) + "' must be true or false, got " + value);
      }
      if (value.asBoolean()) {
        args.add(name);
      }
      return;
    }
    if (value.isArray()) {
      List<String> items = new ArrayList<>();
      value.forEach(v -> items.add(v.asText()));
      if (!option.splitRegex().isEmpty()) {
        args.add(name);
        args.add(String.join(",", items));
      } else {
        for (String item : items) {
          args.add(name);
          args.add(item);
        }
      }
      return;
    }
    if (value.isObject()) {
      throw new ParameterException(cl, file + ": '" + name.substring(2) + "' must be a value or a list, got " + value);
    }
    args.add(name);
    args.add(value.asText());
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
