package org.deepae.robustness;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.regex.Pattern;
import org.deepae.cli.Main;

/** One execution of the real command line with captured output, and the checks every failure must pass. */
record Cli(int exitCode, String out, String err) {
    private static final Pattern EXCEPTION_NAME = Pattern.compile("\\b[A-Z]\\w*(Exception|Error)\\b");
    /** A hidden temporary sibling made by {@code AtomicFiles}, such as {@code .codes.csv.1oy7wfs938kdm.part}. */
    private static final Pattern TEMPORARY_NAME = Pattern.compile("\\.[^/\\s]+\\.[0-9a-z]+\\.(part|old)\\b");

    private static final Pattern JAVA_PACKAGE = Pattern.compile("\\b(java|javax|jdk|sun)\\.[a-z]");

    static Cli run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.commandLine(new PrintWriter(out, true), new PrintWriter(err, true))
                .execute(args);
        return new Cli(code, out.toString(), err.toString());
    }

    /**
     * Checks a clean failure: exit code {@code exit}, and stderr's last line is {@code deepae <command>: ...} naming
     * every one of {@code mentions}, with no stack trace or exception class name anywhere on stderr. Lines before the
     * last are allowed only when {@code allowProgress} (train prints what it is about to do).
     */
    Cli failsCleanly(int exit, String command, String... mentions) {
        String text = err.strip();
        assertThat(exitCode).as("exit code; stderr: %s", err).isEqualTo(exit);
        assertThat(text).as("stderr").isNotEmpty().doesNotContain("\tat ");
        assertNoInternals(text);
        assertThat(text.lines().count()).as("stderr is one line: %s", text).isEqualTo(1);
        assertThat(text).startsWith("deepae " + command + ": ");
        for (String mention : mentions) {
            assertThat(text).as("stderr names '%s'", mention).contains(mention);
        }
        assertThat(out).as("stdout").isEmpty();
        return this;
    }

    /**
     * Checks a clean failure of a command that had started its work: exit code {@code exit}, and stderr's last line is
     * {@code deepae <command>: ...} naming every one of {@code mentions}; the lines before it are progress (what the
     * command is about to do), and no line holds a stack trace, an exception class name or a temporary file's name.
     */
    Cli failsCleanlyAfterProgress(int exit, String command, String... mentions) {
        String text = err.strip();
        assertThat(exitCode).as("exit code; stderr: %s", err).isEqualTo(exit);
        assertThat(text).as("stderr").isNotEmpty().doesNotContain("\tat ");
        assertNoInternals(text);
        String last = text.lines().reduce((a, b) -> b).orElseThrow();
        assertThat(last).startsWith("deepae " + command + ": ");
        for (String mention : mentions) {
            assertThat(last).as("the last line names '%s'", mention).contains(mention);
        }
        return this;
    }

    private static void assertNoInternals(String text) {
        assertThat(EXCEPTION_NAME.matcher(text).find())
                .as("an exception class name on stderr: %s", text)
                .isFalse();
        assertThat(JAVA_PACKAGE.matcher(text).find())
                .as("a Java package name on stderr: %s", text)
                .isFalse();
        assertThat(TEMPORARY_NAME.matcher(text).find())
                .as("a temporary file's name on stderr: %s", text)
                .isFalse();
    }

    /** Checks success. */
    Cli succeeds() {
        assertThat(exitCode).as("exit code; stderr: %s", err).isZero();
        return this;
    }
}
