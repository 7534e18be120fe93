package org.deepae.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;

/**
 * How {@code --config} and {@code --resume} work: the JSON file's values (see {@link ConfigFile}) become the default
 * values of {@code deepae train}'s options, picocli's {@link CommandLine.IDefaultValueProvider}, and the command's own
 * arguments are parsed again with them, so that options on the command line win and a file's value is converted and
 * checked exactly as the same option on the command line. {@code --resume RUN_DIR} takes the run's
 * {@code config.json} as defaults, plus {@code --out RUN_DIR}, {@code --overwrite} and the signal to continue from
 * its checkpoint.
 *
 * <p>A bad value that came from the file is reported with the file's name and the key before the command's own
 * message, whether picocli refuses it while parsing or the command while checking its options.
 */
final class ConfigDefaults implements CommandLine.IDefaultValueProvider {

    private final Path file;
    private final Map<String, JsonNode> fromFile;
    private final Map<String, String> invocation;
    private final Set<String> given;

    private ConfigDefaults(
            Path file, Map<String, JsonNode> fromFile, Map<String, String> invocation, Set<String> given) {
        this.file = file;
        this.fromFile = fromFile;
        this.invocation = invocation;
        this.given = given;
    }

    /** The defaults of {@code --config file}; {@code spec} has parsed the command line that named it. */
    static ConfigDefaults ofConfig(CommandSpec spec, Path file) throws IOException {
        Set<String> given = new LinkedHashSet<>();
        for (OptionSpec option : spec.commandLine().getParseResult().matchedOptions()) {
            given.add(option.longestName());
        }
        return new ConfigDefaults(file, ConfigFile.read(spec.commandLine(), file), Map.of(), given);
    }

    /**
     * The defaults that continue the interrupted run in {@code runDir}: its {@code config.json}, its directory, and
     * the signal to continue from its checkpoint. Puts back what an interrupted write moved aside first, then checks
     * that there is a checkpoint.
     */
    static ConfigDefaults ofResume(CommandSpec spec, Path runDir) throws IOException {
        CommandLine cl = spec.commandLine();
        for (OptionSpec option : cl.getParseResult().matchedOptions()) {
            if (!option.longestName().equals("--resume")
                    && !option.longestName().equals("--verbose")) {
                throw new ParameterException(
                        cl,
                        "--resume takes no other options (the run's config.json has them), got "
                                + option.longestName());
            }
        }
        Path config = runDir.resolve("config.json");
        if (!Files.isRegularFile(config)) {
            throw new IOException(runDir + ": not a deepae run directory to resume (no config.json)");
        }
        RunDirectory.restoreInterruptedWrites(runDir);
        if (!RunDirectory.hasCheckpoint(runDir)) {
            throw new IOException(runDir + ": no checkpoint to resume from (the run stopped before its first epoch "
                    + "ended); start it again instead");
        }
        Map<String, String> invocation = new LinkedHashMap<>();
        invocation.put("--out", runDir.toString());
        invocation.put("--overwrite", "true");
        invocation.put("--resuming", "true");
        return new ConfigDefaults(config, ConfigFile.read(cl, config), invocation, Set.of());
    }

    @Override
    public String defaultValue(ArgSpec arg) {
        if (!(arg instanceof OptionSpec option)) {
            return null;
        }
        String name = option.longestName();
        if (invocation.containsKey(name)) {
            return invocation.get(name);
        }
        JsonNode value = fromFile.get(name);
        if (value == null || given.contains(name) || ConfigFile.isSetAfterParsing(option, value)) {
            return null;
        }
        return ConfigFile.defaultText(option, value);
    }

    /** Whether the option {@code name} has its value from the file, not from picocli's own default. */
    boolean sets(String name) {
        return invocation.containsKey(name) || (fromFile.containsKey(name) && !given.contains(name));
    }

    /**
     * Parses the command's own arguments again with these defaults: the same options of {@code spec}'s command are
     * set afresh, the file's values first, the command line's over them.
     */
    void parseAgain(CommandSpec spec) {
        CommandLine cl = spec.commandLine();
        List<String> all = cl.getParseResult().originalArgs();
        int at = all.indexOf(spec.name());
        String[] own = all.subList(at + 1, all.size()).toArray(String[]::new);
        cl.setDefaultValueProvider(this);
        try {
            cl.parseArgs(own);
        } catch (ParameterException e) {
            throw namingFile(e);
        }
        for (Map.Entry<String, JsonNode> entry : fromFile.entrySet()) {
            OptionSpec option = spec.findOption(entry.getKey());
            if (!given.contains(entry.getKey()) && ConfigFile.isSetAfterParsing(option, entry.getValue())) {
                if (option.auxiliaryTypes()[0] != String.class) {
                    throw new IllegalStateException(entry.getKey() + " lists only strings in a configuration file");
                }
                option.setValue(new ArrayList<>(ConfigFile.items(entry.getValue())));
            }
        }
    }

    /**
     * {@code e} with the file and the key in front when it is about an option whose value came from the file:
     * picocli's own errors name the option they could not convert, deepae's start with the option's name.
     */
    ParameterException namingFile(ParameterException e) {
        String message = e.getMessage() == null ? "" : e.getMessage();
        if (message.startsWith(file + ": ")) {
            return e; // named already
        }
        String option = null;
        if (e.getArgSpec() instanceof OptionSpec spec) {
            option = spec.longestName();
        } else {
            for (String name : fromFile.keySet()) {
                if (message.startsWith(name)
                        && (message.length() == name.length() || !isNameCharacter(message.charAt(name.length())))) {
                    option = name;
                }
            }
        }
        if (option == null || !fromFile.containsKey(option) || given.contains(option)) {
            return e;
        }
        String named = file + ": '" + option.substring(2) + "': " + message;
        return e.getArgSpec() == null
                ? new ParameterException(e.getCommandLine(), named, e)
                : new ParameterException(e.getCommandLine(), named, e, e.getArgSpec(), e.getValue());
    }

    private static boolean isNameCharacter(char c) {
        return Character.isLetterOrDigit(c) || c == '-';
    }
}
