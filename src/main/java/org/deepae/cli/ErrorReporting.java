package org.deepae.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * How the command line reports problems: one line naming what is wrong, exit code 2 for bad options and 1 for bad
 * files or failures; the stack trace only with {@code -v}.
 */
final class ErrorReporting {

  private ErrorReporting() {}

  static int onBadOptions(ParameterException e, String[] args) {
    CommandLine cl = e.getCommandLine();
    cl.getErr().println(cl.getCommandSpec().qualifiedName() + ": " + oneLine(e.getMessage())
        + " (see '" + cl.getCommandSpec().qualifiedName() + " --help')");
    return CommandLine.ExitCode.USAGE;
  }

  static int onFailure(Exception e, CommandLine cl, ParseResult parseResult) {
    PrintWriter err = cl.getErr();
    err.println(cl.getCommandSpec().qualifiedName() + ": " + describe(e));
    if (isVerbose(parseResult)) {
      e.printStackTrace(err);
    }
    return CommandLine.ExitCode.SOFTWARE;
  }

  /** The exception's message on one line; its class name when it has none. */
  static String describe(Throwable e) {
    String message = e.getMessage();
    if (message == null || message.isBlank()) {
      return e.getClass().getSimpleName();
    }
    return oneLine(message);
  }

  private static String oneLine(String message) {
    return message.strip().replaceAll("\\s*\\R\\s*", "; ");
  }

  private static boolean isVerbose(ParseResult result) {
    for (ParseResult r = result; r != null; r = r.subcommand()) {
      if (r.hasMatchedOption("-v")) {
        return true;
      }
    }
    return false;
  }
}
