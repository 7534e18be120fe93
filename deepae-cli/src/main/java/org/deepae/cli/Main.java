package org.deepae.cli;

import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.Spec;

/** The {@code deepae} command: a root with subcommands. Loads no TensorFlow until a subcommand needs it. */
@Command(
        name = "deepae",
        mixinStandardHelpOptions = true,
        versionProvider = Version.class,
        description = "Deep autoencoders on TensorFlow Java.",
        subcommands = {
            TrainCommand.class,
            EncodeCommand.class,
            DecodeCommand.class,
            ReconstructCommand.class,
            SampleCommand.class,
            InterpolateCommand.class,
            EvaluateCommand.class,
            ExportCommand.class,
            CompareCommand.class,
            LatentCommand.class,
            AnomaliesCommand.class,
            ReportCommand.class,
            PcaCommand.class,
            BenchCommand.class,
            CommandLine.HelpCommand.class
        })
public final class Main implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "missing command (for example 'deepae train')");
    }

    /** A configured command line writing to the given streams; tests call {@code execute} on it. */
    public static CommandLine commandLine(PrintWriter out, PrintWriter err) {
        CommandLine cl = new CommandLine(new Main());
        cl.setOut(out);
        cl.setErr(err);
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.setParameterExceptionHandler(ErrorReporting::onBadOptions);
        cl.setExecutionExceptionHandler(ErrorReporting::onFailure);
        cl.setExecutionStrategy(Main::executeReportingErrors);
        return cl;
    }

    /**
     * Runs the chosen command; an {@link Error} (out of memory, a stack overflow), which picocli lets through, is
     * reported on one line like any failure, exit code 1, with the stack trace only with {@code -v}.
     */
    private static int executeReportingErrors(ParseResult parseResult) {
        try {
            return new CommandLine.RunLast().execute(parseResult);
        } catch (Error e) {
            return ErrorReporting.onError(e, parseResult);
        }
    }

    public static void main(String[] args) {
        StandardError.install();
        // the platform's charset, as System.out's own (Java 17 has no System.out.charset())
        PrintWriter out = new PrintWriter(new OutputStreamWriter(System.out, Charset.defaultCharset()), true);
        PrintWriter err = new PrintWriter(new OutputStreamWriter(System.err, Charset.defaultCharset()), true);
        int code = commandLine(out, err).execute(args);
        out.flush();
        err.flush();
        System.exit(code);
    }
}
