package org.deepae.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** An {@link Error} in a command (out of memory, a stack overflow) is one line on stderr and exit code 1. */
class ErrorsAsOneLineTest {

    @Command(name = "fail")
    static final class Failing implements Callable<Integer> {
        @Option(names = "--kind")
        String kind;

        @Option(names = "-v")
        boolean verbose;

        @Override
        public Integer call() {
            switch (kind) {
                case "memory" -> throw new OutOfMemoryError("Java heap space");
                case "stack" -> throw new StackOverflowError();
                default -> throw new NoClassDefFoundError("org/example/Missing");
            }
        }
    }

    private static CommandRun run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = Main.commandLine(new PrintWriter(out, true), new PrintWriter(err, true));
        cl.addSubcommand("fail", new Failing());
        cl.setOut(new PrintWriter(out, true)); // again, for the subcommand added after the streams were set
        cl.setErr(new PrintWriter(err, true));
        return new CommandRun(cl.execute(args), out.toString(), err.toString());
    }

    @Test
    void outOfMemoryIsOneLineWithAdvice() {
        CommandRun run = run("fail", "--kind", "memory");
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err().strip())
                .isEqualTo("deepae fail: out of memory (Java heap space); give Java more with "
                        + "DEEPAE_JAVA_OPTS=-Xmx<size>, or use smaller data or a smaller network");
    }

    @Test
    void stackOverflowAndOtherErrorsAreOneLineToo() {
        CommandRun stack = run("fail", "--kind", "stack");
        assertThat(stack.exitCode()).isEqualTo(1);
        assertThat(stack.err().strip())
                .isEqualTo("deepae fail: the call stack overflowed; the input is nested too deeply");
        CommandRun other = run("fail", "--kind", "linkage");
        assertThat(other.exitCode()).isEqualTo(1);
        assertThat(other.err().strip())
                .isEqualTo("deepae fail: internal error: org/example/Missing (run with -v for details)");
    }

    @Test
    void verboseAddsTheStackTrace() {
        CommandRun run = run("fail", "--kind", "memory", "-v");
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).startsWith("deepae fail: out of memory").contains("\tat ");
    }
}
