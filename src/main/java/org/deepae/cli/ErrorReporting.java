package org.deepae.cli;

import java.io.PrintWriter;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.util.regex.Pattern;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * How the command line reports problems: one line naming what is wrong, exit code 2 for bad options and 1 for bad
 * files or failures; the stack trace only with {@code -v}.
 */
final class ErrorReporting {

  /** A qualified exception class name as {@code Throwable.toString()} puts it before a message. */
  private static final Pattern JAVA_EXCEPTION =
      Pattern.compile("\\b(?:[a-z][\\w$]*\\.)+[A-Z][\\w$]*(?:Exception|Error)\\b(?::\\s*)?");

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

  /**
   * The exception's message on one line, without Java class names: a file system failure as {@code <file>: <reason>}
   * ("Permission denied", "Not a directory", "No space left on device"), an exception embedded in a message by its
   * own description, and for an exception without a message the first message among its causes.
   */
  static String describe(Throwable e) {
    if (e instanceof FileSystemException fs) {
      return describeFileSystem(fs);
    }
    String message = e.getMessage();
    if (message == null || message.isBlank()) {
      return e.getCause() != null ? describe(e.getCause())
          : "an internal error without a message (run again with -v to see where)";
    }
    for (Throwable cause = e.getCause(); cause != null && cause != cause.getCause(); cause = cause.getCause()) {
      message = message.replace(cause.toString(), describe(cause));
    }
    return oneLine(JAVA_EXCEPTION.matcher(message).replaceAll(""));
  }

  private static String describeFileSystem(FileSystemException e) {
    String reason = e.getReason() != null ? e.getReason() : defaultReason(e);
    if (e.getFile() == null) {
      return oneLine(reason);
    }
    return oneLine(e.getFile() + (e.getOtherFile() == null ? "" : " -> " + e.getOtherFile()) + ": " + reason);
  }

  /** The operating system's words for the failures java.nio reports without a reason. */
  private static String defaultReason(FileSystemException e) {
    if (e instanceof AccessDeniedException) {
      return "Permission denied";
    } else if (e instanceof NoSuchFileException) {
      return "No such file or directory";
    } else if (e instanceof NotDirectoryException) {
      return "Not a directory";
    } else if (e instanceof FileAlreadyExistsException) {
      return "File exists";
    } else if (e instanceof DirectoryNotEmptyException) {
      return "Directory not empty";
    } else if (e instanceof FileSystemLoopException) {
      return "Too many levels of symbolic links";
    }
    return "cannot be used";
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
