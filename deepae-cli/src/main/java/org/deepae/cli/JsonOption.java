package org.deepae.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import picocli.CommandLine.Option;

/** The {@code --json} option: results as JSON on standard output instead of text. */
final class JsonOption {

    @Option(names = "--json", descriptionKey = "json", description = "Print the results as JSON.")
    boolean enabled;

    /** Whether the results are printed as JSON. */
    boolean isEnabled() {
        return enabled;
    }

    /** Prints {@code root} as indented JSON. */
    static void print(PrintWriter out, JsonNode root) {
        out.println(root.toPrettyString());
    }
}
