package org.deepae.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The {@code --data-dir} option of every command that reads a catalogue dataset: where downloads are kept. */
final class DataDirOption {

    @Option(
            names = "--data-dir",
            paramLabel = "DIR",
            description = "Cache for downloaded datasets (default: $DEEPAE_HOME or ~/.cache/deepae).")
    private Path dir;

    /** The directory given, or null for the default ({@code CatalogConfig.defaultCacheDir()}). */
    Path get() {
        return dir;
    }
}
