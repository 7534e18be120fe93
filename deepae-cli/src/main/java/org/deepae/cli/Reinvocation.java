package org.deepae.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * How {@code --config} and {@code --resume} work: they turn into the equivalent plain {@code deepae train} command
 * line, which then runs as any other, so a configuration file and flags are the same thing.
 */
final class Reinvocation {

    private Reinvocation() {}

    /**
     * Runs the command of {@code spec} again, on the same streams and handlers, with the arguments {@code fromFile}
     * read from {@code file} followed by {@code own}. A bad option that the file set is reported with the file's name
     * and the key before the command's own message.
     */
    static int rerun(CommandSpec spec, boolean verbose, Path file, List<String> fromFile, List<String> own) {
        CommandLine cl = spec.commandLine();
        CommandLine root = Main.commandLine(cl.getOut(), cl.getErr());
        Set<String> fileOptions = optionNames(spec, fromFile);
        root.setParameterExceptionHandler(
                (e, args) -> ErrorReporting.onBadOptions(namingFile(e, file, fileOptions), args));
        List<String> all = new ArrayList<>();
        all.add(spec.name());
        if (verbose) {
            all.add("-v");
        }
        all.addAll(fromFile);
        all.addAll(own);
        return root.execute(all.toArray(String[]::new));
    }

    /** The long names of the options in {@code args}, a command line as {@link ConfigFile#arguments} makes one. */
    private static Set<String> optionNames(CommandSpec spec, List<String> args) {
        Set<String> names = new HashSet<>();
        for (int i = 0; i < args.size(); i++) {
            OptionSpec option = spec.findOption(args.get(i));
            if (option != null) {
                names.add(option.longestName());
                if (option.arity().max() > 0) {
                    i++; // its value
                }
            }
        }
        return names;
    }

    /**
     * {@code e} with {@code file} and the key in front when it is about one of {@code fileOptions}: picocli's own
     * errors name the option they could not convert, deepae's start with the option's name.
     */
    private static ParameterException namingFile(ParameterException e, Path file, Set<String> fileOptions) {
        String message = e.getMessage() == null ? "" : e.getMessage();
        String option = null;
        if (e.getArgSpec() instanceof OptionSpec spec) {
            option = spec.longestName();
        } else {
            for (String name : fileOptions) {
                if (message.startsWith(name)
                        && (message.length() == name.length() || !isNameCharacter(message.charAt(name.length())))) {
                    option = name;
                }
            }
        }
        if (option == null || !fileOptions.contains(option)) {
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

    /**
     * Runs the command again with the options of the --config file that the command line does not set, then its own.
     */
    static int rerunWithConfig(CommandSpec spec, boolean verbose, Path configFile) throws IOException {
        CommandLine cl = spec.commandLine();
        ParseResult parsed = cl.getParseResult();
        List<String> given = new ArrayList<>();
        List<String> own = new ArrayList<>();
        for (OptionSpec option : parsed.matchedOptions()) {
            String name = option.longestName();
            if (name.equals("--config") || name.equals("--verbose")) {
                continue;
            }
            given.add(name);
            if (option.arity().max() == 0) {
                own.add(name);
            } else {
                for (String value : option.stringValues()) {
                    own.add(name);
                    own.add(value);
                }
            }
        }
        return rerun(spec, verbose, configFile, ConfigFile.arguments(cl, configFile, given), own);
    }

    /**
     * Runs the interrupted run again with its own options, its directory, and the signal to continue from its
     * checkpoint.
     */
    static int rerunResuming(CommandSpec spec, boolean verbose, Path runDir) throws IOException {
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
        return rerun(
                spec,
                verbose,
                config,
                ConfigFile.arguments(cl, config, List.of()),
                List.of("--out", runDir.toString(), "--overwrite", "--resuming"));
    }
}
