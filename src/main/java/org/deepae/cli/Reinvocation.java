package org.deepae.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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

  /** Runs the command of {@code spec} again with {@code args}, on the same streams and handlers. */
  static int rerun(CommandSpec spec, boolean verbose, List<String> args) {
    CommandLine cl = spec.commandLine();
    CommandLine root = Main.commandLine(cl.getOut(), cl.getErr());
    List<String> all = new ArrayList<>();
    all.add(spec.name());
    if (verbose) {
      all.add("-v");
    }
    all.addAll(args);
    return root.execute(all.toArray(String[]::new));
  }

  /** The options of the --config file that the command line does not set, then the command line's own. */
  static List<String> configArguments(CommandLine cl, Path configFile) throws IOException {
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
    List<String> args = new ArrayList<>(ConfigFile.arguments(cl, configFile, given));
    args.addAll(own);
    return args;
  }

  /** The interrupted run's own options, its directory, and the signal to continue from its checkpoint. */
  static List<String> resumeArguments(CommandLine cl, Path runDir) throws IOException {
    for (OptionSpec option : cl.getParseResult().matchedOptions()) {
      if (!option.longestName().equals("--resume") && !option.longestName().equals("--verbose")) {
        throw new ParameterException(cl, "--resume takes no other options (the run's config.json has them), got "
            + option.longestName());
      }
    }
    Path config = runDir.resolve("config.json");
    if (!Files.isRegularFile(config)) {
      throw new IOException(runDir + ": not a deepae run directory to resume (no config.json)");
    }
    if (!Files.isRegularFile(runDir.resolve("checkpoint").resolve("state.json"))) {
      throw new IOException(runDir + ": no checkpoint to resume from (the run stopped before its first epoch "
          + "ended); start it again instead");
    }
    List<String> args = new ArrayList<>(ConfigFile.arguments(cl, config, List.of()));
    args.addAll(List.of("--out", runDir.toString(), "--overwrite", "--resuming"));
    return args;
  }
}
