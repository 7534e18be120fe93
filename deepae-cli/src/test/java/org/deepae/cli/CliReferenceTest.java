package org.deepae.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.deepae.io.AtomicFiles;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Help;

/**
 * docs/cli.md is the command line's own usage help, every command's, so that no option table is kept by hand. This
 * test fails when the file is stale; {@code -Ddeepae.docs.update=true} rewrites it (see DEVELOPERS.md).
 */
class CliReferenceTest {

    private static final Path REFERENCE = Path.of("..", "docs", "cli.md");
    private static final int WIDTH = 110;

    @Test
    void docsCliMdIsTheUsageHelpOfEveryCommand() throws IOException {
        String generated = reference();
        if (Boolean.getBoolean("deepae.docs.update")) {
            AtomicFiles.write(REFERENCE, generated.getBytes(StandardCharsets.UTF_8));
        }
        assertThat(REFERENCE).as("docs/cli.md exists").exists();
        assertThat(Files.readString(REFERENCE))
                .as("docs/cli.md is stale: regenerate it with ./mvnw -pl deepae-cli -am test -Dtest=CliReferenceTest "
                        + "-Dsurefire.failIfNoSpecifiedTests=false -Ddeepae.docs.update=true")
                .isEqualTo(generated);
    }

    @Test
    void everyCommandHasADescriptionAndEveryOptionAnExplanation() {
        CommandLine root = commandLine();
        for (Map.Entry<String, CommandLine> command : root.getSubcommands().entrySet()) {
            assertThat(command.getValue().getCommandSpec().usageMessage().description())
                    .as("description of %s", command.getKey())
                    .isNotEmpty();
            command.getValue().getCommandSpec().options().stream()
                    .filter(option -> !option.hidden())
                    .forEach(option -> assertThat(option.description())
                            .as("%s %s", command.getKey(), option.longestName())
                            .isNotEmpty());
        }
    }

    /** The reference: the root command's help, then each command's, in the order of {@code deepae --help}. */
    static String reference() {
        CommandLine root = commandLine();
        StringBuilder md = new StringBuilder();
        md.append("# Command-line reference\n\n")
                .append("<!-- Generated from picocli's usage help by CliReferenceTest; do not edit by hand. -->\n\n")
                .append("Every command's `--help`, as `./deepae COMMAND --help` prints it. ")
                .append("Guides: [training](training.md), [own data](own-data.md), [analysis](analysis.md).\n\n");
        md.append("## deepae\n\n");
        block(md, root);
        for (Map.Entry<String, CommandLine> command : root.getSubcommands().entrySet()) {
            if (command.getKey().equals("help")) {
                continue;
            }
            md.append("## deepae ").append(command.getKey()).append("\n\n");
            block(md, command.getValue());
        }
        return md.toString();
    }

    private static void block(StringBuilder md, CommandLine command) {
        String usage = command.getUsageMessage(Help.Ansi.OFF).stripTrailing();
        md.append("```text\n").append(usage.replaceAll("[ \\t]+\n", "\n")).append("\n```\n\n");
    }

    private static CommandLine commandLine() {
        CommandLine cl = Main.commandLine(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()));
        cl.setUsageHelpWidth(WIDTH);
        cl.setUsageHelpLongOptionsMaxWidth(30);
        return cl;
    }
}
