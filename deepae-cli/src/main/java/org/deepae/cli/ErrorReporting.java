package org.deepae.cli;

import java.io.PrintWriter;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.deepae.data.Quoted;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * How the command line reports problems: one line naming what is wrong, exit code 2 for bad options and 1 for bad
 * files or failures; the stack trace only with {@code -v}. A line quotes at most a short prefix of a long value (see
 * {@link #shorten}), so that a megabyte option value is never echoed whole.
 */
final class ErrorReporting {

    /** A qualified exception class name as {@code Throwable.toString()} puts it before a message. */
    private static final Pattern JAVA_EXCEPTION =
            Pattern.compile("\\b(?:[a-z][\\w$]*\\.)+[A-Z][\\w$]*(?:Exception|Error)\\b(?::\\s*)?");

    /** The longest run of characters without whitespace, or quoted segment, that a line quotes in full. */
    static final int LONGEST_VALUE = 200;
    /** The longest line printed about a problem. */
    static final int LONGEST_LINE = 2_000;

    /** A quoted segment longer than {@link #LONGEST_VALUE}; a quote inside a word ("can't") opens none. */
    private static final Pattern LONG_QUOTED =
            Pattern.compile("(?<![\\w])(['\"])([^'\"\\r\\n]{" + (LONGEST_VALUE + 1) + ",})\\1(?![\\w])");

    private static final Pattern LONG_RUN = Pattern.compile("\\S{" + (LONGEST_VALUE + 1) + ",}");

    private ErrorReporting() {}

    static int onBadOptions(ParameterException e, String[] args) {
        CommandLine cl = e.getCommandLine();
        String help = " (see '" + cl.getCommandSpec().qualifiedName() + " --help')";
        String line = cl.getCommandSpec().qualifiedName() + ": " + oneLine(String.valueOf(e.getMessage()));
        cl.getErr().println(capped(line, LONGEST_LINE - help.length()) + help);
        return CommandLine.ExitCode.USAGE;
    }

    static int onFailure(Exception e, CommandLine cl, ParseResult parseResult) {
        return report(cl, describe(e), e, parseResult);
    }

    /**
     * Reports an {@link Error} (out of memory, a stack overflow), which picocli lets through, like any failure: one
     * line, with advice where there is some, exit code 1.
     */
    static int onError(Error e, ParseResult parseResult) {
        ParseResult last = parseResult;
        while (last.subcommand() != null) {
            last = last.subcommand();
        }
        String message;
        if (e instanceof OutOfMemoryError) {
            message = "out of memory (" + describe(e) + "); give Java more with DEEPAE_JAVA_OPTS=-Xmx<size>, or use "
                    + "smaller data or a smaller network";
        } else if (e instanceof StackOverflowError) {
            message = "the call stack overflowed; the input is nested too deeply";
        } else {
            message = "internal error: " + describe(e) + " (run with -v for details)";
        }
        return report(last.commandSpec().commandLine(), message, e, parseResult);
    }

    private static int report(CommandLine cl, String message, Throwable e, ParseResult parseResult) {
        PrintWriter err = cl.getErr();
        err.println(capped(cl.getCommandSpec().qualifiedName() + ": " + message, LONGEST_LINE));
        if (isVerbose(parseResult)) {
            e.printStackTrace(err);
        }
        err.flush();
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
            return e.getCause() != null
                    ? describe(e.getCause())
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
        return shorten(message.strip().replaceAll("\\s*\\R\\s*", "; "));
    }

    /**
     * {@code line} with every quoted segment, and every run without whitespace, longer than {@link #LONGEST_VALUE}
     * characters cut to its first {@link Quoted#PREFIX} characters and {@code "... (N characters)"}, and the whole
     * cut to {@link #LONGEST_LINE} characters.
     */
    static String shorten(String line) {
        String quoted = LONG_QUOTED
                .matcher(line)
                .replaceAll(m -> Matcher.quoteReplacement(m.group(1) + prefix(m.group(2)) + m.group(1)));
        String runs = LONG_RUN.matcher(quoted).replaceAll(m -> {
            String run = m.group();
            int end = run.length();
            while (end > 0 && ":;,.)".indexOf(run.charAt(end - 1)) >= 0) {
                end--; // a path's colon or comma belongs to the message, not to the path
            }
            return Matcher.quoteReplacement(prefix(run.substring(0, end)) + run.substring(end));
        });
        return capped(runs, LONGEST_LINE);
    }

    /**
     * The start of {@code value} and its length; a path (a value with a {@code /}) keeps its end too, since its file
     * name is what says which file a message is about.
     */
    private static String prefix(String value) {
        String end = "";
        if (value.indexOf('/') >= 0) {
            int from = value.length() - Quoted.PREFIX;
            if (Character.isLowSurrogate(value.charAt(from))) {
                from++;
            }
            end = value.substring(from);
        }
        return Quoted.prefix(value) + "..." + end + String.format(Locale.ROOT, " (%,d characters)", value.length());
    }

    /** {@code line} cut to at most {@code limit} characters, saying how long it was. */
    private static String capped(String line, int limit) {
        if (line.length() <= limit) {
            return line;
        }
        String tail = String.format(Locale.ROOT, "... (%,d characters in all)", line.length());
        return line.substring(0, limit - tail.length()) + tail;
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
