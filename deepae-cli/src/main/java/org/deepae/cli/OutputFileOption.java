package org.deepae.cli;

import java.nio.file.Path;
import org.deepae.data.RowFormat;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The {@code --out FILE} option of the commands that write one file; what the file holds is described per command in
 * {@code OptionDescriptions.properties} (key {@code out}).
 */
final class OutputFileOption {

    @Spec(Spec.Target.MIXEE)
    CommandSpec command;

    @Option(
            names = "--out",
            required = true,
            paramLabel = "FILE",
            descriptionKey = "out",
            description = "The output file; its name ending chooses the format.")
    Path path;

    /** Checks the file before any work: its name must end as one of {@code formats} writes files. */
    OutputFile check(RowFormat... formats) {
        return OutputFile.check(command.commandLine(), path, formats);
    }

    /** Checks the file before any work: its name must end in {@code .<ending>}. */
    Path check(String ending) {
        return OutputFile.check(command.commandLine(), path, ending);
    }
}
