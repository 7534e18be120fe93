package org.deepae.cli;

import java.io.PrintWriter;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * What every command that mixes this in has: {@code -h}, {@code -V} and {@code -v}, options listed in the order they
 * are declared, the descriptions of shared options ({@code OptionDescriptions.properties}), and the command's streams.
 */
@Command(mixinStandardHelpOptions = true, sortOptions = false, resourceBundle = "org.deepae.cli.OptionDescriptions")
final class CommandContext {

    @Spec(Spec.Target.MIXEE)
    CommandSpec command;

    @Mixin
    VerboseOption verbose;

    /** The command that mixes this in. */
    CommandSpec spec() {
        return command;
    }

    /** The command line of the command that mixes this in. */
    CommandLine commandLine() {
        return command.commandLine();
    }

    /** A bad option: picocli reports it on one line, exit code 2. */
    ParameterException badOption(String message) {
        return new ParameterException(commandLine(), message);
    }

    /** Standard output, where results go. */
    PrintWriter out() {
        return commandLine().getOut();
    }

    /** Prints {@code notes} to standard error, each as {@code note: ...}. */
    void notes(List<String> notes) {
        PrintWriter err = commandLine().getErr();
        notes.forEach(note -> err.println("note: " + note));
        err.flush();
    }

    /** Prints the result {@code lines} to standard output; the command's exit code, 0. */
    int done(String... lines) {
        PrintWriter out = out();
        for (String line : lines) {
            out.println(line);
        }
        out.flush();
        return CommandLine.ExitCode.OK;
    }
}
