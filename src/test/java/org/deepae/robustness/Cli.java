package org.deepae.robustness;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.regex.Pattern;
import org.deepae.cli.Main;

/** One execution of the real command line with captured output, and the checks every failure must pass. */
record Cli(int exitCode, String out, String err) {
  private static final Pattern EXCEPTION_NAME = Pattern.compile("\\b[A-Z]\\w*(Exception|Error)\\b");

  static Cli run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.commandLine(new PrintWriter(out, true), new PrintWriter(err, true)).execute(args);
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
    assertThat(EXCEPTION_NAME.matcher(text).find()).as("an exception class name on stderr: %s", text).isFalse();
    assertThat(text.lines().count()).as("stderr is one line: %s", text).isEqualTo(1);
    assertThat(text).startsWith("deepae " + command + ": ");
    for (String mention : mentions) {
      assertThat(text).as("stderr names '%s'", mention).contains(mention);
    }
    assertThat(out).as("stdout").isEmpty();
    return this;
  }

  /** Checks success. */
  Cli succeeds() {
    assertThat(exitCode).as("exit code; stderr: %s", err).isZero();
    return this;
  }
}
