package org.deepae.cli;

import picocli.CommandLine.Option;

/** The {@code -v} option: show stack traces with error messages. */
public final class VerboseOption {

    @Option(
            names = {"-v", "--verbose"},
            description = "Print stack traces with errors.")
    boolean verbose;
}
